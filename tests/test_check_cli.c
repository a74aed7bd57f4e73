/*
 * test_check_cli.c - `litera check` end to end: a BibTeX file whose links
 * point at the local test server, every report format, exit codes
 * (0 all fine, 4 broken, 2 usage), -o, the cache and --enrich.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "litera.h"
#include "util/json.h"
#include "servers/linkserver.h"

static test_server srv;
static char dir[64];

static void setup(void)
{
	int rc = ts_start(&srv, 0);
	if (rc == 1)
		cr_skip_test("python3 not available");
	cr_assert_eq(rc, 0, "could not start the test server");
	snprintf(dir, sizeof dir, "/tmp/litera-cli-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	ts_stop(&srv);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (dir[0])
		cr_expect_eq(system(cmd), 0);
}

static void write_file(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

/* Run litera check with args; capture stdout into *out; return exit code. */
static int run(const char *args, char **out)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "cd %s && XDG_CACHE_HOME=%s/cache %s check %s 2>%s/stderr",
	         dir, dir, LITERA_TOOL, args, dir);
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	size_t cap = 1 << 16, len = 0, n;
	char *buf = malloc(cap);
	while ((n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
		len += n;
		if (len + 1 >= cap)
			buf = realloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	int st = pclose(p);
	*out = buf;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void make_bib(void)
{
	char bib[4096];
	snprintf(bib, sizeof bib,
	         "@article{good, title={Checking links in reference lists}, doi={10.1234/good.2020}, year=2020}\n"
	         "@misc{dead, title={Gone}, url={%s/status/404}, urldate={2019-03-07}}\n"
	         "@misc{moved, title={Moved}, url={%s/redirect/308}}\n"
	         "@misc{wall, title={Blocked}, url={%s/status/403}}\n"
	         "@misc{fine, title={Fine}, url={%s/ok}}\n",
	         srv.base, srv.base, srv.base, srv.base);
	write_file("refs.bib", bib);
	snprintf(bib, sizeof bib,
	         "@misc{fine, title={Fine}, url={%s/ok}}\n"
	         "@misc{wall, title={Blocked}, url={%s/status/999}}\n"
	         "@misc{moved, title={Moved}, url={%s/redirect/302}}\n",
	         srv.base, srv.base, srv.base);
	write_file("good.bib", bib);
}

static char *bases(void)
{
	static char b[512];
	snprintf(b, sizeof b, "--handle-base %s --doi-base %s/doi --wayback-base %s", srv.base,
	         srv.base, srv.base);
	return b;
}

static const lit_json *by_id(const lit_json *arr, const char *id)
{
	for (size_t i = 0; i < arr->len; i++) {
		const lit_json *o = lit_json_at(arr, i);
		const char *rid = lit_json_string(lit_json_get(o, "record_id"));
		if (rid && strcmp(rid, id) == 0)
			return o;
	}
	return NULL;
}

Test(check_cli, json_report_and_exit_codes, .init = setup, .fini = teardown, .timeout = 60)
{
	char args[1024], *out;
	make_bib();
	snprintf(args, sizeof args, "refs.bib --no-cache --format json %s", bases());
	int rc = run(args, &out);
	cr_expect_eq(rc, 4, "exit %d", rc);
	lit_json_doc *doc = lit_json_parse(out, strlen(out), NULL, NULL);
	cr_assert_not_null(doc, "not JSON: %s", out);
	const lit_json *arr = lit_json_root(doc);
	cr_assert_eq(arr->type, LIT_JSON_ARRAY);
	cr_expect_eq(arr->len, 5);
	static const char *const keys[] = { "url", "verdict", "http_status", "final_url", "ms",
	                                    "archived_url", "record_id", "message" };
	for (size_t i = 0; i < arr->len; i++)
		for (size_t k = 0; k < 8; k++)
			cr_expect_not_null(lit_json_get(lit_json_at(arr, i), keys[k]), "item %zu lacks %s", i, keys[k]);
	struct { const char *id, *verdict; } want[] = {
		{ "good", "ok" }, { "dead", "broken" }, { "moved", "redirect" }, { "wall", "unverifiable" },
		{ "fine", "ok" }
	};
	for (size_t i = 0; i < 5; i++) {
		const lit_json *o = by_id(arr, want[i].id);
		cr_assert_not_null(o, "%s missing", want[i].id);
		cr_expect_str_eq(lit_json_string(lit_json_get(o, "verdict")), want[i].verdict, "%s", want[i].id);
	}
	const char *arch = lit_json_string(lit_json_get(by_id(arr, "dead"), "archived_url"));
	cr_expect(arch && strstr(arch, "/web/20190307"), "archived %s", arch ? arch : "null");
	lit_json_free(doc);
	free(out);

	/* nothing broken: exit 0 (unverifiable and redirects are not failures) */
	snprintf(args, sizeof args, "good.bib --no-cache %s", bases());
	rc = run(args, &out);
	cr_expect_eq(rc, 0, "exit %d: %s", rc, out);
	cr_expect(strstr(out, "[unverifiable]") != NULL, "%s", out);
	free(out);
}

Test(check_cli, formats_output_file_and_usage, .init = setup, .fini = teardown, .timeout = 60)
{
	char args[1024], *out, path[256];
	make_bib();
	snprintf(args, sizeof args, "refs.bib --no-cache --format junit -o report.xml %s", bases());
	cr_expect_eq(run(args, &out), 4);
	cr_expect_str_eq(out, "");
	free(out);
	snprintf(path, sizeof path, "%s/report.xml", dir);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "no report file");
	char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	cr_expect(strstr(buf, "<testsuites") && strstr(buf, "failures=\"1\""), "%s", buf);
	snprintf(args, sizeof args, "refs.bib --no-cache --format markdown %s", bases());
	cr_expect_eq(run(args, &out), 4);
	cr_expect(strstr(out, "| broken |") != NULL, "%s", out);
	free(out);
	cr_expect_eq(run("--help", &out), 0);
	cr_expect(strstr(out, "--per-host") != NULL);
	free(out);
	cr_expect_eq(run("refs.bib --format yaml", &out), 2);
	free(out);
	cr_expect_eq(run("refs.bib --concurrency 0", &out), 2);
	free(out);
	cr_expect_eq(run("", &out), 2);
	free(out);
	cr_expect_eq(run("missing.bib --no-cache", &out), 3);
	free(out);
	/* a broken bibliography is bad input (exit 1), not a document */
	write_file("bad.bib", "@article{x, title={Broken\n");
	cr_expect_eq(run("bad.bib --no-cache", &out), 1);
	free(out);
	char epath[300], err[512] = "";
	snprintf(epath, sizeof epath, "%s/stderr", dir);
	FILE *ef = fopen(epath, "r");
	cr_assert_not_null(ef);
	size_t en = fread(err, 1, sizeof err - 1, ef);
	err[en] = '\0';
	fclose(ef);
	cr_expect(strstr(err, "bad.bib:1:") != NULL, "%s", err);
}

Test(check_cli, cache_and_enrich, .init = setup, .fini = teardown, .timeout = 60)
{
	char args[1024], *out, path[256];
	make_bib();
	snprintf(args, sizeof args, "good.bib --format json %s", bases());
	cr_expect_eq(run(args, &out), 0);
	cr_expect(strstr(out, "\"cached\"") == NULL);
	free(out);
	cr_expect_eq(run(args, &out), 0);
	cr_expect(strstr(out, "\"cached\": true") != NULL, "second run not cached: %s", out);
	free(out);
	snprintf(path, sizeof path, "%s/cache/litera/links.sqlite", dir);
	FILE *f = fopen(path, "r");
	cr_expect_not_null(f, "no cache file at %s", path);
	if (f)
		fclose(f);
	snprintf(args, sizeof args, "refs.bib --no-cache --enrich --enriched out.json %s", bases());
	cr_expect_eq(run(args, &out), 4);
	free(out);
	lit_records *recs = lit_records_new();
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	snprintf(path, sizeof path, "%s/out.json", dir);
	cr_assert_eq(lit_read_file(recs, path, &ro, NULL), LIT_OK);
	cr_assert_eq(lit_records_count(recs), 5);
	lit_record *good = NULL;
	for (size_t i = 0; i < 5; i++)
		if (!strcmp(lit_record_id(lit_records_at(recs, i)), "good"))
			good = lit_records_at(recs, i);
	cr_assert_not_null(good);
	cr_expect_str_eq(lit_record_get(good, LIT_VAR_CONTAINER_TITLE), "Journal of Testing");
	lit_records_free(recs);
}
