/*
 * http.c - the one adapter between the link checker and libcurl.
 *
 * libcurl only executes transfers: the scheduler (sched.c) decides what
 * runs when, follows redirects itself and retries.  Here we set up easy
 * handles (kept in a pool so connections and DNS cache are reused through
 * the multi handle), restrict protocols to http/https, cap bodies, parse
 * Retry-After / Content-Type / Location, and translate CURLcode into our
 * LIT_NET_* classes.  Proxy variables (http_proxy, https_proxy, no_proxy)
 * are honoured by libcurl by default.
 */
#include <curl/curl.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <time.h>

#include "check_int.h"

struct lit_http {
	CURLM *multi;
	lit_http_opts o;
	char *user_agent;
	char *ca_file;
	CURL **pool;          /* idle handles */
	size_t npool, cappool;
	CURL **live;          /* handles in the multi handle */
	size_t nlive, caplive;
	int running;
};

double lit_check_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static char *dupstr(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

int lit_http_new(lit_http **out, const lit_http_opts *opts)
{
	lit_http *h;
	*out = NULL;
	/* reference counted and thread-safe in the libcurl we build against */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return LIT_ENETWORK;
	h = calloc(1, sizeof *h);
	if (!h) {
		curl_global_cleanup();
		return LIT_ENOMEM;
	}
	h->o = *opts;
	h->user_agent = dupstr(opts->user_agent);
	h->ca_file = dupstr(opts->ca_file);
	h->multi = curl_multi_init();
	if (!h->multi || (opts->user_agent && !h->user_agent) || (opts->ca_file && !h->ca_file)) {
		lit_http_free(h);
		return LIT_ENOMEM;
	}
	h->o.user_agent = h->user_agent;
	h->o.ca_file = h->ca_file;
	curl_multi_setopt(h->multi, CURLMOPT_MAXCONNECTS, (long)(opts->max_connections > 0 ? opts->max_connections : 64));
	if (opts->max_host_connections > 0)
		curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)opts->max_host_connections);
	*out = h;
	return LIT_OK;
}

void lit_http_free(lit_http *h)
{
	if (!h)
		return;
	/* transfers still running when a run is abandoned */
	for (size_t i = 0; i < h->nlive; i++) {
		lit_http_xfer *x = NULL;
		curl_easy_getinfo(h->live[i], CURLINFO_PRIVATE, (char **)&x);
		curl_multi_remove_handle(h->multi, h->live[i]);
		if (x) {
			curl_slist_free_all(x->headers);
			x->headers = NULL;
			x->easy = NULL;
		}
		curl_easy_cleanup(h->live[i]);
	}
	free(h->live);
	for (size_t i = 0; i < h->npool; i++)
		curl_easy_cleanup(h->pool[i]);
	free(h->pool);
	if (h->multi)
		curl_multi_cleanup(h->multi);
	free(h->user_agent);
	free(h->ca_file);
	free(h);
	curl_global_cleanup();
}

void lit_http_xfer_clear(lit_http_xfer *x)
{
	free(x->location);
	x->location = NULL;
	free(x->content_type);
	x->content_type = NULL;
	lit_buf_free(&x->body);
}

static size_t on_body(char *data, size_t size, size_t n, void *ud)
{
	lit_http_xfer *x = ud;
	size_t len = size * n;
	size_t have = x->body.len;
	x->nbody += len;
	if (!x->keep_body) {
		if (x->nbody > x->max_body) {
			x->truncated = 1;
			return 0;
		}
		return len;
	}
	if (have + len > x->max_body) {
		lit_buf_put(&x->body, data, x->max_body - have);
		x->truncated = 1;
		return 0;
	}
	if (lit_buf_put(&x->body, data, len))
		return 0;
	return len;
}

