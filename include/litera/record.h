/*
 * litera/record.h - the one record model every pipeline stage reads and
 * writes.
 *
 * A lit_record is one bibliographic item in CSL 1.0.2 terms: an item type,
 * an id, and variables of three kinds (text/number, names, dates), plus the
 * provenance of the record (source file, line, the raw text it came from and
 * where in a document it was found) and free-form "custom" entries that
 * writers put in CSL-JSON's `custom` object.
 *
 * Records are opaque; use the accessors.  Every setter copies its arguments;
 * every getter returns memory owned by the record, valid until the value is
 * changed or the record is freed.
 */
#ifndef LITERA_RECORD_H
#define LITERA_RECORD_H

#include <stddef.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------
 * Item types (CSL 1.0.2).  X(ID, "csl-name")
 * ------------------------------------------------------------------- */
#define LIT_TYPES(X) \
	X(ARTICLE, "article") \
	X(ARTICLE_JOURNAL, "article-journal") \
	X(ARTICLE_MAGAZINE, "article-magazine") \
	X(ARTICLE_NEWSPAPER, "article-newspaper") \
	X(BILL, "bill") \
	X(BOOK, "book") \
	X(BROADCAST, "broadcast") \
	X(CHAPTER, "chapter") \
	X(CLASSIC, "classic") \
	X(COLLECTION, "collection") \
	X(DATASET, "dataset") \
	X(DOCUMENT, "document") \
	X(ENTRY, "entry") \
	X(ENTRY_DICTIONARY, "entry-dictionary") \
	X(ENTRY_ENCYCLOPEDIA, "entry-encyclopedia") \
	X(EVENT, "event") \
	X(FIGURE, "figure") \
	X(GRAPHIC, "graphic") \
	X(HEARING, "hearing") \
	X(INTERVIEW, "interview") \
	X(LEGAL_CASE, "legal_case") \
	X(LEGISLATION, "legislation") \
	X(MANUSCRIPT, "manuscript") \
	X(MAP, "map") \
	X(MOTION_PICTURE, "motion_picture") \
	X(MUSICAL_SCORE, "musical_score") \
	X(PAMPHLET, "pamphlet") \
	X(PAPER_CONFERENCE, "paper-conference") \
	X(PATENT, "patent") \
	X(PERFORMANCE, "performance") \
	X(PERIODICAL, "periodical") \
	X(PERSONAL_COMMUNICATION, "personal_communication") \
	X(POST, "post") \
	X(POST_WEBLOG, "post-weblog") \
	X(REGULATION, "regulation") \
	X(REPORT, "report") \
	X(REVIEW, "review") \
	X(REVIEW_BOOK, "review-book") \
	X(SOFTWARE, "software") \
	X(SONG, "song") \
	X(SPEECH, "speech") \
	X(STANDARD, "standard") \
	X(THESIS, "thesis") \
	X(TREATY, "treaty") \
	X(WEBPAGE, "webpage")

/** CSL item type.  LIT_TYPE_DOCUMENT is the generic fallback. */
typedef enum lit_type {
#define LIT_X_(id, name) LIT_TYPE_##id,
	LIT_TYPES(LIT_X_)
#undef LIT_X_
	LIT_TYPE__COUNT
} lit_type;

/* ---------------------------------------------------------------------
 * Variables (CSL 1.0.2).  X(ID, "csl-name", KIND)
 * KIND: TEXT (standard), NUMBER (standard, numeric), NAME, DATE.
 * ------------------------------------------------------------------- */
