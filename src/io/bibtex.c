/*
 * bibtex.c - the BibTeX and BibLaTeX format table entries and the tables
 * both directions share: entry types <-> CSL types, and babel language
 * names <-> BCP 47 tags.  The reader is bibtex_read.c, the writers
 * bibtex_write.c.
 */
#include <string.h>

#include "io/bibtex.h"

#define C LIT_BIBT_CANON
#define B LIT_BIBT_CLASSIC
#define L LIT_BIBT_LATEX

/* The first row of a CSL type flagged for a dialect is its default there
 * (see lit_bibtex_type_for); rows without CANON make the reader keep the
 * original name in the custom entry "bibtex-type". */
static const lit_bib_type types[] = {
	{ "article", LIT_TYPE_ARTICLE_JOURNAL, C | B | L },
	{ "book", LIT_TYPE_BOOK, C | B | L },
	{ "mvbook", LIT_TYPE_BOOK, L },
	{ "inbook", LIT_TYPE_CHAPTER, B | L },
	{ "bookinbook", LIT_TYPE_CHAPTER, L },
	{ "suppbook", LIT_TYPE_CHAPTER, L },
	{ "incollection", LIT_TYPE_CHAPTER, C | B | L },
	{ "suppcollection", LIT_TYPE_CHAPTER, L },
	{ "inproceedings", LIT_TYPE_PAPER_CONFERENCE, C | B | L },
	{ "conference", LIT_TYPE_PAPER_CONFERENCE, B },
	{ "proceedings", LIT_TYPE_BOOK, B | L },
	{ "mvproceedings", LIT_TYPE_BOOK, L },
	{ "collection", LIT_TYPE_BOOK, L },
	{ "mvcollection", LIT_TYPE_BOOK, L },
	{ "reference", LIT_TYPE_BOOK, L },
	{ "mvreference", LIT_TYPE_BOOK, L },
	{ "manual", LIT_TYPE_BOOK, B | L },
	{ "inreference", LIT_TYPE_ENTRY_ENCYCLOPEDIA, C | L },
	{ "phdthesis", LIT_TYPE_THESIS, C | B | L },
	{ "mastersthesis", LIT_TYPE_THESIS, B | L },
	{ "thesis", LIT_TYPE_THESIS, L },
	{ "techreport", LIT_TYPE_REPORT, C | B },
	{ "report", LIT_TYPE_REPORT, C | L },
	{ "online", LIT_TYPE_WEBPAGE, C | B | L },
	{ "electronic", LIT_TYPE_WEBPAGE, B | L },
	{ "www", LIT_TYPE_WEBPAGE, B | L },
	{ "misc", LIT_TYPE_DOCUMENT, C | B | L },
	{ "patent", LIT_TYPE_PATENT, C | B | L },
	{ "unpublished", LIT_TYPE_MANUSCRIPT, C | B | L },
	{ "booklet", LIT_TYPE_PAMPHLET, C | B | L },
	{ "periodical", LIT_TYPE_PERIODICAL, C | B | L },
	{ "dataset", LIT_TYPE_DATASET, C | B | L },
	{ "software", LIT_TYPE_SOFTWARE, C | B | L },
	{ "standard", LIT_TYPE_STANDARD, C | B | L },
	{ "legislation", LIT_TYPE_LEGISLATION, C | L },
	{ "law", LIT_TYPE_LEGISLATION, L },
	{ "legal", LIT_TYPE_LEGISLATION, L },
	{ "jurisdiction", LIT_TYPE_LEGAL_CASE, C | L },
	{ "artwork", LIT_TYPE_GRAPHIC, C | L },
	{ "image", LIT_TYPE_GRAPHIC, L },
	{ "audio", LIT_TYPE_SONG, C | L },
	{ "music", LIT_TYPE_SONG, L },
	{ "video", LIT_TYPE_MOTION_PICTURE, C | L },
	{ "movie", LIT_TYPE_MOTION_PICTURE, L },
	{ "performance", LIT_TYPE_PERFORMANCE, C | L },
	{ "letter", LIT_TYPE_PERSONAL_COMMUNICATION, C | L },
	{ "review", LIT_TYPE_REVIEW, C | L },
};

#undef C
#undef B
#undef L

const lit_bib_type *lit_bibtex_type_find(const char *name)
{
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (strcmp(types[i].name, name) == 0)
			return &types[i];
	return NULL;
}

static int genre_is_masters(const char *g)
{
	return g && (strstr(g, "aster") || strstr(g, "агист") || strstr(g, "MSc") ||
	             strstr(g, "M.Sc") || strstr(g, "M.A."));
}

