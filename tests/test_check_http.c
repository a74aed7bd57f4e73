/*
 * test_check_http.c - the link checker against real HTTP and HTTPS
 * servers on 127.0.0.1 (tests/servers/linkserver.py): a status mix with
 * every case the checker must judge, HEAD refusals, retries that recover,
 * Retry-After, timeouts, dropped connections, huge bodies, TLS with and
 * without a trusted CA, per-host limits, the User-Agent, DOIs through a
 * handle API stand-in, content negotiation (enrich), the Wayback API and
 * the cache.  Skips cleanly when python3 (or openssl for TLS) is missing.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "litera.h"
#include "litera/check.h"
#include "util/json.h"
#include "check/check_int.h"
#include "servers/linkserver.h"

static test_server srv;

static void start_plain(void)
{
	int rc = ts_start(&srv, 0);
	if (rc == 1)
		cr_skip_test("python3 not available");
	cr_assert_eq(rc, 0, "could not start the test server");
}

static void start_tls(void)
{
	int rc = ts_start(&srv, 1);
	if (rc == 1)
		cr_skip_test("python3 or openssl not available");
	cr_assert_eq(rc, 0, "could not start the test server");
}

static void stop(void)
{
	ts_stop(&srv);
}

/* Options for fast tests: short back-off, short timeouts. */
static lit_check_options fast_opts(void)
{
	lit_check_options o = LIT_CHECK_OPTIONS_INIT;
	o.retry_base_ms = 300;
	o.timeout_ms = 5000;
	o.connect_timeout_ms = 2000;
	o.no_wayback = 1;
	o.max_body = 64 * 1024;
	return o;
}

static lit_check_report *run_urls(const lit_check_options *o, const char *const *urls, size_t n)
{
	lit_checker *c = NULL;
	lit_check_report *rep = NULL;
	lit_error err;
	cr_assert_eq(lit_checker_new(&c, o, &err), LIT_OK, "%s", err.message);
	cr_assert_eq(lit_checker_check_urls(c, urls, n, &rep, &err), LIT_OK, "%s", err.message);
	lit_checker_free(c);
	cr_assert_eq(lit_check_report_count(rep), n);
	return rep;
}

static void url(char *out, size_t n, const char *path)
{
	snprintf(out, n, "%s%s", srv.base, path);
}

typedef struct expect {
	const char *path;
	lit_verdict verdict;
	int status;        /* -1: do not check */
	int permanent;     /* -1: do not check */
} expect;

