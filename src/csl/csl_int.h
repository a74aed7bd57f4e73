/*
 * csl_int.h - internals of the CSL 1.0.2 processor.
 *
 * The processor has four parts:
 *   csl_style.c   reads styles and locales with libxml2 into a small node
 *                 tree (the only file that includes libxml2), merges locales
 *                 and resolves style names to files;
 *   csl_render.c  evaluates the element tree for one item (text, number,
 *                 label, group, choose, date, names) into an output tree;
 *   csl_output.c  rich text in field values, text-case, and serialising the
 *                 output tree to text, HTML, Markdown or RTF (flip-flop
 *                 formatting, quotes, punctuation clean-up);
 *   csl_engine.c  items, sorting, citation positions, disambiguation,
 *                 collapsing, bibliography, and the public API.
 * Output nodes and strings made while rendering live in an arena that is
 * reset per entry, so rendering has no per-node frees.
 */
#ifndef LIT_CSL_INT_H
#define LIT_CSL_INT_H

#include <stddef.h>
#include "litera/csl.h"
#include "litera/record.h"
#include "util/buf.h"

/* ---------------------------------------------------------------- arena */

typedef struct csl_arena_block csl_arena_block;
typedef struct csl_arena {
	csl_arena_block *head;
	int failed;
} csl_arena;

void *lit_csl_alloc(csl_arena *a, size_t size);      /* zeroed; NULL on ENOMEM */
char *lit_csl_strndup(csl_arena *a, const char *s, size_t n);
char *lit_csl_strdup(csl_arena *a, const char *s);
/* Year-suffix letters for disambiguation number ys >= 1: a..z, then aa, ab, ... */
char *lit_csl_year_suffix(csl_arena *a, int ys);
void lit_csl_arena_reset(csl_arena *a);              /* frees everything */

/* ----------------------------------------------------------- formatting */

enum { FS_UNSET, FS_NORMAL, FS_ITALIC, FS_OBLIQUE };
enum { FV_UNSET, FV_NORMAL, FV_SMALLCAPS };
enum { FW_UNSET, FW_NORMAL, FW_BOLD, FW_LIGHT };
enum { TD_UNSET, TD_NONE, TD_UNDERLINE };
enum { VA_UNSET, VA_BASELINE, VA_SUP, VA_SUB };
enum { DISP_NONE, DISP_BLOCK, DISP_LEFT, DISP_RIGHT, DISP_INDENT };
enum { TC_NONE, TC_LOWER, TC_UPPER, TC_CAPFIRST, TC_CAPALL, TC_SENTENCE, TC_TITLE };

typedef struct csl_fmt {
	const char *prefix;
	const char *suffix;
	unsigned char font_style, font_variant, font_weight, text_decoration, vertical_align;
	unsigned char display, quotes, strip_periods, text_case;
} csl_fmt;

/* ------------------------------------------------------------ style tree */

enum csl_kind {
	K_OTHER = 0, K_STYLE, K_INFO, K_LOCALE, K_MACRO, K_CITATION, K_BIBLIOGRAPHY,
	K_LAYOUT, K_SORT, K_KEY, K_TEXT, K_NUMBER, K_LABEL, K_GROUP, K_CHOOSE,
	K_IF, K_ELSEIF, K_ELSE, K_DATE, K_DATEPART, K_NAMES, K_NAME, K_NAMEPART,
	K_ETAL, K_SUBSTITUTE, K_TERMS, K_TERM, K_SINGLE, K_MULTIPLE, K_STYLEOPTS,
	K_DATEFMT, K_ABBREVS, K_ABBREV
};

typedef struct csl_node csl_node;
struct csl_node {
	int kind;
	csl_fmt fmt;
	const char *delimiter;     /* NULL if not set */
	const char **attrs;        /* name, value pairs */
	int nattrs;
	const char *text;          /* text content (terms) */
	csl_node *child, *next, *parent;
	/* caches filled at load time */
	const char *variable;      /* "variable" attribute */
	int var;                   /* first variable as lit_var, -1 if none / special */
	int nvars;
	short *vars;               /* all variables (names, label) */
	const csl_node *macro;     /* text macro="" resolved */
	int datepart;              /* K_DATEPART: 0 year, 1 month, 2 day */
};

const char *lit_csl_attr(const csl_node *n, const char *name);

/* ---------------------------------------------------------------- locales */

