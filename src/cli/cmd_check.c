/*
 * cmd_check.c - `litera check`: check every URL and DOI of bibliography
 * files (anything litera reads: BibTeX, CSL-JSON, RIS, ...) or documents
 * (through extraction), and report a verdict per link as text, JSON,
 * Markdown or JUnit.  Exit 0 when nothing is broken, 4 (EXIT_BROKEN) when
 * a link or DOI is broken or malformed, so the command can gate CI.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "litera/check.h"
#include "litera/extract.h"

enum {
	O_FORMAT = 'f', O_OUT = 'o', O_HELP = 'h', O_CONC = 'j', O_FROM = 'F',
	O_PERHOST = 1000, O_TIMEOUT, O_NOCACHE, O_MAXAGE, O_ENRICH, O_MAILTO,
	O_DOIBASE, O_HANDLEBASE, O_WAYBACKBASE, O_CAFILE, O_CACHE, O_NOWAYBACK,
	O_HEAD, O_RETRIES, O_UA, O_ENRICHED, O_NOPROGRESS, O_NODOI, O_LANDING
};

static const cli_opt opts[] = {
	{ O_FORMAT, 'f', "format", "FMT", "report format: text (default), json, markdown, junit" },
	{ O_OUT, 'o', "output", "FILE", "write the report to FILE (atomically) instead of standard output" },
	{ O_FROM, 0, "from", "FMT", "input format of bibliography files (default: detect)" },
	{ O_CONC, 'j', "concurrency", "N", "transfers in flight (default 32)" },
	{ O_PERHOST, 0, "per-host", "N", "transfers in flight per host (default 4)" },
	{ O_TIMEOUT, 0, "timeout", "S", "seconds per transfer (default 20; connect timeout is half, at most 10)" },
	{ O_RETRIES, 0, "retries", "N", "retries of transient failures: 429, 5xx, timeouts, drops (default 3)" },
	{ O_HEAD, 0, "head", "WHEN", "send HEAD first: auto (large files only, default), always, never" },
	{ O_NOCACHE, 0, "no-cache", NULL, "neither read nor write the result cache" },
	{ O_MAXAGE, 0, "max-age", "D", "reuse cached results younger than D days (or 12h, 30m, 90s; default 1d)" },
	{ O_CACHE, 0, "cache", "FILE", "cache file (default $XDG_CACHE_HOME/litera/links.sqlite)" },
	{ O_ENRICH, 0, "enrich", NULL, "fetch DOI metadata, fill missing fields, flag DOIs that point to another work" },
	{ O_ENRICHED, 0, "enriched", "FILE", "with --enrich: write the completed records to FILE (.bib, .ris, else CSL-JSON)" },
	{ O_NODOI, 0, "no-doi", NULL, "do not check DOIs" },
	{ O_LANDING, 0, "landing", NULL, "also open each DOI's landing page (reported apart: a walled page is not a dead DOI)" },
	{ O_NOWAYBACK, 0, "no-wayback", NULL, "do not look up archived copies of dead links" },
	{ O_MAILTO, 0, "mailto", "ADDR", "contact address sent in the User-Agent (polite API pools)" },
	{ O_UA, 0, "user-agent", "UA", "replace the User-Agent entirely" },
	{ O_CAFILE, 0, "ca-file", "FILE", "trust the CA certificates in FILE (PEM) instead of the system's" },
	{ O_DOIBASE, 0, "doi-base", "URL", "DOI resolver for content negotiation (default https://doi.org)" },
	{ O_HANDLEBASE, 0, "handle-base", "URL", "handle API base: URL/api/handles/DOI (default https://doi.org)" },
	{ O_WAYBACKBASE, 0, "wayback-base", "URL", "Wayback availability API base (default https://archive.org)" },
	{ O_NOPROGRESS, 0, "no-progress", NULL, "no progress bar (shown on standard error when it is a terminal)" },
	{ O_HELP, 'h', "help", NULL, "show this help" },
	{ 0, 0, NULL, NULL, NULL }
};

static const char synopsis[] = "FILE... [--format text|json|markdown|junit] [-o OUT] [options]";
static const char description[] =
	"Check every URL and DOI in bibliography files or documents.  Each link gets a\n"
	"verdict: ok, redirect (permanent or temporary, with the final URL), broken\n"
	"(404, 410, DNS failure, refused, redirect loop, unknown DOI, DOI pointing to\n"
	"another work), unverifiable (401, 403, 429, 999: blocked or rate limited,\n"
	"not dead), server-error, timeout, tls-error, malformed (with a suggested\n"
	"repair).  Dead and blocked links get the closest Wayback Machine copy to the\n"
	"reference's access date.  Results are cached (--no-cache, --max-age).\n"
	"Exit status: 0 when nothing is broken, 4 when a link or DOI is broken or\n"
	"malformed, 1 bad input, 2 usage, 3 I/O.";

typedef struct progress {
	int on;
	double last;
	size_t shown;
} progress;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_progress(size_t done, size_t total, void *data)
{
	progress *p = data;
	double t = now_s();
	if (!p->on || (done < total && t - p->last < 0.1))
		return;
	p->last = t;
	int width = 30, fill = total ? (int)((double)done * width / (double)total) : width;
	char bar[64];
	for (int i = 0; i < width; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[width] = '\0';
	fprintf(stderr, "\rchecking [%s] %zu/%zu", bar, done, total);
	fflush(stderr);
	p->shown = 1;
}

/* Parse a duration: bare number = days; suffix s, m, h, d. */
static int parse_age(const char *s, long *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || errno || v < 0)
		return -1;
	double mul = 86400;
	if (*end == 's')
		mul = 1;
	else if (*end == 'm')
		mul = 60;
	else if (*end == 'h')
		mul = 3600;
	else if (*end == 'd')
		mul = 86400;
	else if (*end)
		return -1;
	if (*end && end[1])
		return -1;
	if (v * mul > 1e9)
		return -1;
	*out = (long)(v * mul);
	return 0;
}

