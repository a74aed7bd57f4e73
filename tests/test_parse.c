/*
 * test_parse.c - the reference-string parser: post-processing of each field
 * kind on hand-labelled tokens (deterministic, no model), dates and names,
 * the built-in model on references of every supported style, the labelled
 * test set in tests/data/parse/, model loading (time, checksum, version),
 * training round trip, and inputs that must still yield an item.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include "litera.h"
#include "parse/parse_internal.h"
#include "parse/pfields.h"
#include "util/json.h"

int lit_plex_check(void);

/* ------------------------------------------------------------------ */
/* helpers                                                              */

static lit_parser *parser(void)
{
	lit_parser *p = NULL;
	lit_error err;
	lit_error_clear(&err);
	cr_assert_eq(lit_parser_new(&p, NULL, &err), LIT_OK, "%s", err.message);
	return p;
}

static lit_record *parse(lit_parser *p, const char *s)
{
	lit_record *rec = NULL;
	lit_error err;
	lit_error_clear(&err);
	cr_assert_eq(lit_parse_reference(p, s, strlen(s), &rec, &err), LIT_OK, "%s", err.message);
	cr_assert_not_null(rec);
	return rec;
}

static const char *get(const lit_record *r, lit_var v)
{
	const char *s = lit_record_get(r, v);
	return s ? s : "";
}

static int year_of(const lit_record *r, lit_var v)
{
	const lit_date *d = lit_record_date(r, v);
	return d ? d->year : 0;
}

static const char *family(const lit_record *r, lit_var v, size_t i)
{
	const lit_name *n = lit_record_name(r, v, i);
	if (!n)
		return "";
	return n->family ? n->family : n->literal ? n->literal : "";
}

/*
 * Build a record from `text` with labels given as "label:substring" pairs:
 * each token inside the first occurrence of the substring gets the label.
 */
static lit_record *labelled(const char *text, const char *const *spec)
{
	static lit_ptokens t;
	uint8_t labels[LIT_PARSE_MAX_TOKENS];
	lit_ptok_run(&t, text, strlen(text));
	memset(labels, 0, sizeof labels);
	for (size_t k = 0; spec[k]; k++) {
		const char *colon = strchr(spec[k], ':');
		cr_assert_not_null(colon);
		int lab = lit_plabel_from_name(spec[k], (size_t)(colon - spec[k]));
		cr_assert(lab >= 0, "unknown label in %s", spec[k]);
		const char *at = strstr(text, colon + 1);
		cr_assert_not_null(at, "substring not found: %s", colon + 1);
		size_t a = (size_t)(at - text), b = a + strlen(colon + 1);
		for (size_t i = 0; i < t.n; i++)
			if (t.tok[i].start >= a && t.tok[i].end <= b)
				labels[i] = (uint8_t)lab;
	}
	lit_record *rec = lit_record_new();
	cr_assert_not_null(rec);
	cr_assert_eq(lit_pfields_build(&t, labels, 0, rec), LIT_OK);
	return rec;
}

/* ------------------------------------------------------------------ */
/* tokenizer                                                            */

Test(parse_tokens, splits_glued_fields)
{
	static lit_ptokens t;
	const char *s = "Nature. 2020;9(1):18-28. URL:https://x.org/a,b";
	lit_ptok_run(&t, s, strlen(s));
	const char *want[] = { "Nature.", "2020;", "9", "(1):", "18-28.", "URL:", "https://x.org/a,b" };
	cr_assert_eq(t.n, 7, "got %zu tokens", t.n);
	for (size_t i = 0; i < 7; i++) {
		cr_assert_eq(t.tok[i].end - t.tok[i].start, strlen(want[i]), "token %zu", i);
		cr_assert(memcmp(s + t.tok[i].start, want[i], strlen(want[i])) == 0, "token %zu", i);
	}
	cr_assert(t.tok[6].flags & LIT_TF_URL);
	cr_assert(t.tok[1].flags & LIT_TF_YEAR);
	cr_assert(t.tok[4].flags & LIT_TF_RANGE);
}

Test(parse_tokens, gost_structure)
{
	static lit_ptokens t;
	const char *s = "Иванов И. И. Заглавие / И. И. Иванов // Журнал. — 2020. — Т. 1.";
	lit_ptok_run(&t, s, strlen(s));
	cr_assert(t.doc_flags & LIT_DF_SLASHES);
	cr_assert(t.doc_flags & LIT_DF_AREAS);
	cr_assert(t.tok[1].flags & LIT_TF_INITIAL);
	cr_assert(t.tok[0].flags & LIT_TF_CYR);
	/* the token after "//" is in the host part, after "/" in responsibility */
	size_t j = 0;
	while (j < t.n && !(t.tok[j].end - t.tok[j].start == 2 && s[t.tok[j].start] == '/'))
		j++;
	cr_assert_lt(j + 1, t.n);
	cr_assert_eq(t.tok[j + 1].host, 1);
	cr_assert_eq(t.tok[j - 1].resp, 1);
}

Test(parse_tokens, lexicon_sorted)
{
	cr_assert(lit_plex_check());
	cr_assert(lit_plex_lookup("vol", 3) & LIT_LEX_VOL);
	cr_assert(lit_plex_lookup("спб", strlen("спб")) & LIT_LEX_PLACE);
	cr_assert_eq(lit_plex_lookup("qqqq", 4), 0);
}

/* ------------------------------------------------------------------ */
/* field kinds (post-processing on hand labels)                         */

Test(parse_fields, pages_and_extent)
{
	const char *spec1[] = { "title:A title.", "pages:pp. 1761–1800).", NULL };
	lit_record *r = labelled("A title. (Vol. 3, pp. 1761–1800).", spec1);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "1761-1800");
	lit_record_free(r);
	const char *spec2[] = { "title:Книга.", "pages:234 с.", NULL };
	r = labelled("Книга. — 234 с.", spec2);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER_OF_PAGES), "234");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "");
	lit_record_free(r);
	const char *spec3[] = { "pages:С. 75–85.", NULL };
	r = labelled("Статья. 2025. С. 75–85.", spec3);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "75-85");
	lit_record_free(r);
}

/* pages the model leaves in other spans, and page numbers with letters */
Test(parse_fields, page_forms)
{
	lit_record *r;
	/* capital letters belong to the number; a glued "pp" does not */
	const char *s1[] = { "pages:L09605", NULL };
	r = labelled("M. Schmid, Geophys. Res. Lett. 35, L09605 (2008).", s1);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "L09605");
	lit_record_free(r);
	const char *s1b[] = { "pages:L9-L13", NULL };
	r = labelled("Kuijken, K. 1991, ApJL, 367, L9-L13", s1b);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "L9-L13");
	lit_record_free(r);
	const char *s1c[] = { "pages:pp55-78.", NULL };
	r = labelled("A. Title. Journal 3, pp55-78.", s1c);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "55-78");
	lit_record_free(r);
	/* a number after the year in the date span, after the volume */
	const char *s2[] = { "journal:Science", "volume:326", "date:(2009) 1683.", NULL };
	r = labelled("S.E. Pollack, Science 326 (2009) 1683.", s2);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "1683");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2009);
	lit_record_free(r);
	const char *s2b[] = { "journal:Nonlinearity", "volume:24", "date:(2011) 1975–1986", NULL };
	r = labelled("A. Author, Nonlinearity 24 (2011) 1975–1986", s2b);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "1975-1986");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2011);
	lit_record_free(r);
	/* a second "volume" after the date */
	const char *s3[] = { "journal:Nucl. Instrum. Methods A", "volume:386", "date:(1997)", "volume:531.", NULL };
	r = labelled("F. Sauli, Nucl. Instrum. Methods A 386 (1997) 531.", s3);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "386");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "531");
	lit_record_free(r);
	/* "10, 1012": volume and page; "58, 1" stays a volume (and issue) */
	const char *s4[] = { "journal:Nano Lett.", "volume:10, 1012.", NULL };
	r = labelled("S. E. Han, Nano Lett. 2010, 10, 1012.", s4);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "10");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "1012");
	lit_record_free(r);
	const char *s4b[] = { "journal:Revue d'histoire.", "volume:58, 1", NULL };
	r = labelled("Fahrni, M. Elles. Revue d'histoire. 58, 1 (Summer 2004).", s4b);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "");
	lit_record_free(r);
	/* "B734,290" as the pages: section letter, volume, page */
	const char *s5[] = { "journal:Phys. Lett.", "pages:B734,290", NULL };
	r = labelled("J.R. Green, Phys. Lett. B734,290 ( 2014).", s5);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Phys. Lett. B");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "734");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "290");
	lit_record_free(r);
}

Test(parse_fields, volume_issue_forms)
{
	const char *spec1[] = { "volume:45(3),", NULL };
	lit_record *r = labelled("Journal, 45(3), 12-15.", spec1);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "45");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "3");
	lit_record_free(r);
	const char *spec2[] = { "volume:Vol. 9, No. 3,", NULL };
	r = labelled("J Endod, Vol. 9, No. 3, pp. 1-2.", spec2);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "9");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "3");
	lit_record_free(r);
	const char *spec3[] = { "volume:Т. 49.", "issue:№ 2.", NULL };
	r = labelled("Труды. 2025. Т. 49. № 2. С. 75–85.", spec3);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "49");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "2");
	lit_record_free(r);
}

/* issues written where the model does not label them as such */
Test(parse_fields, issue_forms)
{
	lit_record *r;
	/* physics style: "100 ( 16)( 2008)" with the issue inside the date span */
	const char *s1[] = { "journal:Physical Review Letters", "volume:100", "date:16)( 2008)", NULL };
	r = labelled("D. Perez, String Order, Physical Review Letters 100 ( 16)( 2008)167202 .", s1);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "100");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "16");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2008);
	lit_record_free(r);
	/* ... but a plain "(2008)" is only the date */
	const char *s1b[] = { "journal:Phys. Rev. D", "volume:92", "date:(2015)", NULL };
	r = labelled("C. Gattringer, Phys. Rev. D 92 (2015) 114508.", s1b);
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "");
	lit_record_free(r);
	/* "(12:2)": volume and issue in one bracket */
	const char *s2[] = { "journal:지식재산연구", "issue:(12:2),", NULL };
	r = labelled("김승래 2017. 'AI 시대의 지식재산권,' 지식재산연구 (12:2), pp.145-176.", s2);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "12");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "2");
	lit_record_free(r);
	/* a number after "No." labelled as a second volume */
	const char *s3[] = { "journal:American Journal of Epidemiology", "volume:161,", "volume:12", NULL };
	r = labelled("American Journal of Epidemiology Vol. 161, No. 12", s3);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "161");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "12");
	lit_record_free(r);
	/* a page after the date labelled as a second volume is not an issue */
	const char *s4[] = { "journal:Nucl. Phys. A", "volume:729", "volume:337.", NULL };
	r = labelled("G. Audi, Nucl. Phys. A 729 (2003) 337.", s4);
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "");
	lit_record_free(r);
	/* a word is not an issue; a letter or roman numeral is */
	const char *s5[] = { "volume:Vol. 17.", "issue:Éditeurs", NULL };
	r = labelled("R. T. Pollard. Kinetics. Vol. 17. Éditeurs : C. H. Bamford.", s5);
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "");
	lit_record_free(r);
	const char *s6[] = { "volume:Vol. 3,", "issue:IX,", NULL };
	r = labelled("Review. Vol. 3, IX, 1990.", s6);
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "IX");
	lit_record_free(r);
}

Test(parse_fields, identifiers)
{
	const char *spec1[] = { "doi:https://doi.org/10.1080/24761028.2020.1754998>.", NULL };
	lit_record *r = labelled("Title. 2020. <https://doi.org/10.1080/24761028.2020.1754998>.", spec1);
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1080/24761028.2020.1754998");
	lit_record_free(r);
	const char *spec2[] = { "url:<https://tass.ru/politika/22211493>", NULL };
	r = labelled("Заголовок // ТАСС. URL: <https://tass.ru/politika/22211493> (дата обращения: 12.12.2024).", spec2);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://tass.ru/politika/22211493");
	const lit_date *acc = lit_record_date(r, LIT_VAR_ACCESSED);
	cr_assert_not_null(acc);
	cr_assert_eq(acc->year, 2024);
	cr_assert_eq(acc->month, 12);
	cr_assert_eq(acc->day, 12);
	lit_record_free(r);
	/* a DOI found in unlabelled text; an ISBN anywhere */
	const char *spec3[] = { "title:Book", NULL };
	r = labelled("Book. M., 2000. 160 с. ISBN 5-8163-0016-4. DOI: 10.1000/xyz123.", spec3);
	cr_assert_str_eq(get(r, LIT_VAR_ISBN), "5-8163-0016-4");
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1000/xyz123");
	lit_record_free(r);
	/* markdown link keeps the target exactly */
	const char *spec4[] = { "url:[https://biang.ru/a-b,-c.html](https://biang.ru/a-b,-c.html)", NULL };
	r = labelled("T // Biang. URL: [https://biang.ru/a-b,-c.html](https://biang.ru/a-b,-c.html) (дата обращения: 03.03.2026).", spec4);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://biang.ru/a-b,-c.html");
	lit_record_free(r);
}