/* The held-out style status mix: every case, one run, concurrently. */
Test(check_http, status_mix, .init = start_plain, .fini = stop, .timeout = 60)
{
	static const expect mix[] = {
		{ "/ok", LIT_VERDICT_OK, 200, -1 },
		{ "/redirect/301", LIT_VERDICT_REDIRECT, 200, 1 },
		{ "/redirect/308", LIT_VERDICT_REDIRECT, 200, 1 },
		{ "/redirect/302", LIT_VERDICT_REDIRECT, 200, 0 },
		{ "/redirect/303", LIT_VERDICT_REDIRECT, 200, 0 },
		{ "/redirect/307", LIT_VERDICT_REDIRECT, 200, 0 },
		{ "/chain/5/301", LIT_VERDICT_REDIRECT, 200, 1 },
		{ "/chain/10/308", LIT_VERDICT_REDIRECT, 200, 1 },
		{ "/chain/11/301", LIT_VERDICT_BROKEN, 301, -1 },
		{ "/mixchain", LIT_VERDICT_REDIRECT, 200, 0 },
		{ "/loop/a", LIT_VERDICT_BROKEN, 302, -1 },
		{ "/selfloop", LIT_VERDICT_BROKEN, 301, -1 },
		{ "/tofile", LIT_VERDICT_BROKEN, 302, -1 },
		{ "/toftp", LIT_VERDICT_BROKEN, 301, -1 },
		{ "/to404", LIT_VERDICT_BROKEN, 404, -1 },
		{ "/tocyr", LIT_VERDICT_REDIRECT, 200, 0 },
		{ "/tobad", LIT_VERDICT_BROKEN, 301, -1 },
		{ "/walled", LIT_VERDICT_REDIRECT, 200, 0 },
		{ "/status/404", LIT_VERDICT_BROKEN, 404, -1 },
		{ "/status/410", LIT_VERDICT_BROKEN, 410, -1 },
		{ "/status/400", LIT_VERDICT_BROKEN, 400, -1 },
		{ "/status/403", LIT_VERDICT_UNVERIFIABLE, 403, -1 },
		{ "/status/401", LIT_VERDICT_UNVERIFIABLE, 401, -1 },
		{ "/status/451", LIT_VERDICT_UNVERIFIABLE, 451, -1 },
		{ "/status/999", LIT_VERDICT_UNVERIFIABLE, 999, -1 },
		{ "/ratelimit/always/a?ra=0", LIT_VERDICT_UNVERIFIABLE, 429, -1 },
		{ "/ratelimit/once/b?ra=1", LIT_VERDICT_OK, 200, -1 },
		{ "/status/500", LIT_VERDICT_SERVER_ERROR, 500, -1 },
		{ "/status/503", LIT_VERDICT_SERVER_ERROR, 503, -1 },
		{ "/status/502", LIT_VERDICT_SERVER_ERROR, 502, -1 },
		{ "/recover/c", LIT_VERDICT_OK, 200, -1 },
		{ "/drop", LIT_VERDICT_SERVER_ERROR, 0, -1 },
		{ "/huge", LIT_VERDICT_OK, 200, -1 },
		{ "/ok/%D0%BF%D1%83%D1%82%D1%8C", LIT_VERDICT_OK, 200, -1 },
		{ "/ok/путь", LIT_VERDICT_OK, 200, -1 },
	};
	size_t n = sizeof mix / sizeof mix[0];
	char bufs[64][256];
	const char *urls[64];
	for (size_t i = 0; i < n; i++) {
		url(bufs[i], sizeof bufs[i], mix[i].path);
		urls[i] = bufs[i];
	}
	/* plus a refused connection and a malformed link */
	urls[n] = "http://127.0.0.1:1/nothing-listens-here";
	urls[n + 1] = "http://127.0.0.1/a b";
	lit_check_options o = fast_opts();
	lit_check_report *rep = run_urls(&o, urls, n + 2);
	for (size_t i = 0; i < n; i++) {
		const lit_link_result *r = lit_check_report_at(rep, i);
		cr_expect_eq(r->verdict, mix[i].verdict, "%s: verdict %s, want %s (%d: %s)", mix[i].path,
		             lit_verdict_name(r->verdict), lit_verdict_name(mix[i].verdict),
		             r->http_status, r->message);
		if (mix[i].status >= 0)
			cr_expect_eq(r->http_status, mix[i].status, "%s: status %d", mix[i].path, r->http_status);
		if (mix[i].permanent >= 0)
			cr_expect_eq(r->permanent, mix[i].permanent, "%s: permanent %d", mix[i].path, r->permanent);
		cr_expect_not_null(r->message);
	}
	const lit_link_result *r = lit_check_report_at(rep, 1);
	cr_expect(r->final_url && strstr(r->final_url, "/ok"), "final_url %s", r->final_url);
	cr_expect(strstr(r->message, "login") == NULL, "%s", r->message);
	for (size_t i = 0; i < n; i++) {
		r = lit_check_report_at(rep, i);
		if (strcmp(mix[i].path, "/walled") == 0)
			cr_expect(strstr(r->message, "login page") != NULL, "%s", r->message);
	}
	r = lit_check_report_at(rep, n);
	cr_expect_eq(r->verdict, LIT_VERDICT_BROKEN, "refused: %s", lit_verdict_name(r->verdict));
	r = lit_check_report_at(rep, n + 1);
	cr_expect_eq(r->verdict, LIT_VERDICT_MALFORMED);
	cr_expect_str_eq(r->suggestion, "http://127.0.0.1/ab");
	lit_check_report_free(rep);
}

