/* SPDX-License-Identifier: MIT */
/*
 * embed.c - libfunnel from a program of your own: the stage funnel of a
 * CRM export, printed as "stage: reached (overall %)".
 *
 *   cc embed.c $(pkg-config --cflags --libs libfunnel) -o embed
 *   ./embed sales_pipeline.csv
 */
#include <funnel.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	struct funnel_ctx *ctx = funnel_ctx_new();
	struct funnel_input *in = ctx ? funnel_input_new(ctx) : NULL;
	struct funnel_stages *st = ctx ? funnel_stages_new(ctx) : NULL;
	struct funnel_table *t = NULL;
	int status = 1;

	if (!in || !st || argc != 2)
		goto out;
	if (funnel_input_add_file(in, argv[1]) < 0 ||
	    funnel_stages_set(st, "stages", "Prospecting,Engaging,Won") < 0 ||
	    funnel_stages_set(st, "stage-date", "Engaging=engage_date") < 0 ||
	    funnel_stages_run(st, in, &t) < 0) {
		fprintf(stderr, "embed: %s\n", funnel_ctx_message(ctx));
		goto out;
	}
	/* Columns: stage, reached, step_conversion, overall_conversion, ... */
	for (size_t row = 0; row < funnel_table_rows(t); row++)
		printf("%s: %lld (%.1f%%)\n", funnel_table_text(t, row, 0),
		       (long long)funnel_table_count(t, row, 1),
		       100 * funnel_table_number(t, row, 3));
	status = 0;
out:
	funnel_table_free(t);
	funnel_stages_free(st);
	funnel_input_free(in);
	funnel_ctx_free(ctx);
	return status;
}