Test(parse_fields, titles_and_containers)
{
	const char *spec1[] = { "title:“A Spanish Romanticist Parodies Himself,”", "container-title:Proceedings of the MLA,", NULL };
	lit_record *r = labelled("Adams, N. “A Spanish Romanticist Parodies Himself,” Proceedings of the MLA, 45 (1930).", spec1);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "A Spanish Romanticist Parodies Himself");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Proceedings of the MLA");
	lit_record_free(r);
	/* the "In" / "In:" / "В кн.:" marker before a container is not its title */
	const char *s1b[] = { "container-title:In Proceedings of the 22nd ISCA,", NULL };
	r = labelled("S. C. Woo. The SPLASH-2 Programs. In Proceedings of the 22nd ISCA, pages 24-36, 1995.", s1b);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Proceedings of the 22nd ISCA");
	lit_record_free(r);
	const char *s1c[] = { "container-title:In: Nature", NULL };
	r = labelled("Smith J. Title. In: Nature 12 (2001).", s1c);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Nature");
	lit_record_free(r);
	const char *s1d[] = { "container-title:В кн.: Сборник трудов.", NULL };
	r = labelled("Иванов И. И. Статья. В кн.: Сборник трудов. М., 2001.", s1d);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Сборник трудов");
	lit_record_free(r);
	/* a CJK title with a bracketed translation: the translation goes to the note */
	const char *spec2[] = { "title:조선 중앙통신 (Центральное агентство)", NULL };
	r = labelled("조선 중앙통신 (Центральное агентство) // KCNA.", spec2);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "조선 중앙통신");
	cr_assert_str_eq(get(r, LIT_VAR_NOTE), "Центральное агентство");
	cr_assert_str_eq(get(r, LIT_VAR_LANGUAGE), "ko");
	lit_record_free(r);
}

/* post-processing of span boundaries the model tends to get wrong */
Test(parse_fields, boundary_repairs)
{
	lit_record *r;
	/* a web reference's site name left in the title */
	const char *s1[] = { "title:Relations between Russia and North Korea. The Ministry of Foreign Affairs.",
		             "accessed:(accessed: 18.08.2022).", NULL };
	r = labelled("Relations between Russia and North Korea. The Ministry of Foreign Affairs. (accessed: 18.08.2022).", s1);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Relations between Russia and North Korea");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "The Ministry of Foreign Affairs");
	lit_record_free(r);
	/* an all-capitals site name */
	const char *s1c[] = { "title:Zakharova expects a constructive attitude to the resolution on the DPRK. TASS.",
		              "accessed:(accessed: 19.08.2022).", NULL };
	r = labelled("Zakharova expects a constructive attitude to the resolution on the DPRK. TASS. (accessed: 19.08.2022).", s1c);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "TASS");
	lit_record_free(r);
	/* a date left inside the container */
	const char *s1d[] = { "title:Объем внешней торговли КНДР вырос", "container-title:// ТАСС. 20 июля 2023 г.", NULL };
	r = labelled("Объем внешней торговли КНДР вырос // ТАСС. 20 июля 2023 г. URL: https://tass.ru/ekonomika/18324161", s1d);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "ТАСС");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2023);
	cr_assert_eq(lit_record_date(r, LIT_VAR_ISSUED)->month, 7);
	lit_record_free(r);
	/* ... but not without a URL or access date */
	const char *s1b[] = { "title:Relations between Russia and North Korea. The Ministry of Foreign Affairs.", NULL };
	r = labelled("Relations between Russia and North Korea. The Ministry of Foreign Affairs.", s1b);
	cr_assert_null(lit_record_get(r, LIT_VAR_CONTAINER_TITLE));
	lit_record_free(r);
	/* a headline's speaker is part of the title; a name before a colon is not */
	const char *s2[] = { "author:Peskov:", "title:Russia-DPRK relations are not directed against third countries.",
		             "url:https://example.org/a", NULL };
	r = labelled("Peskov: Russia-DPRK relations are not directed against third countries. URL: https://example.org/a", s2);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 0);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Peskov: Russia-DPRK relations are not directed against third countries");
	lit_record_free(r);
	const char *s2b[] = { "author:Wolfgang Jantzen:", "title:Behinderung.", "url:https://example.org/b", NULL };
	r = labelled("Wolfgang Jantzen: Behinderung. URL: https://example.org/b", s2b);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Jantzen");
	lit_record_free(r);
	/* a title word after the initials: "Sutherland, I. Sketchpad: A ..." */
	const char *s3[] = { "author:Sutherland, I. Sketchpad:", "title:A Man-Machine Graphical Communication System,", NULL };
	r = labelled("Sutherland, I. Sketchpad: A Man-Machine Graphical Communication System, 1963.", s3);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Sketchpad: A Man-Machine Graphical Communication System");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Sutherland");
	lit_record_free(r);
	/* the last surname taken for the title's first word */
	const char *s4[] = { "author:S. J. Eggers and H. M.", "title:Levy. Techniques for efficient inline tracing.", NULL };
	r = labelled("S. J. Eggers and H. M. Levy. Techniques for efficient inline tracing. 1990.", s4);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 1), "Levy");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Techniques for efficient inline tracing");
	lit_record_free(r);
	/* ... or before a comma */
	const char *s4b[] = { "author:M. Arik, P. J. Olver and J. M.", "title:Verosky, Multi-Hamiltonian structure,", NULL };
	r = labelled("M. Arik, P. J. Olver and J. M. Verosky, Multi-Hamiltonian structure, J. Math. Phys. 24 (1983).", s4b);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 3);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 2), "Verosky");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Multi-Hamiltonian structure");
	lit_record_free(r);
	/* two people of one surname in one list are both kept */
	const char *s4c[] = { "author:Vinogradov, M. A. and Vinogradov, M. M.,", NULL };
	r = labelled("Vinogradov, M. A. and Vinogradov, M. M., \"Graded multiple analogs,\" Acta Appl. Math. 72 (2002).", s4c);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	lit_record_free(r);
	/* physics section letters and volumes glued to the journal */
	const char *s5[] = { "journal:Phys. Rev.", "volume:D59,", "pages:023002", NULL };
	r = labelled("A. Author, Phys. Rev. D59, 023002 (1999).", s5);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Phys. Rev. D");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "59");
	lit_record_free(r);
	/* the journal's first abbreviation glued to the title's last word by PDF text */
	const char *s5t[] = { "title:Advanced Virgo: a second-generation detectorClass", "journal:.Quantum Grav", NULL };
	r = labelled("Acernese F et al 2015 Advanced Virgo: a second-generation detectorClass .Quantum Grav .32 024001", s5t);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Advanced Virgo: a second-generation detector");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Class .Quantum Grav");
	lit_record_free(r);
	/* ... but a word run together inside the title stays */
	const char *s5u[] = { "title:The chiral anomaly in half -HeuslerGdPtBi", "journal:.Nat .Mater", NULL };
	r = labelled("M. Hirschberger, The chiral anomaly in half -HeuslerGdPtBi .Nat .Mater .15 ,1161 (2016).", s5u);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "The chiral anomaly in half -HeuslerGdPtBi");
	lit_record_free(r);
	/* a section letter and volume glued to the journal; an article number is no volume */
	const char *s5b[] = { "journal:Phys .Rev.D62", NULL };
	r = labelled("A. Author, Phys .Rev.D62 ( 2000)084003.", s5b);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Phys .Rev.D");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "62");
	lit_record_free(r);
	const char *s5c[] = { "journal:J. Stat. Mech. P06007", NULL };
	r = labelled("A. Edery, Casimir forces, J. Stat. Mech. P06007 (2006).", s5c);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "");
	lit_record_free(r);
	const char *s6[] = { "journal:Ann. Phys.326", NULL };
	r = labelled("A. Author, Ann. Phys.326 ,2634 (2011).", s6);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Ann. Phys.");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "326");
	lit_record_free(r);
	/* the institution of a thesis or report is its publisher */
	const char *s7[] = { "note:Ph.D. thesis, Dept. of Computer Science, Rice University,", NULL };
	r = labelled("C. Rosene, Incremental dependence analysis, Ph.D. thesis, Dept. of Computer Science, Rice University, March 1990.", s7);
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Dept. of Computer Science, Rice University");
	cr_assert_str_eq(get(r, LIT_VAR_GENRE), "Ph.D. thesis");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_THESIS);
	lit_record_free(r);
}

/* URLs that typesetting or PDF extraction split with spaces */
/* the title the model ran past: a closing quotation with its comma, an
 * edition statement, an APA bracketed description; a place inside the
 * publisher */
Test(parse_fields, title_overruns)
{
	lit_record *r;
	const char *s1[] = { "title:\"Intelligent Security Systems,\" in", "editor:Freedman, Roy S., Editors",
		             "container-title:Artificial Intelligence in the Capital Markets.", NULL };
	r = labelled("Davies, J. \"Intelligent Security Systems,\" in Freedman, Roy S., Editors (1995). "
	             "Artificial Intelligence in the Capital Markets.", s1);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Intelligent Security Systems");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Artificial Intelligence in the Capital Markets");
	lit_record_free(r);
	/* the tail after the quotation is the host when none was labelled */
	const char *s2[] = { "title:\u201cCommunication Networks,\u201d in The Forbidden Best-Sellers", NULL };
	r = labelled("Robert Darnton, \u201cCommunication Networks,\u201d in The Forbidden Best-Sellers (New York: Norton, 1995)", s2);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Communication Networks");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "The Forbidden Best-Sellers");
	lit_record_free(r);
	/* a quotation that opens a longer title stays whole */
	const char *s3[] = { "title:\u00abСлово о полку Игореве\u00bb и его время.", NULL };
	r = labelled("Лихачев Д. С. \u00abСлово о полку Игореве\u00bb и его время. М., 1985.", s3);
	cr_assert(strstr(get(r, LIT_VAR_TITLE), "Игореве\u00bb и его время") != NULL, "%s", get(r, LIT_VAR_TITLE));
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "");
	lit_record_free(r);
	/* ", in" inside the title, no container */
	const char *s2b[] = { "title:The Europeans, in Novels, 1871-1880", NULL };
	r = labelled("Henry James, The Europeans, in Novels, 1871-1880 (New York: Library of America, 1983), 886.", s2b);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "The Europeans");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Novels, 1871-1880");
	lit_record_free(r);
	/* edition statements */
	const char *s4[] = { "title:The Lambda Calculus: Its Syntax and Semantics. Revised Edition.", NULL };
	r = labelled("Barendregt, H. P. The Lambda Calculus: Its Syntax and Semantics. Revised Edition. North-Holland, 1984.", s4);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "The Lambda Calculus: Its Syntax and Semantics");
	cr_assert_str_eq(get(r, LIT_VAR_EDITION), "Revised Edition");
	lit_record_free(r);
	const char *s5[] = { "title:The Iliad, Books XXIII-XXIV. 4th.", NULL };
	r = labelled("Homer. The Iliad, Books XXIII-XXIV. 4th. Oxford: Clarendon Press, 1903.", s5);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "The Iliad, Books XXIII-XXIV");
	cr_assert_str_eq(get(r, LIT_VAR_EDITION), "4th");
	lit_record_free(r);
	/* ... but a last sentence of ordinary words is the title's */
	const char *s6[] = { "title:Semantics of programs. Second thoughts on types.", NULL };
	r = labelled("Smith, J. Semantics of programs. Second thoughts on types. MIT Press, 1990.", s6);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Semantics of programs. Second thoughts on types");
	cr_assert_str_eq(get(r, LIT_VAR_EDITION), "");
	lit_record_free(r);
	/* APA's bracketed description is the genre, and the type follows */
	const char *s7[] = { "title:Harry Potter and the half-blood prince [Motion picture].", NULL };
	r = labelled("Yates, D. (Director). (2009). Harry Potter and the half-blood prince [Motion picture]. Warner Bros.", s7);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Harry Potter and the half-blood prince");
	cr_assert_str_eq(get(r, LIT_VAR_GENRE), "Motion picture");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_MOTION_PICTURE);
	lit_record_free(r);
	/* APA: a report's series and number, a dissertation's kind and university */
	const char *s7b[] = { "author:Adeyemi, O.", "date:(2022).", "title:Suburban futures (Publication",
		              "note:No. 29210447) [Doctoral dissertation, Columbia University]. ProQuest.", NULL };
	r = labelled("Adeyemi, O. (2022). Suburban futures (Publication No. 29210447) [Doctoral dissertation, Columbia University]. ProQuest.", s7b);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Suburban futures");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "29210447");
	cr_assert_str_eq(get(r, LIT_VAR_GENRE), "Doctoral dissertation");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Columbia University");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_THESIS);
	lit_record_free(r);
	const char *s7c[] = { "publisher:Office for Labour Analysis.", "date:(2023, June 22).",
		              "title:National time use survey (News Release No.", "issue:23-1359).", NULL };
	r = labelled("Office for Labour Analysis. (2023, June 22). National time use survey (News Release No. 23-1359).", s7c);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 1);
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->literal, "Office for Labour Analysis");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "National time use survey");
	cr_assert_str_eq(get(r, LIT_VAR_GENRE), "News Release");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "23-1359");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_REPORT);
	lit_record_free(r);
	/* "n.d." is no date, "in press" a status, "Retrieved March 3, 2024, from" the access date */
	const char *s7d[] = { "author:Garner, S.", "date:(n.d.).", "title:Mapping remote work.",
		              "note:Retrieved March 3, 2024, from", NULL };
	r = labelled("Garner, S. (n.d.). Mapping remote work. Retrieved March 3, 2024, from https://example.org/m", s7d);
	cr_assert_null(lit_record_date(r, LIT_VAR_ISSUED));
	cr_assert_eq(lit_record_date(r, LIT_VAR_ACCESSED)->year, 2024);
	lit_record_free(r);
	const char *s7e[] = { "author:Yilmaz, E.", "date:(in press).", "title:Hybrid work.", NULL };
	r = labelled("Yilmaz, E. (in press). Hybrid work. Social Forces.", s7e);
	cr_assert_null(lit_record_date(r, LIT_VAR_ISSUED));
	cr_assert_str_eq(get(r, LIT_VAR_STATUS), "in press");
	lit_record_free(r);
	/* a full date closing the title is the date when there is no other */
	const char *s7f[] = { "title:Statement by the Deputy Head, New York, August 2, 2022.", "accessed:(accessed: 18.08.2022).", NULL };
	r = labelled("Statement by the Deputy Head, New York, August 2, 2022. (accessed: 18.08.2022).", s7f);
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2022);
	cr_assert_eq(lit_record_date(r, LIT_VAR_ISSUED)->month, 8);
	lit_record_free(r);
	const char *s7g[] = { "title:History of Europe, 1815-1914.", NULL };
	r = labelled("Smith J. History of Europe, 1815-1914. Oxford: OUP.", s7g);
	cr_assert_null(lit_record_date(r, LIT_VAR_ISSUED));
	lit_record_free(r);
	/* a place inside the publisher span */
	const char *s8[] = { "title:Os perigosos: autobiografia & AIDS.", "publisher:Rio de Janeiro: Aeroplano,", NULL };
	r = labelled("BESSA, Marcelo Secron. Os perigosos: autobiografia & AIDS. Rio de Janeiro: Aeroplano, 2002.", s8);
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Aeroplano");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER_PLACE), "Rio de Janeiro");
	lit_record_free(r);
}

