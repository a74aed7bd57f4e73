/*
 * extract_int.h - internals of reference extraction shared by the files of
 * src/extract/: the found-item list (lit_xdoc), the clean-up rules of
 * PDF-extracted text (cleanup.c), the segmenter that finds reference lists,
 * footnotes, in-text citations and repeats in plain text (segment.c), and
 * the input adapters that turn HTML, DOCX, JATS, TEI and PDF into text or
 * into ready-made items (adapters.c).
 *
 * Everything here works on UTF-8 bytes and owns its memory; nothing
 * depends on the record model, which only extract.c touches.
 */
#ifndef LIT_EXTRACT_INT_H
#define LIT_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>
#include "litera/common.h"
#include "util/buf.h"

/* Where an item was found (same values as lit_where). */
enum { LIT_XW_LIST = 1, LIT_XW_FOOT = 2, LIT_XW_END = 3 };

/* One reference found in a document. */
typedef struct lit_xitem {
	int where;          /* LIT_XW_* */
	long line;          /* 1-based line (paragraph for DOCX/HTML) it starts at */
	char label[24];     /* number or marker as printed, "" if none */
	char *raw;          /* text as found: lines joined, hyphens repaired, label removed */
	char *text;         /* the same with Markdown/HTML wrappers unwrapped: parser input */
	long *cited;        /* lines where the text cites it */
	size_t ncited, capcited;
	long repeat_of;     /* index of the item a repeat ("Ibid.") refers to; -1 */
	char *locator;      /* own locator of a repeat ("С. 5"), NULL */
	int nonbib;         /* explanatory note that cites nothing: not output */
	long seq;           /* order of creation (stable sorting) */
} lit_xitem;

typedef struct lit_xwarn {
	long line;
	char *msg;
} lit_xwarn;

/* The result of segmenting one document. */
typedef struct lit_xdoc {
	lit_xitem *items;
	size_t nitems, capitems;
	lit_xwarn *warns;
	size_t nwarns, capwarns;
	size_t n_list, n_foot, n_end;           /* items by place */
	size_t n_cites_linked, n_cites_unlinked;/* in-text citations */
	size_t n_markers, n_markers_linked;     /* footnote markers */
	size_t n_repeats;                       /* repeats resolved */
	size_t n_nonbib;                        /* explanatory notes skipped */
	int failed;                             /* out of memory happened */
} lit_xdoc;

void lit_xdoc_init(lit_xdoc *doc);
void lit_xdoc_free(lit_xdoc *doc);
/* Append an item (strings copied); returns its index or -1 on ENOMEM. */
long lit_xdoc_add(lit_xdoc *doc, int where, long line, const char *label,
                  const char *raw, size_t rawlen);
