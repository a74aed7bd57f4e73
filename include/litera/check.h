/*
 * litera/check.h - checking the links and DOIs of records: is each URL
 * alive, moved, dead, or merely blocked; does each DOI exist and point at
 * the work the record describes; where is an archived copy of a dead page.
 *
 * A lit_checker holds the options and (optionally) a persistent result
 * cache.  lit_checker_check_records() collects every URL and DOI of a list
 * of records, checks them concurrently (libcurl multi interface, a global
 * and a per-host limit, our own redirect following restricted to http and
 * https, bounded retries for transient failures only) and returns a
 * lit_check_report with one lit_link_result per link found.
 *
 * Verdicts are deliberately more than pass/fail: 401, 403, 429 and 999
 * ("bot walls", rate limits) are UNVERIFIABLE, not BROKEN; a HEAD answer
 * alone never makes a link BROKEN.
 */
#ifndef LITERA_CHECK_H
#define LITERA_CHECK_H

#include <stddef.h>
#include "common.h"
#include "record.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a link check concluded. */
typedef enum lit_verdict {
	LIT_VERDICT_OK = 0,        /**< answered 2xx (or the DOI exists) */
	LIT_VERDICT_REDIRECT,      /**< answered 2xx after redirects; see final_url, permanent */
	LIT_VERDICT_BROKEN,        /**< 404, 410, other 4xx, DNS failure, refused, loop, bad redirect, DOI unknown or pointing to another work */
	LIT_VERDICT_UNVERIFIABLE,  /**< 401, 403, 429, 999, 451: blocked or rate limited, could not verify */
	LIT_VERDICT_SERVER_ERROR,  /**< 5xx or a dropped connection after retries */
	LIT_VERDICT_TIMEOUT,       /**< connect or total timeout after retries */
	LIT_VERDICT_TLS_ERROR,     /**< certificate or handshake failure */
	LIT_VERDICT_MALFORMED,     /**< not a valid http(s) URL or DOI; see suggestion */
	LIT_VERDICT__COUNT
} lit_verdict;

/** Stable name of a verdict: "ok", "redirect", "broken", "unverifiable",
 * "server-error", "timeout", "tls-error", "malformed"; "" if out of range. */
LIT_EXTERN(const char *) lit_verdict_name(lit_verdict v);

/** When to send HEAD before GET. */
typedef enum lit_head_policy {
	LIT_HEAD_AUTO = 0, /**< HEAD only for URLs that look like large files (.pdf, .zip, ...) */
	LIT_HEAD_ALWAYS,   /**< HEAD first; anything but 2xx/3xx is confirmed with GET */
	LIT_HEAD_NEVER     /**< GET only (body capped at max_body) */
} lit_head_policy;

/** Kind of link a result is about. */
typedef enum lit_link_kind {
	LIT_LINK_URL = 0,
	LIT_LINK_DOI
} lit_link_kind;

/** Progress callback: `done` of `total` links finished. */
typedef void (*lit_check_progress_fn)(size_t done, size_t total, void *data);

/** Options for a checker.  Zero numeric fields take the defaults shown. */
typedef struct lit_check_options {
	unsigned version;
	int concurrency;           /**< transfers in flight, default 32 */
	int per_host;              /**< transfers in flight per host, default 4 */
	long connect_timeout_ms;   /**< default 10000 */
	long timeout_ms;           /**< whole transfer, default 20000 */
	int max_redirects;         /**< default 10 */
	size_t max_body;           /**< bytes read of a body before it is cut, default 1 MiB */
	int max_retries;           /**< retries of transient failures (408, 429, 5xx, timeouts, drops), default 3; -1 none */
	long max_retry_after_ms;   /**< cap on a server's Retry-After, default 60000 */
	long retry_base_ms;        /**< first back-off delay (doubled each try, +-10% jitter), default 600 */
	lit_head_policy head;      /**< default LIT_HEAD_AUTO */
	const char *user_agent;    /**< NULL: "litera/VERSION (+URL; mailto:ADDR)" */
	const char *mailto;        /**< contact address for the User-Agent (polite pools); may be NULL */
	const char *doi_base;      /**< DOI resolver for content negotiation, default "https://doi.org" */
	const char *handle_base;   /**< handle API base: BASE/api/handles/DOI, default "https://doi.org" */
	const char *wayback_base;  /**< availability API base: BASE/wayback/available, default "https://archive.org" */
	const char *ca_file;       /**< CA bundle to trust instead of the system's; NULL = system */
	const char *cache_path;    /**< SQLite cache file; NULL = no persistent cache */
	long max_age_s;            /**< cache entries older than this are ignored, default 86400 */
	int no_cache;              /**< non-zero: neither read nor write the cache */
	int enrich;                /**< non-zero: fetch DOI metadata (CSL-JSON), fill missing fields, flag mismatches */
	int no_wayback;            /**< non-zero: do not look up archived copies of dead links */
	int no_doi;                /**< non-zero: do not check DOIs */
	lit_check_progress_fn progress; /**< may be NULL; called from the checking thread */
	void *progress_data;
	int check_landing;         /**< non-zero: also open each existing DOI's registered landing page and
	                                report it ("DOI exists, landing page blocked" is not "DOI dead") */
} lit_check_options;

#define LIT_CHECK_OPTIONS_VERSION 1
#define LIT_CHECK_OPTIONS_INIT { LIT_CHECK_OPTIONS_VERSION, 32, 4, 10000, 20000, 10, \
	(size_t)1 << 20, 3, 60000, 600, LIT_HEAD_AUTO, NULL, NULL, "https://doi.org", \
	"https://doi.org", "https://archive.org", NULL, NULL, 86400, 0, 0, 0, 0, NULL, NULL, 0 }