#define LIT_VARIABLES(X) \
	X(ABSTRACT, "abstract", TEXT) \
	X(ANNOTE, "annote", TEXT) \
	X(ARCHIVE, "archive", TEXT) \
	X(ARCHIVE_COLLECTION, "archive_collection", TEXT) \
	X(ARCHIVE_LOCATION, "archive_location", TEXT) \
	X(ARCHIVE_PLACE, "archive-place", TEXT) \
	X(AUTHORITY, "authority", TEXT) \
	X(CALL_NUMBER, "call-number", TEXT) \
	X(CITATION_KEY, "citation-key", TEXT) \
	X(CITATION_LABEL, "citation-label", TEXT) \
	X(COLLECTION_TITLE, "collection-title", TEXT) \
	X(COLLECTION_TITLE_SHORT, "collection-title-short", TEXT) \
	X(CONTAINER_TITLE, "container-title", TEXT) \
	X(CONTAINER_TITLE_SHORT, "container-title-short", TEXT) \
	X(DIMENSIONS, "dimensions", TEXT) \
	X(DIVISION, "division", TEXT) \
	X(DOI, "DOI", TEXT) \
	X(EVENT, "event", TEXT) \
	X(EVENT_TITLE, "event-title", TEXT) \
	X(EVENT_PLACE, "event-place", TEXT) \
	X(GENRE, "genre", TEXT) \
	X(ISBN, "ISBN", TEXT) \
	X(ISSN, "ISSN", TEXT) \
	X(JURISDICTION, "jurisdiction", TEXT) \
	X(KEYWORD, "keyword", TEXT) \
	X(LANGUAGE, "language", TEXT) \
	X(LICENSE, "license", TEXT) \
	X(MEDIUM, "medium", TEXT) \
	X(NOTE, "note", TEXT) \
	X(ORIGINAL_PUBLISHER, "original-publisher", TEXT) \
	X(ORIGINAL_PUBLISHER_PLACE, "original-publisher-place", TEXT) \
	X(ORIGINAL_TITLE, "original-title", TEXT) \
	X(PART_TITLE, "part-title", TEXT) \
	X(PMCID, "PMCID", TEXT) \
	X(PMID, "PMID", TEXT) \
	X(PUBLISHER, "publisher", TEXT) \
	X(PUBLISHER_PLACE, "publisher-place", TEXT) \
	X(REFERENCES, "references", TEXT) \
	X(REVIEWED_GENRE, "reviewed-genre", TEXT) \
	X(REVIEWED_TITLE, "reviewed-title", TEXT) \
	X(SCALE, "scale", TEXT) \
	X(SOURCE, "source", TEXT) \
	X(STATUS, "status", TEXT) \
	X(TITLE, "title", TEXT) \
	X(TITLE_SHORT, "title-short", TEXT) \
	X(URL, "URL", TEXT) \
	X(VOLUME_TITLE, "volume-title", TEXT) \
	X(VOLUME_TITLE_SHORT, "volume-title-short", TEXT) \
	X(YEAR_SUFFIX, "year-suffix", TEXT) \
	X(CHAPTER_NUMBER, "chapter-number", NUMBER) \
	X(CITATION_NUMBER, "citation-number", NUMBER) \
	X(COLLECTION_NUMBER, "collection-number", NUMBER) \
	X(EDITION, "edition", NUMBER) \
	X(FIRST_REFERENCE_NOTE_NUMBER, "first-reference-note-number", NUMBER) \
	X(ISSUE, "issue", NUMBER) \
	X(LOCATOR, "locator", NUMBER) \
	X(NUMBER, "number", NUMBER) \
	X(NUMBER_OF_PAGES, "number-of-pages", NUMBER) \
	X(NUMBER_OF_VOLUMES, "number-of-volumes", NUMBER) \
	X(PAGE, "page", NUMBER) \
	X(PAGE_FIRST, "page-first", NUMBER) \
	X(PART_NUMBER, "part-number", NUMBER) \
	X(PRINTING_NUMBER, "printing-number", NUMBER) \
	X(SECTION, "section", NUMBER) \
	X(SUPPLEMENT_NUMBER, "supplement-number", NUMBER) \
	X(VERSION, "version", NUMBER) \
	X(VOLUME, "volume", NUMBER) \
	X(AUTHOR, "author", NAME) \
	X(CHAIR, "chair", NAME) \
	X(COLLECTION_EDITOR, "collection-editor", NAME) \
	X(COMPILER, "compiler", NAME) \
	X(COMPOSER, "composer", NAME) \
	X(CONTAINER_AUTHOR, "container-author", NAME) \
	X(CONTRIBUTOR, "contributor", NAME) \
	X(CURATOR, "curator", NAME) \
	X(DIRECTOR, "director", NAME) \
	X(EDITOR, "editor", NAME) \
	X(EDITORIAL_DIRECTOR, "editorial-director", NAME) \
	X(EXECUTIVE_PRODUCER, "executive-producer", NAME) \
	X(GUEST, "guest", NAME) \
	X(HOST, "host", NAME) \
	X(ILLUSTRATOR, "illustrator", NAME) \
	X(INTERVIEWER, "interviewer", NAME) \
	X(NARRATOR, "narrator", NAME) \
	X(ORGANIZER, "organizer", NAME) \
	X(ORIGINAL_AUTHOR, "original-author", NAME) \
	X(PERFORMER, "performer", NAME) \
	X(PRODUCER, "producer", NAME) \
	X(RECIPIENT, "recipient", NAME) \
	X(REVIEWED_AUTHOR, "reviewed-author", NAME) \
	X(SCRIPT_WRITER, "script-writer", NAME) \
	X(SERIES_CREATOR, "series-creator", NAME) \
	X(TRANSLATOR, "translator", NAME) \
	X(ACCESSED, "accessed", DATE) \
	X(AVAILABLE_DATE, "available-date", DATE) \
	X(EVENT_DATE, "event-date", DATE) \
	X(ISSUED, "issued", DATE) \
	X(ORIGINAL_DATE, "original-date", DATE) \
	X(SUBMITTED, "submitted", DATE)

