/*
 * parse_internal.h - what the pieces of the reference-string parser share:
 * the token labels, the tokenizer, feature extraction, the linear-chain
 * model (averaged-perceptron weights, Viterbi decoding), the heuristic
 * fallback labeller and the post-processing that turns labelled tokens
 * into a lit_record.
 *
 * Pipeline: text -> lit_ptok_run (tokens) -> lit_pfeat_token (hashed
 * features per token) -> lit_pmodel_decode (one label per token) ->
 * lit_pfields_build (record).
 */
#ifndef LIT_PARSE_INTERNAL_H
#define LIT_PARSE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "litera/common.h"
#include "litera/record.h"

/* ---------------------------------------------------------------------
 * Labels.  X(ID, "name")  The names are those of AnyStyle where they
 * exist, so AnyStyle XML can be read without a mapping table.
 * ------------------------------------------------------------------- */
#define LIT_PLABELS(X) \
	X(OTHER, "other") \
	X(CITNUM, "citation-number") \
	X(AUTHOR, "author") \
	X(EDITOR, "editor") \
	X(TRANSLATOR, "translator") \
	X(TITLE, "title") \
	X(JOURNAL, "journal") \
	X(CONTAINER, "container-title") \
	X(COLLECTION, "collection-title") \
	X(DATE, "date") \
	X(ACCESSED, "accessed") \
	X(VOLUME, "volume") \
	X(ISSUE, "issue") \
	X(PAGES, "pages") \
	X(PUBLISHER, "publisher") \
	X(LOCATION, "location") \
	X(EDITION, "edition") \
	X(GENRE, "genre") \
	X(MEDIUM, "medium") \
	X(URL, "url") \
	X(DOI, "doi") \
	X(ISBN, "isbn") \
	X(NOTE, "note")

typedef enum lit_plabel {
#define LIT_X_(id, name) LIT_PL_##id,
	LIT_PLABELS(LIT_X_)
#undef LIT_X_
	LIT_PL__COUNT
} lit_plabel;

/* Name of a label; "other" when out of range. */
const char *lit_plabel_name(int label);
/* Label for a name (AnyStyle tag names and a few aliases); -1 if unknown. */
int lit_plabel_from_name(const char *name, size_t len);

/* ---------------------------------------------------------------------
 * Tokens
 * ------------------------------------------------------------------- */

/* Longest reference text looked at (bytes); the rest is kept in raw only. */
#define LIT_PARSE_MAX_TEXT 8192
/* Most tokens per reference. */
#define LIT_PARSE_MAX_TOKENS 512

/* Token flags. */
enum {
	LIT_TF_SPACE = 1 << 0,    /* whitespace before the token */
	LIT_TF_URL = 1 << 1,      /* looks like a URL / DOI / e-mail */
	LIT_TF_CYR = 1 << 2,      /* has Cyrillic letters */
	LIT_TF_LAT = 1 << 3,      /* has Latin letters */
	LIT_TF_CJK = 1 << 4,      /* has CJK / Hangul / kana */
	LIT_TF_DIGIT = 1 << 5,    /* has digits */
	LIT_TF_UPPER0 = 1 << 6,   /* first letter is upper case */
	LIT_TF_ALLCAPS = 1 << 7,  /* >= 2 letters, all upper case */
	LIT_TF_INITIAL = 1 << 8,  /* "J." "Ж.-П." "Yu." "JJ" initials */
	LIT_TF_YEAR = 1 << 9,     /* contains a plausible year */
	LIT_TF_RANGE = 1 << 10,   /* digits dash digits */
	LIT_TF_PUNCT = 1 << 11,   /* no letters or digits at all */
	LIT_TF_INQUOTE = 1 << 12, /* inside quotation marks */
	LIT_TF_INPAREN = 1 << 13, /* inside () */
	LIT_TF_INBRACK = 1 << 14  /* inside [] */
};