static int parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* The default cache file; creates its directory.  NULL when impossible. */
static char *default_cache(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char dir[4096];
	if (xdg && *xdg)
		snprintf(dir, sizeof dir, "%s", xdg);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/.cache", home);
	else
		return NULL;
	mkdir(dir, 0700);
	size_t n = strlen(dir);
	snprintf(dir + n, sizeof dir - n, "/litera");
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return NULL;
	size_t len = strlen(dir) + 32;
	char *p = malloc(len);
	if (p)
		snprintf(p, len, "%s/links.sqlite", dir);
	return p;
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && strcasecmp(path + n - e, ext) == 0;
}

/* Documents go through extraction; everything else through the readers. */
static int is_document(const char *path)
{
	static const char *const ext[] = { ".pdf", ".docx", ".html", ".htm", ".md", ".markdown",
	                                   ".txt", ".tei", ".jats", NULL };
	for (size_t i = 0; ext[i]; i++)
		if (has_ext(path, ext[i]))
			return 1;
	return 0;
}

/* The format of a file's content, or NULL when no bibliography reader
 * recognises it (then it is a document for extraction). */
static const char *detect_file_format(const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	const char *name = NULL;
	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	char *text = NULL;
	size_t tlen = 0;
	if (lit_decode_text(buf, n, NULL, &text, &tlen, NULL, NULL) == LIT_OK) {
		name = lit_detect_format(text, tlen);
		lit_free(text);
	}
	return name;
}

static int read_input(lit_records *recs, const char *path, const char *from)
{
	lit_error err;
	lit_error_clear(&err);
	int stdin_ = strcmp(path, "-") == 0;
	/* documents go through extraction: by name, or because no
	 * bibliography reader recognises the content */
	if (!from && !stdin_ && (is_document(path) || !detect_file_format(path))) {
		FILE *probe = fopen(path, "rb");
		if (!probe) {
			cli_errorf("%s: cannot open: %s", path, strerror(errno));
			return EXIT_IO;
		}
		fclose(probe);
		lit_extract_options eo = LIT_EXTRACT_OPTIONS_INIT;
		int rc = lit_extract_file(recs, path, &eo, NULL, &err);
		if (rc) {
			cli_report(&err);
			return cli_exit_code(rc);
		}
		return EXIT_OK;
	}
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	ro.format = from;
	int rc = lit_read_file(recs, path, &ro, &err);
	if (rc == LIT_OK)
		return EXIT_OK;
	cli_report(&err);
	return cli_exit_code(rc);
}

static const char *write_format_for(const char *path)
{
	if (has_ext(path, ".bib"))
		return "bibtex";
	if (has_ext(path, ".ris"))
		return "ris";
	return "csljson";
}