/* HEAD refused (405, 501, even 404) while GET works: never broken. */
Test(check_http, head_refused_confirmed_with_get, .init = start_plain, .fini = stop, .timeout = 30)
{
	const char *paths[] = { "/nohead/405", "/nohead/501", "/nohead/404", "/nohead/403", "/ok" };
	char bufs[5][256];
	const char *urls[5];
	for (int i = 0; i < 5; i++) {
		url(bufs[i], sizeof bufs[i], paths[i]);
		urls[i] = bufs[i];
	}
	lit_check_options o = fast_opts();
	o.head = LIT_HEAD_ALWAYS;
	lit_check_report *rep = run_urls(&o, urls, 5);
	for (int i = 0; i < 5; i++) {
		const lit_link_result *r = lit_check_report_at(rep, i);
		cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s: %s (%s)", paths[i],
		             lit_verdict_name(r->verdict), r->message);
		cr_expect_eq(r->http_status, 200);
	}
	lit_check_report_free(rep);
}

/* Timeouts: a server slower than the limit; retried once, then timeout. */
Test(check_http, slow_server_times_out, .init = start_plain, .fini = stop, .timeout = 30)
{
	char u[256], ok[256];
	url(u, sizeof u, "/slow/3");
	url(ok, sizeof ok, "/slow/0.2");
	const char *urls[] = { u, ok };
	lit_check_options o = fast_opts();
	o.timeout_ms = 800;
	lit_check_report *rep = run_urls(&o, urls, 2);
	const lit_link_result *r = lit_check_report_at(rep, 0);
	cr_expect_eq(r->verdict, LIT_VERDICT_TIMEOUT, "%s (%s)", lit_verdict_name(r->verdict), r->message);
	cr_expect(r->ms >= 1600 && r->ms < 6000, "ms %ld", r->ms);
	cr_expect_eq(lit_check_report_at(rep, 1)->verdict, LIT_VERDICT_OK);
	lit_check_report_free(rep);
}

/* Retry-After is honoured but bounded: a 429 asking for an hour is not
 * waited for. */
Test(check_http, retry_after_is_capped, .init = start_plain, .fini = stop, .timeout = 30)
{
	char u[256];
	url(u, sizeof u, "/ratelimit/always/x?ra=3600");
	const char *urls[] = { u };
	lit_check_options o = fast_opts();
	o.max_retry_after_ms = 2000;
	double t0 = lit_check_now_ms();
	lit_check_report *rep = run_urls(&o, urls, 1);
	double took = lit_check_now_ms() - t0;
	const lit_link_result *r = lit_check_report_at(rep, 0);
	cr_expect_eq(r->verdict, LIT_VERDICT_UNVERIFIABLE);
	cr_expect_eq(r->http_status, 429);
	cr_expect(took < 5000, "took %.0f ms", took);
	lit_check_report_free(rep);
}

/* Retry-After: 1 is actually waited for before the next try. */
Test(check_http, retry_after_waited, .init = start_plain, .fini = stop, .timeout = 30)
{
	char u[256];
	url(u, sizeof u, "/ratelimit/once/w?ra=1");
	const char *urls[] = { u };
	lit_check_options o = fast_opts();
	lit_check_report *rep = run_urls(&o, urls, 1);
	const lit_link_result *r = lit_check_report_at(rep, 0);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s", r->message);
	cr_expect(r->ms >= 950, "retried after %ld ms only", r->ms);
	lit_check_report_free(rep);
}

/* Retry-After may be an HTTP date. */
Test(check_http, retry_after_http_date, .init = start_plain, .fini = stop, .timeout = 30)
{
	char u[256];
	url(u, sizeof u, "/ratelimit/once/d?ra=date");
	const char *urls[] = { u };
	lit_check_options o = fast_opts();
	lit_check_report *rep = run_urls(&o, urls, 1);
	const lit_link_result *r = lit_check_report_at(rep, 0);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s", r->message);
	cr_expect(r->ms >= 900, "retried after %ld ms only", r->ms);
	lit_check_report_free(rep);
}

/* Without retries the recovering 503 stays a server error: the retry is
 * what makes it ok. */
Test(check_http, no_retry_no_recovery, .init = start_plain, .fini = stop, .timeout = 30)
{
	char u[256];
	url(u, sizeof u, "/recover/nr");
	const char *urls[] = { u };
	lit_check_options o = fast_opts();
	o.max_retries = -1;
	lit_check_report *rep = run_urls(&o, urls, 1);
	cr_expect_eq(lit_check_report_at(rep, 0)->verdict, LIT_VERDICT_SERVER_ERROR);
	lit_check_report_free(rep);
}