typedef struct lit_ptoken {
	uint32_t start, end;     /* byte span in the text */
	uint32_t core_start, core_end; /* span without leading/trailing punctuation */
	uint32_t flags;
	uint64_t h_lower;        /* hash of the lower-cased token */
	uint64_t h_core;         /* hash of the lower-cased core */
	uint64_t h_shape;        /* hash of the compressed shape */
	uint64_t h_pre[3];       /* hashes of the first 1-3 characters of the lower-cased core (0: none) */
	uint64_t h_suf[3];       /* hashes of the last 1-3 characters */
	uint32_t lex;            /* lexicon bits (LIT_LEX_*) */
	uint16_t nletters, ndigits;
	uint8_t area;            /* GOST ". - " areas seen before (capped) */
	uint8_t host;            /* after " // " */
	uint8_t resp;            /* after " / " (statement of responsibility) */
	uint8_t after_in;        /* after "In" / "In:" / "В кн.:" */
	uint8_t period_before;   /* previous token ends with '.' */
	uint8_t comma_before;    /* previous token ends with ',' */
	uint8_t year_before;     /* a year-like token came earlier */
	uint8_t seg;             /* segments (". " ", " ": " ended) before, capped */
	uint8_t segpos;          /* position inside the segment, capped */
	/* sentence-like segments: a break after a token ending in '.', '?' or
	 * '!' (not an initial) when the next token does not start lower case,
	 * and at " // " */
	uint8_t sent;            /* segment index (capped) */
	uint8_t sentpos;         /* position inside the sentence (capped) */
	uint8_t sentlen;         /* tokens in the sentence (capped) */
	uint8_t sentrel;         /* 0 no year, 1 before, 2 in, 3 after the first year's sentence */
	uint32_t sentlex;        /* union of the lexicon bits of the sentence */
	uint64_t h_sfirst;       /* core hash of the sentence's first word */
	uint64_t h_snext;        /* core hash of the next sentence's first word (0: none) */
	uint8_t qrel;            /* 0 before any quoted title, 1 in quotes, 2 after a closed quote */
} lit_ptoken;

typedef struct lit_ptokens {
	const char *text;
	size_t len;
	size_t n;
	lit_ptoken tok[LIT_PARSE_MAX_TOKENS];
	uint32_t doc_flags;      /* LIT_TF_CYR etc. over the whole string, plus LIT_DF_* */
	/* Markdown emphasis removed before tokenizing ("*Asia Policy*"): byte
	 * ranges in text, set by the caller after lit_ptok_run (which clears
	 * them); italics mark a journal or a book's title */
	size_t nemph;
	size_t emph[4][2];
} lit_ptokens;

/* Whole-string flags in doc_flags (high bits). */
enum {
	LIT_DF_SLASHES = 1u << 20,   /* contains " // " */
	LIT_DF_AREAS = 1u << 21,     /* contains ". - " area separators */
	LIT_DF_QUOTES = 1u << 22,    /* contains a quoted title */
	LIT_DF_LEADNUM = 1u << 23    /* starts with a number or [n] label */
};

/* Tokenize text[0..len) into *out (which may be large: allocate it). */
void lit_ptok_run(lit_ptokens *out, const char *text, size_t len);

/* Lexicon bits. */
enum {
	LIT_LEX_MONTH = 1 << 0,
	LIT_LEX_VOL = 1 << 1,       /* vol. Т. Bd. */
	LIT_LEX_NUM = 1 << 2,       /* no. № Nr. Вып. issue */
	LIT_LEX_PAGE = 1 << 3,      /* pp. p. С. S. */
	LIT_LEX_EXTENT = 1 << 4,    /* с. p. pages стр. (after a number) */
	LIT_LEX_ED = 1 << 5,        /* ed. eds. edited под ред. */
	LIT_LEX_IN = 1 << 6,        /* In In: В кн.: */
	LIT_LEX_ETAL = 1 << 7,      /* et al. и др. */
	LIT_LEX_AND = 1 << 8,       /* and & и */
	LIT_LEX_URLW = 1 << 9,      /* URL: Retrieved Available Режим доступа */
	LIT_LEX_ACCESS = 1 << 10,   /* accessed дата обращения visited */
	LIT_LEX_PLACE = 1 << 11,    /* place names and abbreviations */
	LIT_LEX_PUBL = 1 << 12,     /* publisher words */
	LIT_LEX_JOURNAL = 1 << 13,  /* journal words */
	LIT_LEX_EDITION = 1 << 14,  /* edition words */
	LIT_LEX_GENRE = 1 << 15,    /* thesis, report, дис., автореф. ... */
	LIT_LEX_MEDIUM = 1 << 16,   /* [Электронный ресурс], Текст, электронный */
	LIT_LEX_TRANS = 1 << 17,    /* пер. transl. translated */
	LIT_LEX_IDENT = 1 << 18,    /* ISBN ISSN DOI arXiv PMID */
	LIT_LEX_CONF = 1 << 19,     /* proceedings, conference, конф. */
	LIT_LEX_STOP = 1 << 20,     /* function words of titles */
	LIT_LEX_UNIV = 1 << 21,     /* university, institute, press */
	LIT_LEX_LAW = 1 << 22       /* закон, указ, постановление, act */
};