const char *lit_bibtex_type_for(const lit_record *rec, int biblatex)
{
	unsigned want = biblatex ? LIT_BIBT_LATEX : LIT_BIBT_CLASSIC;
	lit_type t = lit_record_type(rec);
	const char *orig = lit_record_custom(rec, LIT_BIB_CUSTOM_TYPE, NULL);
	if (orig) {
		const lit_bib_type *row = lit_bibtex_type_find(orig);
		if (row && row->type == t && (row->flags & want))
			return row->name;
		if (!row && t == LIT_TYPE_DOCUMENT)
			return orig; /* an entry type we do not know, kept as read */
	}
	const char *genre = lit_record_get(rec, LIT_VAR_GENRE);
	switch (t) {
	case LIT_TYPE_ARTICLE:
	case LIT_TYPE_ARTICLE_JOURNAL:
	case LIT_TYPE_ARTICLE_MAGAZINE:
	case LIT_TYPE_ARTICLE_NEWSPAPER:
		return "article";
	case LIT_TYPE_BOOK:
		return "book";
	case LIT_TYPE_CHAPTER:
		return "incollection";
	case LIT_TYPE_PAPER_CONFERENCE:
		return "inproceedings";
	case LIT_TYPE_THESIS:
		/* biblatex knows both as aliases of @thesis with the type set */
		return genre_is_masters(genre) ? "mastersthesis" : "phdthesis";
	case LIT_TYPE_REPORT:
		return biblatex ? "report" : "techreport";
	case LIT_TYPE_WEBPAGE:
	case LIT_TYPE_POST:
	case LIT_TYPE_POST_WEBLOG:
		return "online";
	case LIT_TYPE_MANUSCRIPT:
		return "unpublished";
	case LIT_TYPE_PAMPHLET:
		return "booklet";
	case LIT_TYPE_PERIODICAL:
		return "periodical";
	case LIT_TYPE_DATASET:
		return "dataset";
	case LIT_TYPE_SOFTWARE:
		return "software";
	case LIT_TYPE_STANDARD:
		return "standard";
	case LIT_TYPE_PATENT:
		return "patent";
	case LIT_TYPE_ENTRY:
	case LIT_TYPE_ENTRY_DICTIONARY:
	case LIT_TYPE_ENTRY_ENCYCLOPEDIA:
		return biblatex ? "inreference" : "incollection";
	case LIT_TYPE_LEGISLATION:
	case LIT_TYPE_BILL:
	case LIT_TYPE_REGULATION:
	case LIT_TYPE_TREATY:
		return biblatex ? "legislation" : "misc";
	case LIT_TYPE_LEGAL_CASE:
		return biblatex ? "jurisdiction" : "misc";
	case LIT_TYPE_GRAPHIC:
	case LIT_TYPE_FIGURE:
		return biblatex ? "artwork" : "misc";
	case LIT_TYPE_SONG:
		return biblatex ? "audio" : "misc";
	case LIT_TYPE_MOTION_PICTURE:
	case LIT_TYPE_BROADCAST:
		return biblatex ? "video" : "misc";
	case LIT_TYPE_PERSONAL_COMMUNICATION:
		return biblatex ? "letter" : "misc";
	case LIT_TYPE_PERFORMANCE:
		return biblatex ? "performance" : "misc";
	case LIT_TYPE_REVIEW:
	case LIT_TYPE_REVIEW_BOOK:
		return biblatex ? "review" : "article";
	default:
		return "misc";
	}
}

/* Babel/polyglossia names (and a few other spellings) <-> BCP 47.  The
 * first row of a tag is the name written out. */
static const struct { const char *name; const char *tag; } langs[] = {
	{ "russian", "ru" }, { "english", "en" }, { "american", "en" },
	{ "british", "en" }, { "usenglish", "en" }, { "ukenglish", "en" },
	{ "canadian", "en" }, { "australian", "en" }, { "newzealand", "en" },
	{ "ukrainian", "uk" }, { "belarusian", "be" }, { "belorussian", "be" },
	{ "german", "de" }, { "ngerman", "de" }, { "austrian", "de" },
	{ "naustrian", "de" }, { "swissgerman", "de" }, { "nswissgerman", "de" },
	{ "french", "fr" }, { "francais", "fr" }, { "spanish", "es" },
	{ "italian", "it" }, { "portuguese", "pt" }, { "portuges", "pt" },
	{ "brazilian", "pt" }, { "brazil", "pt" }, { "polish", "pl" },
	{ "czech", "cs" }, { "slovak", "sk" }, { "bulgarian", "bg" },
	{ "serbian", "sr" }, { "croatian", "hr" }, { "slovene", "sl" },
	{ "slovenian", "sl" }, { "dutch", "nl" }, { "swedish", "sv" },
	{ "norsk", "nb" }, { "norwegian", "nb" }, { "nynorsk", "nn" },
	{ "danish", "da" }, { "finnish", "fi" }, { "estonian", "et" },
	{ "latvian", "lv" }, { "lithuanian", "lt" }, { "magyar", "hu" },
	{ "hungarian", "hu" }, { "romanian", "ro" }, { "greek", "el" },
	{ "turkish", "tr" }, { "hebrew", "he" }, { "arabic", "ar" },
	{ "chinese", "zh" }, { "japanese", "ja" }, { "korean", "ko" },
	{ "kazakh", "kk" }, { "armenian", "hy" }, { "georgian", "ka" },
	{ "latin", "la" }, { "esperanto", "eo" }, { "catalan", "ca" },
	{ "irish", "ga" }, { "icelandic", "is" }, { "vietnamese", "vi" },
	{ "hindi", "hi" }, { "persian", "fa" }, { "farsi", "fa" },
	{ "uzbek", "uz" }, { "azerbaijani", "az" }, { "mongolian", "mn" },
	{ "tatar", "tt" }, { "kyrgyz", "ky" }, { "tajik", "tg" },
	{ "rus", "ru" }, { "eng", "en" }, { "ger", "de" }, { "deu", "de" },
	{ "fre", "fr" }, { "fra", "fr" }, { "ukr", "uk" },
	{ "русский", "ru" }, { "рус", "ru" }, { "английский", "en" },
	{ "англ", "en" }, { "украинский", "uk" }, { "немецкий", "de" },
	{ "французский", "fr" },
};