static lit_json_doc *get_hits(void)
{
	lit_check_options o = fast_opts();
	char u[256];
	url(u, sizeof u, "/_hits");
	/* fetch with curl through the checker would log itself; use popen */
	char cmd[400];
	snprintf(cmd, sizeof cmd, "python3 -c \"import urllib.request,sys;"
	         "sys.stdout.write(urllib.request.urlopen('%s').read().decode())\"", u);
	(void)o;
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	static char buf[1 << 20];
	size_t len = fread(buf, 1, sizeof buf - 1, p);
	pclose(p);
	buf[len] = '\0';
	lit_json_doc *doc = lit_json_parse(buf, len, NULL, NULL);
	cr_assert_not_null(doc, "bad /_hits answer: %.200s", buf);
	return doc;
}

/* The per-host limit holds, and the User-Agent is honest with mailto. */
Test(check_http, per_host_limit_and_user_agent, .init = start_plain, .fini = stop, .timeout = 30)
{
	enum { N = 24 };
	char bufs[N][256];
	const char *urls[N];
	for (int i = 0; i < N; i++) {
		snprintf(bufs[i], sizeof bufs[i], "%s/sleepms/200?i=%d", srv.base, i);
		urls[i] = bufs[i];
	}
	lit_check_options o = fast_opts();
	o.per_host = 3;
	o.concurrency = 32;
	o.mailto = "editor@example.org";
	double t0 = lit_check_now_ms();
	lit_check_report *rep = run_urls(&o, urls, N);
	double took = lit_check_now_ms() - t0;
	for (int i = 0; i < N; i++)
		cr_expect_eq(lit_check_report_at(rep, i)->verdict, LIT_VERDICT_OK);
	/* 24 x 200 ms at 3 at a time = 1.6 s at least */
	cr_expect(took >= 1550, "took %.0f ms: limit not enforced", took);
	cr_expect(took < 4000, "took %.0f ms: too slow", took);
	lit_json_doc *doc = get_hits();
	const lit_json *root = lit_json_root(doc);
	const lit_json *mx = lit_json_get(root, "max_inflight");
	cr_assert_not_null(mx);
	cr_expect(mx->num <= 3 && mx->num >= 2, "max in flight %g", mx->num);
	const lit_json *hits = lit_json_get(root, "hits");
	const char *ua = lit_json_string(lit_json_get(lit_json_at(hits, 0), "ua"));
	cr_assert_not_null(ua);
	cr_expect(strncmp(ua, "litera/" LITERA_VERSION " (+", 10) == 0, "UA %s", ua);
	cr_expect(strstr(ua, "mailto:editor@example.org") != NULL, "UA %s", ua);
	lit_json_free(doc);
	lit_check_report_free(rep);
}

/* Default policy: plain pages get a (capped) GET, PDFs a HEAD. */
Test(check_http, head_only_for_large_files, .init = start_plain, .fini = stop, .timeout = 30)
{
	char a[256], b[256];
	url(a, sizeof a, "/ok/page.html");
	url(b, sizeof b, "/ok/paper.pdf");
	const char *urls[] = { a, b };
	lit_check_options o = fast_opts();
	lit_check_report *rep = run_urls(&o, urls, 2);
	cr_expect_eq(lit_check_report_at(rep, 0)->verdict, LIT_VERDICT_OK);
	cr_expect_eq(lit_check_report_at(rep, 1)->verdict, LIT_VERDICT_OK);
	lit_json_doc *doc = get_hits();
	const lit_json *hits = lit_json_get(lit_json_root(doc), "hits");
	int head_pdf = 0, get_html = 0, other = 0;
	for (size_t i = 0; i < hits->len; i++) {
		const lit_json *h = lit_json_at(hits, i);
		const char *m = lit_json_string(lit_json_get(h, "method"));
		const char *p = lit_json_string(lit_json_get(h, "path"));
		if (strcmp(p, "/_hits") == 0)
			continue;
		if (strcmp(p, "/ok/paper.pdf") == 0 && strcmp(m, "HEAD") == 0)
			head_pdf++;
		else if (strcmp(p, "/ok/page.html") == 0 && strcmp(m, "GET") == 0)
			get_html++;
		else
			other++;
	}
	cr_expect_eq(head_pdf, 1);
	cr_expect_eq(get_html, 1);
	cr_expect_eq(other, 0);
	lit_json_free(doc);
	lit_check_report_free(rep);
}

