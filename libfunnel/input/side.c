/* SPDX-License-Identifier: MIT */
/* side.c - files read beside the main input, with options of their own. */
#include "internal.h"
#include "reader.h"
#include "side.h"

const char *const fnl_side_input_options[FNL_SIDE_INPUT_OPTIONS] = {
	"delimiter", "encoding", "date-format",
};

int fnl_side_input(struct funnel_ctx *ctx, const char *prefix,
		   const char *file, char *const input[FNL_SIDE_INPUT_OPTIONS],
		   struct funnel_input **in)
{
	int ret = 0;

	if (!(*in = funnel_input_new(ctx)))
		return fnl_nomem(ctx);
	fnl_input_prefix_options(*in, prefix);
	for (size_t i = 0; ret == 0 && i < FNL_SIDE_INPUT_OPTIONS; i++)
		if (input[i])
			ret = funnel_input_set(*in, fnl_side_input_options[i],
					       input[i]);
	if (ret == 0 && file)
		ret = funnel_input_add_file(*in, file);
	return ret;
}

int fnl_side_option_check(struct funnel_ctx *ctx, const char *prefix,
			  size_t i, const char *value)
{
	struct funnel_input *in = funnel_input_new(ctx);
	int ret;

	if (!in)
		return fnl_nomem(ctx);
	fnl_input_prefix_options(in, prefix);
	ret = funnel_input_set(in, fnl_side_input_options[i], value);
	funnel_input_free(in);
	return ret;
}

int fnl_side_read(struct funnel_ctx *ctx, const char *prefix,
		  const char *file, char *const input[FNL_SIDE_INPUT_OPTIONS],
		  const struct fnl_reader_client *client)
{
	struct funnel_input *in = NULL;
	int ret = fnl_side_input(ctx, prefix, file, input, &in);

	if (ret == 0)
		ret = fnl_input_read(in, client);
	funnel_input_free(in);
	return ret;
}