const char *lit_bibtex_lang_to_bcp47(const char *name)
{
	char low[64];
	size_t n = 0;
	if (!name)
		return NULL;
	while (*name == ' ')
		name++;
	for (; name[n] && n + 1 < sizeof low; n++) {
		char c = name[n];
		low[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	low[n] = 0;
	while (n > 0 && (low[n - 1] == ' ' || low[n - 1] == '.'))
		low[--n] = 0;
	/* Cyrillic capitals in "Русский": fold the two-byte forms А-Я */
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char a = (unsigned char)low[i], b = (unsigned char)low[i + 1];
		if (a == 0xD0 && b >= 0x90 && b <= 0x9F) {
			low[i + 1] = (char)(b + 0x20);
			i++;
		} else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) {
			low[i] = (char)0xD1;
			low[i + 1] = (char)(b - 0x20);
			i++;
		} else if (a >= 0x80) {
			i++;
		}
	}
	const char *s = low;
	if (strncmp(s, "lang", 4) == 0 && s[4])
		s += 4; /* biblatex language keys: langrussian */
	for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
		if (strcmp(langs[i].name, s) == 0)
			return langs[i].tag;
	/* already a tag: two or three letters, optionally a subtag */
	size_t k = 0;
	while (s[k] >= 'a' && s[k] <= 'z')
		k++;
	if ((k == 2 || k == 3) && (s[k] == 0 || s[k] == '-' || s[k] == '_')) {
		for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
			if (strlen(langs[i].tag) == k && strncmp(langs[i].tag, s, k) == 0)
				return langs[i].tag;
	}
	return NULL;
}

const char *lit_bibtex_lang_to_babel(const char *tag)
{
	if (!tag)
		return NULL;
	size_t k = 0;
	while (tag[k] && tag[k] != '-' && tag[k] != '_')
		k++;
	for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
		if (strlen(langs[i].tag) == k && strncmp(langs[i].tag, tag, k) == 0) {
			/* en-US -> american, en-GB -> british */
			if (k == 2 && strncmp(tag, "en", 2) == 0 && tag[2]) {
				if (strcmp(tag + 3, "US") == 0 || strcmp(tag + 3, "us") == 0)
					return "american";
				if (strcmp(tag + 3, "GB") == 0 || strcmp(tag + 3, "gb") == 0)
					return "british";
			}
			return langs[i].name;
		}
	}
	return NULL;
}

static int is_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == ':';
}

int lit_bibtex_detect(const char *data, size_t len)
{
	size_t limit = len < 65536 ? len : 65536;
	int at_line_start = 1;
	size_t start = (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	for (size_t i = start; i < limit; i++) {
		char c = data[i];
		if (c == '\n') {
			at_line_start = 1;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r')
			continue;
		if (c == '@' && at_line_start) {
			size_t j = i + 1, b;
			while (j < limit && (data[j] == ' ' || data[j] == '\t'))
				j++;
			b = j;
			while (j < limit && is_ident(data[j]))
				j++;
			char name[32];
			size_t n = j - b;
			while (j < limit && (data[j] == ' ' || data[j] == '\t'))
				j++;
			if (n > 0 && n < sizeof name && j < limit && (data[j] == '{' || data[j] == '(')) {
				for (size_t k = 0; k < n; k++) {
					char ch = data[b + k];
					name[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
				}
				name[n] = 0;
				if (lit_bibtex_type_find(name) || strcmp(name, "string") == 0 ||
				    strcmp(name, "preamble") == 0 || strcmp(name, "comment") == 0)
					return 95;
				return 70;
			}
		}
		at_line_start = 0;
	}
	return 0;
}

const lit_format_def lit_format_bibtex = {
	{ "bibtex", "BibTeX database", 1, 1 },
	"bib",
	lit_bibtex_detect,
	lit_bibtex_read,
	lit_bibtex_write_begin,
	lit_bibtex_write_record,
	lit_bibtex_write_end,
	NULL
};

const lit_format_def lit_format_biblatex = {
	{ "biblatex", "BibLaTeX database", 1, 1 },
	"blx",
	NULL,
	lit_bibtex_read,
	lit_bibtex_write_begin,
	lit_biblatex_write_record,
	lit_bibtex_write_end,
	NULL
};
