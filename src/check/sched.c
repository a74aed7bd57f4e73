/*
 * sched.c - the link checker's scheduler: a global and a per-host limit on
 * transfers in flight, our own redirect following, HEAD->GET fallback and
 * bounded retries with back-off, on top of the curl adapter (http.c).
 *
 * Why we schedule instead of libcurl: a handle waiting in libcurl's queue
 * already has its timeout running and its total time includes the wait, so
 * queueing there makes both timeouts and timings wrong.  We only hand
 * libcurl as many transfers as may run now, and the event loop starts the
 * next fetch as soon as one finishes, before waiting again.
 *
 * Hosts live in a hash table; hosts that have queued fetches and a free
 * slot sit on a round-robin "ready" list.  A host that answered 429/503
 * with Retry-After is paused as a whole (back-off keyed by host).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_int.h"

typedef struct lit_sched_host {
	char *key;
	int active;
	double not_before;
	lit_fetch *qhead, *qtail;
	int in_ready;
	unsigned recent;        /* last 8 answers: bit set = throttled (429/503 + Retry-After) */
	double min_gap;         /* ms between request starts the host asked for (x-rate-limit-*) */
	double last_start;
	struct lit_sched_host *rnext;
	struct lit_sched_host *hnext;
} host;

struct lit_sched {
	lit_http *http;
	lit_sched_opts o;
	lit_fetch_done_fn done;
	void *data;
	host **buckets;
	size_t nbuckets, nhosts;
	host *rhead, *rtail;
	lit_fetch *delayed;   /* waiting for not_before (retries) */
	int active;
	size_t queued;        /* fetches not yet completed */
	unsigned rng;
};

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

int lit_sched_new(lit_sched **out, lit_http *http, const lit_sched_opts *opts,
                  lit_fetch_done_fn done, void *data)
{
	lit_sched *s = calloc(1, sizeof *s);
	*out = NULL;
	if (!s)
		return LIT_ENOMEM;
	s->http = http;
	s->o = *opts;
	if (s->o.concurrency < 1)
		s->o.concurrency = 1;
	if (s->o.per_host < 1)
		s->o.per_host = 1;
	s->done = done;
	s->data = data;
	s->nbuckets = 256;
	s->buckets = calloc(s->nbuckets, sizeof *s->buckets);
	s->rng = 0x9e3779b9u;
	if (!s->buckets) {
		free(s);
		return LIT_ENOMEM;
	}
	*out = s;
	return LIT_OK;
}

void lit_sched_free(lit_sched *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nbuckets; i++) {
		host *h = s->buckets[i];
		while (h) {
			host *n = h->hnext;
			free(h->key);
			free(h);
			h = n;
		}
	}
	free(s->buckets);
	free(s);
}

void lit_fetch_clear(lit_fetch *f)
{
	free(f->url);
	free(f->final_url);
	free(f->cur);
	free(f->content_type);
	lit_buf_free(&f->body);
	for (size_t i = 0; i < f->nseen; i++)
		free(f->seen[i]);
	free(f->seen);
	lit_http_xfer_clear(&f->x);
	f->url = f->final_url = f->cur = f->content_type = NULL;
	f->seen = NULL;
	f->nseen = 0;
}

static int rehash(lit_sched *s)
{
	size_t nb = s->nbuckets * 4;
	host **b = calloc(nb, sizeof *b);
	if (!b)
		return -1;
	for (size_t i = 0; i < s->nbuckets; i++) {
		host *h = s->buckets[i];
		while (h) {
			host *n = h->hnext;
			size_t k = hash_str(h->key) & (nb - 1);
			h->hnext = b[k];
			b[k] = h;
			h = n;
		}
	}
	free(s->buckets);
	s->buckets = b;
	s->nbuckets = nb;
	return 0;
}

static host *host_get(lit_sched *s, const char *url)
{
	char key[512];
	if (lit_url_host_key(url, key, sizeof key))
		snprintf(key, sizeof key, "?");
	size_t k = hash_str(key) & (s->nbuckets - 1);
	for (host *h = s->buckets[k]; h; h = h->hnext)
		if (strcmp(h->key, key) == 0)
			return h;
	if (s->nhosts > s->nbuckets * 2 && rehash(s) == 0)
		k = hash_str(key) & (s->nbuckets - 1);
	host *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->key = strdup(key);
	if (!h->key) {
		free(h);
		return NULL;
	}
	h->hnext = s->buckets[k];
	s->buckets[k] = h;
	s->nhosts++;
	return h;
}