/* GOST descriptions: other title information, hosts' designations,
 * declined names, laws, standards, patents, dissertations, imprints */
Test(parse_fields, gost_areas)
{
	lit_record *r;
	/* " : " ends the title proper; the rest is the genre */
	const char *s1[] = { "author:Шевченко, О. Г.", "title:Городская аналитика и управление данными : учебное пособие.",
		             "location:Томск", "publisher:Изд-во Том. ун-та,", NULL };
	r = labelled("Шевченко, О. Г. Городская аналитика и управление данными : учебное пособие. – Томск : Изд-во Том. ун-та, 2021.", s1);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Городская аналитика и управление данными");
	cr_assert_str_eq(get(r, LIT_VAR_GENRE), "учебное пособие");
	lit_record_free(r);
	/* ": " only before a designation; a subtitle stays */
	const char *s2[] = { "title:Кяхтинская торговля в XIX веке: очерки истории.", NULL };
	r = labelled("Кузьмин А. П. Кяхтинская торговля в XIX веке: очерки истории. Иркутск: Оттиск, 2008.", s2);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Кяхтинская торговля в XIX веке: очерки истории");
	lit_record_free(r);
	/* ... and English titles keep a spaced colon */
	const char *s3[] = { "title:Voir et planifier : l'aménagement qualitatif.", NULL };
	r = labelled("Lynch, K. (1982). Voir et planifier : l'aménagement qualitatif. Paris : Dunod.", s3);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Voir et planifier : l'aménagement qualitatif");
	lit_record_free(r);
	/* the host's designation goes; the names after "под ред." become nominative */
	const char *s4[] = { "title:Купцы Кяхты", "container-title:// Сибирь в XIX веке: сб. ст.",
		             "editor:под ред. В. А. Шишкина, Т. В. Гришиной.", NULL };
	r = labelled("Иванов И. И. Купцы Кяхты // Сибирь в XIX веке: сб. ст. / под ред. В. А. Шишкина, Т. В. Гришиной. Новосибирск, 2015.", s4);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Сибирь в XIX веке");
	cr_assert_str_eq(family(r, LIT_VAR_EDITOR, 0), "Шишкин");
	cr_assert_str_eq(family(r, LIT_VAR_EDITOR, 1), "Гришина");
	lit_record_free(r);
	/* "сост." takes the nominative: left alone */
	const char *s5[] = { "title:Русско-китайские отношения", "editor:сост. Л. К. Фомина.", NULL };
	r = labelled("Русско-китайские отношения / сост. Л. К. Фомина. М., 1995.", s5);
	cr_assert_str_eq(family(r, LIT_VAR_EDITOR, 0), "Фомина");
	lit_record_free(r);
	/* a law in a gazette: issue, article as section, date from "от" */
	const char *s6[] = { "title:Об информации : Федеральный закон от 27.07.2006 № 149-ФЗ.",
		             "container-title:// Собрание законодательства Российской Федерации.", "issue:№ 31,",
		             "pages:Ст. 3448.", NULL };
	r = labelled("Об информации : Федеральный закон от 27.07.2006 № 149-ФЗ. // Собрание законодательства Российской Федерации. "
	             "№ 31, ч. 1. Ст. 3448.", s6);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_LEGISLATION);
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "31");
	cr_assert_str_eq(get(r, LIT_VAR_SECTION), "3448");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2006);
	lit_record_free(r);
	/* a catalogue heading before a decree */
	const char *s7[] = { "author:Российская Федерация.", "title:Президент. О национальных целях развития : указ", NULL };
	r = labelled("Российская Федерация. Президент. О национальных целях развития : указ от 07.05.2024 № 309.", s7);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 0);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "О национальных целях развития");
	lit_record_free(r);
	/* a standard's designation is its number (the model left "ГОСТ" out of
	 * the title); its approval order gives no issue */
	const char *s8[] = { "title:Р 70462–2022. Умный город : национальный стандарт", "issue:№ 1385-ст", NULL };
	r = labelled("ГОСТ Р 70462–2022. Умный город : национальный стандарт : утвержден приказом № 1385-ст. – Москва, 2022.", s8);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_STANDARD);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Умный город");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "ГОСТ Р 70462–2022");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "");
	lit_record_free(r);
	/* a patent's number; the application number is no issue */
	const char *s9[] = { "title:МПК B02C 13/00 (2006.01). Вертикальная мельница", "issue:№ 2017105030", NULL };
	r = labelled("Патент № 2637215 Российская Федерация, МПК B02C 13/00 (2006.01). Вертикальная мельница : № 2017105030.", s9);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_PATENT);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "2637215");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Вертикальная мельница");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "");
	lit_record_free(r);
	/* a dissertation: the specialty code is no page, the extent is */
	const char *s10b[] = { "title:Управление городом", "genre:дис. … д-ра экон. наук", "pages:5.2.6 ", NULL };
	r = labelled("Сорокин, А. Н. Управление городом : дис. … д-ра экон. наук : 5.2.6 / Сорокин А. Н. – Самара, 2019.", s10b);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "");
	lit_record_free(r);
	/* organisations in the responsibility area are not the imprint */
	const char *s11[] = { "title:Цифровая экономика", "author:В. Л. Абашкин",
		              "publisher:Национальный исследовательский университет.", "location:Москва",
		              "publisher:ИСИЭЗ ВШЭ,", NULL };
	r = labelled("Цифровая экономика / В. Л. Абашкин ; Национальный исследовательский университет. – Москва : ИСИЭЗ ВШЭ, 2024.", s11);
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "ИСИЭЗ ВШЭ");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER_PLACE), "Москва");
	lit_record_free(r);
	/* a part marker closing the title; a title labelled as a journal */
	const char *s12[] = { "title:Записки о Кяхте и Маймачене. Ч.", "edition:2.", NULL };
	r = labelled("Ушаков М. Ф. Записки о Кяхте и Маймачене. Ч. 2. СПб., 1865.", s12);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Записки о Кяхте и Маймачене");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "2");
	lit_record_free(r);
	const char *s13[] = { "journal:История Сибири.", "volume:Т. 2", "location:Новосибирск:", "publisher:Наука,", NULL };
	r = labelled("История Сибири. Т. 2 / В. А. Шишкин [и др.]. Новосибирск: Наука, 2019.", s13);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "История Сибири");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "");
	lit_record_free(r);
	/* an archival shelfmark is a manuscript, not a person and volume */
	const char *s15[] = { "author:ГАИО. Ф.", "volume:70.", "pages:Л. 15–15 об.", NULL };
	r = labelled("ГАИО. Ф. 70. Оп. 1. Д. 1243. Л. 15–15 об.", s15);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_MANUSCRIPT);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 0);
	cr_assert_str_eq(get(r, LIT_VAR_ARCHIVE), "ГАИО");
	cr_assert_str_eq(get(r, LIT_VAR_ARCHIVE_LOCATION), "Ф. 70. Оп. 1. Д. 1243. Л. 15–15 об.");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "");
	lit_record_free(r);
	/* "материалы и документы" is a subtitle, "материалы … конф." a designation */
	const char *s16[] = { "title:Русско-китайские отношения в XIX веке: материалы и документы.", NULL };
	r = labelled("Русско-китайские отношения в XIX веке: материалы и документы. М., 1995.", s16);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Русско-китайские отношения в XIX веке: материалы и документы");
	lit_record_free(r);
	/* a quotation inside a value keeps both its marks */
	const char *s17[] = { "title:«Слово о полку Игореве» и его время.", NULL };
	r = labelled("Лихачев Д. С. «Слово о полку Игореве» и его время. М., 1985.", s17);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "«Слово о полку Игореве» и его время");
	lit_record_free(r);
	/* a series in brackets; a particle the model left out of the name */
	const char *s18[] = { "title:Платформенное государство", "collection-title:(Высшее образование).",
		              "author:М. Janssen, H.", NULL };
	r = labelled("Платформенное государство / М. Janssen, H. van der Voort. – 386 с. – (Высшее образование).", s18);
	cr_assert_str_eq(get(r, LIT_VAR_COLLECTION_TITLE), "Высшее образование");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 1), "van der Voort");
	lit_record_free(r);
	/* a decree's number the model took for an issue */
	const char *s19[] = { "title:О национальных целях : Указ Президента Российской Федерации от 07.05.2024 №",
		              "issue:309.", "container-title:// Официальное опубликование правовых актов.", NULL };
	r = labelled("О национальных целях : Указ Президента Российской Федерации от 07.05.2024 № 309. "
	             "// Официальное опубликование правовых актов.", s19);
	cr_assert_str_eq(get(r, LIT_VAR_GENRE), "Указ Президента Российской Федерации от 07.05.2024 № 309");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "");
	lit_record_free(r);
	/* a title ending in an abbreviation keeps its stop; the GMD is no genre */
	const char *s20[] = { "title:Чайная торговля во второй половине XIX в.:", "genre:дис. … канд. ист. наук.", NULL };
	r = labelled("Орлова Т. Г. Чайная торговля во второй половине XIX в.: дис. … канд. ист. наук. Томск, 2004.", s20);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Чайная торговля во второй половине XIX в.");
	lit_record_free(r);
	const char *s21[] = { "title:Кяхта : история торговой слободы [Электронный ресурс]", NULL };
	r = labelled("Кяхта : история торговой слободы [Электронный ресурс] // Музей. URL: http://example.org/", s21);
	cr_assert_str_eq(get(r, LIT_VAR_GENRE), "история торговой слободы");
	cr_assert_str_eq(get(r, LIT_VAR_MEDIUM), "Электронный ресурс");
	lit_record_free(r);
	/* initials inside a title; a heading that ends with a comma goes on */
	const char *s22[] = { "title:Записки иркутского купца", "author:Н. Л.", "title:Баснина", NULL };
	r = labelled("Записки иркутского купца Н. Л. Баснина // Сибирская старина. 1913.", s22);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Записки иркутского купца Н. Л. Баснина");
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 0);
	lit_record_free(r);
	const char *s23[] = { "author:Бадмаев Ц. Б., Очирова С. Д.,", "title:Ли Вэй. Чайная дорога", NULL };
	r = labelled("Бадмаев Ц. Б., Очирова С. Д., Ли Вэй. Чайная дорога // Российское востоковедение. 2020.", s23);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Чайная дорога");
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 3);
	lit_record_free(r);
	const char *s24[] = { "author:Smith, J., Brown, K.,", "title:Deep Learning. Nature", NULL };
	r = labelled("Smith, J., Brown, K., Deep Learning. Nature 521, 2015.", s24);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	lit_record_free(r);
	/* surname-first headings: the words after the last initial start the
	 * title; a journal the title ran into before the date */
	const char *s25[] = { "author:Cooley A. Great Games,", "title:Local Rules: The New Great Power Contest.", NULL };
	r = labelled("Cooley A. Great Games, Local Rules: The New Great Power Contest. Oxford, 2012.", s25);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Great Games, Local Rules: The New Great Power Contest");
	lit_record_free(r);
	const char *s26[] = { "author:Sarita V. Adve.", "title:Using information from the programmer.", NULL };
	r = labelled("Sarita V. Adve. Using information from the programmer. Technical Report, 1996.", s26);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Using information from the programmer");
	lit_record_free(r);
	const char *s27[] = { "author:Contessi N. P.",
		              "title:Foreign and security policy diversification in Eurasia. Problems of Post-Communism.",
		              "date:2015.", "volume:Vol. 62,", NULL };
	r = labelled("Contessi N. P. Foreign and security policy diversification in Eurasia. Problems of Post-Communism. "
	             "2015. Vol. 62, No. 5.", s27);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Foreign and security policy diversification in Eurasia");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Problems of Post-Communism");
	lit_record_free(r);
	/* two places; an organisation after " / " is the author when there is none */
	const char *s29[] = { "title:Умные города России", "location:Москва", "publisher:ЦСР,", NULL };
	r = labelled("Умные города России / Центр стратегических разработок. – Москва : ЦСР, 2021. – 88 с.", s29);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 1);
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->literal, "Центр стратегических разработок");
	lit_record_free(r);
	/* Chicago: "ed." labelled alone, the name after it taken for the container */
	const char *s30[] = { "title:\u201cThe Riga Polytechnic,\u201d in Knowledge and Commerce,", "editor:ed.",
		              "container-title:Liene Zari\u0146a", NULL };
	r = labelled("K. Kalnins, \u201cThe Riga Polytechnic,\u201d in Knowledge and Commerce, ed. Liene Zari\u0146a (Riga: Zin\u0101tne, 2008), 45\u201367.", s30);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Knowledge and Commerce");
	cr_assert_str_eq(family(r, LIT_VAR_EDITOR, 0), "Zari\u0146a");
	lit_record_free(r);
	/* a host cut on "of"; a date after "accessed" is no issued date */
	const char *s31[] = { "title:\u201cHistory of the Port,\u201d", "journal:Freeport of", "note:Riga Authority, accessed",
		              "date:May 2, 2023,", NULL };
	r = labelled("\u201cHistory of the Port,\u201d Freeport of Riga Authority, accessed May 2, 2023, https://example.org/port.", s31);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Freeport of Riga Authority");
	cr_assert_null(lit_record_date(r, LIT_VAR_ISSUED));
	cr_assert_eq(lit_record_date(r, LIT_VAR_ACCESSED)->year, 2023);
	lit_record_free(r);
	/* a range with no page marker gives way to a later marked one */
	const char *s34[] = { "title:Русско-китайские отношения.", "volume:Т. 1:", "pages:1803–1807", "date:1995.", NULL };
	r = labelled("Русско-китайские отношения. Т. 1: 1803–1807 / сост. Л. К. Фомина. М., 1995. С. 211.", s34);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "1803-1807"); /* alone, it is the page */
	lit_record_free(r);
	/* a newspaper cited by its name and day alone */
	const char *s32[] = { "author:Rigasche Zeitung,", "date:March 3, 1896.", NULL };
	r = labelled("Rigasche Zeitung, March 3, 1896.", s32);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Rigasche Zeitung");
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 0);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_NEWSPAPER);
	lit_record_free(r);
	/* a site's name taken for a place */
	const char *s14[] = { "title:Об утверждении", "location:Гарант.ру", NULL };
	r = labelled("Об утверждении. // Гарант.ру : портал. URL: https://www.garant.ru/", s14);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Гарант.ру");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER_PLACE), "");
	lit_record_free(r);
}