int cmd_check(int argc, char **argv)
{
	cli_parser p;
	lit_check_options o = LIT_CHECK_OPTIONS_INIT;
	const char *format = "text", *out = NULL, *from = NULL, *cache = NULL, *enriched = NULL;
	char **files = NULL;
	int nfiles = 0, id, no_progress = 0, rc = EXIT_OK;
	long v;

	files = calloc((size_t)argc + 1, sizeof *files);
	if (!files) {
		cli_errorf("check: out of memory");
		return EXIT_INTERNAL;
	}
	cli_parser_init(&p, "check", argc, argv, opts);
	while ((id = cli_next(&p)) != -1) {
		switch (id) {
		case -2:
			free(files);
			return EXIT_USAGE;
		case 0:
			files[nfiles++] = (char *)p.value;
			break;
		case O_HELP:
			cli_print_help(stdout, "check", synopsis, description, opts);
			free(files);
			return EXIT_OK;
		case O_FORMAT:
			if (strcmp(p.value, "text") && strcmp(p.value, "json") && strcmp(p.value, "markdown") &&
			    strcmp(p.value, "md") && strcmp(p.value, "junit")) {
				cli_errorf("check: unknown format '%s' (text, json, markdown, junit)", p.value);
				free(files);
				return EXIT_USAGE;
			}
			format = p.value;
			break;
		case O_OUT: out = p.value; break;
		case O_FROM: from = p.value; break;
		case O_CONC:
		case O_PERHOST:
		case O_RETRIES:
			if (parse_int(p.value, id == O_RETRIES ? 0 : 1, 4096, &v)) {
				cli_errorf("check: invalid number '%s'", p.value);
				free(files);
				return EXIT_USAGE;
			}
			if (id == O_CONC)
				o.concurrency = (int)v;
			else if (id == O_PERHOST)
				o.per_host = (int)v;
			else
				o.max_retries = v == 0 ? -1 : (int)v;
			break;
		case O_TIMEOUT: {
			char *end;
			double s = strtod(p.value, &end);
			if (end == p.value || *end || s <= 0 || s > 3600) {
				cli_errorf("check: invalid timeout '%s' (seconds)", p.value);
				free(files);
				return EXIT_USAGE;
			}
			o.timeout_ms = (long)(s * 1000);
			o.connect_timeout_ms = o.timeout_ms / 2 < 10000 ? o.timeout_ms / 2 : 10000;
			if (o.connect_timeout_ms < 1)
				o.connect_timeout_ms = 1;
			break;
		}
		case O_HEAD:
			if (!strcmp(p.value, "auto"))
				o.head = LIT_HEAD_AUTO;
			else if (!strcmp(p.value, "always"))
				o.head = LIT_HEAD_ALWAYS;
			else if (!strcmp(p.value, "never"))
				o.head = LIT_HEAD_NEVER;
			else {
				cli_errorf("check: --head takes auto, always or never");
				free(files);
				return EXIT_USAGE;
			}
			break;
		case O_NOCACHE: o.no_cache = 1; break;
		case O_MAXAGE:
			if (parse_age(p.value, &o.max_age_s)) {
				cli_errorf("check: invalid age '%s' (days, or 12h, 30m, 90s)", p.value);
				free(files);
				return EXIT_USAGE;
			}
			if (o.max_age_s == 0)
				o.no_cache = 1;
			break;
		case O_CACHE: cache = p.value; break;
		case O_ENRICH: o.enrich = 1; break;
		case O_ENRICHED: enriched = p.value; o.enrich = 1; break;
		case O_NODOI: o.no_doi = 1; break;
		case O_LANDING: o.check_landing = 1; break;
		case O_NOWAYBACK: o.no_wayback = 1; break;
		case O_MAILTO: o.mailto = p.value; break;
		case O_UA: o.user_agent = p.value; break;
		case O_CAFILE: o.ca_file = p.value; break;
		case O_DOIBASE: o.doi_base = p.value; break;
		case O_HANDLEBASE: o.handle_base = p.value; break;
		case O_WAYBACKBASE: o.wayback_base = p.value; break;
		case O_NOPROGRESS: no_progress = 1; break;
		default:
			free(files);
			return EXIT_USAGE;
		}
	}
	if (nfiles == 0) {
		cli_errorf("check: no input files (see 'litera check --help')");
		free(files);
		return EXIT_USAGE;
	}

	lit_records *recs = lit_records_new();
	if (!recs) {
		free(files);
		cli_errorf("check: out of memory");
		return EXIT_INTERNAL;
	}
	for (int i = 0; i < nfiles && rc == EXIT_OK; i++)
		rc = read_input(recs, files[i], from);
	free(files);
	if (rc != EXIT_OK) {
		lit_records_free(recs);
		return rc;
	}

	char *cache_path = NULL;
	if (!o.no_cache) {
		cache_path = cache ? strdup(cache) : default_cache();
		o.cache_path = cache_path;
	}
	progress prog = { 0, 0, 0 };
	prog.on = !no_progress && isatty(2);
	o.progress = on_progress;
	o.progress_data = &prog;

	lit_checker *chk = NULL;
	lit_check_report *rep = NULL;
	lit_error err;
	lit_error_clear(&err);
	int st = lit_checker_new(&chk, &o, &err);
	if (st != LIT_OK && cache_path && !cache) {
		/* the default cache is a convenience: run without it */
		o.cache_path = NULL;
		lit_error_clear(&err);
		st = lit_checker_new(&chk, &o, &err);
	}
	if (st == LIT_OK)
		st = lit_checker_check_records(chk, recs, &rep, &err);
	if (prog.shown)
		fputs("\n", stderr);
	free(cache_path);
	if (st != LIT_OK) {
		cli_report(&err);
		lit_checker_free(chk);
		lit_records_free(recs);
		return cli_exit_code(st);
	}
	char *text = NULL;
	size_t len = 0;
	st = lit_check_report_render(rep, format, &text, &len, &err);
	if (st == LIT_OK)
		st = lit_write_atomic(out, text, len, &err);
	if (st != LIT_OK) {
		cli_report(&err);
		rc = cli_exit_code(st);
	}
	lit_free(text);
	if (rc == EXIT_OK && enriched) {
		rc = cli_write_output(recs, write_format_for(enriched), enriched);
	}
	if (rc == EXIT_OK && (lit_check_report_tally(rep, LIT_VERDICT_BROKEN) > 0 ||
	                      lit_check_report_tally(rep, LIT_VERDICT_MALFORMED) > 0))
		rc = EXIT_BROKEN;
	lit_check_report_free(rep);
	lit_checker_free(chk);
	lit_records_free(recs);
	return rc;
}
