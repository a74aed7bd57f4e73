/*
 * litera/dedup.h - finding and merging duplicate records.
 *
 * lit_dedup() finds records that describe the same work (same DOI, ISBN or
 * URL after normalisation, or a scored comparison of title, authors, year,
 * container, volume and pages that sees through transliteration between
 * Cyrillic and Latin), groups them into clusters and merges every cluster
 * into its first member.  Different editions, volumes, a chapter and its
 * book, and a work and its translation are kept apart; translations are
 * linked through the custom entry "related" instead.
 *
 * A merged record keeps the most complete value of every field, every
 * field any member had, and the provenance of every member: the custom
 * entry "merged_ids" (a JSON array of the member ids, its own first) and
 * "occurrences" (a JSON array of {"id","file","line","where","label","raw"}
 * objects, one per member).
 */
#ifndef LITERA_DEDUP_H
#define LITERA_DEDUP_H

#include <stddef.h>
#include "common.h"
#include "record.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for lit_dedup(). */
typedef struct lit_dedup_options {
	unsigned version;
	/** Score (0..1) at or above which two records are the same work;
	 *  0 uses the default (LIT_DEDUP_DEFAULT_THRESHOLD).  Identifier matches
	 *  (DOI, ISBN, URL) do not depend on it. */
	double threshold;
	/** Non-zero: only find the clusters (for the report); records are not changed. */
	int dry_run;
	/** Non-zero: records without an id get "r1", "r2", ... (1-based input
	 *  position, made unique) so that merged_ids name every member. */
	int assign_ids;
	/** Non-zero: link translations both ways with custom "related". */
	int link_related;
	/** Largest block compared pair by pair; larger blocks are compared in a
	 *  sliding window.  0 uses the default (16). */
	size_t max_block;
} lit_dedup_options;

#define LIT_DEDUP_OPTIONS_VERSION 1
#define LIT_DEDUP_DEFAULT_THRESHOLD 0.80
#define LIT_DEDUP_OPTIONS_INIT { LIT_DEDUP_OPTIONS_VERSION, 0.0, 0, 1, 1, 0 }

/** What lit_dedup() found: the clusters and why their members joined. */
typedef struct lit_dedup_report lit_dedup_report;

/**
 * Find duplicates in `records` and merge each cluster in place: the first
 * member (in list order) absorbs the others, which are removed and freed;
 * the list keeps the order of first occurrences.  With opts->dry_run the
 * list is left unchanged (ids may still be assigned when assign_ids is set).
 *
 * @param records  the list to deduplicate (changed in place)
 * @param opts     options, or NULL for LIT_DEDUP_OPTIONS_INIT
 * @param report   if not NULL, receives a report the caller frees with
 *                 lit_dedup_report_free() (NULL on failure)
 * @param err      if not NULL, receives the error
 * @return LIT_OK, LIT_EINVAL (bad options) or LIT_ENOMEM.  When memory
 *         runs out while clusters are being merged, the clusters merged so
 *         far stay merged (the list is valid, with no record lost).
 */
LIT_EXTERN(int) lit_dedup(lit_records *records, const lit_dedup_options *opts,
                          lit_dedup_report **report, lit_error *err);

/** Free a report.  NULL is allowed. */
LIT_EXTERN(void) lit_dedup_report_free(lit_dedup_report *report);

/** Number of records before merging. */
LIT_EXTERN(size_t) lit_dedup_report_input_count(const lit_dedup_report *report);
/** Number of records after merging (or that would remain, in a dry run). */
LIT_EXTERN(size_t) lit_dedup_report_output_count(const lit_dedup_report *report);
/** Number of clusters with two or more members. */
LIT_EXTERN(size_t) lit_dedup_report_cluster_count(const lit_dedup_report *report);
/** Number of members of cluster `c`; 0 when out of range. */
LIT_EXTERN(size_t) lit_dedup_report_cluster_size(const lit_dedup_report *report, size_t c);
/**
 * Member `i` of cluster `c` (member 0 is the record that absorbed the
 * others).  Returns its id (owned by the report; "" when the record had
 * none), or NULL when out of range.  *index (if not NULL) receives the
 * 0-based position of the member in the input list, and *reason (if not
 * NULL) why it joined, e.g. "same DOI 10.1000/xyz as r1" or
 * "score 0.93 with r4: title 0.97, author, year, volume" (owned by the report).
 */
LIT_EXTERN(const char *) lit_dedup_report_member(const lit_dedup_report *report,
                                                 size_t c, size_t i, size_t *index,
                                                 const char **reason);
/** Number of "related" links found (a work and its translation). */
LIT_EXTERN(size_t) lit_dedup_report_related_count(const lit_dedup_report *report);
/**
 * Related link `i`: input positions of the two records in *a and *b and
 * the reason in *reason (owned by the report).  Returns LIT_OK or
 * LIT_EINVAL when out of range.
 */
LIT_EXTERN(int) lit_dedup_report_related(const lit_dedup_report *report, size_t i,
                                         size_t *a, size_t *b, const char **reason);
/**
 * Render the report as text (one block per cluster) or, when `json` is
 * non-zero, as a JSON object {"input","output","clusters":[{"members":
 * [{"id","index","reason"}]}],"related":[...]}.  *out receives a
 * NUL-terminated buffer the caller frees with lit_free(); *len (if not
 * NULL) its length.  Returns LIT_OK or LIT_ENOMEM.
 */
LIT_EXTERN(int) lit_dedup_report_render(const lit_dedup_report *report, int json,
                                        char **out, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