static void ready_push(lit_sched *s, host *h)
{
	if (h->in_ready)
		return;
	h->in_ready = 1;
	h->rnext = NULL;
	if (s->rtail)
		s->rtail->rnext = h;
	else
		s->rhead = h;
	s->rtail = h;
}

static host *ready_pop(lit_sched *s)
{
	host *h = s->rhead;
	if (!h)
		return NULL;
	s->rhead = h->rnext;
	if (!s->rhead)
		s->rtail = NULL;
	h->in_ready = 0;
	h->rnext = NULL;
	return h;
}

/* Put f on its host's queue (the host is looked up from f->cur): at the
 * end for new fetches, at the front for ones already under way (the next
 * hop of a redirect, a retry that is due), so they finish soon. */
static int enqueue_at(lit_sched *s, lit_fetch *f, int front)
{
	host *h = host_get(s, f->cur);
	if (!h)
		return LIT_ENOMEM;
	f->host = h;
	f->next = NULL;
	if (front && h->qhead) {
		f->next = h->qhead;
		h->qhead = f;
	} else if (h->qtail) {
		h->qtail->next = f;
		h->qtail = f;
	} else {
		h->qhead = h->qtail = f;
	}
	if (h->active < s->o.per_host)
		ready_push(s, h);
	return LIT_OK;
}

static int enqueue(lit_sched *s, lit_fetch *f)
{
	return enqueue_at(s, f, 1);
}

int lit_sched_add(lit_sched *s, lit_fetch *f)
{
	free(f->cur);
	f->cur = strdup(f->url);
	if (!f->cur)
		return LIT_ENOMEM;
	f->use_head = f->head_first;
	f->tries = 0;
	f->redirects = 0;
	f->permanent = 1;
	f->bad_redirect = 0;
	f->attempts = 0;
	f->head_only = 0;
	f->not_before = 0;
	f->started = 0;
	f->status = 0;
	f->net = LIT_NET_OK;
	f->message[0] = '\0';
	f->x.max_body = s->o.max_body;
	f->x.keep_body = f->keep_body;
	f->x.accept = f->accept;
	s->queued++;
	return enqueue_at(s, f, 0);
}

static void complete(lit_sched *s, lit_fetch *f)
{
	free(f->final_url);
	f->final_url = f->cur;
	f->cur = NULL;
	f->ms = lit_check_now_ms() - f->started;
	lit_buf_free(&f->body);
	f->body = f->x.body;
	memset(&f->x.body, 0, sizeof f->x.body);
	free(f->content_type);
	f->content_type = f->x.content_type;
	f->x.content_type = NULL;
	lit_http_xfer_clear(&f->x);
	s->queued--;
	s->done(f, s->data);
}

static unsigned rnd(lit_sched *s)
{
	s->rng = s->rng * 1103515245u + 12345u;
	return (s->rng >> 8) & 0xffff;
}

/* Re-queue f after delay_ms. */
static void delay(lit_sched *s, lit_fetch *f, double delay_ms)
{
	f->not_before = lit_check_now_ms() + delay_ms;
	f->next = s->delayed;
	s->delayed = f;
}

static double backoff(lit_sched *s, int tries)
{
	double base = (double)(s->o.retry_base_ms > 0 ? s->o.retry_base_ms : 600);
	double d = base;
	for (int i = 0; i < tries && d < 30000; i++)
		d *= 2;
	return d * (0.9 + 0.2 * (double)rnd(s) / 65535.0);
}

/*
 * A 429 (or 503) with Retry-After makes that URL wait.  The whole host is
 * paused only when it is clearly rate limiting us: half or more of its
 * last eight answers were such throttles.  One throttled page must not
 * stall a host's other links, but a host that throttles everything gets
 * left alone for the time it asked for.
 */
static void host_answer(host *h, int throttled, long ra_ms)
{
	h->recent = ((h->recent << 1) | (throttled ? 1u : 0u)) & 0xffu;
	if (!throttled || ra_ms <= 0)
		return;
	int n = 0;
	for (unsigned b = h->recent; b; b >>= 1)
		n += (int)(b & 1u);
	double until = lit_check_now_ms() + (double)ra_ms;
	if (n >= 4 && until > h->not_before)
		h->not_before = until;
}