static long parse_retry_after(const char *v, size_t len)
{
	char tmp[128];
	while (len > 0 && isspace((unsigned char)*v)) {
		v++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)v[len - 1]))
		len--;
	if (len == 0 || len >= sizeof tmp)
		return -1;
	memcpy(tmp, v, len);
	tmp[len] = '\0';
	int digits = 1;
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)tmp[i]))
			digits = 0;
	if (digits) {
		long s = len > 7 ? 9999999 : strtol(tmp, NULL, 10);
		return s * 1000;
	}
	time_t t = curl_getdate(tmp, NULL);
	if (t < 0)
		return -1;
	time_t now = time(NULL);
	return t <= now ? 0 : (long)((t - now) > 9999999 ? 9999999 : (t - now)) * 1000;
}

static size_t on_header(char *data, size_t size, size_t n, void *ud)
{
	lit_http_xfer *x = ud;
	size_t len = size * n;
	const char *colon = memchr(data, ':', len);
	if (!colon)
		return len;
	size_t nl = (size_t)(colon - data);
	const char *v = colon + 1;
	size_t vl = len - nl - 1;
	while (vl > 0 && (v[vl - 1] == '\r' || v[vl - 1] == '\n'))
		vl--;
	while (vl > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		vl--;
	}
	if (nl == 18 && strncasecmp(data, "x-rate-limit-limit", 18) == 0) {
		char tmp[32];
		size_t cn = vl < sizeof tmp - 1 ? vl : sizeof tmp - 1;
		memcpy(tmp, v, cn);
		tmp[cn] = '\0';
		long lim = strtol(tmp, NULL, 10);
		x->rate_limit = lim > 0 && lim < 1000000 ? lim : 0;
	} else if (nl == 21 && strncasecmp(data, "x-rate-limit-interval", 21) == 0) {
		/* "1s", "60s", "1m" (Crossref) */
		char tmp[32], *end;
		size_t cn = vl < sizeof tmp - 1 ? vl : sizeof tmp - 1;
		memcpy(tmp, v, cn);
		tmp[cn] = '\0';
		double d = strtod(tmp, &end);
		double mul = *end == 'm' && end[1] != 's' ? 60000 : *end == 'h' ? 3600000 :
		             (*end == 'm' && end[1] == 's') ? 1 : 1000;
		x->rate_interval_ms = d > 0 && d * mul < 3600000 ? (long)(d * mul) : 0;
	} else if (nl == 11 && strncasecmp(data, "retry-after", 11) == 0) {
		x->retry_after_ms = parse_retry_after(v, vl);
	} else if (nl == 12 && strncasecmp(data, "content-type", 12) == 0 && vl < 512) {
		free(x->content_type);
		x->content_type = malloc(vl + 1);
		if (x->content_type) {
			memcpy(x->content_type, v, vl);
			x->content_type[vl] = '\0';
		}
	}
	return len;
}

int lit_http_start(lit_http *h, lit_http_xfer *x)
{
	CURL *e;
	struct curl_slist *hdrs;
	char line[320];
	lit_http_xfer_clear(x);
	x->status = 0;
	x->net = LIT_NET_OK;
	x->errmsg[0] = '\0';
	x->retry_after_ms = -1;
	x->rate_limit = 0;
	x->rate_interval_ms = 0;
	x->truncated = 0;
	x->nbody = 0;
	x->ms = 0;
	x->body.max = x->max_body + 1;
	if (h->npool > 0) {
		e = h->pool[--h->npool];
		curl_easy_reset(e);
	} else {
		e = curl_easy_init();
		if (!e)
			return LIT_ENOMEM;
	}
	snprintf(line, sizeof line, "Accept: %s",
	         x->accept ? x->accept : "text/html,application/xhtml+xml,*/*;q=0.8");
	hdrs = curl_slist_append(NULL, line);
	if (!hdrs) {
		curl_easy_cleanup(e);
		return LIT_ENOMEM;
	}
	if (h->nlive == h->caplive) {
		size_t nc = h->caplive ? h->caplive * 2 : 64;
		CURL **nl = realloc(h->live, nc * sizeof *nl);
		if (!nl) {
			curl_slist_free_all(hdrs);
			curl_easy_cleanup(e);
			return LIT_ENOMEM;
		}
		h->live = nl;
		h->caplive = nc;
	}
	x->easy = e;
	x->headers = hdrs;
	curl_easy_setopt(e, CURLOPT_URL, x->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	if (x->head)
		curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errmsg);
	if (h->o.user_agent)
		curl_easy_setopt(e, CURLOPT_USERAGENT, h->o.user_agent);
	if (h->o.ca_file)
		curl_easy_setopt(e, CURLOPT_CAINFO, h->o.ca_file);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, h->o.connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, hdrs);
	x->started = lit_check_now_ms();
	if (curl_multi_add_handle(h->multi, e) != CURLM_OK) {
		curl_slist_free_all(hdrs);
		x->headers = NULL;
		curl_easy_cleanup(e);
		x->easy = NULL;
		return LIT_ENETWORK;
	}
	h->live[h->nlive++] = e;
	h->running++;
	return LIT_OK;
}