Test(check_http, tls_self_signed, .init = start_tls, .fini = stop, .timeout = 30)
{
	char u[256];
	snprintf(u, sizeof u, "%s/ok", srv.sbase);
	const char *urls[] = { u };
	lit_check_options o = fast_opts();
	lit_check_report *rep = run_urls(&o, urls, 1);
	const lit_link_result *r = lit_check_report_at(rep, 0);
	cr_expect_eq(r->verdict, LIT_VERDICT_TLS_ERROR, "%s (%s)", lit_verdict_name(r->verdict), r->message);
	lit_check_report_free(rep);
	/* trusting the certificate makes the same URL fine */
	o.ca_file = srv.cert;
	rep = run_urls(&o, urls, 1);
	r = lit_check_report_at(rep, 0);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s (%s)", lit_verdict_name(r->verdict), r->message);
	cr_expect_eq(r->http_status, 200);
	lit_check_report_free(rep);
}

/* Records: DOIs through the handle API, enrich by content negotiation,
 * Wayback snapshots near the access date. */
static lit_record *mkrec(lit_records *list, const char *id, const char *doi, const char *u,
                         const char *title, int year)
{
	lit_record *r = lit_record_new();
	cr_assert_not_null(r);
	lit_record_set_id(r, id);
	if (doi)
		lit_record_set(r, LIT_VAR_DOI, doi);
	if (u)
		lit_record_set(r, LIT_VAR_URL, u);
	if (title)
		lit_record_set(r, LIT_VAR_TITLE, title);
	if (year) {
		lit_date d = { 0 };
		d.year = year;
		lit_record_set_date(r, LIT_VAR_ISSUED, &d);
	}
	cr_assert_eq(lit_records_push(list, r), LIT_OK);
	return r;
}

static const lit_link_result *find(const lit_check_report *rep, const char *id, lit_link_kind kind)
{
	for (size_t i = 0; i < lit_check_report_count(rep); i++) {
		const lit_link_result *r = lit_check_report_at(rep, i);
		if (r->record_id && strcmp(r->record_id, id) == 0 && r->kind == kind)
			return r;
	}
	return NULL;
}