/** The result for one link (URL or DOI) of one record.  Strings are UTF-8,
 * owned by the report, and NULL when not applicable. */
typedef struct lit_link_result {
	lit_link_kind kind;
	const char *url;           /**< the link as written (for a DOI: the DOI) */
	const char *checked_url;   /**< what was requested (normalised: punycode host, %-encoded path) */
	lit_verdict verdict;
	int permanent;             /**< REDIRECT: 1 when every hop was 301/308 */
	int http_status;           /**< last HTTP status seen, 0 if none */
	const char *final_url;     /**< where redirects ended (DOI: the registered landing URL) */
	long ms;                   /**< time taken (all tries), milliseconds */
	const char *archived_url;  /**< closest Wayback snapshot for dead/blocked links */
	const char *archived_timestamp; /**< its timestamp, YYYYMMDDhhmmss */
	const char *record_id;     /**< id of the record the link belongs to */
	size_t record_index;       /**< position of that record in the input list */
	const char *message;       /**< a one-line explanation */
	const char *suggestion;    /**< suggested repair for a malformed link */
	const char *accessed;      /**< the record's access date (ISO), if any */
	long accessed_days;        /**< days since the access date; -1 if unknown */
	int from_cache;            /**< 1 when the verdict came from the cache */
	int doi_mismatch;          /**< DOI: metadata title/year differ from the record */
	const char *source;        /**< input file of the record, if known */
	long line;                 /**< line of the record in it, 0 if unknown */
} lit_link_result;

typedef struct lit_checker lit_checker;
typedef struct lit_check_report lit_check_report;

/**
 * Create a checker.  `opts` NULL uses LIT_CHECK_OPTIONS_INIT.  The strings
 * in opts are copied.  Opening the cache may fail (LIT_EIO); the checker is
 * then not created.  Free with lit_checker_free().
 */
LIT_EXTERN(int) lit_checker_new(lit_checker **out, const lit_check_options *opts,
                                lit_error *err);
LIT_EXTERN(void) lit_checker_free(lit_checker *chk);

/**
 * Check every URL (variable URL, URLs in note, and URLs in the raw
 * reference text when URL is empty) and DOI (variable DOI, doi.org URLs, a
 * DOI written in URL, and a DOI in the raw text when DOI is empty) of
 * `records`.  The same URL or DOI is fetched once however often it occurs.  With `enrich`, missing fields of the
 * records are filled from DOI metadata (the records are modified).
 * On success *out receives a report (free with lit_check_report_free());
 * links are reported in record order.
 */
LIT_EXTERN(int) lit_checker_check_records(lit_checker *chk, lit_records *records,
                                          lit_check_report **out, lit_error *err);

/**
 * Check a list of bare URLs or DOIs (strings starting with "10." or "doi:"
 * are DOIs).  record_id is NULL in the results.
 */
LIT_EXTERN(int) lit_checker_check_urls(lit_checker *chk, const char *const *urls,
                                       size_t n, lit_check_report **out, lit_error *err);

LIT_EXTERN(size_t) lit_check_report_count(const lit_check_report *rep);
/** The i-th result; NULL when out of range.  Owned by the report. */
LIT_EXTERN(const lit_link_result *) lit_check_report_at(const lit_check_report *rep, size_t i);
/** Number of results with verdict `v`. */
LIT_EXTERN(size_t) lit_check_report_tally(const lit_check_report *rep, lit_verdict v);
LIT_EXTERN(void) lit_check_report_free(lit_check_report *rep);

/**
 * Render a report as "text", "json", "markdown" or "junit" into a new
 * NUL-terminated buffer (*out, free with lit_free(); *outlen its length).
 * LIT_ENOTFOUND for an unknown format.
 */
LIT_EXTERN(int) lit_check_report_render(const lit_check_report *rep, const char *format,
                                        char **out, size_t *outlen, lit_error *err);

/**
 * Validate and normalise one URL: only http and https with a host; an
 * internationalised host becomes punycode, non-ASCII and unsafe characters
 * in path, query and fragment are percent-encoded as UTF-8.
 * Returns LIT_OK and *normalized (free with lit_free()) when the URL is
 * valid, or LIT_EPARSE with a reason in err and, in *suggestion (may be
 * NULL), a repaired URL when one can be guessed (spaces from line breaks,
 * "№" for "N", broken %-escapes, typographic dashes and quotes).  Either
 * out-pointer may be NULL.
 */
LIT_EXTERN(int) lit_url_normalize(const char *url, size_t len, char **normalized,
                                  char **suggestion, lit_error *err);

/**
 * Normalise a DOI: strip "doi:", "https://doi.org/", "http://dx.doi.org/"
 * and surrounding space/punctuation bycatch, and check the syntax
 * (10.NNNN[.N...]/suffix).  LIT_OK with *out (free with lit_free()), or
 * LIT_EPARSE.
 */
LIT_EXTERN(int) lit_doi_normalize(const char *doi, size_t len, char **out, lit_error *err);

/**
 * Encode a Unicode host label string (UTF-8, dot-separated) as IDNA ASCII
 * ("президент.рф" -> "xn--d1abbgf6aiiy.xn--p1ai"), lower-casing it.  ASCII
 * labels are kept (lower-cased).  LIT_OK with *out (free with lit_free()),
 * LIT_EPARSE for invalid input.
 */
LIT_EXTERN(int) lit_idna_encode(const char *host, size_t len, char **out);

#ifdef __cplusplus
}
#endif

#endif