typedef struct csl_term {
	const char *name;
	const char *form;      /* "long", "short", "verb", "verb-short", "symbol" */
	const char *gender;    /* of nouns: "masculine"/"feminine"; NULL */
	const char *gender_form; /* ordinals: gender they apply to */
	const char *match;     /* ordinals: "last-digit" etc. */
	const char *single;
	const char *multiple;
} csl_term;

typedef struct csl_locale {
	char lang[32];
	csl_term *terms;
	size_t nterms, capterms;
	const csl_node *date_text;     /* <date form="text"> */
	const csl_node *date_numeric;
	int punctuation_in_quote;
	int limit_day_ordinals;
	char *strings;                 /* unused holder */
} csl_locale;

/* Look up a term. form fallbacks: verb-short -> verb -> long, symbol -> short -> long,
 * short -> long.  Returns NULL when absent. */
const csl_term *lit_csl_term(const csl_locale *loc, const char *name, const char *form);
const char *lit_csl_term_str(const csl_locale *loc, const char *name, const char *form, int plural);

/* ------------------------------------------------------------------ style */

struct lit_csl_style {
	void *xmldocs;             /* owner of node memory: csl_arena */
	csl_arena mem;
	csl_node *root;
	csl_node *citation, *bibliography;
	csl_node *cit_layout, *bib_layout;
	csl_node *cit_sort, *bib_sort;
	const csl_node **macros;
	size_t nmacros;
	const csl_node **style_locales;   /* <locale> elements of the style */
	size_t nstyle_locales;
	int is_note;
	char default_locale[32];
	const char *title;
	/* per-item locales (litera extension item-locale="language") */
	int item_locale;
	/* locales built for this style: [0] is the default */
	csl_locale **locales;
	size_t nlocales;
	char locales_dir[512];
	int demote_ndp;            /* 0 never, 1 sort-only, 2 display-and-sort */
	int init_hyphen;
	const char *page_range_format;
	const csl_node *abbrevs;    /* litera extension: <abbreviations> */
};

/* Locale for a language tag ("en", "ru-RU"), built and cached on first use;
 * never NULL (falls back to the default). */
const csl_locale *lit_csl_style_locale(lit_csl_style *st, const char *lang);
int lit_csl_load_locale(lit_csl_style *st, const char *lang, csl_locale **out);
void lit_csl_locale_free(csl_locale *loc);

/* ----------------------------------------------------------------- output */

typedef struct onode onode;
struct onode {
	onode *child, *last, *next;
	const char *text;          /* leaf text, NULL for containers */
	csl_fmt fmt;
	const char *delim;
	unsigned char nocase;      /* leaf excluded from text-case */
	unsigned char rich;        /* container from rich text markup: flip-flop */
	unsigned char is_num;      /* citation-number leaf (collapse) */
	unsigned char yearsuffix;
	unsigned char is_term;
	unsigned char single_quote; /* rich text in typographic single quotes: single even outside quotes */
	unsigned char no_piq;      /* user text (cite prefix/suffix): punctuation stays outside quotes */
};

enum { OUT_TEXT = LIT_CSL_TEXT, OUT_HTML = LIT_CSL_HTML, OUT_MD = LIT_CSL_MARKDOWN, OUT_RTF = LIT_CSL_RTF };

onode *lit_csl_onode(csl_arena *a, const char *text);
void lit_csl_onode_add(onode *parent, onode *child);
/* Parse the HTML-ish rich text of a field value (<i>, <b>, <sc>, <sup>, <sub>,
 * <span class="nocase">, straight quotes) into a node. */
onode *lit_csl_rich(csl_arena *a, const char *s);
/* Apply a text-case to every leaf below n (lang is the item or style language). */
void lit_csl_text_case(csl_arena *a, onode *n, int tc, const char *lang);
/* Is there any visible text below n? */
int lit_csl_onode_empty(const onode *n);
/* Serialise. */
void lit_csl_serialize(lit_buf *b, const onode *n, int format, const csl_locale *loc);
/* Plain text of a node (for sort keys and comparisons). */
void lit_csl_plain(lit_buf *b, const onode *n);

/* ------------------------------------------------------------- rendering */

typedef struct csl_item csl_item;
typedef struct lit_csl_engine csl_engine;

typedef struct csl_citeref {
	const char *locator;
	const char *label;
	const char *prefix, *suffix;
	int suppress_author, author_only;
	int position;              /* LIT_CSL_POS_* */
	int near_note;
	int note;                  /* note number of the citation, 0 if none */
	int first_note;            /* first-reference-note-number */
} csl_citeref;