void lit_xdoc_warn(lit_xdoc *doc, long line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
int lit_xitem_cite(lit_xitem *it, long line);

/* ------------------------------------------------------------------
 * cleanup.c
 * ---------------------------------------------------------------- */

/* Decode one code point (invalid bytes give 0xFFFD and advance 1). */
uint32_t lit_xcp(const char *s, size_t len, size_t *adv);
/* Code point ending at s[end-1] and its start (*start). 0 when end == 0. */
uint32_t lit_xcp_before(const char *s, size_t end, size_t *start);
int lit_xcp_letter(uint32_t cp);
int lit_xcp_lower(uint32_t cp);
int lit_xcp_upper(uint32_t cp);
int lit_xcp_cyr(uint32_t cp);
/* Superscript digit value 0-9, or -1. */
int lit_xcp_supdigit(uint32_t cp);

/* Word list of a document, used to tell a real compound split at a line
 * end ("российско-\nсеверокорейский") from a hyphenated word.  Built on
 * first use from the whole text. */
typedef struct lit_xvocab {
	const char *text;
	size_t len;
	int built;
	uint64_t *keys;     /* hash of lower-cased word; 0 = empty */
	uint32_t *counts;
	uint8_t *hyph;      /* word seen with an inner hyphen on one line */
	size_t cap;
	size_t used;
} lit_xvocab;

void lit_xvocab_init(lit_xvocab *v, const char *text, size_t len);
void lit_xvocab_free(lit_xvocab *v);
/* Occurrences of word s[0..n) (case-insensitive) in the text. */
unsigned lit_xvocab_count(lit_xvocab *v, const char *s, size_t n);

/* Join decision for a hyphen at a line end. */
enum { LIT_XJ_SPACE = 0, LIT_XJ_JOIN, LIT_XJ_KEEP, LIT_XJ_URL };

/*
 * Append line `next` (already trimmed) to `out`, which holds the text
 * joined so far: hyphenation at the end of `out` is repaired or kept
 * (real compounds), URLs and DOIs split over lines are rejoined without a
 * space, otherwise one space is inserted.  `vocab` may be NULL.
 * Returns the LIT_XJ_* decision taken.
 */
int lit_xjoin_line(lit_buf *out, const char *next, size_t nlen, lit_xvocab *vocab);

/* Does `s` end inside a URL or DOI that the token `t` continues? */
int lit_xurl_continues(const char *s, size_t slen, const char *t, size_t tlen);

/*
 * Markdown/escape unwrapping for parser input: `<url>` -> url,
 * `[text](url)` -> url when text is a URL else "text (url)", `\$` -> `$`,
 * `*x*`/`**x**`/`_x_` emphasis markers dropped.  Appends to out.
 */
void lit_xunwrap_markdown(lit_buf *out, const char *s, size_t len);

/* Number printed by a footnote marker or label: "12", "¹²"; -1 if not one. */
long lit_xlabel_value(const char *s, size_t len);

/* A footnote marker found in running text. */
typedef struct lit_xmarker {
	long line;
	long num;
	int used;
	int sup;         /* superscript form */
} lit_xmarker;

/* Find the footnote markers in one line of running text: superscript
 * digits after a word, digits glued to a word ("отношений1.",
 * "Хасан-Рачжин42", "СВА1"), Markdown "[^3]".  Calls `cb` for each. */
void lit_xfind_markers(const char *s, size_t len,
                       void (*cb)(void *ctx, long num, int sup, size_t off), void *ctx);

/* Bibliographic evidence in a text (URL, year, "//", pages, initials...):
 * 0 none, larger is stronger.  >= 2 means "cites something". */
int lit_xbib_score(const char *s, size_t len);

/* Is the paragraph a repeat ("Там же", "Ibid.")?  1 Ibid-type (previous
 * note), 2 "Op. cit."-type (earlier work by the author named before), 0 no.
 * *loc receives the offset of the locator that follows (or len). */
int lit_xrepeat_kind(const char *s, size_t len, size_t *loc);
/* Length of a leading "См.:", "Ср.", "See also", "Cf." with its spaces
 * and colon, or of an introductory clause (lit_xintro_clause); 0 when
 * there is none. */
size_t lit_xintro_len(const char *s, size_t len);
/* Length of a leading clause that ends in "см.:" / ", see" within the
 * first 90 bytes, before any '.', ';', '/', '(' ("Об этом подробнее
 * см.: ", "On the 1905 strikes in the port, see "); 0 when none. */
size_t lit_xintro_clause(const char *s, size_t len);

/* Reference-list heading?  Returns 0 no, LIT_XW_LIST for a bibliography,
 * LIT_XW_END for notes ("Примечания", "Notes"). */
int lit_xheading_kind(const char *s, size_t len);

/* ------------------------------------------------------------------
 * segment.c
 * ---------------------------------------------------------------- */

/* Notes already separated by an adapter (DOCX footnotes, HTML notes). */
typedef struct lit_xnote {
	int where;           /* LIT_XW_FOOT or LIT_XW_END */
	char label[24];
	char *text;
	long line;           /* 0: placed after the body */
} lit_xnote;

typedef struct lit_xinput {
	const char *text;    /* UTF-8 running text (may hold lists and footnotes) */
	size_t len;
	lit_xnote *notes;    /* may be NULL */
	size_t nnotes;
	int markdown;        /* Markdown syntax expected ([^1] notes, # headings) */
} lit_xinput;

/* Find every reference in the input and append to doc.  Returns LIT_OK
 * or LIT_ENOMEM. */
int lit_xsegment(lit_xdoc *doc, const lit_xinput *in);

/* ------------------------------------------------------------------
 * adapters.c
 * ---------------------------------------------------------------- */

/* Kinds of input. */
enum { LIT_XF_TEXT = 0, LIT_XF_MARKDOWN, LIT_XF_HTML, LIT_XF_DOCX, LIT_XF_JATS,
       LIT_XF_TEI, LIT_XF_PDF };

int lit_xformat_from_name(const char *name);
int lit_xformat_detect(const char *data, size_t len, const char *filename);

/* HTML (libxml2 HTML parser) -> text + notes.  out->text is owned by
 * *textbuf; notes are owned by the caller (lit_xnotes_free). */
int lit_xhtml_to_text(const char *data, size_t len, lit_buf *text,
                      lit_xnote **notes, size_t *nnotes, lit_error *err);
/* DOCX (libzip + libxml2): body paragraphs + footnotes/endnotes. */
int lit_xdocx_to_text(const char *data, size_t len, lit_buf *text,
                      lit_xnote **notes, size_t *nnotes, lit_error *err);
/* JATS <ref-list> / TEI <listBibl>: items straight into doc. */
int lit_xxml_refs(lit_xdoc *doc, const char *data, size_t len, int kind, lit_error *err);
/* PDF via the pdftotext program; text into `text`. */
int lit_xpdf_to_text(const char *data, size_t len, const char *path, lit_buf *text,
                     lit_error *err);
void lit_xnotes_free(lit_xnote *notes, size_t n);

#endif