Test(parse_fields, spaced_urls)
{
	lit_record *r;
	const char *s1[] = { "title:The Strange Death of Ordinary Language Philosophy.", NULL };
	r = labelled("Uschanov T. P. The Strange Death of Ordinary Language Philosophy. — 2001. — URL: http : / / www . "
	             "helsinki.fi/~tuschano/writings/strange/ (visited on 07/27/2012).", s1);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "http://www.helsinki.fi/~tuschano/writings/strange/");
	lit_record_free(r);
	r = labelled("Черняков А. Г. В поисках. — URL: http://anthropology.ru/ru/texts/metares06_01. html.", s1 + 1);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "http://anthropology.ru/ru/texts/metares06_01.html");
	lit_record_free(r);
	const char *s3[] = { "url:https", NULL };
	r = labelled("S. Collins, Hadron Structure, 2016 ,https ://conference.ippp.dur.ac.uk/event/470", s3);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://conference.ippp.dur.ac.uk/event/470");
	lit_record_free(r);
	/* a lone "http" is not an address */
	r = labelled("Smith J. On http and its uses. 2001.", s1 + 1);
	cr_assert_null(lit_record_get(r, LIT_VAR_URL));
	lit_record_free(r);
	/* role words inside an editor statement are not names */
	const char *s4[] = { "editor:общ. ред. и предисл. Б. Э. Быховского.", NULL };
	r = labelled("Хилл Т. И. Современные теории познания / общ. ред. и предисл. Б. Э. Быховского. — М., 1965.", s4);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_EDITOR), 1);
	cr_assert_str_eq(family(r, LIT_VAR_EDITOR, 0), "Быховского");
	lit_record_free(r);
	/* "Ст." with a capital is an initial, not "вступ. ст." */
	const char *s5[] = { "author:Ангелов, Боню Ст.", NULL };
	r = labelled("Ангелов, Боню Ст. Български книжовници. София, 1979.", s5);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 1);
	cr_assert_not_null(strstr(lit_record_name(r, LIT_VAR_AUTHOR, 0)->given, "Ст."));
	lit_record_free(r);
}

/* addresses as written in the span: spaces from PDF text dropped, the
 * words around left out, a DOI address kept as the URL too */
Test(parse_fields, url_spans)
{
	lit_record *r;
	const char *s1[] = { "url:https://sites. google.com/site/winitzki/index/topics-in-general-relativity.", NULL };
	r = labelled("S. Winitzki, Selected topics, https://sites. google.com/site/winitzki/index/topics-in-general-relativity.", s1);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://sites.google.com/site/winitzki/index/topics-in-general-relativity");
	lit_record_free(r);
	const char *s2[] = { "url:Available at https://www.cia.gov/ library/publications/index.html", NULL };
	r = labelled("CIA World Factbook. Available at https://www.cia.gov/ library/publications/index.html", s2);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://www.cia.gov/library/publications/index.html");
	lit_record_free(r);
	/* a scheme split from its host; the DOI inside an address is not the URL */
	const char *s3[] = { "doi::10.1103/PhysRevD.11.395.URL", "url:https: //link.aps.org/doi/10.1103/PhysRevD.11.395", NULL };
	r = labelled("J. Kogut, Phys. Rev. D 11 (1975) 395.doi :10.1103/PhysRevD.11.395.URL https: //link.aps.org/doi/10.1103/PhysRevD.11.395", s3);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://link.aps.org/doi/10.1103/PhysRevD.11.395");
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1103/PhysRevD.11.395");
	lit_record_free(r);
	/* two addresses joined by "or": the first; a word glued after a comma goes */
	const char *s4[] = { "url:https://ssrn.com/abstract=3492722 or http://dx.doi.org/10.2139/ssrn.3492722", NULL };
	r = labelled("Leung W. 2019. Sentiment. Available at SSRN: https://ssrn.com/abstract=3492722 or http://dx.doi.org/10.2139/ssrn.3492722 (2019).", s4);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://ssrn.com/abstract=3492722");
	lit_record_free(r);
	const char *s5[] = { "url:http ://dx.doi.org/10.1016/j.physletb.2017.05.070,in", NULL };
	r = labelled("M. Shalchi, Phys. Lett. B (2017),http ://dx.doi.org/10.1016/j.physletb.2017.05.070,in press.", s5);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "http://dx.doi.org/10.1016/j.physletb.2017.05.070");
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1016/j.physletb.2017.05.070");
	lit_record_free(r);
	/* an address labelled as a DOI keeps its URL; a bare DOI labelled as an address is a DOI */
	const char *s6[] = { "doi:https://doi.org/10.1080/00343404.2017.1334117.", NULL };
	r = labelled("Cosci, S. (2018). Growth. Regional Studies. https://doi.org/10.1080/00343404.2017.1334117.", s6);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://doi.org/10.1080/00343404.2017.1334117");
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1080/00343404.2017.1334117");
	lit_record_free(r);
	const char *s7[] = { "url:10.1140/epjst/e2009-01098-2.", NULL };
	r = labelled("J. F. Donges, Complex networks, Eur. Phys. J. 174 (2009) 157-179.doi: 10.1140/epjst/e2009-01098-2.", s7);
	cr_assert_null(lit_record_get(r, LIT_VAR_URL));
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1140/epjst/e2009-01098-2");
	lit_record_free(r);
	/* an address followed by a bracketed date */
	const char *s8[] = { "url:http://regina.sourceforge.net( 30/01/2015).", NULL };
	r = labelled("B. Burton, Regina, software, http://regina.sourceforge.net( 30/01/2015).", s8);
	cr_assert_str_eq(get(r, LIT_VAR_URL), "http://regina.sourceforge.net");
	lit_record_free(r);
}

/* DOIs: what is glued after them goes, spaces from PDF text go */
Test(parse_fields, doi_cleanup)
{
	static const struct { const char *text, *span, *want; } cases[] = {
		{ "Moyle LC. 2010. Science 329:1521. doi:10.1126/science.1193063.PMID:20847271.",
		  "doi:10.1126/science.1193063.PMID:20847271.", "10.1126/science.1193063" },
		{ "Ji RR. 2013. Pain. doi:S0304-3959(13)00330-8[pii]; 10.1016/j.pain.2013.06.022[doi]",
		  "doi:S0304-3959(13)00330-8[pii]; 10.1016/j.pain.2013.06.022[doi]", "10.1016/j.pain.2013.06.022" },
		{ "Woo J. 2019. Atmosphere, 29, 551, doi:10.14191/atmos.2019.29.5.551(inkoreanwithenglishabstract.",
		  "doi:10.14191/atmos.2019.29.5.551(inkoreanwithenglishabstract.", "10.14191/atmos.2019.29.5.551" },
		{ "K. G. Wilson, Phys. Rev. D10 (1974) 2445.doi:10. 1103/PhysRevD.10.2445.",
		  "doi:10. 1103/PhysRevD.10.2445.", "10.1103/PhysRevD.10.2445" },
		{ "Nguyen LT. 2015. Mol. Biol. Evol. 32:268-274. doi: 10.1093/molbev /msu300.",
		  "doi: 10.1093/molbev /msu300.", "10.1093/molbev/msu300" },
		{ "Ryan B (2016) Palgrave Communications 2, 15046. doi: 10.1057/ palcomms. 2015.46",
		  "doi: 10.1057/", "10.1057/palcomms.2015.46" },
		/* a DOI ending in a bracketed number keeps it; the year after it is not joined */
		{ "Gibson R. L. Special Paper, v. 465, pp. 443-469, doi: 10.1130/2010.2465(22). 2010.",
		  "doi: 10.1130/2010.2465(22).", "10.1130/2010.2465(22)" },
		/* "issn" inside a DOI is not the next field */
		{ "Yang T. 2002. 17(1). https://doi.org/10.16368/j.issn.1674-8999.2002.01.016.",
		  "url:https://doi.org/10.16368/j.issn.1674-8999.2002.01.016.", "10.16368/j.issn.1674-8999.2002.01.016" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char spec0[512];
		const char *spec[2] = { spec0, NULL };
		if (strncmp(cases[i].span, "url:", 4) == 0)
			snprintf(spec0, sizeof spec0, "%s", cases[i].span);
		else
			snprintf(spec0, sizeof spec0, "doi:%s", cases[i].span + 4);
		lit_record *r = labelled(cases[i].text, spec);
		cr_assert_str_eq(get(r, LIT_VAR_DOI), cases[i].want, "case %zu", i);
		lit_record_free(r);
	}
	/* unlabelled, after its marker */
	const char *s1[] = { "title:Coot.", NULL };
	lit_record *r = labelled("Nemoto N. 2003. Coot. J. Biochem. 133:651-657. doi: 10. 1093/jb/mvg083.", s1);
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1093/jb/mvg083");
	lit_record_free(r);
}

/* editor statements: role words in any form are not names; words of
 * another field before "ed." go */
Test(parse_fields, editor_roles)
{
	static const struct { const char *text, *span; size_t n; const char *first, *last; } cases[] = {
		{ "Paul Hudak, Simon Peyton Jones, and Philip Wadler (Editors). Report on Haskell. 1992.",
		  "Paul Hudak, Simon Peyton Jones, and Philip Wadler (Editors).", 3, "Hudak", "Wadler" },
		{ "A. Elmagarmid, editor. Transaction Models. Morgan-Kaufmann, 1992.", "A. Elmagarmid, editor.", 1,
		  "Elmagarmid", "Elmagarmid" },
		{ "T. C. Marshall, Wake fields, AIP Conf. Proc., Vol.647, edited byC . E .Clayton andP .Muggly (AIP, 2002).",
		  "edited byC . E .Clayton andP .Muggly", 2, "Clayton", "Muggly" },
		{ "Folkman, 1985, Advances in Cancer Research, eds. Klein and Weinhouse, Academic Press.",
		  "Cancer Research, eds. Klein and Weinhouse,", 2, "Klein", "Weinhouse" },
		{ "Folkner, W. M. 2009, in IAU Symposium, Vol. 261, IAU Symposium ,ed .S .A .Klioner, 155.",
		  "Symposium ,ed .S .A .Klioner,", 1, "Klioner", "Klioner" },
		/* Vancouver initials that spell a role word are initials */
		{ "Nolen WA, Leufkens HG, Egberts AC. Bleeding risk. Arch Intern Med 2004;164:2367-70.",
		  "Nolen WA, Leufkens HG, Egberts AC.", 3, "Nolen", "Egberts" },
		/* names before a postfix role word stay */
		{ "Blaikie, Piers, and Harold Brookfield, eds. Land Degradation. London, 1987.",
		  "Blaikie, Piers, and Harold Brookfield, eds.", 2, "Blaikie", "Brookfield" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char spec0[512];
		const char *spec[2] = { spec0, NULL };
		snprintf(spec0, sizeof spec0, "editor:%s", cases[i].span);
		lit_record *r = labelled(cases[i].text, spec);
		cr_assert_eq(lit_record_name_count(r, LIT_VAR_EDITOR), cases[i].n, "case %zu: %zu names", i,
		             lit_record_name_count(r, LIT_VAR_EDITOR));
		cr_assert_str_eq(family(r, LIT_VAR_EDITOR, 0), cases[i].first, "case %zu", i);
		cr_assert_str_eq(family(r, LIT_VAR_EDITOR, cases[i].n - 1), cases[i].last, "case %zu", i);
		lit_record_free(r);
	}
}

/* a series number left after the series span */
Test(parse_fields, collection_number)
{
	const char *s1[] = { "collection-title:(Oxford logic guides", NULL };
	lit_record *r = labelled("Bell J. L. Toposes. — Oxford : Clarendon Press, 1988. — 267 p. — (Oxford logic guides ; 14).", s1);
	cr_assert_str_eq(get(r, LIT_VAR_COLLECTION_TITLE), "Oxford logic guides");
	cr_assert_str_eq(get(r, LIT_VAR_COLLECTION_NUMBER), "14");
	lit_record_free(r);
}

/* a publisher span running over another field's sentence */
Test(parse_fields, publisher_sentences)
{
	static const struct { const char *text, *span, *want; } cases[] = {
		{ "I. Elliott. Dibenzopyrrocoline alkaloids. Vol. 31. Editeur : A. Brossi. Academic Press, New York. 1987.",
		  "A. Brossi. Academic Press,", "Academic Press" },
		{ "Linden, A. (1993). Inner drive. In Simulation of Adaptive Behavior. MIT Press, Cambridge.",
		  "Adaptive Behavior. MIT Press,", "MIT Press" },
		/* abbreviations are no sentence ends */
		{ "Binney, J., 2008, Galactic Dynamics, 2nd ed., Princeton Uni. Press", "Princeton Uni. Press", "Princeton Uni. Press" },
		{ "C. Williams. Digit recognition. PhD thesis, Dept. of Computer Science, University of Toronto, 1994.",
		  "Dept. of Computer Science, University of Toronto,", "Dept. of Computer Science, University of Toronto" },
		/* without a publisher word anywhere the span stays whole */
		{ "Field Reference. Diffusion Sampler Notes. Groundwater Studies. 2001.", "Diffusion Sampler Notes. Groundwater Studies.",
		  "Diffusion Sampler Notes. Groundwater Studies" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char spec0[512];
		const char *spec[2] = { spec0, NULL };
		snprintf(spec0, sizeof spec0, "publisher:%s", cases[i].span);
		lit_record *r = labelled(cases[i].text, spec);
		cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), cases[i].want, "case %zu", i);
		lit_record_free(r);
	}
}

/* web and news references: the site left in the date span, a name taken
 * for a citation number, the item type */
Test(parse_fields, web_references)
{
	lit_record *r;
	const char *s1[] = { "author:Tadtaev G.", "title:Rosneft decided to sue for an article.", "date:RBC. 09/03/2020.",
		             "accessed:(accessed: 06.08.2022).", NULL };
	r = labelled("Tadtaev G. Rosneft decided to sue for an article. RBC. 09/03/2020. (accessed: 06.08.2022).", s1);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "RBC");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2020);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_NEWSPAPER);
	lit_record_free(r);
	/* a month name before the date is no site */
	const char *s1b[] = { "title:Statement by the delegation.", "date:Aug. 2, 2022.", NULL };
	r = labelled("Statement by the delegation. Aug. 2, 2022.", s1b);
	cr_assert_null(lit_record_get(r, LIT_VAR_CONTAINER_TITLE));
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2022);
	lit_record_free(r);
	const char *s2[] = { "citation-number:RasonConTrans.", "accessed:(accessed: 06.08.2022).", NULL };
	r = labelled("RasonConTrans. (in Russian) (accessed: 06.08.2022).", s2);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "RasonConTrans");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_WEBPAGE);
	lit_record_free(r);
	const char *s3[] = { "title:Response to a media question.", "container-title:The Ministry of Foreign Affairs.",
		             "accessed:(accessed: 19.08.2022).", NULL };
	r = labelled("Response to a media question. The Ministry of Foreign Affairs. (accessed: 19.08.2022).", s3);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_WEBPAGE);
	lit_record_free(r);
	/* a roman-numeral label is no title */
	const char *s2b[] = { "citation-number:xli", "journal:Ann Neurol.", NULL };
	r = labelled("xli Ann Neurol. 1991 Dec; 30(6): 831-40.", s2b);
	cr_assert_null(lit_record_get(r, LIT_VAR_TITLE));
	lit_record_free(r);
	/* capitalised words running into the title of a web reference start it */
	const char *s5[] = { "author:Russian Deputy", "title:Foreign Minister Igor Morgulov's response to a question.",
		             "accessed:(accessed: 19.08.2022).", NULL };
	r = labelled("Russian Deputy Foreign Minister Igor Morgulov's response to a question. (accessed: 19.08.2022).", s5);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 0);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Russian Deputy Foreign Minister Igor Morgulov's response to a question");
	lit_record_free(r);
	/* ... but a name before a stop stays */
	const char *s5b[] = { "author:Tadtaev G.", "title:Rosneft decided to sue.", "accessed:(accessed: 06.08.2022).", NULL };
	r = labelled("Tadtaev G. Rosneft decided to sue. (accessed: 06.08.2022).", s5b);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Tadtaev");
	lit_record_free(r);
	/* a journal's imprint with a place and no publisher keeps it a journal article */
	const char *s6[] = { "author:Фекондо А.", "title:Деррида и феноменология", "container-title:// Вестник НГУ.",
		             "location:Новосибирск,", "date:2012.", "volume:Т. 10, вып. 4.", "pages:С. 161—167.", NULL };
	r = labelled("Фекондо А. Деррида и феноменология // Вестник НГУ. — Новосибирск, 2012. — Т. 10, вып. 4. — С. 161—167.", s6);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_JOURNAL);
	lit_record_free(r);
	/* a decree's number is no issue */
	const char *s4[] = { "note:Decree of the President of the Russian Federation", "issue:No. 484",
		             "title:\"On measures to implement Resolution 2321\".", NULL };
	r = labelled("Decree of the President of the Russian Federation of October 14, 2017. No. 484 \"On measures to implement Resolution 2321\".", s4);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_LEGISLATION);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "484");
	cr_assert_null(lit_record_get(r, LIT_VAR_ISSUE));
	lit_record_free(r);
}

