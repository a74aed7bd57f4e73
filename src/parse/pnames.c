/*
 * pnames.c - splitting the author or editor segment of a reference into
 * names: inverted pairs ("Romero, C., Paunesku, D."), GOST headings
 * ("Иванов И. И., Петров П. П."), initials first ("S. E. Han", "И. И.
 * Иванов"), Vancouver ("Pérez-Higueras JJ, Arias A"), full names ("Abhishek
 * Sharma and Rajoli Siddharth Jayaprakash"), semicolon lists, organisations
 * (kept whole as a literal) and "et al." / "и др.".
 */
#include <string.h>
#include "parse_internal.h"
#include "pfields.h"

#define MAXW 160

enum { W_WORD = 0, W_COMMA, W_SEMI, W_AND };

typedef struct nword {
	int kind;
	size_t a, b;     /* text span (cleaned) */
	int initial;     /* looks like initials */
	int particle;    /* van, de, von ... */
	int suffix;      /* Jr., III */
	int lower0;      /* starts lower-case */
} nword;

static int word_eq(const char *s, size_t a, size_t b, const char *w)
{
	char low[32];
	size_t l;
	if (b - a >= sizeof low)
		return 0;
	l = lit_pu8_lower_str(s + a, b - a, low, sizeof low);
	low[l] = 0;
	return strcmp(low, w) == 0;
}

static int is_one_of(const char *s, size_t a, size_t b, const char *const *list)
{
	char low[32];
	size_t l;
	if (b - a >= sizeof low)
		return 0;
	l = lit_pu8_lower_str(s + a, b - a, low, sizeof low);
	low[l] = 0;
	for (size_t i = 0; list[i]; i++)
		if (low[0] == list[i][0] && strcmp(low, list[i]) == 0)
			return 1;
	return 0;
}