static int classify(CURLcode rc)
{
	switch (rc) {
	case CURLE_OK:
		return LIT_NET_OK;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return LIT_NET_DNS;
	case CURLE_COULDNT_CONNECT:
		return LIT_NET_REFUSED;
	case CURLE_OPERATION_TIMEDOUT:
		return LIT_NET_TIMEOUT;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_USE_SSL_FAILED:
		return LIT_NET_TLS;
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return LIT_NET_DROPPED;
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		return LIT_NET_PROTOCOL;
	default:
		return LIT_NET_OTHER;
	}
}

static void finish(lit_http *h, CURL *e, CURLcode rc)
{
	lit_http_xfer *x = NULL;
	long code = 0;
	char *loc = NULL;
	curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&x);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
	x->status = (int)code;
	if (rc == CURLE_WRITE_ERROR && x->truncated)
		rc = CURLE_OK; /* we cut the body on purpose */
	x->net = classify(rc);
	if (rc != CURLE_OK && !x->errmsg[0])
		snprintf(x->errmsg, sizeof x->errmsg, "%s", curl_easy_strerror(rc));
	if (rc == CURLE_OK)
		x->errmsg[0] = '\0';
	if (code >= 300 && code < 400 &&
	    curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &loc) == CURLE_OK && loc)
		x->location = dupstr(loc);
	x->ms = lit_check_now_ms() - x->started;
	curl_multi_remove_handle(h->multi, e);
	curl_slist_free_all(x->headers);
	x->headers = NULL;
	x->easy = NULL;
	h->running--;
	for (size_t i = 0; i < h->nlive; i++) {
		if (h->live[i] == e) {
			h->live[i] = h->live[--h->nlive];
			break;
		}
	}
	/* keep the handle for the next transfer (its connection stays in the
	 * multi handle's cache either way) */
	if (h->npool == h->cappool) {
		size_t nc = h->cappool ? h->cappool * 2 : 16;
		CURL **np = realloc(h->pool, nc * sizeof *np);
		if (!np) {
			curl_easy_cleanup(e);
			return;
		}
		h->pool = np;
		h->cappool = nc;
	}
	h->pool[h->npool++] = e;
}

int lit_http_perform(lit_http *h, lit_http_xfer **done, size_t max, size_t *ndone)
{
	int still, left;
	CURLMsg *m;
	*ndone = 0;
	if (curl_multi_perform(h->multi, &still) != CURLM_OK)
		return LIT_ENETWORK;
	while (*ndone < max && (m = curl_multi_info_read(h->multi, &left)) != NULL) {
		if (m->msg != CURLMSG_DONE)
			continue;
		CURL *e = m->easy_handle;
		CURLcode rc = m->data.result;
		lit_http_xfer *x = NULL;
		curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&x);
		finish(h, e, rc);
		done[(*ndone)++] = x;
	}
	return LIT_OK;
}

int lit_http_wait(lit_http *h, int timeout_ms)
{
	int n;
	if (timeout_ms < 0)
		timeout_ms = 0;
	return curl_multi_poll(h->multi, NULL, 0, timeout_ms, &n) == CURLM_OK ? LIT_OK : LIT_ENETWORK;
}

char *lit_http_escape(const char *s)
{
	char *e = curl_easy_escape(NULL, s, 0);
	char *d = dupstr(e);
	curl_free(e);
	return d;
}