/* GOST imprint year and page sanity */
Test(parse_fields, imprint_year_and_pages)
{
	lit_record *r;
	const char *s1[] = { "title:Le séminaire, livre X : L’angoisse,", "date:1962/1963.", "location:Paris :",
		             "publisher:Seuil,", "date:2004.", NULL };
	r = labelled("Lacan J. Le séminaire, livre X : L’angoisse, 1962/1963. — Paris : Seuil, 2004. — 432 p.", s1);
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2004);
	lit_record_free(r);
	/* without GOST areas the first date stays the work's */
	const char *s2[] = { "date:1928.", "location:Leipzig:", "publisher:Barth.", "date:1965.", NULL };
	r = labelled("Stern, Clara. 1928. Die Kindersprache. Leipzig: Barth. Reprinted 1965.", s2);
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 1928);
	lit_record_free(r);
	/* an ISBN or a word taken for pages is dropped; odd page forms stay */
	const char *s3[] = { "pages:5-7914-0008-X.", NULL };
	r = labelled("Бадью А. Апостол Павел. — М., 1999. — 5-7914-0008-X.", s3);
	cr_assert_null(lit_record_get(r, LIT_VAR_PAGE));
	lit_record_free(r);
	const char *s4[] = { "pages:ил.", NULL };
	r = labelled("Доманов Д. И. Анализ. — Воронеж, 2016. — ил.", s4);
	cr_assert_null(lit_record_get(r, LIT_VAR_PAGE));
	lit_record_free(r);
	const char *s5[] = { "pages:pp. 9-1-9-16.", NULL };
	r = labelled("A. Author, Title, Proc. X, pp. 9-1-9-16.", s5);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "9-1-9-16");
	lit_record_free(r);
	const char *s6[] = { "pages:pp. xiv-xx.", NULL };
	r = labelled("A. Author, Preface, in Book, pp. xiv-xx.", s6);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "xiv-xx");
	lit_record_free(r);
}

Test(parse_fields, dates)
{
	lit_date d;
	cr_assert(lit_pdate_parse("27.07.2023", 10, &d));
	cr_assert(d.year == 2023 && d.month == 7 && d.day == 27);
	cr_assert(lit_pdate_parse("07/18/2022", 10, &d));
	cr_assert(d.year == 2022 && d.month == 7 && d.day == 18);
	cr_assert(lit_pdate_parse("August 18, 2023", 15, &d));
	cr_assert(d.year == 2023 && d.month == 8 && d.day == 18);
	const char *ru = "18 авг. 2023";
	cr_assert(lit_pdate_parse(ru, strlen(ru), &d));
	cr_assert(d.year == 2023 && d.month == 8 && d.day == 18);
	const char *ru2 = "20 июля 2023 г.";
	cr_assert(lit_pdate_parse(ru2, strlen(ru2), &d));
	cr_assert(d.year == 2023 && d.month == 7 && d.day == 20);
	cr_assert(lit_pdate_parse("(2011a).", 8, &d));
	cr_assert_eq(d.year, 2011);
	cr_assert(lit_pdate_parse("1999-2001", 9, &d));
	cr_assert(d.year == 1999 && d.end_year == 2001);
	cr_assert(lit_pdate_parse("2024-05-01", 10, &d));
	cr_assert(d.month == 5 && d.day == 1);
	cr_assert_not(lit_pdate_parse("n.d.", 4, &d));
}

static void check_names(const char *s, size_t n, const char *const *fam, const char *const *giv)
{
	lit_record *r = lit_record_new();
	cr_assert_eq(lit_pnames_add(r, LIT_VAR_AUTHOR, s, strlen(s)), n, "%s", s);
	for (size_t i = 0; i < n; i++) {
		const lit_name *nm = lit_record_name(r, LIT_VAR_AUTHOR, i);
		cr_assert_str_eq(nm->family ? nm->family : "", fam[i], "%s: name %zu", s, i);
		if (giv)
			cr_assert_str_eq(nm->given ? nm->given : "", giv[i], "%s: name %zu", s, i);
	}
	lit_record_free(r);
}

Test(parse_fields, names)
{
	const char *f1[] = { "Romero", "Paunesku", "Dweck" }, *g1[] = { "C.", "D.", "C." };
	check_names("Romero, C., Paunesku, D., & Dweck, C.", 3, f1, g1);
	const char *f2[] = { "Иванов", "Петров" }, *g2[] = { "И. И.", "П. П." };
	check_names("Иванов И. И., Петров П. П.", 2, f2, g2);
	const char *f3[] = { "Han", "Chen" };
	check_names("S. E. Han, G. Chen,", 2, f3, NULL);
	const char *f4[] = { "Pérez-Higueras", "Arias", "de la Macorra", "Peters" };
	check_names("Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA.", 4, f4, NULL);
	const char *f5[] = { "Lee", "Howard", "Marsh" };
	check_names("Lee, L. L., W. E. Howard, and R. E. Marsh.", 3, f5, NULL);
	const char *f6[] = { "Sharma", "Jayaprakash" }, *g6[] = { "Abhishek", "Rajoli Siddharth" };
	check_names("Abhishek Sharma and Rajoli Siddharth Jayaprakash", 2, f6, g6);
	const char *f7[] = { "Иванов" };
	check_names("И. И. Иванов [и др.]", 1, f7, NULL);
	/* an organisation stays whole */
	lit_record *r = lit_record_new();
	const char *org = "World Health Organization";
	cr_assert_eq(lit_pnames_add(r, LIT_VAR_AUTHOR, org, strlen(org)), 1);
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->literal, org);
	lit_record_free(r);
	/* et al. */
	r = lit_record_new();
	const char *ea = "Smith J, Jones K, et al.";
	cr_assert_eq(lit_pnames_add(r, LIT_VAR_AUTHOR, ea, strlen(ea)), 2);
	cr_assert(lit_record_names_etal(r, LIT_VAR_AUTHOR));
	lit_record_free(r);
}

/* assembly errors seen on invented articles: a journal's first words in
 * the title, a place taken for a journal, "no. N" labelled as the volume */
Test(parse_fields, journal_place_and_number_repairs)
{
	lit_record *r;
	const char *s1[] = { "author:Sokolov I.", "title:Transit diplomacy in Central Asia. Russia in Global",
		             "journal:Affairs.", "date:2022.", "volume:Vol. 20,", "issue:no. 3.", "pages:P. 45–60.", NULL };
	r = labelled("Sokolov I. Transit diplomacy in Central Asia. Russia in Global Affairs. 2022. Vol. 20, no. 3. P. 45–60.", s1);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Transit diplomacy in Central Asia");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Russia in Global Affairs");
	lit_record_free(r);
	/* a title with no sentence stop keeps its words */
	const char *s1b[] = { "title:Transit diplomacy in Central Asia and Global", "journal:Affairs.", NULL };
	r = labelled("Transit diplomacy in Central Asia and Global Affairs. 2022.", s1b);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Transit diplomacy in Central Asia and Global");
	lit_record_free(r);
	const char *s2[] = { "author:Eurasian Rail Gateway.", "title:Annual Transit Report 2021.", "journal:Almaty,",
		             "date:2022.", "pages:48 p.", NULL };
	r = labelled("Eurasian Rail Gateway. Annual Transit Report 2021. Almaty, 2022. 48 p.", s2);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER_PLACE), "Almaty");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Eurasian Rail Gateway");
	/* "… Report 2021" with no host is a report */
	cr_assert_eq(lit_record_type(r), LIT_TYPE_REPORT);
	lit_record_free(r);
	const char *s3[] = { "title:Water security in Central Asia.", "journal:PONARS Eurasia Policy Memo",
		             "volume:no. 462.", "date:2017.", NULL };
	r = labelled("Water security in Central Asia. PONARS Eurasia Policy Memo no. 462. 2017.", s3);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "462");
	lit_record_free(r);
	/* the role word closing the names is not the title's start */
	const char *s4[] = { "editor:Ditschke, Stephan, and Daniel Stein", "title:(eds.). Comics: Zur Geschichte.", NULL };
	r = labelled("Ditschke, Stephan, and Daniel Stein (eds.). Comics: Zur Geschichte. Bielefeld: transcript.", s4);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Comics: Zur Geschichte");
	lit_record_free(r);
	/* a multi-volume work: the title after the volume is the volume's */
	const char *s5[] = { "author:Ницше Ф.", "title:Избранные произведения.", "volume:Т. 1.",
		             "title:Воля к власти: опыт переоценки.", NULL };
	r = labelled("Ницше Ф. Избранные произведения. В 3 т. Т. 1. Воля к власти: опыт переоценки. — М. : Наука, 1994.", s5);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Избранные произведения");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME_TITLE), "Воля к власти: опыт переоценки");
	lit_record_free(r);
	const char *s3b[] = { "volume:№ 7.", NULL };
	r = labelled("Записки. № 7.", s3b);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "7");
	lit_record_free(r);
}

