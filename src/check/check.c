/*
 * check.c - the link checker's driver: collects the URLs and DOIs of the
 * records, deduplicates them into targets, looks them up in the cache,
 * runs the rest through the scheduler, turns fetch outcomes into verdicts,
 * asks the Wayback availability API for dead or blocked pages, and (with
 * enrich) compares and fills records from DOI content negotiation.
 *
 * Verdict rules (see check.h): 2xx ok (redirect when reached through
 * redirects); 404/410/other 4xx, DNS failure, refused connection, loops,
 * too many redirects and redirects to other schemes broken; 401, 403, 407,
 * 429, 451 and 999 unverifiable; 5xx and dropped connections server-error
 * (after retries); timeouts timeout; certificate problems tls-error.
 */
#include <ctype.h>
#include <stdarg.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_int.h"
#include "litera/io.h"
#include "util/date.h"
#include "util/json.h"
#include "util/utf8.h"

/* The User-Agent names the tool, its version and what it does; with
 * --mailto it carries a contact address for the polite pools.  No project
 * URL is invented: a build may define LIT_CHECK_PROJECT_URL to add one. */

enum { T_URL, T_HANDLE, T_META, T_WAYBACK };

typedef struct target {
	int kind;
	char *key;              /* cache and dedupe key */
	char *subject;          /* normalised URL or DOI */
	lit_fetch f;
	int fetched;            /* went to the network */
	/* outcome */
	int verdict;
	int status;
	int permanent;
	long ms;
	char *final_url;
	char *message;
	char *extra;            /* WAYBACK: archived url; META: CSL-JSON text */
	char *extra2;           /* WAYBACK: timestamp */
	int from_cache;
	long ttl_s;
	size_t *items;          /* items using this target (URL targets only) */
	size_t nitems;
	struct lit_checker_run *run;
	size_t index;
} target;

typedef struct item {
	lit_link_result r;
	char *mem[12];          /* owned strings of r */
	size_t t_main;          /* URL or HANDLE target, (size_t)-1 none */
	size_t t_meta;
	size_t t_wayback;
	size_t t_landing;       /* URL target of a DOI's landing page */
	lit_record *rec;        /* not owned */
	char *wayback_ts;
} item;

struct lit_check_report {
	item *items;
	size_t n;
};

struct lit_checker {
	lit_check_options o;
	char *strs[10];
	lit_check_cache *cache;
};

typedef struct lit_checker_run {
	lit_checker *chk;
	lit_sched *sched;
	target **t;
	size_t nt, capt;
	size_t *map;            /* open addressing: index+1, 0 empty */
	size_t nmap;
	item *items;
	size_t nitems, capitems;
	size_t done, total;
	int oom;
} run_t;

const char *lit_verdict_name(lit_verdict v)
{
	static const char *const names[] = {
		"ok", "redirect", "broken", "unverifiable", "server-error", "timeout",
		"tls-error", "malformed"
	};
	return (unsigned)v < LIT_VERDICT__COUNT ? names[v] : "";
}

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static char *dup0(const char *s)
{
	return s ? dupn(s, strlen(s)) : NULL;
}

/* ------------------------------------------------------------------ checker */

int lit_checker_new(lit_checker **out, const lit_check_options *opts, lit_error *err)
{
	static const lit_check_options defaults = LIT_CHECK_OPTIONS_INIT;
	lit_checker *c;
	*out = NULL;
	c = calloc(1, sizeof *c);
	if (!c)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	c->o = opts ? *opts : defaults;
#define DEF(f) if (c->o.f <= 0) c->o.f = defaults.f
	DEF(concurrency);
	DEF(per_host);
	DEF(connect_timeout_ms);
	DEF(timeout_ms);
	DEF(max_redirects);
	DEF(max_retry_after_ms);
	DEF(retry_base_ms);
	DEF(max_age_s);
#undef DEF
	if (c->o.max_body == 0)
		c->o.max_body = defaults.max_body;
	if (c->o.max_retries == 0)
		c->o.max_retries = defaults.max_retries;
	if (c->o.max_retries < 0)
		c->o.max_retries = 0;
	if (c->o.max_redirects > 50)
		c->o.max_redirects = 50;
	const char **fields[] = { &c->o.user_agent, &c->o.mailto, &c->o.doi_base, &c->o.handle_base,
	                          &c->o.wayback_base, &c->o.ca_file, &c->o.cache_path };
	const char *defs[] = { NULL, NULL, defaults.doi_base, defaults.handle_base,
	                       defaults.wayback_base, NULL, NULL };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *v = *fields[i] ? *fields[i] : defs[i];
		if (v) {
			size_t n = strlen(v);
			/* base URLs without a trailing slash */
			if (i >= 2 && i <= 4)
				while (n > 0 && v[n - 1] == '/')
					n--;
			c->strs[i] = dupn(v, n);
			if (!c->strs[i]) {
				lit_checker_free(c);
				return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
			}
		}
		*fields[i] = c->strs[i];
	}
	if (!c->o.user_agent) {
		char ua[512];
#ifdef LIT_CHECK_PROJECT_URL
		const char *about = "+" LIT_CHECK_PROJECT_URL;
#else
		const char *about = "reference link checker";
#endif
		if (c->o.mailto && *c->o.mailto)
			snprintf(ua, sizeof ua, "litera/%s (%s; mailto:%s)", LITERA_VERSION, about,
			         c->o.mailto);
		else
			snprintf(ua, sizeof ua, "litera/%s (%s)", LITERA_VERSION, about);
		c->strs[7] = dup0(ua);
		if (!c->strs[7]) {
			lit_checker_free(c);
			return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		}
		c->o.user_agent = c->strs[7];
	}
	if (c->o.cache_path && !c->o.no_cache) {
		int rc = lit_check_cache_open(&c->cache, c->o.cache_path, err);
		if (rc) {
			lit_checker_free(c);
			return rc;
		}
	}
	*out = c;
	return LIT_OK;
}

void lit_checker_free(lit_checker *c)
{
	if (!c)
		return;
	lit_check_cache_close(c->cache);
	for (size_t i = 0; i < sizeof c->strs / sizeof c->strs[0]; i++)
		free(c->strs[i]);
	free(c);
}

/* ------------------------------------------------------------------ targets */

static size_t map_hash(const char *s)
{
	size_t h = 1469598103934665603ull & (size_t)-1;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
	return h;
}