static int scheme_ok(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0;
}

static int is_transient_status(int st)
{
	return st == 408 || st == 429 || st == 500 || st == 502 || st == 503 || st == 504;
}

/* Handle a finished transfer of f. */
static void on_xfer(lit_sched *s, lit_fetch *f)
{
	lit_http_xfer *x = &f->x;
	host *h = f->host;
	h->active--;
	s->active--;
	if (h->qhead)
		ready_push(s, h);
	f->attempts++;
	f->status = x->status;
	f->net = x->net;
	f->head_only = f->use_head;
	if (x->net != LIT_NET_OK) {
		snprintf(f->message, sizeof f->message, "%s", x->errmsg);
		f->status = 0;
		int transient = x->net == LIT_NET_TIMEOUT || x->net == LIT_NET_DROPPED ||
		                x->net == LIT_NET_OTHER;
		if (f->use_head && transient) {
			/* some servers drop or stall HEAD: one GET instead */
			f->use_head = 0;
			f->tries++;
			delay(s, f, 0);
			return;
		}
		int limit = x->net == LIT_NET_TIMEOUT ? (s->o.max_retries > 0 ? 1 : 0) : s->o.max_retries;
		if (transient && f->tries < limit) {
			f->tries++;
			delay(s, f, backoff(s, f->tries - 1));
			return;
		}
		complete(s, f);
		return;
	}
	int st = x->status;
	if (x->rate_limit > 0 && x->rate_interval_ms > 0) {
		/* the host told us its rate (Crossref does): keep under it */
		h->min_gap = (double)x->rate_interval_ms / (double)x->rate_limit;
		if (h->min_gap > 60000)
			h->min_gap = 60000;
	}
	if (!((st == 429 || st == 503) && x->retry_after_ms >= 0))
		host_answer(h, 0, 0);
	if (f->use_head && !(st >= 200 && st < 400)) {
		/* never conclude on a HEAD answer alone: confirm with GET */
		f->use_head = 0;
		if (st == 429 || st == 503) {
			long ra = x->retry_after_ms;
			if (ra > s->o.max_retry_after_ms)
				ra = s->o.max_retry_after_ms;
			host_answer(h, ra >= 0, ra);
			f->tries++;
			delay(s, f, ra >= 0 ? (double)ra : backoff(s, f->tries - 1));
			return;
		}
		delay(s, f, 0);
		return;
	}
	if (st >= 300 && st < 400 && f->follow && st != 304) {
		const char *loc = x->location;
		if (!loc) {
			snprintf(f->message, sizeof f->message, "%d without a Location header", st);
			complete(s, f);
			return;
		}
		if (!scheme_ok(loc)) {
			f->bad_redirect = 1;
			snprintf(f->message, sizeof f->message, "redirect to a refused scheme: %.250s", loc);
			complete(s, f);
			return;
		}
		/* the target as we would request it: IDN host, encoded path */
		char *nloc = NULL;
		lit_error e;
		if (lit_url_normalize(loc, strlen(loc), &nloc, NULL, &e) != LIT_OK) {
			f->bad_redirect = 4;
			snprintf(f->message, sizeof f->message, "redirect to a malformed URL (%.80s): %.200s",
			         e.message, loc);
			complete(s, f);
			return;
		}
		free(x->location);
		x->location = nloc;
		loc = nloc;
		for (size_t i = 0; i < f->nseen; i++) {
			if (strcmp(f->seen[i], loc) == 0) {
				f->bad_redirect = 2;
				snprintf(f->message, sizeof f->message, "redirect loop back to %.250s", loc);
				complete(s, f);
				return;
			}
		}
		if (strcmp(loc, f->cur) == 0) {
			f->bad_redirect = 2;
			snprintf(f->message, sizeof f->message, "redirect loop to itself");
			complete(s, f);
			return;
		}
		if (f->redirects >= s->o.max_redirects) {
			f->bad_redirect = 3;
			snprintf(f->message, sizeof f->message, "more than %d redirects", s->o.max_redirects);
			complete(s, f);
			return;
		}
		char **ns = realloc(f->seen, (f->nseen + 1) * sizeof *ns);
		char *nu = strdup(loc);
		if (!ns || !nu) {
			if (ns)
				f->seen = ns;
			free(nu);
			snprintf(f->message, sizeof f->message, "out of memory");
			complete(s, f);
			return;
		}
		f->seen = ns;
		f->seen[f->nseen++] = f->cur;
		f->cur = nu;
		f->redirects++;
		if (st != 301 && st != 308)
			f->permanent = 0;
		f->tries = 0;
		f->not_before = 0;
		if (enqueue(s, f) != LIT_OK)
			complete(s, f);
		return;
	}
	/* a plain 500 is usually a bug, not a hiccup: one retry is enough */
	int limit = st == 500 ? (s->o.max_retries > 0 ? 1 : 0) : s->o.max_retries;
	if (is_transient_status(st) && f->tries < limit) {
		long ra = x->retry_after_ms;
		if (ra > s->o.max_retry_after_ms) {
			snprintf(f->message, sizeof f->message,
			         "Retry-After of %ld s exceeds the %ld s cap", ra / 1000,
			         s->o.max_retry_after_ms / 1000);
			complete(s, f);
			return;
		}
		f->tries++;
		host_answer(h, ra >= 0 && (st == 429 || st == 503), ra);
		delay(s, f, ra >= 0 ? (double)ra : backoff(s, f->tries - 1));
		return;
	}
	complete(s, f);
}