Test(parse_fields, organisation_and_patronymic_names)
{
	lit_record *r = lit_record_new();
	const char *org = "Eurasian Rail Gateway.";
	cr_assert_eq(lit_pnames_add(r, LIT_VAR_AUTHOR, org, strlen(org)), 1);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Eurasian Rail Gateway");
	cr_assert_not_null(lit_record_name(r, LIT_VAR_AUTHOR, 0)->literal);
	lit_record_free(r);
	const char *f1[] = { "Иванов" }, *g1[] = { "Иван Иванович" };
	check_names("Иванов Иван Иванович.", 1, f1, g1);
	/* two words stay a person */
	/* a suffix between the family and the given name, or after the family */
	const char *f3[] = { "Accordino", "Guerney" }, *g3[] = { "M. P.", "B. G." };
	check_names("Accordino, M. P. & Guerney, Jr., B. G.", 2, f3, g3);
	const char *f4[] = { "Wimsatt" }, *g4[] = { "William Kurtz" };
	check_names("Wimsatt Jr., William Kurtz.", 1, f4, g4);
	const char *f5[] = { "Campbell", "Zaccaria" }, *g5[] = { "JR", "E." };
	check_names("Campbell JR, Zaccaria E.", 2, f5, g5);
	const char *f2[] = { "Sharma" }, *g2[] = { "Abhishek" };
	check_names("Abhishek Sharma.", 1, f2, g2);
}

/* ------------------------------------------------------------------ */
/* the built-in model, per style                                        */

Test(parse_model, loads_fast)
{
	struct timespec a, b;
	lit_parser *p = NULL;
	double worst = 0;
	for (int i = 0; i < 5; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		cr_assert_eq(lit_parser_new(&p, NULL, NULL), LIT_OK);
		clock_gettime(CLOCK_MONOTONIC, &b);
		double ms = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
		if (ms > worst)
			worst = ms;
		cr_assert(lit_parser_has_model(p), "no built-in model");
		lit_parser_free(p);
	}
	cr_assert_lt(worst, 50.0, "loading took %.1f ms", worst);
}

Test(parse_model, gost_article)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Забровская Л. В. Сближение России и КНДР в период санкций: причины и тенденции // "
	                         "Труды института истории, археологии и этнографии ДВО РАН. 2025. Т. 49. С. 75–85.");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Забровская");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Сближение России и КНДР в период санкций: причины и тенденции");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Труды института истории, археологии и этнографии ДВО РАН");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2025);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "49");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "75-85");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_JOURNAL);
	cr_assert_str_eq(get(r, LIT_VAR_LANGUAGE), "ru");
	cr_assert_not_null(lit_record_raw(r));
	lit_record_free(r);
	lit_parser_free(p);
}

Test(parse_model, gost_book)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Колмогоров А. Н., Фомин С. В. Элементы теории функций и функционального анализа. "
	                         "7-е изд. М. : Физматлит, 2004. 572 с.");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Колмогоров");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 1), "Фомин");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Физматлит");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER_PLACE), "М.");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2004);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER_OF_PAGES), "572");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_BOOK);
	lit_record_free(r);
	lit_parser_free(p);
}

Test(parse_model, gost_chapter)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Лотман Ю. М. Текст в тексте // Труды по знаковым системам / под ред. З. Г. Минц. "
	                         "Тарту : ТГУ, 1981. С. 3–7.");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Лотман");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Текст в тексте");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Труды по знаковым системам");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 1981);
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "3-7");
	lit_record_free(r);
	lit_parser_free(p);
}

Test(parse_model, gost_web_page)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Russia Supports North Korea's Nuclear and Missile Programmes // PISM. URL: "
	                         "<https://www.pism.pl/publications/russia-supports> (дата обращения: 26.02.2026).");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Russia Supports North Korea's Nuclear and Missile Programmes");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "PISM");
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://www.pism.pl/publications/russia-supports");
	const lit_date *d = lit_record_date(r, LIT_VAR_ACCESSED);
	cr_assert_not_null(d);
	cr_assert(d->year == 2026 && d->month == 2 && d->day == 26);
	cr_assert_null(lit_record_date(r, LIT_VAR_ISSUED));
	lit_record_free(r);
	lit_parser_free(p);
}

Test(parse_model, apa)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Romero, C., Paunesku, D., & Dweck, C. (2011). Brainology in the classroom. "
	                         "Journal of Educational Psychology, 103(2), 45–67. https://doi.org/10.1037/a0012345");
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 3);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 2), "Dweck");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2011);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Brainology in the classroom");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "103");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "2");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "45-67");
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1037/a0012345");
	cr_assert_str_eq(get(r, LIT_VAR_LANGUAGE), "en");
	lit_record_free(r);
	lit_parser_free(p);
}

Test(parse_model, vancouver)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA. Differences in cyclic fatigue "
	                         "resistance between instruments. J Endod. 2014;40(9):1477-81.");
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 4);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Pérez-Higueras");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2014);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "40");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "9");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "1477-81");
	lit_record_free(r);
	lit_parser_free(p);
}

/* Markdown italics mark the journal; a report series' number is no issue */
Test(parse_model, markdown_journal_and_report_number)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Özel Özcan M. S. Sanction Comradeship: The Russia-North Korea Alliance Against Western "
	                         "Embargoes. *Uluslararası Kriz Ve Siyaset Araştırmaları Dergisi*. 2024; 8(2): 167–182.");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Sanction Comradeship: The Russia-North Korea Alliance Against Western Embargoes");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Uluslararası Kriz Ve Siyaset Araştırmaları Dergisi");
	lit_record_free(r);
	/* italics with no title before them are a book's title */
	r = parse(p, "Smith, J. (2020). *A Book Title*. Oxford University Press.");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "A Book Title");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "");
	lit_record_free(r);
	r = parse(p, "Abhishek Sharma and Rajoli Siddharth Jayaprakash. \"Russia-North Korea Ties: Tactical Convenience or "
	             "Strategic Commitment?,\" ORF Occasional Paper No. 489, Observer Research Foundation, July 2025.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_REPORT);
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "489");
	lit_record_free(r);
	lit_parser_free(p);
}

/* APA newspapers: the paper and its section page, not a publisher */
Test(parse_model, newspaper_page)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Kaur, P. (2021, November 14). Remote workers are reshaping small-town real estate. "
	                         "The New York Chronicle, B3.");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "The New York Chronicle");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "B3");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_NEWSPAPER);
	lit_record_free(r);
	lit_parser_free(p);
}

/* types from a news outlet's name and a treaty's title */
Test(parse_model, news_and_treaty_types)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "North Korean trade with China doubles in 2023 / Anton Sokolin // NK News. "
	                         "URL: https://www.nknews.org/2024/01/trade (accessed: 17.06.2025).");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_NEWSPAPER);
	lit_record_free(r);
	r = parse(p, "Договор о всеобъемлющем стратегическом партнерстве между Российской Федерацией и КНДР // "
	             "Министерство иностранных дел Российской Федерации. URL: https://www.mid.ru/ru/ (дата обращения: 01.07.2025).");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_TREATY);
	lit_record_free(r);
	lit_parser_free(p);
}

/* "Т. 1: 1803–1807 / … С. 211.": the page is the marked one */
Test(parse_model, marked_page_wins)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Русско-китайские отношения в XIX веке: материалы и документы. Т. 1: 1803–1807 / "
	                         "сост. Л. К. Фомина. М.: Памятники исторической мысли, 1995. С. 211.");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "211");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "1");
	lit_record_free(r);
	lit_parser_free(p);
}

/* "Synthesis of …" is no thesis; "Available at SSRN:" is no place */
Test(parse_model, synthesis_is_no_thesis)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Chrysanthis, P. K. and Ramamritham, K. Synthesis of extended transaction models using ACTA. "
	                         "ACM Transactions on Database Systems, 19(3) 450-491, 1994.");
	cr_assert_neq(lit_record_type(r), LIT_TYPE_THESIS);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "ACM Transactions on Database Systems");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "");
	lit_record_free(r);
	r = parse(p, "Патриотизм в современной России // Вопросы философии. 2020. № 3. С. 5–15.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_JOURNAL);
	lit_record_free(r);
	r = parse(p, "А. с. 1007970 СССР, МКИ3 В 25.1 15/00. Устройство для захвата деталей [Текст] / В. С. Ваулин. "
	             "— № 3360585/25-08 ; заявл. 23.11.1981 ; опубл. 30.03.1983, Бюл. № 12. — 2 с. : ил.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_PATENT);
	lit_record_free(r);
	r = parse(p, "Leung, W. S. 2019. Social-Media Sentiment and Stock Returns. Available at SSRN: https://ssrn.com/abstract=3105281");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER_PLACE), "");
	lit_record_free(r);
	lit_parser_free(p);
}

/* web genres and magazines */
Test(parse_model, blog_preprint_magazine_types)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Miller, C. T. (2021, March 2). Why the pandemic will not empty downtowns [Blog post]. "
	                         "Urban Futures Blog. https://urbanfutures.example.org/2021/03/downtowns");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_POST_WEBLOG);
	lit_record_free(r);
	r = parse(p, "Good chemistry. (1996, September). Wake Forest University Magazine, p. 8.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_MAGAZINE);
	lit_record_free(r);
	r = parse(p, "Smith, J. 2019, Monthly Notices of the Royal Astronomical Society, 482, 1234.");
	cr_assert_neq(lit_record_type(r), LIT_TYPE_ARTICLE_MAGAZINE);
	lit_record_free(r);
	lit_parser_free(p);
}

/* "London ; New York : Routledge": both places */
Test(parse_model, two_places)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Kitchin, R. Data-Driven Urbanism / R. Kitchin. – London ; New York : Routledge, 2018. – 200 p.");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER_PLACE), "London ; New York");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Data-Driven Urbanism");
	lit_record_free(r);
	lit_parser_free(p);
}

/* invented articles of Russian area-studies journals, end to end */
Test(parse_model, invented_articles)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Ivanov I. Arctic shipping routes. Polar Record. 2024; 22(1): 88–101.");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Arctic shipping routes");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Polar Record");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "22");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "1");
	lit_record_free(r);
	r = parse(p, "Sokolov I. Transit diplomacy in Central Asia. Russia in Global Affairs. 2022. Vol. 20, no. 3. P. 45–60.");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Transit diplomacy in Central Asia");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Russia in Global Affairs");
	lit_record_free(r);
	r = parse(p, "Eurasian Rail Gateway. Annual Transit Report 2021. Almaty, 2022. 48 p.");
	cr_assert_str_neq(family(r, LIT_VAR_AUTHOR, 0), "Gateway");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "");
	lit_record_free(r);
	r = parse(p, "Petrova A. Water security in Central Asia. PONARS Eurasia Policy Memo no. 462. 2017. "
	             "URL: https://www.ponarseurasia.org/memo/462");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "");
	cr_assert(!strcmp(get(r, LIT_VAR_ISSUE), "462") || !strcmp(get(r, LIT_VAR_NUMBER), "462"));
	lit_record_free(r);
	lit_parser_free(p);
}

Test(parse_model, ieee)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "[13] S. E. Han and G. Chen, “Toward the Lambertian limit of light trapping in thin "
	                         "nanostructured silicon solar cells,” Nano Lett., vol. 10, no. 11, pp. 4692–4696, Nov. 2010.");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Han");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 1), "Chen");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2010);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "10");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "11");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "4692-4696");
	lit_record_free(r);
	lit_parser_free(p);
}

Test(parse_model, physics_abbreviated)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "S. E. Han, G. Chen, Nano Lett. 10, 1012 (2010).");
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Han");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2010);
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "10");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "1012");
	lit_record_free(r);
	lit_parser_free(p);
}

/* ------------------------------------------------------------------ */
/* the labelled test set (tests/data/parse/refs.jsonl)                  */