/* Per-render disambiguation parameters of an item. */
typedef struct csl_disamb {
	int add_names;             /* extra names shown beyond et-al-use-first */
	int givenname;             /* 0 none, 1 initials, 2 full given names */
	int disambiguate;          /* how many disambiguate="true" conditions are true (INT_MAX all) */
	int year_suffix;           /* 0 none, 1.. = a.. */
	unsigned char *gn_level;   /* per-name givenname level (by-cite/names rules), may be NULL */
	int ngn;
} csl_disamb;

struct csl_item {
	const lit_record *rec;
	lit_record *own;           /* rec with the note's "variable: value" lines applied, or NULL */
	const char *id;
	size_t index;              /* registration order */
	int citation_number;
	const csl_locale *loc;
	const char *lang;
	csl_disamb dis;
	int cited;
	int ncites;                /* its cites in the citations being rendered */
	int first_note;
	char **sortkeys;           /* bibliography sort keys */
	int nsortkeys;
	char *plain_names;         /* for year-suffix grouping */
};

enum { MODE_CITATION = 0, MODE_BIBLIOGRAPHY = 1 };

typedef struct csl_ctx {
	csl_engine *eng;
	lit_csl_style *st;
	const csl_item *item;
	const csl_citeref *ref;
	int mode;
	const csl_locale *loc;
	csl_arena *ar;
	const csl_node *mode_node;    /* <citation> or <bibliography> */
	unsigned supp[(LIT_VAR__COUNT + 31) / 32];
	int ncalled, nrendered;       /* variables tried / rendered (groups) */
	int sorting;                  /* rendering a sort key */
	int disamb;                   /* rendering to compare cites for disambiguation */
	int disamb_tests;             /* disambiguate conditions met so far */
	int sort_names_min, sort_names_first, sort_names_last; /* key names-* overrides */
	int in_substitute;
	unsigned rec_vars[(LIT_VAR__COUNT + 31) / 32]; /* variables used inside a substitute */
	int names_count;              /* result of <name form="count"> */
	int render_depth;
	const csl_disamb *dis;
	int name_index_base;          /* index into dis->gn_level */
	int first_names_rendered;     /* has the first <names> been rendered (for gn rules) */
	int suppress_author_names;    /* suppress first names element */
	int author_only;
	int names_done;
	int names_done_list;
	int year_suffix_rendered;
	int num_rendered;             /* citation-number rendered in this cite */
	const onode *first_names_out; /* output of the first <names> element */
	const onode *first_names_list; /* its first name list, without label */
} csl_ctx;

onode *lit_csl_render_children(csl_ctx *c, const csl_node *n);
onode *lit_csl_render_layout(csl_ctx *c, const csl_node *layout);
/* Variable value helpers shared with the engine. */
const char *lit_csl_var_text(csl_ctx *c, int var, int shortform);
int lit_csl_is_numeric(const char *s);
int lit_csl_var_from_name(const char *name);

/* Engine -------------------------------------------------------------- */

struct lit_csl_engine {
	lit_csl_style *st;
	int format;
	csl_item *items;
	size_t nitems;
	csl_arena ar;
	csl_arena keep;               /* survives per-entry resets */
	csl_arena tmp;                /* sort keys */
	int has_year_suffix_var;      /* style renders year-suffix explicitly */
	size_t *order;                /* registered items in bibliography order */
	size_t norder;
	size_t *pos;                  /* item index -> bibliography position (during disambiguation) */
	size_t *byid;                 /* item indices sorted by id */
	size_t nbyid;
	int sorted_once;
	int dis_position;             /* position cites are rendered in for disambiguation */
	int cites_known;              /* items' ncites are set: citations are being rendered */
};

onode *lit_csl_render_item(csl_engine *e, const csl_item *it, const csl_citeref *ref, int mode,
                           int suppress_author, const onode **names_out, const csl_node **layout_out);
/* Serialise (format -1 = plain text for comparisons); malloc'd string. */
char *lit_csl_to_string(csl_engine *e, const onode *n, int format, const csl_locale *loc);
/* As lit_csl_engine_cite; register_cited 0 keeps every record registered
 * (the bibliography then lists all of them in their order). */
int lit_csl_engine_cite_ex(lit_csl_engine *e, const lit_csl_citation *cits, size_t n,
                           char ***out, int register_cited, lit_error *err);
/* A variable rendered as a sort key. */
onode *lit_csl_sort_var(csl_ctx *c, int var);

/* Sorting compare of two keys with the collation of the style (Cyrillic
 * before Latin when the sort asks for it). */
int lit_csl_collate(const char *a, const char *b, int cyr_first);

#endif