static int start(lit_sched *s, host *h, lit_fetch *f)
{
	if (f->started == 0)
		f->started = lit_check_now_ms();
	f->x.url = f->cur;
	f->x.head = f->use_head;
	h->active++;
	s->active++;
	if (lit_http_start(s->http, &f->x) != LIT_OK) {
		h->active--;
		s->active--;
		f->net = LIT_NET_OTHER;
		snprintf(f->message, sizeof f->message, "could not start the transfer");
		complete(s, f);
		return -1;
	}
	return 0;
}

/* Start as many fetches as the limits allow; returns the earliest time
 * something waiting becomes due (0 if nothing waits). */
static double fill(lit_sched *s)
{
	double now = lit_check_now_ms(), wake = 0;
	/* due retries back to their hosts */
	lit_fetch **pp = &s->delayed;
	while (*pp) {
		lit_fetch *f = *pp;
		if (f->not_before <= now) {
			*pp = f->next;
			if (enqueue(s, f) != LIT_OK)
				complete(s, f);
		} else {
			if (wake == 0 || f->not_before < wake)
				wake = f->not_before;
			pp = &f->next;
		}
	}
	int progress = 1;
	while (progress && s->active < s->o.concurrency && s->rhead) {
		progress = 0;
		host *last = s->rtail;
		for (;;) {
			host *h = ready_pop(s);
			if (!h)
				break;
			int was_last = h == last;
			if (h->qhead && h->active < s->o.per_host) {
				double due = h->not_before;
				if (h->min_gap > 0 && h->last_start + h->min_gap > due)
					due = h->last_start + h->min_gap;
				if (due > now) {
					if (wake == 0 || due < wake)
						wake = due;
					ready_push(s, h);
				} else if (s->active < s->o.concurrency) {
					lit_fetch *f = h->qhead;
					h->qhead = f->next;
					if (!h->qhead)
						h->qtail = NULL;
					f->next = NULL;
					h->last_start = now;
					start(s, h, f);
					progress = 1;
					if (h->qhead && h->active < s->o.per_host)
						ready_push(s, h);
				} else {
					ready_push(s, h);
				}
			}
			if (was_last || s->active >= s->o.concurrency)
				break;
		}
	}
	return wake;
}

int lit_sched_run(lit_sched *s)
{
	lit_http_xfer *done[64];
	size_t nd;
	while (s->queued > 0) {
		double wake = fill(s);
		int rc = lit_http_perform(s->http, done, 64, &nd);
		if (rc)
			return rc;
		for (size_t i = 0; i < nd; i++) {
			lit_fetch *f = (lit_fetch *)((char *)done[i] - offsetof(lit_fetch, x));
			on_xfer(s, f);
		}
		if (nd > 0)
			continue; /* start the next fetches before waiting */
		if (s->queued == 0)
			break;
		int timeout = 1000;
		if (wake > 0) {
			double d = wake - lit_check_now_ms();
			if (d < timeout)
				timeout = d < 0 ? 0 : (int)d + 1;
		}
		rc = lit_http_wait(s->http, timeout);
		if (rc)
			return rc;
	}
	return LIT_OK;
}