/** A CSL variable. */
typedef enum lit_var {
#define LIT_X_(id, name, kind) LIT_VAR_##id,
	LIT_VARIABLES(LIT_X_)
#undef LIT_X_
	LIT_VAR__COUNT
} lit_var;

/** The kind of a variable. */
typedef enum lit_var_kind {
	LIT_KIND_TEXT = 0,
	LIT_KIND_NUMBER,
	LIT_KIND_NAME,
	LIT_KIND_DATE
} lit_var_kind;

/** Where in a document a record was found. */
typedef enum lit_where {
	LIT_WHERE_UNKNOWN = 0,
	LIT_WHERE_BIBLIOGRAPHY, /**< the reference list of a document */
	LIT_WHERE_FOOTNOTE,
	LIT_WHERE_ENDNOTE,
	LIT_WHERE_INTEXT,       /**< a citation in the running text */
	LIT_WHERE_BIBFILE       /**< a bibliography database file */
} lit_where;

/**
 * A personal or organisational name.  For an organisation set only
 * `literal`.  All strings are UTF-8 and may be NULL.
 */
typedef struct lit_name {
	const char *family;
	const char *given;
	const char *dropping_particle;     /**< "de" in "Jean de La Fontaine" */
	const char *non_dropping_particle; /**< "van" in "Ludwig van Beethoven" */
	const char *suffix;                /**< "Jr." */
	const char *literal;               /**< organisation or unparsed name */
	int comma_suffix;                  /**< CSL comma-suffix */
	int static_ordering;               /**< CSL static-ordering */
} lit_name;

/** Seasons in lit_date.season (CSL "season" 1-4). */
enum { LIT_SEASON_SPRING = 1, LIT_SEASON_SUMMER, LIT_SEASON_AUTUMN, LIT_SEASON_WINTER };

/**
 * A date or date range.  Parts that are unknown are 0 (year 0 is not used;
 * years BC are negative).  `end` parts are all 0 for a single date.
 * `literal` holds a date that could not be parsed into parts.
 * A range may end in a season (`end_season`, "Spring 1999–Summer 2001"),
 * or be open (`open_end`, "1987–"), when its end parts are all 0.
 */