static int map_grow(run_t *run)
{
	size_t n = run->nmap ? run->nmap * 2 : 1024;
	size_t *m = calloc(n, sizeof *m);
	if (!m)
		return -1;
	for (size_t i = 0; i < run->nt; i++) {
		size_t k = map_hash(run->t[i]->key) & (n - 1);
		while (m[k])
			k = (k + 1) & (n - 1);
		m[k] = i + 1;
	}
	free(run->map);
	run->map = m;
	run->nmap = n;
	return 0;
}

/* Find or add the target with `key`; returns its index or (size_t)-1 on
 * out of memory.  *isnew tells whether it was added. */
static size_t target_get(run_t *run, int kind, const char *key, const char *subject, int *isnew)
{
	*isnew = 0;
	if ((run->nt + 1) * 2 > run->nmap && map_grow(run))
		return (size_t)-1;
	size_t k = map_hash(key) & (run->nmap - 1);
	while (run->map[k]) {
		target *t = run->t[run->map[k] - 1];
		if (strcmp(t->key, key) == 0)
			return run->map[k] - 1;
		k = (k + 1) & (run->nmap - 1);
	}
	if (run->nt == run->capt) {
		size_t nc = run->capt ? run->capt * 2 : 64;
		target **nt = realloc(run->t, nc * sizeof *nt);
		if (!nt)
			return (size_t)-1;
		run->t = nt;
		run->capt = nc;
	}
	/* targets are allocated one by one: queued fetches point into them */
	target *t = calloc(1, sizeof *t);
	if (!t)
		return (size_t)-1;
	run->t[run->nt] = t;
	t->index = run->nt;
	t->kind = kind;
	t->key = dup0(key);
	t->subject = dup0(subject);
	t->run = run;
	if (!t->key || !t->subject) {
		free(t->key);
		free(t->subject);
		free(t);
		return (size_t)-1;
	}
	run->map[k] = ++run->nt;
	*isnew = 1;
	return run->nt - 1;
}

static void target_free(target *t)
{
	free(t->key);
	free(t->subject);
	lit_fetch_clear(&t->f);
	free(t->final_url);
	free(t->message);
	free(t->extra);
	free(t->extra2);
	free(t->items);
	free(t);
}

