/*
 * litera/csl.h - a CSL 1.0.2 processor: load a style (file, name or
 * buffer) with its locales, then render a bibliography and citations for a
 * list of records in text, HTML, Markdown or RTF.
 *
 * Styles are looked up by path, by the name of a bundled style ("gost-r-7-0-100-2018")
 * or by name in the system styles directory
 * (/usr/share/citation-style-language/styles, dependent/ included).
 * Locales come from /usr/share/citation-style-language/locales, with a
 * small built-in en-US / ru-RU fallback.  A loaded style is not thread-safe
 * (it caches locales); use one per thread.  An engine is single-threaded.
 */
#ifndef LITERA_CSL_H
#define LITERA_CSL_H

#include <stddef.h>
#include "common.h"
#include "record.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct lit_csl_style lit_csl_style;
typedef struct lit_csl_engine lit_csl_engine;

/** Output formats. */
typedef enum lit_csl_format {
	LIT_CSL_TEXT = 0,     /**< plain UTF-8 text */
	LIT_CSL_HTML,         /**< HTML in the markup of citeproc-js */
	LIT_CSL_MARKDOWN,     /**< Pandoc Markdown (*italic*, **bold**, ^sup^) */
	LIT_CSL_RTF           /**< RTF fragments ({\i ...}) */
} lit_csl_format;

/** Options for loading a style. */
typedef struct lit_csl_options {
	unsigned version;
	const char *locale;       /**< force a locale ("ru-RU"); NULL = the style's default */
	const char *locales_dir;  /**< NULL = system directory, then built-in fallback */
	const char *styles_dir;   /**< extra directory searched for style names; may be NULL */
} lit_csl_options;

#define LIT_CSL_OPTIONS_VERSION 1
#define LIT_CSL_OPTIONS_INIT { LIT_CSL_OPTIONS_VERSION, NULL, NULL, NULL }

/**
 * Load a style from a path or a name.  Names are tried as bundled styles,
 * in `opts->styles_dir`, then in the system styles directory (".csl" may be
 * omitted).  Dependent styles load their parent.
 * On success *out receives the style (free with lit_csl_style_free()).
 */
LIT_EXTERN(int) lit_csl_style_load(lit_csl_style **out, const char *name_or_path,
                                   const lit_csl_options *opts, lit_error *err);

/** Load a style from XML text in memory.  `name` is used in messages (may be NULL). */
LIT_EXTERN(int) lit_csl_style_load_buffer(lit_csl_style **out, const char *xml, size_t len,
                                          const char *name, const lit_csl_options *opts,
                                          lit_error *err);

/** Free a style.  NULL is allowed. */
LIT_EXTERN(void) lit_csl_style_free(lit_csl_style *style);

/** The style's title (owned by the style); "" when it has none. */
LIT_EXTERN(const char *) lit_csl_style_title(const lit_csl_style *style);
/** Non-zero for note styles (class="note"). */
LIT_EXTERN(int) lit_csl_style_is_note(const lit_csl_style *style);
/** Non-zero when the style has a <bibliography> element. */
LIT_EXTERN(int) lit_csl_style_has_bibliography(const lit_csl_style *style);

/** Path of a bundled style ("gost-r-7-0-100-2018") if it can be found, else NULL. Static storage is not used: the result is written into buf. */
LIT_EXTERN(const char *) lit_csl_bundled_path(const char *name, char *buf, size_t size);

/* ---------------------------------------------------------------------
 * Engine: a style bound to a set of records
 * ------------------------------------------------------------------- */

/**
 * Make an engine for `records` (not copied: they must outlive the engine and
 * stay unchanged).  The records' order is their registration order (the
 * citation number when the bibliography is not sorted).  `style` must
 * outlive the engine.
 */
LIT_EXTERN(int) lit_csl_engine_new(lit_csl_engine **out, lit_csl_style *style,
                                   const lit_records *records, lit_csl_format format,
                                   lit_error *err);
LIT_EXTERN(void) lit_csl_engine_free(lit_csl_engine *eng);

/** Cite positions (filled in by the engine). */
enum {
	LIT_CSL_POS_FIRST = 0,
	LIT_CSL_POS_SUBSEQUENT,
	LIT_CSL_POS_IBID,
	LIT_CSL_POS_IBID_WITH_LOCATOR
};

/** One cited item inside a citation. */
typedef struct lit_csl_cite {
	const char *id;           /**< record id */
	const char *locator;      /**< "5", "12-14"; may be NULL */
	const char *label;        /**< locator label ("page", "chapter"...); NULL = page */
	const char *prefix;       /**< text before the cite; may be NULL */
	const char *suffix;
	int suppress_author;
	int author_only;
	int position_override;    /**< 0 = computed; LIT_CSL_POS_* + 1 forces a position (test harnesses) */
	int near_note_override;   /**< 0 = computed; 1 near, -1 not near */
} lit_csl_cite;

/** A citation: a cluster of cites, with its note number for note styles (0 = none). */
typedef struct lit_csl_citation {
	const lit_csl_cite *cites;
	size_t count;
	int note;
} lit_csl_citation;

/**
 * Render `n` citations in document order (positions, ibid, disambiguation
 * and collapsing are computed over all of them).  On success *out receives
 * an array of `n` strings; free it with lit_csl_strings_free(*out, n).
 * Citing an unknown id gives LIT_ENOTFOUND with the id in the message.
 * After this call the bibliography contains only the cited records, numbered
 * in order of first citation.
 */
LIT_EXTERN(int) lit_csl_engine_cite(lit_csl_engine *eng, const lit_csl_citation *cits,
                                    size_t n, char ***out, lit_error *err);

/**
 * Render the bibliography: one entry per line for text/Markdown; a
 * csl-bib-body div for HTML; one paragraph per entry for RTF.  *out (free
 * with lit_free()) and *outlen receive it.  A style without a bibliography
 * renders each record as a full citation.
 */
LIT_EXTERN(int) lit_csl_engine_bibliography(lit_csl_engine *eng, char **out, size_t *outlen,
                                            lit_error *err);

/**
 * The bibliography entries one by one: *out receives an array of strings
 * (free with lit_csl_strings_free) and *count their number; (*ids)[i], if ids
 * is not NULL, is the record id of entry i (owned by the records).
 */
LIT_EXTERN(int) lit_csl_engine_entries(lit_csl_engine *eng, char ***out, const char ***ids,
                                       size_t *count, lit_error *err);

/** Free an array of strings returned by the engine. */
LIT_EXTERN(void) lit_csl_strings_free(char **strings, size_t n);

/**
 * Convenience: render the bibliography of `records` in `style`.  *out (free
 * with lit_free()) receives the text.
 */
LIT_EXTERN(int) lit_csl_render_bibliography(const lit_records *records, lit_csl_style *style,
                                            lit_csl_format format, char **out, size_t *outlen,
                                            lit_error *err);

/** Output format by name: "text", "html", "markdown"/"md", "rtf"; -1 if unknown. */
LIT_EXTERN(int) lit_csl_format_from_name(const char *name);

#ifdef __cplusplus
}
#endif

#endif