static const char *const particles[] = {
	"van", "von", "de", "der", "den", "la", "le", "du", "da", "di", "del", "della", "dos", "das",
	"des", "ten", "ter", "bin", "ibn", "al", "el", "zu", "vom", "af", "av", "y", "st.", "де", "ван", "фон", "дер", NULL
};
static const char *const suffixes[] = { "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "2nd", "3rd", NULL };
static const char *const conj_words[] = { "and", "&", "и", "und", "et", "y", "e", "&amp;", NULL };
static const char *const role[] = {
	"ed", "ed.", "eds", "eds.", "(ed.)", "(eds.)", "(ed)", "(eds)", "edited", "by", "editor", "editors",
	"(editor)", "(editors)", "hrsg.", "(hrsg.)", "(hg.)", "hg.", "hrsg", "(hrsg)", "éd.", "(éd.)", "(éds.)",
	"dir.", "(dir.)", "под", "ред.", "редакцией", "общ.", "отв.", "науч.", "сост.", "пер.", "с", "англ.",
	"нем.", "фр.", "trans.", "transl.", "translated", "(trans.)", "(transl.)", "comp.", "(comp.)", "coord.",
	"(coord.)", "eds.,", "ed.,", "(eds.),", "(ed.),", "in", "in:", "//", "/", ":", "(", ")", "-", "–", "—",
	"[текст]", "предисл.", "коммент.", "комм.", "вступ.", "вст.", "ст.", "уч.", "при", "примеч.", "послесл.",
	"закл.", "гл.", "редкол.", "ред", "forew.", "foreword", "introd.", "intr.", "comm.", "with", "übers.",
	NULL
};
/* Latin role words compared without brackets and final stops ("(Editors).",
 * "editor.", "eds.,", "editedby"); "prefix" ones come before the names. */
static const char *const role_core[] = { "ed", "eds", "edited", "editedby", "editor", "editors", "hrsg", "hg",
                                         "éd", "éds", "dir", "comp", "coord", "trans", "transl", "translated",
                                         "edd", "herausgegeben", "director", "directors", "producer",
                                         "producers", "compiler", "compilers", "translator", "translators", NULL };
static const char *const role_prefix[] = { "ed", "eds", "edited", "editedby", "hrsg", "hg", "by", "edd", NULL };

/* Is s[a,b) a role word by its core, and (when `prefix`) one that comes
 * before the names? */
static int role_word(const char *s, size_t a, size_t b, int prefix)
{
	if (b > a && (s[a] == '(' || s[a] == '['))
		return prefix ? 0 : role_word(s, a + 1, b, 0);
	int dot = memchr(s + a, '.', b - a) != NULL, lower = 0;
	while (b > a && strchr(").],:;", s[b - 1]))
		b--;
	/* "HG", "ED" without a stop are initials (Vancouver "Leufkens HG") */
	for (size_t k = a; k < b; k++)
		lower |= s[k] >= 'a' && s[k] <= 'z';
	if (!lower && !dot)
		return 0;
	return is_one_of(s, a, b, prefix ? role_prefix : role_core);
}

static const char *const org_words[] = {
	"university", "institute", "organization", "organisation", "ministry", "association", "committee",
	"council", "agency", "society", "program", "programme", "foundation", "bank", "office", "department",
	"service", "group", "center", "centre", "federation", "commission", "corporation", "company", "board",
	"bureau", "academy", "administration", "authority", "consortium", "collaboration", "team", "network",
	"government", "inc", "ltd", "who", "unesco", "oecd", "nasa", "parliament", "court", "union", "nations",
	"министерство", "институт", "университет", "комитет", "ассоциация", "служба", "агентство",
	"организация", "федерация", "центр", "правительство", "совет", "академия", "управление", "фонд",
	"банк", "департамент", "общество", "коллектив", "росстат", "мид", "администрация", "дума", "палата",
	NULL
};

/* A patronymic ("Иванович", "Petrovna"): the segment is a person's full
 * name ("Иванов Иван Иванович."). */
static int patronymic(const char *s, size_t a, size_t b)
{
	static const char *const ends[] = { "вич", "вна", "ична", "ovich", "evich", "ovna", "evna", "ichna", NULL };
	while (b > a && (s[b - 1] == '.' || s[b - 1] == ','))
		b--;
	for (size_t i = 0; ends[i]; i++) {
		size_t l = strlen(ends[i]);
		if (b - a > l && memcmp(s + b - l, ends[i], l) == 0)
			return 1;
	}
	return 0;
}

/* Initials: "J." "J.-P." "Yu." "И.И." "JJ" "OA" (all capitals, <= 3, Vancouver) */
static int looks_initial(const char *s, size_t a, size_t b)
{
	size_t i = a;
	int groups = 0, caps = 0, dots = 0;
	while (i < b) {
		int32_t c = lit_pu8_next(s, b, &i);
		if (c == '.') {
			dots++;
			continue;
		}
		if (c == '-')
			continue;
		if (!lit_pu8_is_letter(c))
			return 0;
		if (lit_pu8_is_upper(c)) {
			caps++;
			groups++;
			if (i < b) {
				size_t j = i;
				int32_t d = lit_pu8_next(s, b, &j);
				if (lit_pu8_is_letter(d) && !lit_pu8_is_upper(d)) {
					/* Yu. Kh. Th.: one lower letter then a dot */
					size_t k = j;
					if (k < b && s[k] == '.')
						i = j;
					else
						return 0;
				}
			}
		} else {
			return 0;
		}
	}
	if (groups == 0)
		return 0;
	if (dots)
		return 1;
	return caps <= 3; /* Vancouver "JJ" */
}

static int is_org_word(const char *s, size_t a, size_t b)
{
	char low[48];
	size_t l;
	if (b - a >= sizeof low)
		return 0;
	l = lit_pu8_lower_str(s + a, b - a, low, sizeof low);
	while (l > 0 && (low[l - 1] == '.' || low[l - 1] == ',' || low[l - 1] == ')'))
		l--;
	low[l] = 0;
	if (l == 0)
		return 0;
	for (size_t i = 0; org_words[i]; i++) {
		if (org_words[i][0] != low[0])
			continue;  /* first byte first: most words differ there */
		size_t ol = strlen(org_words[i]);
		if (l >= ol && memcmp(low, org_words[i], ol) == 0 && (l == ol || l - ol <= 6))
			return 1;
	}
	return 0;
}

static void set_span(const char *s, size_t a, size_t b, char *buf, size_t cap, const char **out)
{
	size_t l = b - a;
	if (l >= cap)
		l = cap - 1;
	memcpy(buf, s + a, l);
	buf[l] = 0;
	*out = l ? buf : NULL;
}

/* Join words [from,to) of w into buf with single spaces. */
static const char *join(const char *s, const nword *w, size_t from, size_t to, char *buf, size_t cap)
{
	size_t pos = 0;
	for (size_t i = from; i < to; i++) {
		if (w[i].kind != W_WORD)
			continue;
		size_t l = w[i].b - w[i].a;
		if (pos + l + 2 >= cap)
			break;
		/* a word broken at a line end: "Vrijen- hoek" is "Vrijenhoek" */
		if (pos && buf[pos - 1] == '-' && s[w[i].a] >= 'a' && s[w[i].a] <= 'z')
			pos--;
		else if (pos)
			buf[pos++] = ' ';
		memcpy(buf + pos, s + w[i].a, l);
		pos += l;
	}
	buf[pos] = 0;
	return pos ? buf : NULL;
}

static size_t add_person(lit_record *rec, lit_var var, const char *s, const nword *w, size_t from, size_t to,
                         size_t given_from, size_t given_to)
{
	/* family = words [from,to) minus [given_from,given_to) ; suffix words go to suffix */
	char fam[512], giv[512], suf[64];
	size_t fp = 0, gp = 0;
	lit_name nm;
	memset(&nm, 0, sizeof nm);
	suf[0] = 0;
	for (size_t i = from; i < to; i++) {
		if (w[i].kind != W_WORD)
			continue;
		size_t l = w[i].b - w[i].a;
		if (w[i].suffix && i > from) {
			set_span(s, w[i].a, w[i].b, suf, sizeof suf, &nm.suffix);
			continue;
		}
		int g = i >= given_from && i < given_to;
		char *buf = g ? giv : fam;
		size_t *pos = g ? &gp : &fp;
		if (*pos + l + 2 >= 512)
			continue;
		/* a word broken at a line end: "Vrijen- hoek" is "Vrijenhoek" */
		if (*pos && buf[*pos - 1] == '-' && s[w[i].a] >= 'a' && s[w[i].a] <= 'z')
			(*pos)--;
		else if (*pos)
			buf[(*pos)++] = ' ';
		memcpy(buf + *pos, s + w[i].a, l);
		*pos += l;
	}
	fam[fp] = 0;
	giv[gp] = 0;
	if (!fp && !gp)
		return 0;
	if (!fp) {
		/* only initials: keep them as the family so nothing is lost */
		nm.family = giv;
	} else {
		nm.family = fam;
		nm.given = gp ? giv : NULL;
	}
	return lit_record_add_name(rec, var, &nm) == LIT_OK;
}

/* One complete name in words [a,b). */
static size_t add_full(lit_record *rec, lit_var var, const char *s, const nword *w, size_t a, size_t b)
{
	size_t first = a, last = b;
	while (first < last && w[first].kind != W_WORD)
		first++;
	while (last > first && w[last - 1].kind != W_WORD)
		last--;
	if (first >= last)
		return 0;
	size_t nwords = last - first;
	/* trailing initials: Иванов И. И. / Smith JJ / Heidegger M. */
	size_t t = last;
	while (t > first && (w[t - 1].initial || w[t - 1].suffix))
		t--;
	if (t > first && t < last && !(t - first == 1 && w[first].initial))
		return add_person(rec, var, s, w, first, last, t, last);
	/* leading initials: S. E. Han / И. И. Иванов */
	size_t h = first;
	while (h < last && w[h].initial)
		h++;
	if (h > first && h < last)
		return add_person(rec, var, s, w, first, last, first, h);
	if (nwords == 1)
		return add_person(rec, var, s, w, first, last, last, last);
	/* "Иванов Иван Иванович": family, given name, patronymic */
	if (nwords == 3 && patronymic(s, w[last - 1].a, w[last - 1].b) && !patronymic(s, w[first].a, w[first].b))
		return add_person(rec, var, s, w, first, last, first + 1, last);
	/* John Smith / Jean de La Fontaine: family = last word with its particles */
	size_t f = last - 1;
	while (f > first && w[f].suffix)
		f--;
	while (f > first && w[f - 1].particle)
		f--;
	if (f == first)
		return add_person(rec, var, s, w, first, last, last, last);
	return add_person(rec, var, s, w, first, last, first, f);
}

size_t lit_pnames_add(lit_record *rec, lit_var var, const char *s, size_t len)
{
	nword w[MAXW];
	size_t n = 0, i = 0, added = 0;
	int etal = 0, has_initial = 0, has_org = 0, has_semi = 0;
	size_t prefix_role = 0; /* words before the last "ed." / "edited by" */
	int roles_seen = 0;      /* a role word after some words */

	/* words */
	while (i < len && n < MAXW - 1) {
		while (i < len) {
			size_t j = i;
			int32_t c = lit_pu8_next(s, len, &j);
			if (!lit_pu8_is_space(c))
				break;
			i = j;
		}
		if (i >= len)
			break;
		size_t a = i;
		while (i < len) {
			size_t j = i;
			int32_t c = lit_pu8_next(s, len, &j);
			if (lit_pu8_is_space(c))
				break;
			i = j;
		}
		size_t b = i;
		/* trailing separators */
		int sep = -1;
		while (b > a && (s[b - 1] == ',' || s[b - 1] == ';')) {
			sep = s[b - 1] == ';' ? W_SEMI : (sep == W_SEMI ? W_SEMI : W_COMMA);
			b--;
		}
		/* brackets and quotes around a word; PDF text's ",ed" ".Klioner" */
		while (b > a && (s[a] == '[' || s[a] == '(' || s[a] == '"' || s[a] == '\'' || s[a] == ',' ||
		                 (s[a] == '.' && b > a + 1 && s[a + 1] != '.')))
			a++;
		/* "byC. E. Clayton", "byManoel": "by" glued to the name */
		if (b > a + 2 && s[a] == 'b' && s[a + 1] == 'y' && lit_pu8_is_upper((unsigned char)s[a + 2]))
			a += 2;
		/* "andP .Muggly": the conjunction glued to an initial */
		if (b > a + 3 && memcmp(s + a, "and", 3) == 0 && s[a + 3] >= 'A' && s[a + 3] <= 'Z' && n > 0 &&
		    w[n - 1].kind == W_WORD && n < MAXW - 2) {
			memset(&w[n], 0, sizeof w[n]);
			w[n].kind = W_AND;
			n++;
			a += 3;
		}
		/* a lone "." or "-" of PDF text */
		{
			int alnum = 0;
			for (size_t q = a; q < b && !alnum;) {
				int32_t ch = lit_pu8_next(s, b, &q);
				alnum = lit_pu8_is_letter(ch) || (ch >= '0' && ch <= '9') || ch == '&';
			}
			if (!alnum)
				b = a;
		}
		while (b > a && (s[b - 1] == ']' || s[b - 1] == ')' || s[b - 1] == '"' || s[b - 1] == ':'))
			b--;
		if (b > a) {
			nword *x = &w[n];
			memset(x, 0, sizeof *x);
			x->a = a;
			x->b = b;
			/* "e" / "y" join names; "E" / "Y" are initials */
			if (is_one_of(s, a, b, conj_words) && !(b - a == 1 && s[a] >= 'A' && s[a] <= 'Z')) {
				/* "et al." is not a conjunction */
				x->kind = W_AND;
			} else if (word_eq(s, a, b, "al.") || word_eq(s, a, b, "al") || word_eq(s, a, b, "др.") ||
			           word_eq(s, a, b, "др") || word_eq(s, a, b, "others") || word_eq(s, a, b, "другие") ||
			           word_eq(s, a, b, "al.,")) {
				etal = 1;
				if (n > 0 && w[n - 1].kind == W_AND)
					n--;
				x = NULL;
			} else if ((is_one_of(s, a, b, role) || role_word(s, a, b, 0)) &&
			           !(b - a == 5 && memcmp(s + a, "\xD0\xA1\xD1\x82.", 5) == 0)) {
				/* role words ("вступ. ст."), but "Ст." is an initial (Боню Ст. Ангелов) */
				/* "ed." "edited by" "(Eds D Armitage": names follow; not "(ed.)," */
				if (var != LIT_VAR_AUTHOR && role_word(s, a, b, 1) && !memchr(s + a, ')', b - a) &&
				    !(b - a == 2 && s[a] >= 'A' && s[a] <= 'Z' && s[a + 1] >= 'A' && s[a + 1] <= 'Z') &&
				    !(b < len && memchr(s + b, ')', (i < len ? i : len) - b)) && !roles_seen)
					prefix_role = n;
				/* "Martin Bollacher (ed.), ..., ed. Gunter E. Grimm": names
				 * before a later role word */
				if (n > 0)
					roles_seen = 1;
				x = NULL;
			} else {
				x->kind = W_WORD;
				x->initial = looks_initial(s, a, b);
				x->particle = is_one_of(s, a, b, particles);
				x->suffix = is_one_of(s, a, b, suffixes);
				/* Vancouver "Campbell JR", "Piva SR": initials, not Jr. / Sr. */
				if (x->suffix && b - a == 2 && (s[a] == 'J' || s[a] == 'S') && s[a + 1] == 'R')
					x->suffix = 0;
				{
					size_t j = a;
					int32_t c = lit_pu8_next(s, b, &j);
					x->lower0 = lit_pu8_is_letter(c) && !lit_pu8_is_upper(c);
				}
				/* a surname with a trailing period: "Smith." -> "Smith" */
				if (!x->initial && b - a > 2 && s[b - 1] == '.' && !x->suffix)
					x->b = b - 1;
				if (x->initial)
					has_initial = 1;
				if (is_org_word(s, a, b))
					has_org = 1;
			}
			if (x)
				n++;
		}
		if (sep >= 0 && n > 0 && w[n - 1].kind == W_WORD) {
			memset(&w[n], 0, sizeof w[n]);
			w[n].kind = sep;
			if (sep == W_SEMI)
				has_semi = 1;
			n++;
		}
	}
	if (etal)
		lit_record_set_names_etal(rec, var, 1);
	/* "Cancer Research, eds. Klein and Weinhouse", "IAU Symposium, ed. S. A.
	 * Klioner": words before a prefix role word that are no names (no
	 * initials among them) are the end of another field */
	if (prefix_role > 0 && prefix_role < n) {
		/* names before it would have initials, or be several ("Blaikie,
		 * Piers, and Harold Brookfield, eds.") */
		int names_before = 0;
		size_t last_word = 0;
		for (size_t k = 0; k < prefix_role; k++)
			if (w[k].kind == W_WORD) {
				if (w[k].initial)
					names_before = 1;
				last_word = k;
			}
		for (size_t k = 0; k < last_word; k++)
			if (w[k].kind != W_WORD)
				names_before = 1;
		if (!names_before) {
			memmove(w, w + prefix_role, (n - prefix_role) * sizeof w[0]);
			n -= prefix_role;
			while (n > 0 && w[0].kind != W_WORD) {
				memmove(w, w + 1, (n - 1) * sizeof w[0]);
				n--;
			}
			has_org = 0;
			has_initial = 0;
			for (size_t k = 0; k < n; k++) {
				if (w[k].kind == W_WORD && w[k].initial)
					has_initial = 1;
				if (w[k].kind == W_WORD && is_org_word(s, w[k].a, w[k].b))
					has_org = 1;
			}
		}
	}
	if (n == 0)
		return 0;

	/* "Eurasian Rail Gateway." as the whole segment: three or more
	 * capitalised words with no initials, particles, commas or
	 * conjunctions, closed by a full stop, is a body's name - a person's
	 * full name is inverted ("García Márquez, Gabriel.") or joined to
	 * others ("... and Rajoli Siddharth Jayaprakash") */
	if (!has_org && !has_initial && n >= 3 && len > 0 && s[len - 1] == '.') {
		int plain = 1;
		for (size_t k = 0; k < n && plain; k++)
			if (w[k].kind != W_WORD || w[k].particle || w[k].suffix || w[k].lower0 || w[k].b - w[k].a < 2 ||
			    patronymic(s, w[k].a, w[k].b))
				plain = 0;
		has_org = plain;
	}
	/* an organisation: keep whole */
	if (has_org && !has_initial) {
		char buf[1024];
		lit_name nm;
		memset(&nm, 0, sizeof nm);
		nm.literal = join(s, w, 0, n, buf, sizeof buf);
		/* keep the original punctuation when short enough */
		size_t a = w[0].a, b = w[n - 1].b;
		while (n > 0 && w[n - 1].kind != W_WORD) {
			n--;
			b = w[n - 1].b;
		}
		if (b - a < sizeof buf) {
			memcpy(buf, s + a, b - a);
			buf[b - a] = 0;
			nm.literal = buf;
		}
		if (nm.literal && lit_record_add_name(rec, var, &nm) == LIT_OK)
			return 1;
		return 0;
	}

	/* parts between separators */
	size_t pa[MAXW], pb[MAXW], np = 0;
	int psep[MAXW];
	{
		size_t start = 0;
		int prevsep = -1;
		for (size_t k = 0; k <= n; k++) {
			int is_sep = k == n || w[k].kind != W_WORD;
			if (has_semi && k < n && w[k].kind == W_COMMA)
				is_sep = 0;
			if (!is_sep)
				continue;
			if (k > start) {
				pa[np] = start;
				pb[np] = k;
				psep[np] = prevsep;
				np++;
			}
			if (k < n)
				prevsep = w[k].kind;
			start = k + 1;
		}
	}
	if (has_semi) {
		for (size_t p = 0; p < np; p++) {
			/* "Smith, John" inside a semicolon list */
			size_t comma = pb[p];
			for (size_t k = pa[p]; k < pb[p]; k++)
				if (w[k].kind == W_COMMA) {
					comma = k;
					break;
				}
			if (comma < pb[p])
				added += add_person(rec, var, s, w, pa[p], pb[p], comma + 1, pb[p]);
			else
				added += add_full(rec, var, s, w, pa[p], pb[p]);
		}
		return added;
	}
	for (size_t p = 0; p < np; p++) {
		size_t a = pa[p], b = pb[p];
		int all_init = 1, any_init = 0;
		size_t core = 0;
		for (size_t k = a; k < b; k++) {
			/* "Jr." after a family is its suffix, no initial ("Wimsatt Jr.,") */
			int sfx = w[k].suffix && k > a;
			if (!w[k].initial || sfx)
				all_init = 0;
			else
				any_init = 1;
			if (!w[k].particle && !w[k].initial && !sfx)
				core++;
		}
		/* "Guerney, Jr., B. G.": family, suffix and given name in three parts */
		if (!any_init && core == 1 && p + 2 < np && pb[p + 1] - pa[p + 1] == 1 && w[pa[p + 1]].suffix &&
		    psep[p + 2] == W_COMMA && pb[p + 2] - pa[p + 2] <= 3 && !w[pa[p + 2]].lower0) {
			added += add_person(rec, var, s, w, a, pb[p + 2], pa[p + 2], pb[p + 2]);
			p += 2;
			continue;
		}
		if (!any_init && core == 1 && p + 1 < np && psep[p + 1] == W_COMMA) {
			size_t a2 = pa[p + 1], b2 = pb[p + 1];
			int next_all_init = 1;
			for (size_t k = a2; k < b2; k++)
				if (!w[k].initial)
					next_all_init = 0;
			int next_given = !next_all_init && b2 - a2 <= 3 && !w[a2].lower0 &&
			                 !(b2 - a2 >= 2 && w[a2].initial) && /* "W. E. Howard" is a full name */
			                 !(p + 2 < np && psep[p + 2] == W_COMMA && pb[p + 2] - pa[p + 2] >= 1 &&
			                   w[pa[p + 2]].initial && pb[p + 2] - pa[p + 2] == 1 && b2 - a2 == 1);
			/* a following "Jr." part */
			if (next_all_init || next_given) {
				size_t add = add_person(rec, var, s, w, a, b2, a2, b2);
				added += add;
				p++;
				continue;
			}
		}
		if (all_init && added > 0) {
			/* stray initials (e.g. "Smith J, K"): attach nowhere, keep as a name */
		}
		added += add_full(rec, var, s, w, a, b);
	}
	return added;
}