static int eq_field(const lit_record *r, const char *key, const lit_json *want, char *why, size_t wl)
{
	if (!strcmp(key, "author") || !strcmp(key, "editor")) {
		lit_var v = !strcmp(key, "author") ? LIT_VAR_AUTHOR : LIT_VAR_EDITOR;
		for (size_t i = 0; i < want->len; i++) {
			const char *w = lit_json_string(lit_json_at(want, i));
			if (strcmp(family(r, v, i), w)) {
				snprintf(why, wl, "%s[%zu]: want %s got %s", key, i, w, family(r, v, i));
				return 0;
			}
		}
		return 1;
	}
	if (!strcmp(key, "year")) {
		int y = (int)want->num;
		if (year_of(r, LIT_VAR_ISSUED) != y) {
			snprintf(why, wl, "year: want %d got %d", y, year_of(r, LIT_VAR_ISSUED));
			return 0;
		}
		return 1;
	}
	if (!strcmp(key, "accessed")) {
		const lit_date *d = lit_record_date(r, LIT_VAR_ACCESSED);
		int ok = d && d->year == (int)lit_json_at(want, 0)->num && d->month == (int)lit_json_at(want, 1)->num &&
		         d->day == (int)lit_json_at(want, 2)->num;
		if (!ok)
			snprintf(why, wl, "accessed wrong");
		return ok;
	}
	if (!strcmp(key, "type")) {
		const char *got = lit_type_name(lit_record_type(r));
		if (strcmp(got, lit_json_string(want))) {
			snprintf(why, wl, "type: want %s got %s", lit_json_string(want), got);
			return 0;
		}
		return 1;
	}
	int v = lit_var_from_name(key);
	cr_assert(v >= 0, "bad key %s", key);
	const char *got = get(r, (lit_var)v);
	if (strcmp(got, lit_json_string(want))) {
		snprintf(why, wl, "%s: want '%s' got '%s'", key, lit_json_string(want), got);
		return 0;
	}
	return 1;
}

Test(parse_model, labelled_test_set)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/data/parse/refs.jsonl", LITERA_SOURCE_DIR);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s", path);
	lit_parser *p = parser();
	char line[8192];
	int fields = 0, right = 0, refs = 0;
	while (fgets(line, sizeof line, f)) {
		lit_error err;
		lit_json_doc *doc = lit_json_parse(line, strlen(line), path, &err);
		cr_assert_not_null(doc, "%s", err.message);
		const lit_json *root = lit_json_root(doc);
		const char *raw = lit_json_string(lit_json_get(root, "raw"));
		const lit_json *exp = lit_json_get(root, "expect");
		lit_record *r = parse(p, raw);
		refs++;
		for (const lit_json *m = exp->child; m; m = m->next) {
			char why[512];
			fields++;
			if (eq_field(r, m->key, m, why, sizeof why))
				right++;
			else
				cr_log_info("%s: %s\n  %s", lit_json_string(lit_json_get(root, "style")), raw, why);
		}
		lit_record_free(r);
		lit_json_free(doc);
	}
	fclose(f);
	lit_parser_free(p);
	cr_assert_geq(refs, 30);
	cr_log_info("labelled test set: %d/%d fields right", right, fields);
	cr_assert_geq(right * 100, fields * 85, "only %d of %d fields right", right, fields);
}

/* ------------------------------------------------------------------ */
/* bad input still yields an item                                       */

Test(parse_robust, garbage_yields_items)
{
	lit_parser *p = parser();
	const char *cases[] = { "", "   ", ".,;:!?", "\xff\xfe\x80 bad bytes \xc3", "((((((((((((", "////////",
	                        "1 2 3 4 5 6 7 8 9", "http://", "[1]", NULL };
	for (size_t i = 0; cases[i]; i++) {
		lit_record *r = parse(p, cases[i]);
		cr_assert_not_null(lit_record_raw(r));
		lit_record_free(r);
	}
	/* a long line: capped, not quadratic */
	size_t n = 200000;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = "Ab. 1, "[i % 7];
	big[n] = 0;
	lit_record *r = NULL;
	cr_assert_eq(lit_parse_reference(p, big, n, &r, NULL), LIT_OK);
	cr_assert_eq(strlen(lit_record_raw(r)), n);
	lit_record_free(r);
	free(big);
	/* embedded NUL bytes are dropped, not a truncation */
	r = NULL;
	cr_assert_eq(lit_parse_reference(p, "Title\0 2020", 11, &r, NULL), LIT_OK);
	cr_assert_str_eq(lit_record_raw(r), "Title 2020");
	lit_record_free(r);
	cr_assert_eq(lit_parse_reference(p, "x", 1, NULL, NULL), LIT_EINVAL);
	lit_parser_free(p);
}

Test(parse_robust, labels_xml)
{
	lit_parser *p = parser();
	char *xml = NULL;
	const char *s = "Smith, J. (2020). A & B <c>. Nature, 5, 1-2.";
	cr_assert_eq(lit_parse_labels(p, s, strlen(s), &xml, NULL), LIT_OK);
	cr_assert(strstr(xml, "<sequence>") == xml);
	cr_assert_not_null(strstr(xml, "&amp;"));
	cr_assert_not_null(strstr(xml, "&lt;c&gt;"));
	cr_assert_not_null(strstr(xml, "<author>"));
	lit_free(xml);
	lit_parser_free(p);
}

/* ------------------------------------------------------------------ */
/* training and model files                                             */

Test(parse_train, round_trip_and_damaged_model)
{
	char dir[] = "/tmp/litera_parse_testXXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char data[1200], model[1200];
	snprintf(data, sizeof data, "%s/d.xml", dir);
	snprintf(model, sizeof model, "%s/m.bin", dir);
	FILE *f = fopen(data, "w");
	cr_assert_not_null(f);
	fputs("<?xml version=\"1.0\"?>\n<dataset>\n", f);
	for (int i = 0; i < 30; i++)
		fprintf(f, "<sequence><author>Smith%c, J.</author> <date>(20%02d).</date> <title>Study number %d of things.</title> "
		           "<journal>Journal of Tests,</journal> <volume>%d(2),</volume> <pages>%d-%d.</pages></sequence>\n",
		        'a' + i % 26, i, i, i + 1, i * 3 + 1, i * 3 + 9);
	fputs("</dataset>\n", f);
	fclose(f);
	lit_train_options to = LIT_TRAIN_OPTIONS_INIT;
	to.epochs = 5;
	to.min_count = 1;
	const char *files[] = { data };
	lit_error err;
	lit_error_clear(&err);
	cr_assert_eq(lit_parser_train(files, 1, model, &to, &err), LIT_OK, "%s", err.message);
	lit_parse_options po = LIT_PARSE_OPTIONS_INIT;
	po.model_path = model;
	lit_parser *p = NULL;
	cr_assert_eq(lit_parser_new(&p, &po, &err), LIT_OK, "%s", err.message);
	lit_record *r = parse(p, "Smithz, J. (2031). Study number 99 of things. Journal of Tests, 7(2), 10-20.");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2031);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Journal of Tests");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "10-20");
	lit_record_free(r);
	lit_parser_free(p);

	/* flip one byte: the checksum catches it */
	f = fopen(model, "r+b");
	cr_assert_not_null(f);
	fseek(f, 200, SEEK_SET);
	int c = fgetc(f);
	fseek(f, 200, SEEK_SET);
	fputc(c ^ 0x55, f);
	fclose(f);
	p = NULL;
	cr_assert_eq(lit_parser_new(&p, &po, &err), LIT_EPARSE);
	cr_assert_null(p);
	cr_assert_not_null(strstr(err.message, "checksum"), "%s", err.message);

	/* not a model at all; missing file; bad training data */
	f = fopen(model, "wb");
	fputs("hello, this is not a model file at all!!", f);
	fclose(f);
	cr_assert_eq(lit_parser_new(&p, &po, &err), LIT_EPARSE);
	po.model_path = "/nonexistent/model.bin";
	cr_assert_eq(lit_parser_new(&p, &po, &err), LIT_EIO);
	const char *bad[] = { model };
	cr_assert_neq(lit_parser_train(bad, 1, data, &to, &err), LIT_OK);
	remove(data);
	remove(model);
	rmdir(dir);
}

/* ------------------------------------------------------------------ */
/* the command: one item per input line, in order, warnings on stderr   */

Test(parse_cli, one_item_per_line)
{
	char dir[] = "/tmp/litera_parse_cliXXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char in[1200], out[1200], errf[1200], cmd[4096];
	snprintf(in, sizeof in, "%s/in.txt", dir);
	snprintf(out, sizeof out, "%s/out.json", dir);
	snprintf(errf, sizeof errf, "%s/err.txt", dir);
	FILE *f = fopen(in, "w");
	cr_assert_not_null(f);
	fputs("Иванов И. И. Заглавие статьи // Вопросы экономики. 2021. № 4. С. 10–20.\r\n"
	      "\n"
	      ".,;\n"
	      "Smith, J. (2020). A study. Nature, 5, 1-2.\n", f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "'%s' parse --to csljson '%s' > '%s' 2> '%s'", LITERA_TOOL, in, out, errf);
	cr_assert_eq(system(cmd), 0);
	f = fopen(out, "r");
	cr_assert_not_null(f);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = 0;
	fclose(f);
	lit_error err;
	lit_json_doc *doc = lit_json_parse(buf, n, out, &err);
	cr_assert_not_null(doc, "%s", err.message);
	const lit_json *root = lit_json_root(doc);
	cr_assert_eq(root->type, LIT_JSON_ARRAY);
	cr_assert_eq(root->len, 4);
	const char *raw0 = lit_json_string(lit_json_get(lit_json_get(lit_json_at(root, 0), "custom"), "raw"));
	cr_assert_not_null(raw0);
	cr_assert(strncmp(raw0, "Иванов", strlen("Иванов")) == 0);
	const char *raw3 = lit_json_string(lit_json_get(lit_json_get(lit_json_at(root, 3), "custom"), "raw"));
	cr_assert_not_null(raw3);
	cr_assert(strncmp(raw3, "Smith", 5) == 0);
	lit_json_free(doc);
	/* the empty and the punctuation-only lines were warned about, with line numbers */
	f = fopen(errf, "r");
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = 0;
	fclose(f);
	cr_assert_not_null(strstr(buf, ":2: warning"), "%s", buf);
	cr_assert_not_null(strstr(buf, ":3: warning"), "%s", buf);
	/* bad usage */
	snprintf(cmd, sizeof cmd, "'%s' parse --to nosuchformat '%s' > /dev/null 2>&1", LITERA_TOOL, in);
	int rc = system(cmd);
	cr_assert(WIFEXITED(rc) && WEXITSTATUS(rc) == 2);
	/* --labels prints AnyStyle XML that `litera train` reads back */
	char model[1200];
	snprintf(model, sizeof model, "%s/m.bin", dir);
	snprintf(cmd, sizeof cmd, "'%s' parse --labels '%s' > '%s' && '%s' train -c 1 -e 2 -o '%s' '%s' 2>/dev/null",
	         LITERA_TOOL, in, out, LITERA_TOOL, model, out);
	cr_assert_eq(system(cmd), 0);
	remove(in);
	remove(out);
	remove(errf);
	remove(model);
	rmdir(dir);
}

/* rarer kinds: preprints, presentations, standards, patents, access notes,
 * organisations as authors */
Test(parse_model, rarer_kinds)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Kumar, S., et al. (2018). Graph neural networks. arXiv preprint arXiv:1812.08434.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "arXiv:1812.08434");
	cr_assert_str_eq(get(r, LIT_VAR_NOTE), "");
	lit_record_free(r);
	/* a report number next to the identifier stays in the note */
	r = parse(p, "Rohsiepe F 1996 On reducible but indecomposable representations of the Virasoro algebra "
	             "ReportNo .BONN -TH-96-17( arXiv:hep-th/9611160)");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "arXiv:hep-th/9611160");
	cr_assert(strstr(get(r, LIT_VAR_NOTE), "BONN") != NULL);
	lit_record_free(r);
	r = parse(p, "C. Latta et al., http://arXiv.org/abs/1007.3733 (OECS12 Invited Talk, A. Imamoglu).");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "arXiv:1007.3733");
	lit_record_free(r);
	/* a journal article that also gives its preprint keeps its type */
	r = parse(p, "N. Engelhardt and A. C. Wall, \"No Simple Dual to the Causal Holographic Information?,\" "
	             "JHEP 1704, 134 (2017) [arXiv:1702.01748 [hep-th]].");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_JOURNAL);
	lit_record_free(r);
	/* "[Speech]": a speech, its host the event; "representation" is no presentation */
	r = parse(p, "Doe, J. (2023, August 18). Keynote speech at the Annual Meeting of the AAS [Speech]. Chicago, IL.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_SPEECH);
	lit_record_free(r);
	r = parse(p, "Casati R., Varzi A. Parts and places : The structures of spatial representation. — Cambridge, MA : MIT Press, 1999. — 248 p.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_BOOK);
	lit_record_free(r);
	r = parse(p, "US Patent 3,712,959: Fariello, E. Method and Apparatus for Detecting Speech Signals. Jan. 23 1973.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_PATENT);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "3,712,959");
	cr_assert_str_eq(get(r, LIT_VAR_AUTHORITY), "United States");
	lit_record_free(r);
	r = parse(p, "Пат. 2345678 Российская Федерация, МПК G06F 17/30. Способ обработки данных / Иванов И. И. ; "
	             "заявитель ООО «Ромашка». № 2007123456/09 ; заявл. 20.06.2007 ; опубл. 10.01.2009, Бюл. № 1. 10 с.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_PATENT);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "2345678");
	cr_assert_str_eq(get(r, LIT_VAR_AUTHORITY), "Российская Федерация");
	lit_record_free(r);
	/* the access date the model left in a note; "Retrieved from" is no date */
	r = parse(p, "United Nations. \"Human Rights.\" Accessed May 29, 2013. http://www.un.org/en/globalissues/humanrights/.");
	cr_assert_eq(year_of(r, LIT_VAR_ACCESSED), 2013);
	cr_assert_str_eq(get(r, LIT_VAR_NOTE), "");
	lit_record_free(r);
	r = parse(p, "Bari, M. (2006). A distributed conceptual model for stream salinity generation processes. "
	             "Retrieved from Australasian Digital Theses Program. (WU2006.0058).");
	cr_assert_eq(year_of(r, LIT_VAR_ACCESSED), 0);
	lit_record_free(r);
	/* a repeat names no title */
	r = parse(p, "Там же. С. 17.");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "");
	cr_assert_str_eq(get(r, LIT_VAR_NOTE), "Там же.");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "17");
	lit_record_free(r);
	/* an organisation named as the author is one literal name */
	r = parse(p, "[3] U.S. Department of Energy, \"20% Wind Energy by 2030,\" DOE/GO-102008-2567, Washington, DC, 2008.");
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 1);
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->literal, "U.S. Department of Energy");
	lit_record_free(r);
	r = parse(p, "Минобрнауки России. Об утверждении федерального государственного образовательного стандарта : "
	             "приказ от 12.08.2020 № 954. URL: https://www.example.ru/doc/74576332/ (дата обращения: 01.02.2024).");
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->literal, "Минобрнауки России");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_LEGISLATION);
	lit_record_free(r);
	lit_parser_free(p);
}

