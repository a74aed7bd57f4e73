/*
 * litera/extract.h - finding the references in documents.
 *
 * Given an article (plain text in any supported encoding, text extracted
 * from PDF, Markdown, HTML, DOCX, JATS or TEI XML, or a PDF through the
 * `pdftotext` program), extraction finds the reference list entries, the
 * footnotes and endnotes that cite works, links the in-text citations and
 * footnote markers to them, resolves repeats ("Там же", "Ibid.",
 * "Op. cit.") and hands each reference on as a record, parsed by the
 * reference parser (parse.h).
 *
 * Each record carries its provenance: raw text (lines joined, hyphenation
 * repaired, label removed), where it was found (bibliography, footnote or
 * endnote), source file and line, and the custom entries "label" (the
 * number or marker as printed), "cited_at" (JSON array of the lines that
 * cite it) and, for repeats, "repeat_of" (JSON object with the line and
 * label of the repeated note and "item", the 1-based position of the
 * repeated record among the document's records) and "locator".
 */
#ifndef LITERA_EXTRACT_H
#define LITERA_EXTRACT_H

#include <stddef.h>
#include "common.h"
#include "record.h"
#include "parse.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for extraction. */
typedef struct lit_extract_options {
	unsigned version;
	/** Input kind: "text", "markdown", "html", "docx", "jats", "tei", "pdf";
	 *  NULL detects from the content and the file name. */
	const char *format;
	/** Text encoding of text inputs; NULL detects (see lit_decode_text()). */
	const char *encoding;
	/** Name used in messages and in each record's source; may be NULL. */
	const char *filename;
	/** Parser to use (not owned); NULL loads the built-in model once per call. */
	const lit_parser *parser;
	/** Non-zero: do not parse; records only carry raw text and provenance. */
	int no_parse;
	/** Refuse inputs larger than this many bytes; 0 = 256 MiB. */
	size_t max_input;
} lit_extract_options;

#define LIT_EXTRACT_OPTIONS_VERSION 1
#define LIT_EXTRACT_OPTIONS_INIT { LIT_EXTRACT_OPTIONS_VERSION, NULL, NULL, NULL, NULL, 0, 0 }

/** One warning of a report: a line (0 if none) and a message. */
typedef struct lit_extract_warning {
	long line;
	char *message;
} lit_extract_warning;

/**
 * What extraction found in one document.  Fill with lit_extract_*();
 * release with lit_extract_report_clear().  Initialise with
 * LIT_EXTRACT_REPORT_INIT (or zero it).
 */
typedef struct lit_extract_report {
	size_t list_entries;        /**< reference list entries */
	size_t footnotes;           /**< footnotes that cite works (incl. repeats) */
	size_t endnotes;            /**< endnotes that cite works (incl. repeats) */
	size_t notes_skipped;       /**< explanatory notes that cite nothing */
	size_t citations_linked;    /**< in-text citations linked to an entry */
	size_t citations_unlinked;  /**< in-text citations with no entry */
	size_t markers;             /**< footnote markers in the text */
	size_t markers_linked;      /**< markers linked to a note */
	size_t repeats_resolved;    /**< "Ibid."/"Там же"/"Op. cit." resolved */
	size_t warning_count;
	lit_extract_warning *warnings; /**< owned by the report */
} lit_extract_report;

#define LIT_EXTRACT_REPORT_INIT { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL }

/**
 * Extract the references of the document in data[0..len) and append one
 * record per reference to `out`, in order of appearance.  `opts` may be
 * NULL (defaults).  `report` may be NULL; when given, it is cleared and
 * filled.  Returns LIT_OK, LIT_EPARSE (unreadable input, e.g. a broken
 * DOCX), LIT_EENCODING, LIT_ELIMIT, LIT_EEXTERNAL (pdftotext missing or
 * failing) or LIT_ENOMEM; `err` says what and where.  On failure `out`
 * is left as it was.
 */
LIT_EXTERN(int) lit_extract_buffer(lit_records *out, const char *data, size_t len,
                                   const lit_extract_options *opts,
                                   lit_extract_report *report, lit_error *err);

/**
 * As lit_extract_buffer() for a file ("-" reads standard input).  The
 * file name also helps detect the input kind (.pdf, .docx, .html, .md,
 * .xml) and becomes the records' source unless opts->filename is set.
 */
LIT_EXTERN(int) lit_extract_file(lit_records *out, const char *path,
                                 const lit_extract_options *opts,
                                 lit_extract_report *report, lit_error *err);

/** Free what a report owns and reset it to LIT_EXTRACT_REPORT_INIT. */
LIT_EXTERN(void) lit_extract_report_clear(lit_extract_report *report);

/**
 * Render a report as text ("DOC: 6 list entries, 6 footnotes, ...", then
 * one "DOC:LINE: warning: ..." per warning).  `name` may be NULL.  On
 * success *out receives a NUL-terminated string the caller frees with
 * lit_free().
 */
LIT_EXTERN(int) lit_extract_report_format(const lit_extract_report *report,
                                          const char *name, char **out);

#ifdef __cplusplus
}
#endif

#endif
