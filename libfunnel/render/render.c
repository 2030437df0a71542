/* SPDX-License-Identifier: MIT */
/* render.c - every format behind one interface: found by name, written. */
#include <string.h>

#include "internal.h"
#include "render.h"
#include "table.h"

static const struct fnl_renderer *const renderers[] = {
	&fnl_csv_renderer, &fnl_tsv_renderer, &fnl_json_renderer,
	&fnl_md_renderer, &fnl_text_renderer, &fnl_svg_renderer,
};

FUNNEL_EXPORT bool funnel_table_has_chart(const struct funnel_table *t)
{
	return t->look.chart.kind != FNL_CHART_NONE;
}

FUNNEL_EXPORT int funnel_format_parse(const char *name, enum funnel_format *fmt)
{
	for (size_t i = 0; i < FNL_ARRAY_SIZE(renderers); i++)
		if (!strcmp(name, renderers[i]->name)) {
			*fmt = renderers[i]->format;
			return 0;
		}
	return FUNNEL_ERR_USAGE;
}

FUNNEL_EXPORT int funnel_table_write_width(const struct funnel_table *t,
					   FILE *fp, enum funnel_format fmt,
					   int precision, unsigned flags,
					   size_t width)
{
	for (size_t i = 0; i < FNL_ARRAY_SIZE(renderers); i++)
		if (renderers[i]->format == fmt) {
			int ret = renderers[i]->write(t, fp, precision, flags,
						      width);

			if (ret < 0)
				return ret;
			return ferror(fp) ? FUNNEL_ERR_IO : 0;
		}
	return FUNNEL_ERR_USAGE;
}

FUNNEL_EXPORT int funnel_table_write(const struct funnel_table *t, FILE *fp,
				     enum funnel_format fmt, int precision,
				     unsigned flags)
{
	return funnel_table_write_width(t, fp, fmt, precision, flags, 0);
}