/* laws cited by designation then name, EU acts, the constitution;
 * Vancouver newspaper sections; a dissertation's specialty code */
Test(parse_model, laws_sections_codes)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Федеральный закон от 29.12.2012 № 273-ФЗ (ред. от 04.08.2023) «Об образовании в Российской "
	                         "Федерации» // СПС «КонсультантПлюс». URL: https://www.example.ru/doc/140174/ "
	                         "(дата обращения: 12.03.2024).");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_LEGISLATION);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Об образовании в Российской Федерации");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "273-ФЗ");
	cr_assert_eq(year_of(r, LIT_VAR_ISSUED), 2012);
	lit_record_free(r);
	r = parse(p, "Постановление Правительства Российской Федерации от 15.04.2014 № 316 «Об утверждении государственной "
	             "программы» // Российская газета. 2014. 24 апр.");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Об утверждении государственной программы");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "316");
	lit_record_free(r);
	r = parse(p, "Directive 2009/24/EC of the European Parliament and of the Council of 23 April 2009 on the legal "
	             "protection of computer programs. Official Journal of the European Union, L 111, 5 May 2009, pp. 16–22.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_LEGISLATION);
	lit_record_free(r);
	r = parse(p, "Конституция Российской Федерации : принята всенародным голосованием 12.12.1993. – Москва : Эксмо, 2021. – 64 с.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_LEGISLATION);
	lit_record_free(r);
	r = parse(p, "Сидоров А. В. Экономика Дальнего Востока : автореф. дис. ... д-ра экон. наук : 5.2.3 / Сидоров Алексей "
	             "Викторович ; Дальневосточный федеральный университет. – Владивосток, 2023. – 40 с.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_THESIS);
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "");
	lit_record_free(r);
	lit_parser_free(p);
	/* the section and page of "Sect. A:5" whatever the model */
	{
		static const char *const spec[] = { "author:Garcia M.", "title:Sanctions hit exports.", "journal:The Guardian.",
			                            "date:2022 Mar 3;", "pages:Sect. A:5.", NULL };
		r = labelled("Garcia M. Sanctions hit exports. The Guardian. 2022 Mar 3;Sect. A:5.", spec);
		cr_assert_str_eq(get(r, LIT_VAR_SECTION), "A");
		cr_assert_str_eq(get(r, LIT_VAR_PAGE), "5");
		lit_record_free(r);
	}
}

/* APA "(Rev. ed.). Verso.": edition and publisher */
Test(parse_fields, apa_edition_then_publisher)
{
	static const char *const spec[] = { "author:Anderson, B.", "date:(2006).", "title:Imagined communities.",
		                            "edition:(Rev. ed.). Verso.", NULL };
	lit_record *r = labelled("Anderson, B. (2006). Imagined communities. (Rev. ed.). Verso.", spec);
	cr_assert_str_eq(get(r, LIT_VAR_EDITION), "Rev. ed.");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Verso");
	lit_record_free(r);
}

/* type cues of rarer kinds */
Test(parse_model, rarer_kind_types)
{
	static const struct {
		const char *s;
		lit_type type;
	} cases[] = {
		{ "Авторское свидетельство № 872145 СССР, МПК A01B 49/02. Почвообрабатывающее орудие : № 2799540 : "
		  "заявл. 16.07.1979 : опубл. 15.10.1981 / Гребенюк В. И.", LIT_TYPE_PATENT },
		{ "Демьяненков В. В. Программа приема и обработки данных в реальном времени. Свидетельство о "
		  "государственной регистрации программы для ЭВМ № 2014617747.", LIT_TYPE_SOFTWARE },
		{ "Clean Harbors Modernization Act of 2022, Pub. L. No. 117-301, 136 Stat. 5120 (2022).", LIT_TYPE_LEGISLATION },
		{ "Agricultural Drone Registration Rule, 87 Fed. Reg. 60122 (Oct. 3, 2022).", LIT_TYPE_REGULATION },
		{ "Pearce P A and Rasmussen J 2007 Solvable critical dense polymers J. Stat. Mech. P02015", LIT_TYPE_ARTICLE_JOURNAL },
		{ "Castellanos, Maria. \"Cities After the Flood.\" Keynote address, Urban Climate Forum, Rotterdam, 15 May 2023.",
		  LIT_TYPE_SPEECH },
		{ "Ibsen, Karl. \"Building Instruments for Deep Space.\" Interview by Rachel Moreau. Science Weekly, 4 Feb. 2020.",
		  LIT_TYPE_INTERVIEW },
		{ "Нарышкина, Л. П. О приоритетах политики на 2026 год : выступление на заседании Совета по науке, 17 ноября "
		  "2025 г. / Л. П. Нарышкина. – Текст : электронный // Министерство науки : сайт. – URL: https://example.ru/1 "
		  "(дата обращения: 01.12.2025).", LIT_TYPE_SPEECH },
		{ "Метеорологические наблюдения станции за 1991–2020 гг. : набор данных / Д. С. Вахрушев. – Севастополь : "
		  "МГИ РАН, 2022. – URL: https://example.ru/d (дата обращения: 01.02.2024).", LIT_TYPE_DATASET },
		{ "Лаборатория палеоклиматологии : [сайт] / Институт географии РАН. – Москва, 2016– . – URL: "
		  "http://paleo.example.ru/ (дата обращения: 07.07.2024). – Текст : электронный.", LIT_TYPE_WEBPAGE },
		{ "Quist, Dana. \"Folk Taxonomies of Weather in Coastal Norway.\" SocArXiv, 5 May 2021, "
		  "https://doi.org/10.31235/osf.io/x7k2m.", LIT_TYPE_ARTICLE },
		{ "Тимербаев, Р. И. Адаптивная фильтрация помех / Р. И. Тимербаев. – Текст : непосредственный // Актуальные "
		  "проблемы радиоэлектроники : сборник трудов Международной научно-технической конференции, Самара, 18–20 мая "
		  "2023 года. – Самара : Самарский университет, 2023. – С. 45–49.", LIT_TYPE_PAPER_CONFERENCE },
		{ "Hargreave, S. (2023, October 2). Why our test suite takes nine minutes. Tessellate Engineering Blog. "
		  "https://blog.example.org/2023/10/02/suite", LIT_TYPE_POST_WEBLOG },
	};
	lit_parser *p = parser();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lit_record *r = parse(p, cases[i].s);
		cr_expect_eq(lit_record_type(r), cases[i].type, "case %zu: type %d, want %d", i, (int)lit_record_type(r),
		             (int)cases[i].type);
		lit_record_free(r);
	}
	lit_parser_free(p);
}

/* designations and departments are no hosts; a journal about patents is a journal */
Test(parse_model, no_designation_hosts)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "[17] T. Vasquez and L. Brennholt, \"Low-latency packet scheduler for satellite backhaul,\" "
	                         "U.S. Patent 10 872 415, Dec. 22, 2020.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_PATENT);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "10 872 415");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "");
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "");
	lit_record_free(r);
	r = parse(p, "[6] P. R. Sandoval, \"Energy-aware routing for underwater acoustic sensor swarms,\" M.S. thesis, "
	             "Dept. Elect. Comput. Eng., Univ. of Victoria, Victoria, BC, Canada, 2021.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_THESIS);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "");
	lit_record_free(r);
	r = parse(p, "DYMOCK, Brian W a Cheng Shang SEE, 2013. Inhibitors of JAK2 and JAK3: an update on the patent literature "
	             "2010 – 2012. Expert Opinion on Therapeutic Patents. 23(4), 449–501.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_JOURNAL);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Expert Opinion on Therapeutic Patents");
	lit_record_free(r);
	r = parse(p, "Ibsen, Karl. \"Building Instruments for Deep Space.\" Interview by Rachel Moreau. Science Weekly, 4 Feb. "
	             "2020, www.scienceweekly.example.org/ibsen-interview.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_INTERVIEW);
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Science Weekly");
	lit_record_free(r);
	lit_parser_free(p);
}

/* the end of an author list the model ran into the title or the journal;
 * a surname broken at a line end */
Test(parse_fields, author_tails)
{
	static const char *const s1[] = { "author:S. K. Goffredi, and R. C.", "title:Vrijen- hoek, “Unusual benthic fauna,”",
		                          "journal:Deep Sea Research,", "volume:vol. 51,", "date:2004.", NULL };
	lit_record *r = labelled("S. K. Goffredi, and R. C. Vrijen- hoek, “Unusual benthic fauna,” Deep Sea Research, vol. 51, 2004.", s1);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Unusual benthic fauna");
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 1), "Vrijenhoek");
	lit_record_free(r);
	/* not a date or a role before the quote */
	static const char *const s2[] = { "author:Olivier Richard", "title:4 mai 2012, « Zivilreligion »,", NULL };
	r = labelled("Olivier Richard 4 mai 2012, « Zivilreligion », Paris.", s2);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 1);
	lit_record_free(r);
	static const char *const s3[] = { "author:M. J.", "journal:Sparnaay, Physica", "volume:24,", "pages:751", "date:(1958).", NULL };
	r = labelled("M. J. Sparnaay, Physica 24, 751 (1958).", s3);
	cr_assert_str_eq(family(r, LIT_VAR_AUTHOR, 0), "Sparnaay");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Physica");
	lit_record_free(r);
}

/* a marker glued to its number is two tokens; other words with a dot and
 * digits stay whole */
Test(parse_tokens, splits_glued_markers)
{
	static lit_ptokens t;
	const char *s = "2020. Т.16, №2. С.402-415. Vol.3 c.1770 jawwa.2012";
	lit_ptok_run(&t, s, strlen(s));
	const char *want[] = { "2020.", "Т.", "16,", "№2.", "С.", "402-415.", "Vol.", "3", "c.1770", "jawwa.2012" };
	cr_assert_eq(t.n, 10, "got %zu tokens", t.n);
	for (size_t i = 0; i < 10; i++) {
		cr_assert_eq(t.tok[i].end - t.tok[i].start, strlen(want[i]), "token %zu", i);
		cr_assert(memcmp(s + t.tok[i].start, want[i], strlen(want[i])) == 0, "token %zu", i);
	}
}

/* patent numbers after a country code; a dissertation's repeated full name
 * is no part of its university; "3 vols." is the number of volumes */
Test(parse_model, patents_theses_volume_counts)
{
	lit_parser *p = parser();
	lit_record *r = parse(p, "Nakashima T, Lindqvist E, inventors. Stabilized enzyme formulation for diagnostics. "
	                         "United States patent US 11,712,046. 2023 Aug 1.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_PATENT);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "11,712,046");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "");
	lit_record_free(r);
	r = parse(p, "Воротникова, Алина Сергеевна. Лексика рыболовного промысла в говорах Нижнего Приамурья : специальность "
	             "5.9.5 : диссертация на соискание ученой степени кандидата филологических наук / Воротникова Алина "
	             "Сергеевна ; Дальневосточный федеральный университет. – Владивосток, 2022. – 231 с.");
	cr_assert_eq(lit_record_type(r), LIT_TYPE_THESIS);
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Дальневосточный федеральный университет");
	lit_record_free(r);
	r = parse(p, "Levinson, David, and Melvin M. Ember, eds. Encyclopedia of Cultural Anthropology. 4 vols. New York: "
	             "Henry Holt, 1996.");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER_OF_VOLUMES), "4");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "");
	lit_record_free(r);
	lit_parser_free(p);
}

/* a role bracket closes the names; a title after the last initial; "2 vols."
 * read as an edition */
Test(parse_fields, role_bracket_title_after_initial)
{
	static const char *const s1[] = { "author:Piaget, J.", "date:(1969).", "title:The psychology of the child",
		                          "translator:(H. Weaver, Trans.). Basic Books.", NULL };
	lit_record *r = labelled("Piaget, J. (1969). The psychology of the child (H. Weaver, Trans.). Basic Books.", s1);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_TRANSLATOR), 1);
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Basic Books");
	lit_record_free(r);
	static const char *const s2[] = { "author:Said, Edward W. Orientalism.", "date:1978.", "location:New York:",
		                          "publisher:Vintage Books,", NULL };
	r = labelled("Said, Edward W. Orientalism. 1978. New York: Vintage Books, 1994.", s2);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Orientalism");
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->given, "Edward W.");
	lit_record_free(r);
	static const char *const s3[] = { "author:Weber, Max.", "title:Economy and Society.", "edition:2 vols.",
		                          "location:Berkeley:", "publisher:University of California Press,", "date:1978.", NULL };
	r = labelled("Weber, Max. Economy and Society. 2 vols. Berkeley: University of California Press, 1978.", s3);
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER_OF_VOLUMES), "2");
	cr_assert_str_eq(get(r, LIT_VAR_EDITION), "");
	lit_record_free(r);
}