static void set_msg(target *t, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
static void set_msg(target *t, const char *fmt, ...)
{
	char buf[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	free(t->message);
	t->message = dup0(buf);
}

/* ----------------------------------------------------------- interpretation */

static const char *status_phrase(int st)
{
	switch (st) {
	case 400: return "bad request";
	case 401: return "login required";
	case 403: return "forbidden (bot wall?)";
	case 404: return "not found";
	case 405: return "method not allowed";
	case 407: return "proxy authentication required";
	case 408: return "request timeout";
	case 410: return "gone";
	case 429: return "rate limited";
	case 451: return "unavailable for legal reasons";
	case 500: return "internal server error";
	case 502: return "bad gateway";
	case 503: return "service unavailable";
	case 504: return "gateway timeout";
	case 999: return "request denied (bot wall)";
	default: return "";
	}
}

static void interpret_net(target *t, const lit_fetch *f)
{
	switch (f->net) {
	case LIT_NET_DNS:
		t->verdict = LIT_VERDICT_BROKEN;
		set_msg(t, "host not found (%s)", f->message);
		break;
	case LIT_NET_REFUSED:
		t->verdict = LIT_VERDICT_BROKEN;
		set_msg(t, "connection refused (%s)", f->message);
		break;
	case LIT_NET_TIMEOUT:
		t->verdict = LIT_VERDICT_TIMEOUT;
		set_msg(t, "timed out after %d tr%s (%s)", f->attempts, f->attempts == 1 ? "y" : "ies", f->message);
		break;
	case LIT_NET_TLS:
		t->verdict = LIT_VERDICT_TLS_ERROR;
		set_msg(t, "TLS error: %s", f->message);
		break;
	case LIT_NET_DROPPED:
		t->verdict = LIT_VERDICT_SERVER_ERROR;
		set_msg(t, "connection dropped without a complete answer after %d tr%s (%s)",
		        f->attempts, f->attempts == 1 ? "y" : "ies", f->message);
		break;
	case LIT_NET_PROTOCOL:
		t->verdict = LIT_VERDICT_MALFORMED;
		set_msg(t, "%s", f->message);
		break;
	default:
		t->verdict = LIT_VERDICT_SERVER_ERROR;
		set_msg(t, "transfer failed: %s", f->message);
		break;
	}
}

/* Verdict from an HTTP status of a URL check. */
static int status_verdict(int st)
{
	if (st >= 200 && st < 400)
		return LIT_VERDICT_OK;
	if (st == 401 || st == 403 || st == 407 || st == 429 || st == 451 || st == 999)
		return LIT_VERDICT_UNVERIFIABLE;
	if (st == 408)
		return LIT_VERDICT_TIMEOUT;
	if (st >= 400 && st < 500)
		return LIT_VERDICT_BROKEN;
	if (st >= 600)
		return LIT_VERDICT_UNVERIFIABLE;
	return LIT_VERDICT_SERVER_ERROR;
}

/* A redirect that ends on a sign-in page usually means the page is gone
 * or walled (broken-link-checker #47, linkinator #679). */
static int looks_like_login(const char *url)
{
	static const char *const words[] = { "/login", "/signin", "/sign-in", "/sign_in",
	                                     "/auth/", "/sso/", "/account/login", "/users/sign_in", NULL };
	const char *p = url ? strstr(url, "://") : NULL;
	if (!p)
		return 0;
	p = strchr(p + 3, '/');
	for (size_t i = 0; p && words[i]; i++) {
		size_t n = strlen(words[i]);
		for (const char *q = p; *q; q++)
			if (strncasecmp(q, words[i], n) == 0)
				return 1;
	}
	return 0;
}

static void interpret_url(target *t, lit_fetch *f)
{
	t->status = f->status;
	t->ms = (long)(f->ms + 0.5);
	t->permanent = f->permanent && f->redirects > 0;
	free(t->final_url);
	t->final_url = dup0(f->final_url);
	if (f->bad_redirect) {
		t->verdict = LIT_VERDICT_BROKEN;
		set_msg(t, "%s", f->message);
		return;
	}
	if (f->net != LIT_NET_OK) {
		interpret_net(t, f);
		return;
	}
	int st = f->status;
	t->verdict = status_verdict(st);
	if (t->verdict == LIT_VERDICT_OK && f->redirects > 0) {
		t->verdict = LIT_VERDICT_REDIRECT;
		set_msg(t, "%s redirect (%d hop%s) to %s%s", t->permanent ? "permanent" : "temporary",
		        f->redirects, f->redirects == 1 ? "" : "s", f->final_url,
		        looks_like_login(f->final_url) ? " (a login page? the work may have moved)" : "");
		return;
	}
	switch (t->verdict) {
	case LIT_VERDICT_OK:
		if (st >= 300)
			set_msg(t, "%d %s", st, f->message[0] ? f->message : "");
		else
			set_msg(t, "%d OK%s", st, f->head_only ? " (HEAD)" : "");
		break;
	case LIT_VERDICT_UNVERIFIABLE:
		set_msg(t, "could not verify: %d %s%s", st, status_phrase(st),
		        f->attempts > 1 ? " (after retries)" : "");
		break;
	case LIT_VERDICT_BROKEN:
		set_msg(t, "%d %s%s%s", st, status_phrase(st), f->redirects ? " after redirects to " : "",
		        f->redirects ? f->final_url : "");
		break;
	default:
		set_msg(t, "%d %s after %d tr%s", st, status_phrase(st), f->attempts,
		        f->attempts == 1 ? "y" : "ies");
		break;
	}
}

static void interpret_handle(target *t, lit_fetch *f)
{
	t->status = f->status;
	t->ms = (long)(f->ms + 0.5);
	if (f->net != LIT_NET_OK) {
		interpret_net(t, f);
		if (t->verdict == LIT_VERDICT_BROKEN || t->verdict == LIT_VERDICT_MALFORMED) {
			/* the API is out of reach: that says nothing about the DOI */
			t->verdict = LIT_VERDICT_UNVERIFIABLE;
			set_msg(t, "DOI not verified: handle API unreachable (%s)", f->message);
		}
		return;
	}
	lit_json_doc *doc = NULL;
	const lit_json *root = NULL;
	if (f->body.len > 0) {
		doc = lit_json_parse(f->body.ptr, f->body.len, NULL, NULL);
		root = doc ? lit_json_root(doc) : NULL;
	}
	const lit_json *rc = root ? lit_json_get(root, "responseCode") : NULL;
	int code = rc && rc->type == LIT_JSON_NUMBER ? (int)rc->num : -1;
	if (code == 1 || code == 200) {
		t->verdict = LIT_VERDICT_OK;
		const lit_json *vals = lit_json_get(root, "values");
		for (size_t i = 0; vals && i < vals->len; i++) {
			const lit_json *v = lit_json_at(vals, i);
			const char *type = lit_json_string(lit_json_get(v, "type"));
			const lit_json *data = lit_json_get(v, "data");
			const char *val = lit_json_string(lit_json_get(data, "value"));
			if (type && strcmp(type, "URL") == 0 && val) {
				free(t->final_url);
				t->final_url = dup0(val);
				break;
			}
		}
		const lit_json *ttl = NULL;
		if (vals && vals->len > 0)
			ttl = lit_json_get(lit_json_at(vals, 0), "ttl");
		t->ttl_s = ttl && ttl->type == LIT_JSON_NUMBER && ttl->num > 0 ? (long)ttl->num : 86400;
		set_msg(t, "DOI exists%s%s", t->final_url ? "; registered URL " : "",
		        t->final_url ? t->final_url : "");
	} else if (code == 100) {
		t->verdict = LIT_VERDICT_BROKEN;
		set_msg(t, "DOI not found (handle API responseCode 100)");
	} else if (code == 2) {
		t->verdict = LIT_VERDICT_SERVER_ERROR;
		set_msg(t, "handle API error during resolution (responseCode 2)");
	} else {
		int v = status_verdict(f->status);
		if (f->status == 404) {
			t->verdict = LIT_VERDICT_BROKEN;
			set_msg(t, "DOI not found (handle API answered 404)");
		} else if (v == LIT_VERDICT_UNVERIFIABLE || v == LIT_VERDICT_SERVER_ERROR ||
		           v == LIT_VERDICT_TIMEOUT) {
			t->verdict = v;
			set_msg(t, "handle API answered %d %s", f->status, status_phrase(f->status));
		} else {
			t->verdict = LIT_VERDICT_UNVERIFIABLE;
			set_msg(t, "unexpected handle API answer (HTTP %d, responseCode %d)", f->status, code);
		}
	}
	lit_json_free(doc);
}

static void interpret_meta(target *t, lit_fetch *f)
{
	t->status = f->status;
	t->ms = (long)(f->ms + 0.5);
	if (f->net != LIT_NET_OK) {
		interpret_net(t, f);
		return;
	}
	const char *ct = f->content_type ? f->content_type : "";
	if (f->status == 200 && strstr(ct, "json") && f->body.len > 0 && !f->x.truncated) {
		t->verdict = LIT_VERDICT_OK;
		t->extra = dupn(f->body.ptr, f->body.len);
		set_msg(t, "metadata by content negotiation");
	} else {
		t->verdict = LIT_VERDICT_UNVERIFIABLE;
		set_msg(t, "metadata unavailable (HTTP %d, %s)", f->status, *ct ? ct : "no content type");
	}
}

static void interpret_wayback(target *t, lit_fetch *f)
{
	t->status = f->status;
	t->ms = (long)(f->ms + 0.5);
	t->verdict = LIT_VERDICT_UNVERIFIABLE;
	if (f->net != LIT_NET_OK || f->status != 200 || f->body.len == 0)
		return;
	lit_json_doc *doc = lit_json_parse(f->body.ptr, f->body.len, NULL, NULL);
	if (!doc)
		return;
	const lit_json *snap = lit_json_get(lit_json_get(lit_json_root(doc), "archived_snapshots"), "closest");
	const lit_json *avail = lit_json_get(snap, "available");
	const char *url = lit_json_string(lit_json_get(snap, "url"));
	const char *ts = lit_json_string(lit_json_get(snap, "timestamp"));
	const char *status = lit_json_string(lit_json_get(snap, "status"));
	if (url && (!avail || avail->type == LIT_JSON_TRUE) && (!status || status[0] == '2' || status[0] == '3')) {
		t->verdict = LIT_VERDICT_OK;
		t->extra = dup0(url);
		t->extra2 = dup0(ts);
	}
	lit_json_free(doc);
}

/* ---------------------------------------------------------------- the cache */

static int cache_lookup(run_t *run, target *t)
{
	lit_checker *c = run->chk;
	lit_cache_entry e;
	if (!c->cache)
		return 0;
	if (lit_check_cache_get(c->cache, t->key, c->o.max_age_s, &e) != 1)
		return 0;
	t->verdict = e.verdict;
	t->status = e.status;
	t->permanent = e.permanent;
	t->ms = e.ms;
	t->final_url = e.final_url;
	t->message = e.message;
	t->extra = e.extra;
	t->extra2 = e.extra2;
	t->from_cache = 1;
	return 1;
}

static void cache_store(run_t *run, target *t)
{
	lit_checker *c = run->chk;
	if (!c->cache || t->from_cache || !t->fetched)
		return;
	/* only definite good answers are cached: errors may be transient */
	if (t->verdict != LIT_VERDICT_OK && t->verdict != LIT_VERDICT_REDIRECT)
		return;
	lit_cache_entry e = { t->verdict, t->status, t->permanent, t->ms, t->final_url,
	                      t->message, t->extra, t->extra2, 0 };
	lit_check_cache_put(c->cache, t->key, &e, t->ttl_s);
}

/* -------------------------------------------------------------- the run */

static int want_archive(int verdict)
{
	return verdict == LIT_VERDICT_BROKEN || verdict == LIT_VERDICT_UNVERIFIABLE ||
	       verdict == LIT_VERDICT_SERVER_ERROR || verdict == LIT_VERDICT_TIMEOUT ||
	       verdict == LIT_VERDICT_TLS_ERROR;
}

static int add_fetch(run_t *run, size_t ti);

/* Queue Wayback lookups for the items of a dead URL target. */
static void add_wayback(run_t *run, size_t ti)
{
	if (run->chk->o.no_wayback || !want_archive(run->t[ti]->verdict))
		return;
	size_t nitems = run->t[ti]->nitems;
	for (size_t k = 0; k < nitems; k++) {
		size_t ii = run->t[ti]->items[k];
		item *it = &run->items[ii];
		const char *url = run->t[ti]->subject;
		lit_buf key = LIT_BUF_INIT;
		lit_buf_printf(&key, "w:%s|%s", it->wayback_ts ? it->wayback_ts : "", url);
		int isnew;
		size_t wi = lit_buf_status(&key) ? (size_t)-1 :
		            target_get(run, T_WAYBACK, key.ptr, url, &isnew);
		lit_buf_free(&key);
		if (wi == (size_t)-1) {
			run->oom = 1;
			return;
		}
		it->t_wayback = wi;
		if (isnew) {
			run->total++;
			if (!cache_lookup(run, run->t[wi])) {
				char *esc = lit_http_escape(url);
				lit_buf q = LIT_BUF_INIT;
				if (!esc) {
					run->oom = 1;
					return;
				}
				lit_buf_printf(&q, "%s/wayback/available?url=%s%s%s", run->chk->o.wayback_base,
				               esc, it->wayback_ts ? "&timestamp=" : "",
				               it->wayback_ts ? it->wayback_ts : "");
				free(esc);
				run->t[wi]->f.url = lit_buf_status(&q) ? NULL : lit_buf_detach(&q, NULL);
				lit_buf_free(&q);
				run->t[wi]->f.keep_body = 1;
				run->t[wi]->f.follow = 1;
				if (!run->t[wi]->f.url || add_fetch(run, wi)) {
					run->oom = 1;
					return;
				}
			} else {
				run->done++;
			}
		}
	}
}

/* With check_landing: queue the registered URL of an existing DOI. */
static void add_landing(run_t *run, size_t ti)
{
	target *h = run->t[ti];
	if (!run->chk->o.check_landing || h->verdict != LIT_VERDICT_OK || !h->final_url || !h->nitems)
		return;
	char *norm = NULL;
	if (lit_url_normalize(h->final_url, strlen(h->final_url), &norm, NULL, NULL) != LIT_OK)
		return;
	lit_buf key = LIT_BUF_INIT;
	lit_buf_printf(&key, "u:%s", norm);
	int isnew = 0;
	size_t li = lit_buf_status(&key) ? (size_t)-1 : target_get(run, T_URL, key.ptr, norm, &isnew);
	lit_buf_free(&key);
	if (li == (size_t)-1) {
		free(norm);
		run->oom = 1;
		return;
	}
	h = run->t[ti];
	for (size_t k = 0; k < h->nitems; k++)
		run->items[h->items[k]].t_landing = li;
	if (isnew) {
		target *l = run->t[li];
		run->total++;
		l->ttl_s = run->chk->o.max_age_s;
		if (cache_lookup(run, l)) {
			run->done++;
			free(norm);
			return;
		}
		l->f.url = norm;
		norm = NULL;
		l->f.follow = 1;
		l->f.head_first = run->chk->o.head == LIT_HEAD_ALWAYS ||
		                  (run->chk->o.head == LIT_HEAD_AUTO && lit_url_looks_large(l->f.url));
		if (add_fetch(run, li))
			run->oom = 1;
	}
	free(norm);
}

static void on_done(lit_fetch *f, void *data)
{
	target *t = (target *)((char *)f - offsetof(target, f));
	run_t *run = data;
	size_t ti = t->index;
	switch (t->kind) {
	case T_URL: interpret_url(t, f); break;
	case T_HANDLE: interpret_handle(t, f); break;
	case T_META: interpret_meta(t, f); break;
	default: interpret_wayback(t, f); break;
	}
	cache_store(run, t);
	/* the fetch is finished: free its buffers now to keep memory flat */
	lit_fetch_clear(f);
	run->done++;
	if (run->chk->o.progress)
		run->chk->o.progress(run->done, run->total, run->chk->o.progress_data);
	if (t->kind == T_URL)
		add_wayback(run, ti);
	else if (t->kind == T_HANDLE)
		add_landing(run, ti);
}

static int add_fetch(run_t *run, size_t ti)
{
	target *t = run->t[ti];
	t->fetched = 1;
	return lit_sched_add(run->sched, &t->f);
}

/* Record an item for `url` (a link as written). */
static item *new_item(run_t *run, lit_link_kind kind, const char *link, size_t len,
                      lit_record *rec, size_t ri)
{
	if (run->nitems == run->capitems) {
		size_t nc = run->capitems ? run->capitems * 2 : 64;
		item *n = realloc(run->items, nc * sizeof *n);
		if (!n)
			return NULL;
		run->items = n;
		run->capitems = nc;
	}
	item *it = &run->items[run->nitems++];
	memset(it, 0, sizeof *it);
	it->t_main = it->t_meta = it->t_wayback = it->t_landing = (size_t)-1;
	it->rec = rec;
	it->r.kind = kind;
	it->r.record_index = ri;
	it->r.accessed_days = -1;
	it->mem[0] = dupn(link, len);
	it->r.url = it->mem[0];
	if (!it->mem[0])
		return NULL;
	if (rec) {
		it->mem[1] = dup0(lit_record_id(rec));
		it->r.record_id = it->mem[1];
		it->mem[2] = dup0(lit_record_source(rec));
		it->r.source = it->mem[2];
		it->r.line = lit_record_line(rec);
		const lit_date *acc = lit_record_date(rec, LIT_VAR_ACCESSED);
		if (acc && acc->year > 0) {
			char iso[48], ts[48];
			int m = acc->month > 0 ? acc->month : 1, d = acc->day > 0 ? acc->day : 1;
			if (acc->month > 0 && acc->day > 0)
				snprintf(iso, sizeof iso, "%04d-%02d-%02d", acc->year, acc->month, acc->day);
			else if (acc->month > 0)
				snprintf(iso, sizeof iso, "%04d-%02d", acc->year, acc->month);
			else
				snprintf(iso, sizeof iso, "%04d", acc->year);
			snprintf(ts, sizeof ts, "%04d%02d%02d", acc->year % 10000, m % 100, d % 100);
			it->mem[3] = dup0(iso);
			it->r.accessed = it->mem[3];
			it->wayback_ts = dup0(ts);
			struct tm tm;
			memset(&tm, 0, sizeof tm);
			tm.tm_year = acc->year - 1900;
			tm.tm_mon = m - 1;
			tm.tm_mday = d;
			tm.tm_hour = 12;
			time_t then = mktime(&tm);
			time_t now = time(NULL);
			if (then != (time_t)-1 && now != (time_t)-1)
				it->r.accessed_days = (long)((double)(now - then) / 86400.0);
		}
	}
	return it;
}

static int target_add_item(target *t, size_t ii)
{
	size_t *n = realloc(t->items, (t->nitems + 1) * sizeof *n);
	if (!n)
		return -1;
	t->items = n;
	t->items[t->nitems++] = ii;
	return 0;
}

/* Add the checks of one link.  Returns 0 or -1 on out of memory. */
static int add_link(run_t *run, lit_link_kind kind, const char *link, size_t len,
                    lit_record *rec, size_t ri)
{
	lit_checker *c = run->chk;
	item *it = new_item(run, kind, link, len, rec, ri);
	if (!it)
		return -1;
	size_t ii = run->nitems - 1;
	lit_error e;
	lit_error_clear(&e);
	if (kind == LIT_LINK_DOI) {
		char *doi = NULL;
		if (lit_doi_normalize(link, len, &doi, &e) != LIT_OK) {
			it->r.verdict = LIT_VERDICT_MALFORMED;
			it->mem[4] = dup0(e.message);
			it->r.message = it->mem[4];
			return e.code == LIT_ENOMEM ? -1 : 0;
		}
		it->mem[5] = doi;
		it->r.checked_url = doi;
		char key[4200];
		snprintf(key, sizeof key, "d:");
		size_t kl = 2;
		for (const char *p = doi; *p && kl + 1 < sizeof key; p++)
			key[kl++] = (char)tolower((unsigned char)*p);
		key[kl] = '\0';
		int isnew;
		size_t ti = target_get(run, T_HANDLE, key, doi, &isnew);
		if (ti == (size_t)-1)
			return -1;
		it = &run->items[ii];
		it->t_main = ti;
		if (target_add_item(run->t[ti], ii))
			return -1;
		if (isnew) {
			run->total++;
			if (cache_lookup(run, run->t[ti])) {
				run->done++;
			} else {
				char *esc = lit_http_escape(doi);
				if (!esc)
					return -1;
				/* keep '/' readable as the DOI Handbook asks */
				lit_buf u = LIT_BUF_INIT;
				lit_buf_printf(&u, "%s/api/handles/", c->o.handle_base);
				for (const char *p = esc; *p; p++) {
					if (p[0] == '%' && p[1] == '2' && (p[2] == 'F' || p[2] == 'f')) {
						lit_buf_putc(&u, '/');
						p += 2;
					} else {
						lit_buf_putc(&u, *p);
					}
				}
				free(esc);
				run->t[ti]->f.url = lit_buf_detach(&u, NULL);
				run->t[ti]->f.keep_body = 1;
				run->t[ti]->f.follow = 1;
				if (!run->t[ti]->f.url)
					return -1;
			}
		}
		if (c->o.enrich && rec) {
			key[0] = 'm';
			size_t mi = target_get(run, T_META, key, doi, &isnew);
			if (mi == (size_t)-1)
				return -1;
			it = &run->items[ii];
			it->t_meta = mi;
			if (isnew) {
				run->total++;
				if (cache_lookup(run, run->t[mi])) {
					run->done++;
				} else {
					lit_buf u = LIT_BUF_INIT;
					lit_buf_printf(&u, "%s/", c->o.doi_base);
					for (const char *p = doi; *p; p++) {
						unsigned char ch = (unsigned char)*p;
						if (ch == '%' || ch == '"' || ch == '#' || ch == ' ' || ch == '?' ||
						    ch == '<' || ch == '>' || ch == '{' || ch == '}' || ch == '^' ||
						    ch == '[' || ch == ']' || ch == '`' || ch == '|' || ch == '\\' ||
						    ch == '+' || ch >= 0x80)
							lit_buf_printf(&u, "%%%02X", ch);
						else
							lit_buf_putc(&u, (int)ch);
					}
					run->t[mi]->f.url = lit_buf_detach(&u, NULL);
					run->t[mi]->f.keep_body = 1;
					run->t[mi]->f.follow = 1;
					run->t[mi]->f.accept = "application/vnd.citationstyles.csl+json";
					if (!run->t[mi]->f.url)
						return -1;
				}
			}
		}
		return 0;
	}
	char *norm = NULL, *sugg = NULL;
	int rc = lit_url_normalize(link, len, &norm, &sugg, &e);
	if (rc != LIT_OK) {
		if (rc == LIT_ENOMEM)
			return -1;
		it->r.verdict = LIT_VERDICT_MALFORMED;
		it->mem[4] = dup0(e.message);
		it->r.message = it->mem[4];
		it->mem[6] = sugg;
		it->r.suggestion = sugg;
		return 0;
	}
	it->mem[5] = norm;
	it->r.checked_url = norm;
	char *key = malloc(strlen(norm) + 3);
	if (!key)
		return -1;
	memcpy(key, "u:", 2);
	strcpy(key + 2, norm);
	int isnew;
	size_t ti = target_get(run, T_URL, key, norm, &isnew);
	free(key);
	if (ti == (size_t)-1)
		return -1;
	it = &run->items[ii];
	it->t_main = ti;
	if (target_add_item(run->t[ti], ii))
		return -1;
	if (isnew) {
		run->total++;
		target *t = run->t[ti];
		t->ttl_s = c->o.max_age_s;
		if (cache_lookup(run, t)) {
			run->done++;
		} else {
			t->f.url = dup0(norm);
			if (!t->f.url)
				return -1;
			t->f.follow = 1;
			t->f.head_first = c->o.head == LIT_HEAD_ALWAYS ||
			                  (c->o.head == LIT_HEAD_AUTO && lit_url_looks_large(norm));
		}
	}
	return 0;
}

static int is_urlish(unsigned char c)
{
	return c > 0x20 && c != '<' && c != '>' && c != '"' && c != '{' && c != '}' && c != '\\';
}

static int scan_text(run_t *run, const char *note, const char *url, lit_record *rec, size_t ri);

/* Collect the links of one record. */
static int collect(run_t *run, lit_record *rec, size_t ri)
{
	const char *url = lit_record_get(rec, LIT_VAR_URL);
	const char *doi = lit_record_get(rec, LIT_VAR_DOI);
	char *url_doi = NULL;
	int no_doi = run->chk->o.no_doi;
	if (doi && !no_doi) {
		if (add_link(run, LIT_LINK_DOI, doi, strlen(doi), rec, ri))
			return -1;
	}
	if (url) {
		size_t len = strlen(url);
		int bare_doi = strncmp(url, "10.", 3) == 0 || strncasecmp(url, "doi:", 4) == 0;
		if (bare_doi && no_doi) {
			; /* a DOI written where the URL belongs, and DOIs are not wanted */
		} else if (bare_doi) {
			/* a DOI written where the URL belongs */
			char *d1 = NULL, *d2 = NULL;
			int same = doi && lit_doi_normalize(doi, strlen(doi), &d1, NULL) == LIT_OK &&
			           lit_doi_normalize(url, len, &d2, NULL) == LIT_OK && strcasecmp(d1, d2) == 0;
			free(d1);
			free(d2);
			if (!same && add_link(run, LIT_LINK_DOI, url, len, rec, ri))
				return -1;
		} else if (lit_url_doi(url, &url_doi) && !no_doi) {
			/* a doi.org link: check the DOI, once */
			char *d1 = NULL;
			int same = 0;
			if (doi && lit_doi_normalize(doi, strlen(doi), &d1, NULL) == LIT_OK)
				same = strcasecmp(d1, url_doi) == 0;
			free(d1);
			if (!same && add_link(run, LIT_LINK_DOI, url, len, rec, ri)) {
				free(url_doi);
				return -1;
			}
		} else if (add_link(run, LIT_LINK_URL, url, len, rec, ri)) {
			free(url_doi);
			return -1;
		}
		free(url_doi);
	}
	/* URLs written into the note, or only in the raw reference text (a
	 * document's reference the parser did not split into fields) */
	const char *texts[2] = { lit_record_get(rec, LIT_VAR_NOTE), url ? NULL : lit_record_raw(rec) };
	for (int ti = 0; ti < 2; ti++)
		if (texts[ti] && scan_text(run, texts[ti], url, rec, ri))
			return -1;
	if (!doi && !no_doi && lit_record_raw(rec)) {
		const char *raw = lit_record_raw(rec);
		for (const char *p = raw; (p = strstr(p, "10.")) != NULL; p += 3) {
			if (p > raw && (isalnum((unsigned char)p[-1]) || p[-1] == '/' || p[-1] == '.'))
				continue;
			const char *e = p;
			while (*e && is_urlish((unsigned char)*e))
				e++;
			size_t len = lit_url_trim_bycatch(p, (size_t)(e - p));
			char *d = NULL;
			if (lit_doi_normalize(p, len, &d, NULL) == LIT_OK) {
				int in_url = url && strstr(url, d) != NULL;
				free(d);
				if (!in_url && add_link(run, LIT_LINK_DOI, p, len, rec, ri))
					return -1;
				break;
			}
		}
	}
	return 0;
}

static int scan_text(run_t *run, const char *note, const char *url, lit_record *rec, size_t ri)
{
	for (const char *p = note; p && *p;) {
		const char *h = strstr(p, "http");
		if (!h)
			break;
		if ((strncmp(h, "http://", 7) == 0 || strncmp(h, "https://", 8) == 0) &&
		    (h == note || !isalnum((unsigned char)h[-1]))) {
			const char *e = h;
			while (*e && is_urlish((unsigned char)*e))
				e++;
			size_t len = lit_url_trim_bycatch(h, (size_t)(e - h));
			if (!url || strlen(url) != len || strncmp(url, h, len) != 0) {
				if (add_link(run, LIT_LINK_URL, h, len, rec, ri))
					return -1;
			}
			p = e;
		} else {
			p = h + 4;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ enrichment */

static int title_similar(const char *a, const char *b)
{
	char *fa = lit_utf8_fold(a, strlen(a)), *fb = lit_utf8_fold(b, strlen(b));
	int sim = 1;
	if (fa && fb) {
		/* keep letters and digits only */
		char *ps[2] = { fa, fb };
		for (int k = 0; k < 2; k++) {
			char *w = ps[k];
			for (char *r = ps[k]; *r; r++) {
				unsigned char ch = (unsigned char)*r;
				if (ch >= 0x80 || isalnum(ch))
					*w++ = (char)ch;
				else if (w > ps[k] && w[-1] != ' ')
					*w++ = ' ';
			}
			while (w > ps[k] && w[-1] == ' ')
				w--;
			*w = '\0';
		}
		size_t la = strlen(fa), lb = strlen(fb);
		if (strcmp(fa, fb) == 0)
			sim = 1;
		else if (la >= 12 && lb >= 12 && (strncmp(fa, fb, la < lb ? la : lb) == 0))
			sim = 1; /* one is the other plus a subtitle */
		else {
			/* word overlap (Dice) */
			size_t common = 0, wa = 0, wb = 0;
			for (char *s1 = fa; *s1;) {
				char *e1 = strchr(s1, ' ');
				size_t l1 = e1 ? (size_t)(e1 - s1) : strlen(s1);
				wa++;
				for (char *s2 = fb; *s2;) {
					char *e2 = strchr(s2, ' ');
					size_t l2 = e2 ? (size_t)(e2 - s2) : strlen(s2);
					if (l1 == l2 && strncmp(s1, s2, l1) == 0) {
						common++;
						break;
					}
					s2 += l2;
					while (*s2 == ' ')
						s2++;
				}
				s1 += l1;
				while (*s1 == ' ')
					s1++;
			}
			for (char *s2 = fb; *s2; s2++)
				if (*s2 == ' ')
					wb++;
			wb += lb > 0;
			sim = wa + wb > 0 && 2.0 * (double)common / (double)(wa + wb) >= 0.6;
		}
	}
	free(fa);
	free(fb);
	return sim;
}

/* Compare the record with DOI metadata; fill missing fields.  Writes a
 * note into msg.  Returns 1 on mismatch. */
static int enrich_record(lit_record *rec, const char *json, lit_buf *msg)
{
	lit_records *list = lit_records_new();
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	int mismatch = 0;
	ro.format = "csljson";
	ro.filename = "DOI metadata";
	if (!list)
		return 0;
	/* content negotiation returns one object; the reader wants an array */
	lit_buf arr = LIT_BUF_INIT;
	const char *p = json;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '{') {
		lit_buf_putc(&arr, '[');
		lit_buf_puts(&arr, p);
		lit_buf_putc(&arr, ']');
	} else {
		lit_buf_puts(&arr, p);
	}
	if (lit_buf_status(&arr) || lit_read_buffer(list, arr.ptr, arr.len, &ro, NULL) != LIT_OK ||
	    lit_records_count(list) == 0) {
		lit_buf_puts(msg, "; metadata could not be read");
		lit_buf_free(&arr);
		lit_records_free(list);
		return 0;
	}
	lit_buf_free(&arr);
	lit_record *m = lit_records_at(list, 0);
	const char *t1 = lit_record_get(rec, LIT_VAR_TITLE), *t2 = lit_record_get(m, LIT_VAR_TITLE);
	const lit_date *d1 = lit_record_date(rec, LIT_VAR_ISSUED), *d2 = lit_record_date(m, LIT_VAR_ISSUED);
	int title_bad = t1 && t2 && !title_similar(t1, t2);
	int year_bad = d1 && d2 && d1->year && d2->year && abs(d1->year - d2->year) > 1;
	if (title_bad || year_bad) {
		mismatch = 1;
		lit_buf_printf(msg, "DOI points to another work: \xe2\x80\x9c%.200s\xe2\x80\x9d", t2 ? t2 : "?");
		if (d2 && d2->year)
			lit_buf_printf(msg, " (%d)", d2->year);
		if (title_bad)
			lit_buf_printf(msg, "; the record says \xe2\x80\x9c%.200s\xe2\x80\x9d", t1);
		if (year_bad)
			lit_buf_printf(msg, "; year %d vs %d", d1->year, d2->year);
		lit_records_free(list);
		return 1;
	}
	/* fill what is missing */
	int filled = 0;
	for (size_t i = 0;; i++) {
		lit_var v;
		const char *val = lit_record_field_at(m, i, &v);
		if (!val)
			break;
		if (!lit_record_get(rec, v) && lit_record_set(rec, v, val) == LIT_OK) {
			lit_buf_printf(msg, "%s%s", filled++ ? ", " : "; filled: ", lit_var_name(v));
		}
	}
	for (int v = 0; v < LIT_VAR__COUNT; v++) {
		lit_var_kind k = lit_var_kind_of((lit_var)v);
		if (k == LIT_KIND_NAME && lit_record_name_count(rec, (lit_var)v) == 0 &&
		    lit_record_name_count(m, (lit_var)v) > 0) {
			for (size_t j = 0; j < lit_record_name_count(m, (lit_var)v); j++)
				lit_record_add_name(rec, (lit_var)v, lit_record_name(m, (lit_var)v, j));
			lit_buf_printf(msg, "%s%s", filled++ ? ", " : "; filled: ", lit_var_name((lit_var)v));
		} else if (k == LIT_KIND_DATE && v != LIT_VAR_ACCESSED && !lit_record_date(rec, (lit_var)v) &&
		           lit_record_date(m, (lit_var)v)) {
			lit_record_set_date(rec, (lit_var)v, lit_record_date(m, (lit_var)v));
			lit_buf_printf(msg, "%s%s", filled++ ? ", " : "; filled: ", lit_var_name((lit_var)v));
		}
	}
	if (lit_record_type(rec) == LIT_TYPE_DOCUMENT && lit_record_type(m) != LIT_TYPE_DOCUMENT)
		lit_record_set_type(rec, lit_record_type(m));
	lit_records_free(list);
	return mismatch;
}

/* ---------------------------------------------------------------- results */

static int finish_item(run_t *run, item *it)
{
	if (it->r.verdict == LIT_VERDICT_MALFORMED && it->t_main == (size_t)-1)
		return 0;
	target *t = it->t_main != (size_t)-1 ? run->t[it->t_main] : NULL;
	if (!t)
		return 0;
	lit_buf msg = LIT_BUF_INIT;
	it->r.verdict = (lit_verdict)t->verdict;
	it->r.http_status = t->status;
	it->r.permanent = t->permanent;
	it->r.ms = t->ms;
	it->r.from_cache = t->from_cache;
	it->mem[7] = dup0(t->final_url);
	it->r.final_url = it->mem[7];
	lit_buf_puts(&msg, t->message ? t->message : "");
	if (it->t_meta != (size_t)-1 && it->r.verdict == LIT_VERDICT_OK) {
		target *m = run->t[it->t_meta];
		if (m->verdict == LIT_VERDICT_OK && m->extra) {
			lit_buf note = LIT_BUF_INIT;
			if (enrich_record(it->rec, m->extra, &note)) {
				it->r.verdict = LIT_VERDICT_BROKEN;
				it->r.doi_mismatch = 1;
				lit_buf_clear(&msg);
				lit_buf_puts(&msg, lit_buf_cstr(&note));
			} else {
				lit_buf_puts(&msg, lit_buf_cstr(&note));
			}
			lit_buf_free(&note);
		} else if (m->message) {
			lit_buf_printf(&msg, "; %s", m->message);
		}
	}
	if (it->t_landing != (size_t)-1 && it->r.kind == LIT_LINK_DOI) {
		target *l = run->t[it->t_landing];
		if (l->verdict == LIT_VERDICT_OK || l->verdict == LIT_VERDICT_REDIRECT)
			lit_buf_printf(&msg, "; landing page fine (%d)", l->status);
		else
			lit_buf_printf(&msg, "; landing page %s: %s", lit_verdict_name((lit_verdict)l->verdict),
			               l->message ? l->message : "");
	}
	if (it->t_wayback != (size_t)-1) {
		target *w = run->t[it->t_wayback];
		if (w->verdict == LIT_VERDICT_OK && w->extra) {
			it->mem[8] = dup0(w->extra);
			it->r.archived_url = it->mem[8];
			it->mem[9] = dup0(w->extra2);
			it->r.archived_timestamp = it->mem[9];
		}
	}
	it->mem[10] = lit_buf_detach(&msg, NULL);
	it->r.message = it->mem[10];
	return it->r.message ? 0 : -1;
}

static void report_free_items(item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < sizeof items[i].mem / sizeof items[i].mem[0]; k++)
			free(items[i].mem[k]);
		free(items[i].wayback_ts);
	}
	free(items);
}

static int run_check(lit_checker *chk, lit_records *records, lit_check_report **out, lit_error *err)
{
	run_t run;
	int rc = LIT_OK;
	memset(&run, 0, sizeof run);
	run.chk = chk;
	*out = NULL;
	size_t n = lit_records_count(records);
	for (size_t i = 0; i < n && rc == LIT_OK; i++)
		if (collect(&run, lit_records_at(records, i), i))
			rc = LIT_ENOMEM;
	/* targets that are not cached go to the network */
	lit_http *http = NULL;
	if (rc == LIT_OK) {
		lit_http_opts ho;
		memset(&ho, 0, sizeof ho);
		ho.user_agent = chk->o.user_agent;
		ho.ca_file = chk->o.ca_file;
		ho.connect_timeout_ms = chk->o.connect_timeout_ms;
		ho.timeout_ms = chk->o.timeout_ms;
		ho.max_connections = chk->o.concurrency * 2 > 64 ? chk->o.concurrency * 2 : 64;
		ho.max_host_connections = chk->o.per_host * 2;
		rc = lit_http_new(&http, &ho);
	}
	if (rc == LIT_OK) {
		lit_sched_opts so;
		so.concurrency = chk->o.concurrency;
		so.per_host = chk->o.per_host;
		so.max_redirects = chk->o.max_redirects;
		so.max_retries = chk->o.max_retries;
		so.max_retry_after_ms = chk->o.max_retry_after_ms;
		so.retry_base_ms = chk->o.retry_base_ms;
		so.max_body = chk->o.max_body;
		rc = lit_sched_new(&run.sched, http, &so, on_done, &run);
	}
	size_t nt0 = run.nt;
	if (chk->cache)
		lit_check_cache_begin(chk->cache);
	for (size_t i = 0; i < nt0 && rc == LIT_OK; i++) {
		target *t = run.t[i];
		if (t->f.url && !t->from_cache)
			rc = add_fetch(&run, i);
		else if (t->kind == T_URL && t->from_cache)
			add_wayback(&run, i);
		else if (t->kind == T_HANDLE && t->from_cache)
			add_landing(&run, i);
	}
	if (rc == LIT_OK)
		rc = lit_sched_run(run.sched);
	if (chk->cache)
		lit_check_cache_commit(chk->cache);
	if (rc == LIT_OK && run.oom)
		rc = LIT_ENOMEM;
	for (size_t i = 0; i < run.nitems && rc == LIT_OK; i++)
		if (finish_item(&run, &run.items[i]))
			rc = LIT_ENOMEM;
	lit_sched_free(run.sched);
	lit_http_free(http);
	for (size_t i = 0; i < run.nt; i++)
		target_free(run.t[i]);
	free(run.t);
	free(run.map);
	if (rc != LIT_OK) {
		report_free_items(run.items, run.nitems);
		return lit_error_set(err, rc, NULL, 0, "link check failed: %s", lit_strerror(rc));
	}
	lit_check_report *rep = calloc(1, sizeof *rep);
	if (!rep) {
		report_free_items(run.items, run.nitems);
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	}
	rep->items = run.items;
	rep->n = run.nitems;
	*out = rep;
	return LIT_OK;
}

int lit_checker_check_records(lit_checker *chk, lit_records *records,
                              lit_check_report **out, lit_error *err)
{
	if (!chk || !records || !out)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "invalid argument");
	return run_check(chk, records, out, err);
}

int lit_checker_check_urls(lit_checker *chk, const char *const *urls, size_t n,
                           lit_check_report **out, lit_error *err)
{
	if (!chk || (!urls && n) || !out)
		return lit_error_set(err, LIT_EINVAL, NULL, 0, "invalid argument");
	lit_records *list = lit_records_new();
	if (!list)
		return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
	for (size_t i = 0; i < n; i++) {
		lit_record *r = lit_record_new();
		if (!r || lit_records_push(list, r) != LIT_OK) {
			lit_records_free(list);
			return lit_error_set(err, LIT_ENOMEM, NULL, 0, "out of memory");
		}
		const char *u = urls[i] ? urls[i] : "";
		int is_doi = strncmp(u, "10.", 3) == 0 || strncasecmp(u, "doi:", 4) == 0;
		lit_record_set(r, is_doi ? LIT_VAR_DOI : LIT_VAR_URL, u);
		if (!*u)
			lit_record_set(r, LIT_VAR_URL, " ");
	}
	int rc = run_check(chk, list, out, err);
	lit_records_free(list);
	return rc;
}

size_t lit_check_report_count(const lit_check_report *rep)
{
	return rep ? rep->n : 0;
}

const lit_link_result *lit_check_report_at(const lit_check_report *rep, size_t i)
{
	return rep && i < rep->n ? &rep->items[i].r : NULL;
}

size_t lit_check_report_tally(const lit_check_report *rep, lit_verdict v)
{
	size_t n = 0;
	for (size_t i = 0; rep && i < rep->n; i++)
		n += rep->items[i].r.verdict == v;
	return n;
}

void lit_check_report_free(lit_check_report *rep)
{
	if (!rep)
		return;
	report_free_items(rep->items, rep->n);
	free(rep);
}