Test(check_http, dois_enrich_and_wayback, .init = start_plain, .fini = stop, .timeout = 60)
{
	lit_records *list = lit_records_new();
	char dead[256], doiurl[256];
	url(dead, sizeof dead, "/status/404");
	snprintf(doiurl, sizeof doiurl, "https://doi.org/10.9999/not-registered");
	lit_record *good = mkrec(list, "good", "10.1234/good.2020", NULL, "Checking links in reference lists", 2020);
	mkrec(list, "missing", "10.1234/does-not-exist", NULL, NULL, 0);
	mkrec(list, "other", "doi:10.5555/other-work", NULL, "Checking links in reference lists", 2020);
	mkrec(list, "bad", "10.12/x", NULL, NULL, 0);
	mkrec(list, "htmlonly", "10.7777/html-only", NULL, "Whatever", 2001);
	lit_record *d = mkrec(list, "dead", NULL, dead, NULL, 0);
	lit_date acc = { 0 };
	acc.year = 2019;
	acc.month = 3;
	acc.day = 7;
	lit_record_set_date(d, LIT_VAR_ACCESSED, &acc);
	mkrec(list, "doiurl", NULL, doiurl, NULL, 0);

	lit_check_options o = fast_opts();
	o.no_wayback = 0;
	o.enrich = 1;
	o.handle_base = srv.base;
	o.doi_base = srv.base;
	char doib[128];
	snprintf(doib, sizeof doib, "%s/doi", srv.base);
	o.doi_base = doib;
	o.wayback_base = srv.base;
	lit_checker *c = NULL;
	lit_check_report *rep = NULL;
	lit_error err;
	cr_assert_eq(lit_checker_new(&c, &o, &err), LIT_OK);
	cr_assert_eq(lit_checker_check_records(c, list, &rep, &err), LIT_OK, "%s", err.message);

	const lit_link_result *r = find(rep, "good", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s", r->message);
	cr_expect(r->final_url && strstr(r->final_url, "/landing/10.1234/good.2020"), "%s", r->final_url);
	/* enrich filled the missing fields */
	cr_expect_str_eq(lit_record_get(good, LIT_VAR_CONTAINER_TITLE), "Journal of Testing");
	cr_expect_str_eq(lit_record_get(good, LIT_VAR_VOLUME), "12");
	cr_expect_eq(lit_record_name_count(good, LIT_VAR_AUTHOR), 1);
	cr_expect(strstr(r->message, "filled") != NULL, "%s", r->message);

	r = find(rep, "missing", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_BROKEN, "%s", r->message);

	r = find(rep, "other", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_BROKEN, "%s", r->message);
	cr_expect_eq(r->doi_mismatch, 1);
	cr_expect(strstr(r->message, "DOI points to another work") != NULL, "%s", r->message);

	r = find(rep, "bad", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_MALFORMED);

	r = find(rep, "htmlonly", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s", r->message);
	cr_expect(strstr(r->message, "metadata unavailable") != NULL, "%s", r->message);

	r = find(rep, "dead", LIT_LINK_URL);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_BROKEN);
	cr_assert_not_null(r->archived_url, "no archived copy");
	cr_expect(strstr(r->archived_url, "/web/20190307000000/") != NULL, "%s", r->archived_url);
	cr_expect_str_eq(r->accessed, "2019-03-07");
	cr_expect(r->accessed_days > 365, "%ld", r->accessed_days);

	/* a doi.org URL is checked as a DOI, not through the resolver */
	r = find(rep, "doiurl", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_BROKEN, "%s", r->message);

	lit_check_report_free(rep);
	lit_checker_free(c);
	lit_records_free(list);
}

Test(check_http, cache_makes_recheck_cheap, .init = start_plain, .fini = stop, .timeout = 60)
{
	char dbpath[] = "/tmp/litera-cache-XXXXXX";
	int fd = mkstemp(dbpath);
	cr_assert(fd >= 0);
	close(fd);
	char a[256], b[256];
	url(a, sizeof a, "/sleepms/300");
	url(b, sizeof b, "/status/404");
	const char *urls[] = { a, b };
	lit_check_options o = fast_opts();
	o.cache_path = dbpath;
	lit_check_report *rep = run_urls(&o, urls, 2);
	cr_expect_eq(lit_check_report_at(rep, 0)->from_cache, 0);
	lit_check_report_free(rep);
	double t0 = lit_check_now_ms();
	rep = run_urls(&o, urls, 2);
	double took = lit_check_now_ms() - t0;
	const lit_link_result *r = lit_check_report_at(rep, 0);
	cr_expect_eq(r->from_cache, 1);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK);
	cr_expect_eq(r->http_status, 200);
	/* errors are never cached */
	cr_expect_eq(lit_check_report_at(rep, 1)->from_cache, 0);
	cr_expect_eq(lit_check_report_at(rep, 1)->verdict, LIT_VERDICT_BROKEN);
	cr_expect(took < 250, "recheck took %.0f ms", took);
	lit_check_report_free(rep);
	/* entries older than max_age are not used */
	struct timespec ts = { 2, 100000000L };
	nanosleep(&ts, NULL);
	o.max_age_s = 1;
	rep = run_urls(&o, urls, 2);
	cr_expect_eq(lit_check_report_at(rep, 0)->from_cache, 0, "stale entry used");
	lit_check_report_free(rep);
	/* no_cache goes to the network again */
	o.no_cache = 1;
	rep = run_urls(&o, urls, 2);
	cr_expect_eq(lit_check_report_at(rep, 0)->from_cache, 0);
	lit_check_report_free(rep);
	unlink(dbpath);
}

static int count_hits(const char *prefix, const char *method)
{
	lit_json_doc *doc = get_hits();
	const lit_json *hits = lit_json_get(lit_json_root(doc), "hits");
	int n = 0;
	for (size_t i = 0; i < hits->len; i++) {
		const lit_json *h = lit_json_at(hits, i);
		const char *m = lit_json_string(lit_json_get(h, "method"));
		const char *p = lit_json_string(lit_json_get(h, "path"));
		if (strncmp(p, prefix, strlen(prefix)) == 0 && (!method || strcmp(m, method) == 0))
			n++;
	}
	lit_json_free(doc);
	return n;
}