/* Lexicon bits for a lower-cased word (core of a token) */
uint32_t lit_plex_lookup(const char *lower, size_t len);

/* UTF-8 helpers local to the parser's hot paths (tokenizer, names);
 * dates go through util/date.c. */
int32_t lit_pu8_next_multi(const char *s, size_t len, size_t *i);
/* Next code point of s at *i (advanced); invalid bytes give U+FFFD.  ASCII
 * inline: the tokenizer and the field repairs call this per byte. */
static inline int32_t lit_pu8_next(const char *s, size_t len, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	if (c < 0x80) {
		*i += 1;
		return (int32_t)c;
	}
	return lit_pu8_next_multi(s, len, i);
}
int lit_pu8_is_cyr(int32_t c);
int lit_pu8_is_cjk(int32_t c);
int lit_pu8_is_letter(int32_t c);
int lit_pu8_is_upper(int32_t c);
int lit_pu8_is_space(int32_t c);
int lit_pu8_is_dash(int32_t c);
int32_t lit_pu8_lower(int32_t c);
/* Append the lower-cased s[0..len) to out (room outcap); returns length. */
size_t lit_pu8_lower_str(const char *s, size_t len, char *out, size_t outcap);

uint64_t lit_phash(const void *data, size_t len, uint64_t seed);

/* ---------------------------------------------------------------------
 * Features
 * ------------------------------------------------------------------- */

#define LIT_PFEAT_MAX 80
/* Version of the feature set: a model records the version it was trained
 * with and is refused by a parser with another. */
#define LIT_PFEAT_VERSION 4

/* Hashed features of token i (never 0); returns the count (<= LIT_PFEAT_MAX). */
size_t lit_pfeat_token(const lit_ptokens *t, size_t i, uint32_t *out);

/* ---------------------------------------------------------------------
 * Model
 * ------------------------------------------------------------------- */

#define LIT_PMODEL_MAGIC 0x4D54494Cu   /* "LITM" little-endian */
#define LIT_PMODEL_FORMAT 2

/*
 * A model is one array of 32-bit words (so it can be embedded as a C
 * array and read from a little-endian file):
 *   [0] magic  [1] format  [2] feature version  [3] nlabels
 *   [4] table_bits  [5] nentries  [6] reserved (0)  [7] checksum (FNV-1a
 *   over words 8..end, see lit_pmodel_checksum)
 *   label names: nlabels x 6 words (24 bytes, NUL-padded)
 *   transitions: (nlabels + 1) x nlabels int32 (row nlabels = start)
 *   table: 2^table_bits slots x 2 words (feature hash, offset << 8 | count)
 *   entries: nentries words, each (label << 16) | (uint16) int16 weight
 */
typedef struct lit_pmodel {
	const uint32_t *words;    /* the image: the embedded array, or NULL
	                             after a model file was loaded (its image
	                             is freed once the tables are built) */
	size_t nwords;
	uint32_t *owned;          /* the decoder's tables (see model.c), always
	                             allocated by lit_pmodel_init */
	int nlabels;
	int map[LIT_PL__COUNT];   /* model label -> lit_plabel */
	const int32_t *trans;
	const uint32_t *table;
	uint32_t mask;
	const uint32_t *entries;
	uint32_t nentries;
} lit_pmodel;

/* Check and wrap words[0..nwords) (not copied; must outlive the model). */
int lit_pmodel_init(lit_pmodel *m, const uint32_t *words, size_t nwords, lit_error *err);
/* Read a model file (little-endian words). */
int lit_pmodel_load_file(lit_pmodel *m, const char *path, lit_error *err);
void lit_pmodel_fini(lit_pmodel *m);
/* Label every token of t into labels[] (lit_plabel values). */
void lit_pmodel_decode(const lit_pmodel *m, const lit_ptokens *t, uint8_t *labels);
uint32_t lit_pmodel_checksum(const uint32_t *words, size_t nwords);

/* The embedded model (model_data.c); 0 words when none was built in. */
extern const uint32_t lit_pmodel_builtin[];
extern const size_t lit_pmodel_builtin_words;

/* ---------------------------------------------------------------------
 * Heuristic labeller: used when no model is available.
 * ------------------------------------------------------------------- */
void lit_prules_label(const lit_ptokens *t, uint8_t *labels);

/* ---------------------------------------------------------------------
 * Post-processing: labelled tokens to a record.
 * ------------------------------------------------------------------- */
/* rules: the labels came from the rule-based fallback (enables extra guessing) */
int lit_pfields_build(const lit_ptokens *t, const uint8_t *labels, int rules, lit_record *rec);

#endif