typedef struct lit_date {
	int year, month, day;
	int end_year, end_month, end_day;
	int season;          /**< 0 or LIT_SEASON_* */
	int circa;           /**< approximate date */
	const char *literal; /**< may be NULL */
	int end_season;      /**< 0 or LIT_SEASON_*: season the range ends in */
	int open_end;        /**< a range with no end ("1987–") */
} lit_date;

typedef struct lit_record lit_record;
typedef struct lit_records lit_records;

/* ---------------------------------------------------------------------
 * Names of types and variables
 * ------------------------------------------------------------------- */

/** CSL name of a type ("article-journal"); "document" for out-of-range values. */
LIT_EXTERN(const char *) lit_type_name(lit_type type);
/** Type for a CSL name; returns -1 when unknown. */
LIT_EXTERN(int) lit_type_from_name(const char *name);
/** CSL name of a variable ("container-title"); NULL if out of range. */
LIT_EXTERN(const char *) lit_var_name(lit_var var);
/** Variable for a CSL name (case-sensitive, as CSL); -1 when unknown. */
LIT_EXTERN(int) lit_var_from_name(const char *name);
/** Kind of a variable. */
LIT_EXTERN(lit_var_kind) lit_var_kind_of(lit_var var);

/* ---------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------- */

/** New empty record of type DOCUMENT.  Returns NULL on out of memory. Free with lit_record_free(). */
LIT_EXTERN(lit_record *) lit_record_new(void);
/** Free a record and everything it owns.  NULL is allowed. */
LIT_EXTERN(void) lit_record_free(lit_record *rec);
/** Deep copy; NULL on out of memory.  The caller frees the copy. */
LIT_EXTERN(lit_record *) lit_record_clone(const lit_record *rec);

LIT_EXTERN(lit_type) lit_record_type(const lit_record *rec);
LIT_EXTERN(void) lit_record_set_type(lit_record *rec, lit_type type);

/** The record id (citation key); NULL if none. */
LIT_EXTERN(const char *) lit_record_id(const lit_record *rec);
/** Set the id (copied); NULL clears it.  Returns LIT_OK or LIT_ENOMEM. */
LIT_EXTERN(int) lit_record_set_id(lit_record *rec, const char *id);

/** Value of a TEXT or NUMBER variable; NULL when absent. */
LIT_EXTERN(const char *) lit_record_get(const lit_record *rec, lit_var var);
/**
 * Set a TEXT or NUMBER variable to a copy of `value` (UTF-8).  NULL or ""
 * removes it.  Returns LIT_OK, LIT_EINVAL (wrong kind) or LIT_ENOMEM.
 */
LIT_EXTERN(int) lit_record_set(lit_record *rec, lit_var var, const char *value);
/** As lit_record_set, with an explicit length (value need not be NUL-terminated). */
LIT_EXTERN(int) lit_record_setn(lit_record *rec, lit_var var, const char *value, size_t len);
/** Number of TEXT/NUMBER variables set. */
LIT_EXTERN(size_t) lit_record_field_count(const lit_record *rec);
/**
 * The i-th set TEXT/NUMBER variable, in the order they were first set.
 * Returns the value and stores the variable in *var; NULL when i is out of range.
 */
LIT_EXTERN(const char *) lit_record_field_at(const lit_record *rec, size_t i, lit_var *var);

/** Number of names in a NAME variable. */
LIT_EXTERN(size_t) lit_record_name_count(const lit_record *rec, lit_var var);
/** The i-th name of a NAME variable; NULL when out of range. */
LIT_EXTERN(const lit_name *) lit_record_name(const lit_record *rec, lit_var var, size_t i);
/** Append a copy of `name` to a NAME variable.  LIT_OK, LIT_EINVAL or LIT_ENOMEM. */
LIT_EXTERN(int) lit_record_add_name(lit_record *rec, lit_var var, const lit_name *name);
/** Remove all names of a NAME variable (and its "and others" flag). */
LIT_EXTERN(void) lit_record_clear_names(lit_record *rec, lit_var var);
/** Whether the list of a NAME variable ends in "and others" / "et al." / "и др.". */
LIT_EXTERN(int) lit_record_names_etal(const lit_record *rec, lit_var var);
/** Set or clear the "and others" flag of a NAME variable. */
LIT_EXTERN(void) lit_record_set_names_etal(lit_record *rec, lit_var var, int etal);