/* Retries are bounded: a page that always says 429 gets 1 + max_retries
 * requests, no more; and the same URL in several places is fetched once. */
Test(check_http, retries_bounded_and_urls_deduplicated, .init = start_plain, .fini = stop, .timeout = 30)
{
	char a[256], b[256], c[256];
	url(a, sizeof a, "/ratelimit/always/q?ra=0");
	url(b, sizeof b, "/ok/same");
	url(c, sizeof c, "/status/500");
	const char *urls[] = { a, b, b, b, c };
	lit_check_options o = fast_opts();
	o.max_retries = 2;
	lit_check_report *rep = run_urls(&o, urls, 5);
	cr_expect_eq(lit_check_report_at(rep, 0)->verdict, LIT_VERDICT_UNVERIFIABLE);
	for (int i = 1; i < 4; i++)
		cr_expect_eq(lit_check_report_at(rep, (size_t)i)->verdict, LIT_VERDICT_OK);
	cr_expect_eq(lit_check_report_at(rep, 4)->verdict, LIT_VERDICT_SERVER_ERROR);
	cr_expect_eq(count_hits("/ratelimit/always/q", NULL), 3);
	cr_expect_eq(count_hits("/ok/same", NULL), 1);
	/* a plain 500 is retried once only */
	cr_expect_eq(count_hits("/status/500", NULL), 2);
	lit_check_report_free(rep);
}

/* HEAD first: redirects are followed with HEAD, a 429 on HEAD is retried
 * with GET after the Retry-After (not at once). */
Test(check_http, head_redirects_and_rate_limits, .init = start_plain, .fini = stop, .timeout = 30)
{
	char a[256], b[256];
	url(a, sizeof a, "/chain/3/301");
	url(b, sizeof b, "/ratelimit/once/h?ra=1");
	const char *urls[] = { a, b };
	lit_check_options o = fast_opts();
	o.head = LIT_HEAD_ALWAYS;
	lit_check_report *rep = run_urls(&o, urls, 2);
	const lit_link_result *r = lit_check_report_at(rep, 0);
	cr_expect_eq(r->verdict, LIT_VERDICT_REDIRECT, "%s", r->message);
	cr_expect_eq(r->permanent, 1);
	r = lit_check_report_at(rep, 1);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s", r->message);
	cr_expect(r->ms >= 950, "%ld ms", r->ms);
	cr_expect_eq(count_hits("/chain/", "HEAD"), 3);
	cr_expect_eq(count_hits("/chain/", "GET"), 0);
	cr_expect_eq(count_hits("/ratelimit/once/h", "HEAD"), 1);
	cr_expect_eq(count_hits("/ratelimit/once/h", "GET"), 1);
	lit_check_report_free(rep);
}

/* Proxy variables are honoured (libcurl's default): 127.0.0.2 on the
 * server's port has nothing listening, but through the proxy (the test
 * server, which also answers absolute-form requests) the page is fine. */
Test(check_http, proxy_environment_respected, .init = start_plain, .fini = stop, .timeout = 30)
{
	char u[256];
	snprintf(u, sizeof u, "http://127.0.0.2:%d/ok/via-proxy", srv.port);
	const char *urls[] = { u };
	lit_check_options o = fast_opts();
	o.max_retries = -1;
	lit_check_report *rep = run_urls(&o, urls, 1);
	cr_expect_eq(lit_check_report_at(rep, 0)->verdict, LIT_VERDICT_BROKEN, "without proxy: %s",
	             lit_check_report_at(rep, 0)->message);
	lit_check_report_free(rep);
	setenv("http_proxy", srv.base, 1);
	rep = run_urls(&o, urls, 1);
	cr_expect_eq(lit_check_report_at(rep, 0)->verdict, LIT_VERDICT_OK, "through proxy: %s",
	             lit_check_report_at(rep, 0)->message);
	lit_check_report_free(rep);
	unsetenv("http_proxy");
	cr_expect_eq(count_hits("http://127.0.0.2", NULL), 1);
}

/* A DOI written in the URL field is checked as a DOI; an unreachable
 * handle API makes a DOI unverifiable, never broken. */
