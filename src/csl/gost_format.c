/*
 * gost_format.c - the "gost" (GOST R 7.0.100-2018 list) and "gost-2008"
 * (GOST R 7.0.5-2008 list) writers of the format table.  They render the
 * records through the CSL engine with the bundled styles (or the style
 * named in lit_write_options.style), as plain UTF-8 text, one entry per
 * line, in the order of the records.
 */
#include <stdlib.h>
#include <string.h>

#include "io/format.h"
#include "litera/csl.h"

static int write_gost_style(lit_wctx *ctx, const lit_records *records, const char *style_name)
{
	lit_csl_style *st = NULL;
	lit_csl_engine *eng = NULL;
	char **ents = NULL;
	size_t n = 0;
	const char *name = ctx->opts && ctx->opts->style ? ctx->opts->style : style_name;
	int rc = lit_csl_style_load(&st, name, NULL, ctx->err);
	if (rc)
		return rc;
	rc = lit_csl_engine_new(&eng, st, records, LIT_CSL_TEXT, ctx->err);
	if (!rc)
		rc = lit_csl_engine_entries(eng, &ents, NULL, &n, ctx->err);
	for (size_t i = 0; !rc && i < n; i++) {
		/* one entry per line: line breaks inside fields become spaces */
		for (char *p = ents[i]; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		lit_buf_puts(ctx->out, ents[i]);
		lit_buf_putc(ctx->out, '\n');
	}
	if (!rc && lit_buf_status(ctx->out))
		rc = lit_error_set(ctx->err, lit_buf_status(ctx->out), NULL, 0, "output too large or out of memory");
	lit_csl_strings_free(ents, n);
	lit_csl_engine_free(eng);
	lit_csl_style_free(st);
	return rc;
}

static int write_gost(lit_wctx *ctx, const lit_records *records)
{
	return write_gost_style(ctx, records, "gost-r-7-0-100-2018");
}

static int write_gost2008(lit_wctx *ctx, const lit_records *records)
{
	return write_gost_style(ctx, records, "gost-r-7-0-5-2008");
}

const lit_format_def lit_format_gost = {
	{ "gost", "GOST R 7.0.100-2018 list (text)", 0, 1 },
	"gost-2018 gost-7.0.100",
	NULL, NULL, NULL, NULL, NULL,
	write_gost
};

const lit_format_def lit_format_gost2008 = {
	{ "gost-2008", "GOST R 7.0.5-2008 list (text)", 0, 1 },
	"gost-7.0.5",
	NULL, NULL, NULL, NULL, NULL,
	write_gost2008
};