/** A DATE variable; NULL when absent. */
LIT_EXTERN(const lit_date *) lit_record_date(const lit_record *rec, lit_var var);
/** Set a DATE variable to a copy of `date`; NULL removes it.  LIT_OK, LIT_EINVAL or LIT_ENOMEM. */
LIT_EXTERN(int) lit_record_set_date(lit_record *rec, lit_var var, const lit_date *date);

/* Provenance ---------------------------------------------------------- */

/** Source file the record was read or extracted from; NULL if unknown. */
LIT_EXTERN(const char *) lit_record_source(const lit_record *rec);
/** 1-based line the record starts at in its source; 0 if unknown. */
LIT_EXTERN(long) lit_record_line(const lit_record *rec);
/** Set source file (copied, may be NULL) and line. */
LIT_EXTERN(int) lit_record_set_source(lit_record *rec, const char *file, long line);
/** The raw text the record was parsed from (reference string); NULL if none. */
LIT_EXTERN(const char *) lit_record_raw(const lit_record *rec);
LIT_EXTERN(int) lit_record_set_raw(lit_record *rec, const char *raw);
LIT_EXTERN(lit_where) lit_record_where(const lit_record *rec);
LIT_EXTERN(void) lit_record_set_where(lit_record *rec, lit_where where);
/** Name of a lit_where ("bibliography", "footnote", "endnote", "in-text", "bibfile", ""). */
LIT_EXTERN(const char *) lit_where_name(lit_where where);

/* Custom entries -------------------------------------------------------- */

/**
 * Set a custom entry (CSL-JSON `custom.KEY`).  When `is_json` is non-zero,
 * `value` is a JSON text (array, object, number) written as is; otherwise it
 * is a string.  NULL value removes the entry.
 */
LIT_EXTERN(int) lit_record_set_custom(lit_record *rec, const char *key,
                                      const char *value, int is_json);
/** Value of a custom entry (NULL if absent); *is_json receives its kind when not NULL. */
LIT_EXTERN(const char *) lit_record_custom(const lit_record *rec, const char *key, int *is_json);
LIT_EXTERN(size_t) lit_record_custom_count(const lit_record *rec);
/** The i-th custom entry's key; value and kind in *value / *is_json.  NULL when out of range. */
LIT_EXTERN(const char *) lit_record_custom_at(const lit_record *rec, size_t i,
                                              const char **value, int *is_json);

/* ---------------------------------------------------------------------
 * Record lists
 * ------------------------------------------------------------------- */

/** New empty list; NULL on out of memory.  Free with lit_records_free(). */
LIT_EXTERN(lit_records *) lit_records_new(void);
/** Free the list and every record in it.  NULL is allowed. */
LIT_EXTERN(void) lit_records_free(lit_records *list);
LIT_EXTERN(size_t) lit_records_count(const lit_records *list);
/** The i-th record (owned by the list); NULL when out of range. */
LIT_EXTERN(lit_record *) lit_records_at(const lit_records *list, size_t i);
/** Append `rec`; the list takes ownership (also on failure, when it frees rec). */
LIT_EXTERN(int) lit_records_push(lit_records *list, lit_record *rec);
/** Remove the i-th record and return it; the caller then owns it. */
LIT_EXTERN(lit_record *) lit_records_take(lit_records *list, size_t i);
/** Move all records of `from` to the end of `to`; `from` is left empty. */
LIT_EXTERN(int) lit_records_append(lit_records *to, lit_records *from);

#ifdef __cplusplus
}
#endif

#endif