Test(check_http, doi_in_url_field_and_api_down, .init = start_plain, .fini = stop, .timeout = 30)
{
	lit_records *list = lit_records_new();
	mkrec(list, "urldoi", NULL, "10.1234/good.2020", NULL, 0);
	mkrec(list, "both", "10.1234/good.2020", "doi:10.1234/GOOD.2020", NULL, 0);
	lit_check_options o = fast_opts();
	o.handle_base = srv.base;
	lit_checker *c = NULL;
	lit_check_report *rep = NULL;
	cr_assert_eq(lit_checker_new(&c, &o, NULL), LIT_OK);
	cr_assert_eq(lit_checker_check_records(c, list, &rep, NULL), LIT_OK);
	cr_expect_eq(lit_check_report_count(rep), 2, "the same DOI twice in one record is one link");
	const lit_link_result *r = find(rep, "urldoi", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s", r->message);
	lit_check_report_free(rep);
	lit_checker_free(c);

	o.handle_base = "http://127.0.0.1:1";
	cr_assert_eq(lit_checker_new(&c, &o, NULL), LIT_OK);
	cr_assert_eq(lit_checker_check_records(c, list, &rep, NULL), LIT_OK);
	r = find(rep, "both", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_UNVERIFIABLE, "%s", r->message);
	lit_check_report_free(rep);
	lit_checker_free(c);
	lit_records_free(list);
}

/* A host that announces its rate (x-rate-limit-limit / -interval, as
 * Crossref does) gets requests no faster than that once it has said so. */
Test(check_http, announced_rate_limit_respected, .init = start_plain, .fini = stop, .timeout = 30)
{
	enum { N = 10 };
	char bufs[N][256];
	const char *urls[N];
	for (int i = 0; i < N; i++) {
		snprintf(bufs[i], sizeof bufs[i], "%s/paced/%d", srv.base, i);
		urls[i] = bufs[i];
	}
	lit_check_options o = fast_opts();
	o.per_host = 1;
	lit_check_report *rep = run_urls(&o, urls, N);
	for (int i = 0; i < N; i++)
		cr_expect_eq(lit_check_report_at(rep, (size_t)i)->verdict, LIT_VERDICT_OK);
	lit_check_report_free(rep);
	lit_json_doc *doc = get_hits();
	const lit_json *hits = lit_json_get(lit_json_root(doc), "hits");
	double prev = -1, min_gap = 1e9;
	int n = 0;
	for (size_t i = 0; i < hits->len; i++) {
		const lit_json *h = lit_json_at(hits, i);
		const char *p = lit_json_string(lit_json_get(h, "path"));
		if (strncmp(p, "/paced/", 7) != 0)
			continue;
		double t = lit_json_get(h, "t")->num;
		if (prev >= 0 && t - prev < min_gap)
			min_gap = t - prev;
		prev = t;
		n++;
	}
	cr_expect_eq(n, N);
	/* 5 per second: 200 ms apart (some slack for timer granularity) */
	cr_expect(min_gap >= 0.18, "requests %.3f s apart", min_gap);
	lit_json_free(doc);
}

/* With check_landing, an existing DOI's landing page is opened too and
 * reported apart: a walled landing page leaves the DOI ok. */
Test(check_http, doi_landing_pages, .init = start_plain, .fini = stop, .timeout = 30)
{
	lit_records *list = lit_records_new();
	mkrec(list, "good", "10.1234/good.2020", NULL, NULL, 0);
	mkrec(list, "walled", "10.1234/walled", NULL, NULL, 0);
	lit_check_options o = fast_opts();
	o.handle_base = srv.base;
	o.check_landing = 1;
	lit_checker *c = NULL;
	lit_check_report *rep = NULL;
	cr_assert_eq(lit_checker_new(&c, &o, NULL), LIT_OK);
	cr_assert_eq(lit_checker_check_records(c, list, &rep, NULL), LIT_OK);
	const lit_link_result *r = find(rep, "good", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK);
	cr_expect(strstr(r->message, "landing page fine (200)") != NULL, "%s", r->message);
	r = find(rep, "walled", LIT_LINK_DOI);
	cr_assert_not_null(r);
	cr_expect_eq(r->verdict, LIT_VERDICT_OK, "%s", r->message);
	cr_expect(strstr(r->message, "landing page unverifiable") != NULL, "%s", r->message);
	lit_check_report_free(rep);
	lit_checker_free(c);
	lit_records_free(list);
}
