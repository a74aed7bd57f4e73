/*
 * check_int.h - internals of the link checker shared by the files of
 * src/check/: the curl adapter (http.c, the only file that includes
 * <curl/curl.h>), the per-host scheduler (sched.c), the SQLite cache
 * (cache.c), URL/DOI helpers (url.c, doi.c) and the report writers.
 */
#ifndef LIT_CHECK_INT_H
#define LIT_CHECK_INT_H

#include <stddef.h>
#include "litera/check.h"
#include "util/buf.h"

/* ------------------------------------------------------------------ time */

/* Monotonic milliseconds. */
double lit_check_now_ms(void);

/* ------------------------------------------------------------- http.c */

/* Network outcome classes of one transfer. */
enum {
	LIT_NET_OK = 0,
	LIT_NET_DNS,       /* host name did not resolve */
	LIT_NET_REFUSED,   /* could not connect */
	LIT_NET_TIMEOUT,
	LIT_NET_TLS,
	LIT_NET_DROPPED,   /* connection closed without (complete) answer */
	LIT_NET_PROTOCOL,  /* unsupported scheme or malformed URL */
	LIT_NET_OTHER
};

typedef struct lit_http lit_http;

typedef struct lit_http_opts {
	const char *user_agent;
	const char *ca_file;
	long connect_timeout_ms;
	long timeout_ms;
	int max_connections;  /* connection cache size */
	int max_host_connections; /* safety net only; the scheduler limits */
} lit_http_opts;

/* One transfer: the request fields are set by the caller, the response
 * fields by lit_http_*.  No redirects are followed by curl. */
typedef struct lit_http_xfer {
	/* request */
	const char *url;
	int head;              /* HEAD instead of GET */
	const char *accept;    /* Accept header or NULL */
	size_t max_body;       /* stop reading after this many bytes */
	int keep_body;         /* store the body (up to max_body) in `body` */
	/* response */
	int status;            /* HTTP status, 0 if none */
	int net;               /* LIT_NET_* */
	char errmsg[256];
	char *location;        /* absolute redirect target (malloc) or NULL */
	long retry_after_ms;   /* -1 when absent */
	long rate_limit;       /* x-rate-limit-limit (requests), 0 when absent */
	long rate_interval_ms; /* x-rate-limit-interval, 0 when absent */
	char *content_type;    /* malloc or NULL */
	lit_buf body;
	int truncated;         /* body longer than max_body */
	double ms;             /* wall time of this transfer */
	size_t nbody;          /* body bytes received */
	/* internal */
	void *easy;
	void *headers;
	double started;
} lit_http_xfer;

int lit_http_new(lit_http **out, const lit_http_opts *opts);
void lit_http_free(lit_http *h);
/* Start a transfer (resets its response fields). */
int lit_http_start(lit_http *h, lit_http_xfer *x);
/* Drive transfers; store up to `max` finished ones in done[] (count in
 * *ndone).  Returns 0 or a LIT_* error. */
int lit_http_perform(lit_http *h, lit_http_xfer **done, size_t max, size_t *ndone);
/* Wait for activity at most timeout_ms. */
int lit_http_wait(lit_http *h, int timeout_ms);
/* Release the response memory of a finished transfer. */
void lit_http_xfer_clear(lit_http_xfer *x);
/* Percent-escape for a query parameter value (malloc). */
char *lit_http_escape(const char *s);

/* ------------------------------------------------------------ sched.c */

/* One fetch: a logical request with redirects, HEAD->GET fallback and
 * retries.  Allocated and owned by the caller, referenced by the scheduler
 * until its completion callback. */
typedef struct lit_fetch lit_fetch;
struct lit_fetch {
	/* request */
	char *url;              /* first URL (owned by the fetch) */
	int head_first;
	int follow;             /* follow redirects (max_redirects) */
	const char *accept;
	int keep_body;
	/* outcome */
	int status;             /* last HTTP status */
	int net;                /* LIT_NET_* of the last attempt */
	char message[320];
	char *final_url;        /* last URL requested (owned) */
	int redirects;
	int permanent;          /* all hops permanent */
	int bad_redirect;       /* 1 disallowed scheme, 2 loop, 3 too many, 4 malformed Location */
	lit_buf body;
	char *content_type;
	double ms;
	int attempts;
	int head_only;          /* the answer came from a HEAD request */
	/* caller's */
	void *user;
	int tag;
	/* scheduler's */
	char *cur;              /* current URL (owned) */
	char **seen;            /* URLs visited in this chain */
	size_t nseen;
	int use_head;
	int tries;              /* attempts of the current hop */
	double not_before;
	double started;
	struct lit_sched_host *host;
	lit_fetch *next;        /* queue link */
	lit_http_xfer x;
};

typedef struct lit_sched lit_sched;
typedef void (*lit_fetch_done_fn)(lit_fetch *f, void *data);

typedef struct lit_sched_opts {
	int concurrency;
	int per_host;
	int max_redirects;
	int max_retries;
	long max_retry_after_ms;
	long retry_base_ms;
	size_t max_body;
} lit_sched_opts;

int lit_sched_new(lit_sched **out, lit_http *http, const lit_sched_opts *opts,
                  lit_fetch_done_fn done, void *data);
void lit_sched_free(lit_sched *s);
/* Queue a fetch (may be called from the done callback). */
int lit_sched_add(lit_sched *s, lit_fetch *f);
/* Run until every queued fetch has completed. */
int lit_sched_run(lit_sched *s);
/* Free the owned parts of a fetch (not the struct itself). */
void lit_fetch_clear(lit_fetch *f);

/* -------------------------------------------------------------- url.c */

/* Host part ("scheme://host:port", lower-case) of an absolute URL into
 * out (size n); returns 0 or -1 when there is none. */
int lit_url_host_key(const char *url, char *out, size_t n);
/* Does the URL's path look like a large file (HEAD saves time)? */
int lit_url_looks_large(const char *url);
/* Strip trailing punctuation picked up from running text (".,;:" and an
 * unbalanced ')' or ']'); returns the new length. */
size_t lit_url_trim_bycatch(const char *url, size_t len);
/* If url is a doi.org / dx.doi.org link, store the DOI (malloc) in *doi. */
int lit_url_doi(const char *url, char **doi);

/* ------------------------------------------------------------ cache.c */

typedef struct lit_check_cache lit_check_cache;

typedef struct lit_cache_entry {
	int verdict;
	int status;
	int permanent;
	long ms;
	char *final_url;
	char *message;
	char *extra;     /* archived url, or CSL-JSON */
	char *extra2;    /* archived timestamp */
	long long checked_at;
} lit_cache_entry;

int lit_check_cache_open(lit_check_cache **out, const char *path, lit_error *err);
void lit_check_cache_close(lit_check_cache *c);
/* 1 found (fresh), 0 not found/stale, <0 error. */
int lit_check_cache_get(lit_check_cache *c, const char *key, long max_age_s,
                        lit_cache_entry *e);
int lit_check_cache_put(lit_check_cache *c, const char *key, const lit_cache_entry *e,
                        long ttl_s);
void lit_cache_entry_clear(lit_cache_entry *e);
int lit_check_cache_begin(lit_check_cache *c);
int lit_check_cache_commit(lit_check_cache *c);

#endif
