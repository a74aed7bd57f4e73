/*
 * test_bibtex.c - the BibTeX/BibLaTeX reader and writers: field and type
 * mapping, @string, crossref, names, dates, languages, provenance;
 * regression tests for the libbibutils defects this reader avoids; bad
 * input (unterminated entries, 10,000 nested braces, a 10 MB line, binary
 * junk); writer conventions and round trips.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "litera.h"
#include "io/bibtex.h"

static lit_records *read_as(const char *text, size_t len, const char *format, int *rc,
                            lit_error *err)
{
	lit_records *list = lit_records_new();
	lit_read_options o = LIT_READ_OPTIONS_INIT;
	o.format = format;
	o.filename = "test.bib";
	lit_error_clear(err);
	*rc = lit_read_buffer(list, text, len, &o, err);
	return list;
}

/* Read text that must parse. */
static lit_records *rd(const char *text)
{
	lit_error err;
	int rc;
	lit_records *list = read_as(text, strlen(text), "bibtex", &rc, &err);
	cr_assert_eq(rc, LIT_OK, "read failed: %s (line %ld)", err.message, err.line);
	return list;
}

static lit_record *only(lit_records *list)
{
	cr_assert_eq(lit_records_count(list), 1);
	return lit_records_at(list, 0);
}

static const char *get(const lit_record *r, lit_var v)
{
	const char *s = lit_record_get(r, v);
	return s ? s : "(null)";
}

static char *write_as(lit_records *list, const char *format)
{
	char *out = NULL;
	size_t len = 0;
	lit_error err;
	lit_write_options wo = LIT_WRITE_OPTIONS_INIT;
	int rc = lit_write_buffer(list, format, &wo, &out, &len, &err);
	cr_assert_eq(rc, LIT_OK, "write %s failed: %s", format, err.message);
	cr_assert_eq(strlen(out), len);
	return out;
}

/* ------------------------------------------------------------------ */

Test(bibtex_read, article_fields)
{
	lit_records *l = rd(
		"@Article{svet2007,\n"
		"  author = {Свет, М. В. and Ivanov, Ivan},\n"
		"  title = {Иноязычные заимствования в {XX} в.},\n"
		"  subtitle = {обзор},\n"
		"  journal = {Вестник Московского университета},\n"
		"  year = {2007}, month = jan,\n"
		"  volume = {3}, number = {1}, pages = {40--58},\n"
		"  issn = {0320-8095}, isbn = {978-5-02-038393-4},\n"
		"  doi = {https://doi.org/10.1000/xyz\\_1},\n"
		"  url = {https://elibrary.ru/item.asp?id=9541154},\n"
		"  urldate = {2024-05-01},\n"
		"  keywords = {заимствования, иврит},\n"
		"  abstract = {An abstract.}, note = {A note},\n"
		"  langid = {russian},\n"
		"}\n");
	lit_record *r = only(l);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_ARTICLE_JOURNAL);
	cr_assert_str_eq(lit_record_id(r), "svet2007");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Иноязычные заимствования в XX в.: обзор");
	cr_assert_str_eq(get(r, LIT_VAR_CONTAINER_TITLE), "Вестник Московского университета");
	cr_assert_str_eq(get(r, LIT_VAR_VOLUME), "3");
	cr_assert_str_eq(get(r, LIT_VAR_ISSUE), "1");
	cr_assert_null(lit_record_get(r, LIT_VAR_NUMBER));
	cr_assert_str_eq(get(r, LIT_VAR_PAGE), "40-58");
	cr_assert_str_eq(get(r, LIT_VAR_ISSN), "0320-8095");
	cr_assert_str_eq(get(r, LIT_VAR_ISBN), "978-5-02-038393-4");
	cr_assert_str_eq(get(r, LIT_VAR_DOI), "10.1000/xyz_1");
	cr_assert_str_eq(get(r, LIT_VAR_URL), "https://elibrary.ru/item.asp?id=9541154");
	cr_assert_str_eq(get(r, LIT_VAR_KEYWORD), "заимствования, иврит");
	cr_assert_str_eq(get(r, LIT_VAR_ABSTRACT), "An abstract.");
	cr_assert_str_eq(get(r, LIT_VAR_NOTE), "A note");
	cr_assert_str_eq(get(r, LIT_VAR_LANGUAGE), "ru");
	const lit_date *d = lit_record_date(r, LIT_VAR_ISSUED);
	cr_assert_not_null(d);
	cr_assert_eq(d->year, 2007);
	cr_assert_eq(d->month, 1);
	d = lit_record_date(r, LIT_VAR_ACCESSED);
	cr_assert_not_null(d);
	cr_assert_eq(d->year, 2024);
	cr_assert_eq(d->month, 5);
	cr_assert_eq(d->day, 1);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	const lit_name *n = lit_record_name(r, LIT_VAR_AUTHOR, 0);
	cr_assert_str_eq(n->family, "Свет");
	cr_assert_str_eq(n->given, "М. В.");
	lit_records_free(l);
}

Test(bibtex_read, other_field_mappings)
{
	lit_records *l = rd(
		"@book{b, author = {A, B}, title = {T}, address = {Москва}, publisher = {Наука},\n"
		"  series = {Библиотека}, edition = {2}, number = {7}, pagetotal = {320},\n"
		"  volumes = {3}, translator = {Петров, П.}, editor = {Сидоров, С.},\n"
		"  howpublished = {\\url{https://x.org/b}}, language = {English}, note = {n}}\n"
		"@phdthesis{t, author = {C, D}, title = {Th}, school = {МГУ}, year = 2010, type = {Дис. канд.}}\n"
		"@techreport{r, author = {E, F}, title = {R}, institution = {IBM}, number = {TR-1}, year = 2001}\n"
		"@inproceedings{p, author = {G, H}, title = {P}, booktitle = {Proc. X}, location = {Berlin},\n"
		"  organization = {ACM}, eventtitle = {X 2020}, venue = {Online}, date = {2020-06}}\n");
	cr_assert_eq(lit_records_count(l), 4);
	lit_record *b = lit_records_at(l, 0);
	cr_assert_str_eq(get(b, LIT_VAR_PUBLISHER_PLACE), "Москва");
	cr_assert_str_eq(get(b, LIT_VAR_PUBLISHER), "Наука");
	cr_assert_str_eq(get(b, LIT_VAR_COLLECTION_TITLE), "Библиотека");
	cr_assert_str_eq(get(b, LIT_VAR_EDITION), "2");
	cr_assert_str_eq(get(b, LIT_VAR_NUMBER), "7", "number of a book is not an issue");
	cr_assert_null(lit_record_get(b, LIT_VAR_ISSUE));
	cr_assert_str_eq(get(b, LIT_VAR_NUMBER_OF_PAGES), "320");
	cr_assert_str_eq(get(b, LIT_VAR_NUMBER_OF_VOLUMES), "3");
	cr_assert_str_eq(get(b, LIT_VAR_URL), "https://x.org/b", "howpublished URL");
	cr_assert_str_eq(get(b, LIT_VAR_LANGUAGE), "en");
	cr_assert_str_eq(lit_record_name(b, LIT_VAR_TRANSLATOR, 0)->family, "Петров");
	cr_assert_str_eq(lit_record_name(b, LIT_VAR_EDITOR, 0)->family, "Сидоров");
	lit_record *t = lit_records_at(l, 1);
	cr_assert_eq(lit_record_type(t), LIT_TYPE_THESIS);
	cr_assert_str_eq(get(t, LIT_VAR_PUBLISHER), "МГУ");
	cr_assert_str_eq(get(t, LIT_VAR_GENRE), "Дис. канд.");
	lit_record *r = lit_records_at(l, 2);
	cr_assert_eq(lit_record_type(r), LIT_TYPE_REPORT);
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "IBM");
	cr_assert_str_eq(get(r, LIT_VAR_NUMBER), "TR-1");
	lit_record *p = lit_records_at(l, 3);
	cr_assert_eq(lit_record_type(p), LIT_TYPE_PAPER_CONFERENCE);
	cr_assert_str_eq(get(p, LIT_VAR_CONTAINER_TITLE), "Proc. X");
	cr_assert_str_eq(get(p, LIT_VAR_PUBLISHER_PLACE), "Berlin");
	cr_assert_str_eq(get(p, LIT_VAR_PUBLISHER), "ACM");
	cr_assert_str_eq(get(p, LIT_VAR_EVENT_TITLE), "X 2020");
	cr_assert_str_eq(get(p, LIT_VAR_EVENT_PLACE), "Online");
	cr_assert_eq(lit_record_date(p, LIT_VAR_ISSUED)->month, 6);
	lit_records_free(l);
}

/* biblatex location is a list; type holds localisation keys */
Test(bibtex_read, location_list_and_type_keys)
{
	lit_records *l = rd(
		"@book{a, title = {A}, location = {Amsterdam and London and {Barnes and Noble}}}\n"
		"@book{b, title = {B}, address = {London and New York}}\n"
		"@thesis{c, title = {C}, type = {phdthesis}, langid = {russian}}\n"
		"@thesis{d, title = {D}, type = {mathesis}}\n"
		"@thesis{e, title = {E}, type = {Diplomarbeit}}\n");
	cr_assert_eq(lit_records_count(l), 5);
	cr_expect_str_eq(get(lit_records_at(l, 0), LIT_VAR_PUBLISHER_PLACE), "Amsterdam; London; Barnes and Noble");
	cr_expect_str_eq(get(lit_records_at(l, 1), LIT_VAR_PUBLISHER_PLACE), "London and New York",
	                 "BibTeX address is a literal");
	cr_expect_str_eq(get(lit_records_at(l, 2), LIT_VAR_GENRE), "дис. … канд. наук");
	cr_expect_str_eq(get(lit_records_at(l, 3), LIT_VAR_GENRE), "Master's thesis");
	cr_expect_str_eq(get(lit_records_at(l, 4), LIT_VAR_GENRE), "Diplomarbeit");
	lit_records_free(l);
}

Test(bibtex_read, entry_types)
{
	static const struct { const char *bib; lit_type type; } cases[] = {
		{ "article", LIT_TYPE_ARTICLE_JOURNAL }, { "book", LIT_TYPE_BOOK },
		{ "inbook", LIT_TYPE_CHAPTER }, { "incollection", LIT_TYPE_CHAPTER },
		{ "inproceedings", LIT_TYPE_PAPER_CONFERENCE }, { "conference", LIT_TYPE_PAPER_CONFERENCE },
		{ "proceedings", LIT_TYPE_BOOK }, { "phdthesis", LIT_TYPE_THESIS },
		{ "mastersthesis", LIT_TYPE_THESIS }, { "thesis", LIT_TYPE_THESIS },
		{ "techreport", LIT_TYPE_REPORT }, { "report", LIT_TYPE_REPORT },
		{ "manual", LIT_TYPE_BOOK }, { "misc", LIT_TYPE_DOCUMENT },
		{ "online", LIT_TYPE_WEBPAGE }, { "electronic", LIT_TYPE_WEBPAGE },
		{ "www", LIT_TYPE_WEBPAGE }, { "patent", LIT_TYPE_PATENT },
		{ "unpublished", LIT_TYPE_MANUSCRIPT }, { "booklet", LIT_TYPE_PAMPHLET },
		{ "collection", LIT_TYPE_BOOK }, { "periodical", LIT_TYPE_PERIODICAL },
		{ "dataset", LIT_TYPE_DATASET }, { "software", LIT_TYPE_SOFTWARE },
		{ "standard", LIT_TYPE_STANDARD }, { "legislation", LIT_TYPE_LEGISLATION },
		{ "law", LIT_TYPE_LEGISLATION }, { "inreference", LIT_TYPE_ENTRY_ENCYCLOPEDIA },
		{ "whatever", LIT_TYPE_DOCUMENT },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[200];
		snprintf(text, sizeof text, "@%s{k, title = {T}}\n", cases[i].bib);
		lit_records *l = rd(text);
		cr_expect_eq(lit_record_type(only(l)), cases[i].type, "@%s -> %s", cases[i].bib,
		             lit_type_name(lit_record_type(only(l))));
		/* the original name comes back from both writers */
		char *bt = write_as(l, "biblatex");
		char want[64];
		snprintf(want, sizeof want, "@%s{k,", cases[i].bib);
		if (strcmp(cases[i].bib, "conference") != 0 && strcmp(cases[i].bib, "techreport") != 0)
			cr_expect(strstr(bt, want) != NULL, "biblatex: %s", bt);
		free(bt);
		lit_records_free(l);
	}
}

/* libbibutils: @online became a computer program (RIS COMP) */
Test(bibtex_regress, online_is_webpage_not_software)
{
	lit_records *l = rd("@online{w, title = {Site}, url = {https://x.org}, urldate = {2024-01-02}}\n"
	                    "@electronic{e, title = {E}}\n@www{x, title = {W}}\n");
	for (size_t i = 0; i < 3; i++) {
		cr_assert_eq(lit_record_type(lit_records_at(l, i)), LIT_TYPE_WEBPAGE);
		cr_assert_neq(lit_record_type(lit_records_at(l, i)), LIT_TYPE_SOFTWARE);
	}
	char *ris = write_as(l, "ris");
	cr_assert(strstr(ris, "COMP") == NULL, "%s", ris);
	free(ris);
	lit_records_free(l);
}

/* libbibutils: "and others" became an author named "others" */
Test(bibtex_regress, and_others_is_etal)
{
	lit_records *l = rd("@article{a, author = {Smith, John and Doe, Jane and others},"
	                    " editor = {Иванов И. И. and {others}}, title = {T}}\n");
	lit_record *r = only(l);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	cr_assert_eq(lit_record_names_etal(r, LIT_VAR_AUTHOR), 1);
	for (size_t i = 0; i < 2; i++) {
		const lit_name *n = lit_record_name(r, LIT_VAR_AUTHOR, i);
		cr_assert(!n->family || strcmp(n->family, "others") != 0);
		cr_assert(!n->literal || strcmp(n->literal, "others") != 0);
	}
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_EDITOR), 1);
	cr_assert_eq(lit_record_names_etal(r, LIT_VAR_EDITOR), 1);
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_EDITOR, 0)->family, "Иванов");
	/* written back unbraced at the end */
	char *bt = write_as(l, "bibtex");
	cr_assert(strstr(bt, "author = {Smith, John and Doe, Jane and others},") != NULL, "%s", bt);
	cr_assert(strstr(bt, "{others}") == NULL);
	free(bt);
	lit_records_free(l);
}

/* libbibutils: @string macros lived in static lists and leaked into the next read */
Test(bibtex_regress, string_macros_do_not_leak_between_reads)
{
	lit_records *a = rd("@string{jr = {Journal of Research}}\n"
	                    "@article{a, title = {A}, journal = jr}\n");
	cr_assert_str_eq(get(only(a), LIT_VAR_CONTAINER_TITLE), "Journal of Research");
	lit_records *b = rd("@article{b, title = {B}, journal = jr}\n");
	cr_assert_str_eq(get(only(b), LIT_VAR_CONTAINER_TITLE), "jr",
	                 "an undefined macro stays its name, not the other file's value");
	lit_records_free(a);
	lit_records_free(b);
}

/* libbibutils: \cyrchar, T2A macros, << >>, \No were left undecoded */
Test(bibtex_regress, cyrillic_latex_escapes_decoded)
{
	lit_records *l = rd("@book{c, author = {\\CYRI\\cyrv\\cyra\\cyrn\\cyro\\cyrv, \\CYRI. \\CYRI.},\n"
	                    " title = {\\cyrchar\\cyrp\\cyrr\\cyri\\-\\cyrm\\cyre\\cyrr{} <<kavychki>> \\No~5 --- \\textit{x}},\n"
	                    " publisher = {\\CYRN\\cyra\\cyru\\cyrk\\cyra}}\n");
	lit_record *r = only(l);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "пример «kavychki» №\u00a05 — x");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Наука");
	const lit_name *n = lit_record_name(r, LIT_VAR_AUTHOR, 0);
	cr_assert_str_eq(n->family, "Иванов");
	cr_assert_str_eq(n->given, "И. И.");
	lit_records_free(l);
}

Test(bibtex_read, strings_concatenation_and_quotes)
{
	lit_records *l = rd(
		"@STRING{ pub = \"Издательство\" }\n"
		"@string(city = {Санкт-Петербург})\n"
		"@comment{ ignored {braces} here }\n"
		"@preamble{ \"\\newcommand{\\x}{}\" }\n"
		"Free text between entries is a comment.\n"
		"@misc(m,\n"
		"  title = \"Quoted {\"}inner{\"} value\" # { and } # pub,\n"
		"  publisher = pub # \", \" # city,\n"
		"  year = 2021, month = \"Mar\",\n"
		")\n");
	lit_record *r = only(l);
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Quoted \"inner\" value and Издательство");
	cr_assert_str_eq(get(r, LIT_VAR_PUBLISHER), "Издательство, Санкт-Петербург");
	cr_assert_eq(lit_record_date(r, LIT_VAR_ISSUED)->month, 3);
	lit_records_free(l);
}

Test(bibtex_read, crossref_inheritance)
{
	lit_records *l = rd(
		"@inproceedings{child, crossref = { Proc }, author = {A, B}, title = {Paper}, pages = {1--2}}\n"
		"@inbook{ch, crossref = {bk}, title = {Chapter}, chapter = {3}}\n"
		"@article{art, crossref = {per}, title = {Art}}\n"
		"@proceedings{proc, title = {Proceedings of X}, subtitle = {Sub}, editor = {E, F},\n"
		"  year = 1999, publisher = {ACM}, address = {NY}, shorttitle = {PX}}\n"
		"@book{bk, author = {Author, Book}, title = {Whole Book}, year = 2000, publisher = {P}}\n"
		"@periodical{per, title = {Journal Y}, year = 2001, issn = {1234-5678}}\n");
	cr_assert_eq(lit_records_count(l), 6);
	lit_record *c = lit_records_at(l, 0);
	cr_assert_str_eq(get(c, LIT_VAR_TITLE), "Paper");
	cr_assert_str_eq(get(c, LIT_VAR_CONTAINER_TITLE), "Proceedings of X: Sub");
	cr_assert_str_eq(get(c, LIT_VAR_PUBLISHER), "ACM");
	cr_assert_str_eq(get(c, LIT_VAR_PUBLISHER_PLACE), "NY");
	cr_assert_null(lit_record_get(c, LIT_VAR_TITLE_SHORT), "shorttitle is not inherited");
	cr_assert_eq(lit_record_date(c, LIT_VAR_ISSUED)->year, 1999);
	cr_assert_str_eq(lit_record_name(c, LIT_VAR_EDITOR, 0)->family, "E");
	lit_record *ch = lit_records_at(l, 1);
	cr_assert_str_eq(get(ch, LIT_VAR_TITLE), "Chapter");
	cr_assert_str_eq(get(ch, LIT_VAR_CONTAINER_TITLE), "Whole Book");
	cr_assert_str_eq(lit_record_name(ch, LIT_VAR_AUTHOR, 0)->family, "Author");
	cr_assert_str_eq(lit_record_name(ch, LIT_VAR_CONTAINER_AUTHOR, 0)->family, "Author");
	lit_record *a = lit_records_at(l, 2);
	cr_assert_str_eq(get(a, LIT_VAR_CONTAINER_TITLE), "Journal Y");
	cr_assert_str_eq(get(a, LIT_VAR_ISSN), "1234-5678");
	cr_assert_str_eq(get(a, LIT_VAR_TITLE), "Art");
	lit_records_free(l);
}

Test(bibtex_read, names)
{
	lit_records *l = rd(
		"@book{n, author = {Ludwig van Beethoven and de la Fontaine, Jean and"
		" Smith, Jr., John and {Acme Corporation} and {\\\"O}zt{\\\"u}rk, Ay\\c{s}e AND"
		" D.~E. Knuth and {Barnes and Noble}}, title = {T}}\n");
	lit_record *r = only(l);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 7);
	const lit_name *n = lit_record_name(r, LIT_VAR_AUTHOR, 0);
	cr_assert_str_eq(n->family, "Beethoven");
	cr_assert_str_eq(n->non_dropping_particle, "van");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 1);
	cr_assert_str_eq(n->family, "Fontaine");
	cr_assert_str_eq(n->non_dropping_particle, "de la");
	cr_assert_str_eq(n->given, "Jean");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 2);
	cr_assert_str_eq(n->suffix, "Jr.");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 3);
	cr_assert_str_eq(n->literal, "Acme Corporation");
	cr_assert_null(n->family);
	n = lit_record_name(r, LIT_VAR_AUTHOR, 4);
	cr_assert_str_eq(n->family, "Öztürk");
	cr_assert_str_eq(n->given, "Ayşe");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 5);
	cr_assert_str_eq(n->family, "Knuth");
	cr_assert_str_eq(n->given, "D. E.");
	n = lit_record_name(r, LIT_VAR_AUTHOR, 6);
	cr_assert_str_eq(n->literal, "Barnes and Noble");
	lit_records_free(l);
}

Test(bibtex_read, dates_and_languages)
{
	lit_records *l = rd(
		"@online{a, title = {A}, date = {2020-05-01/2020-05-03}, langid = {english}}\n"
		"@book{b, title = {B}, year = {n.d.}, language = {Russian}}\n"
		"@book{c, title = {C}, year = {1999--2001}, hyphenation = {ukrainian}}\n"
		"@book{d, title = {D}, year = 2003, month = {10}, day = {7}, langid = {ngerman}}\n"
		"@book{e, title = {E}, year = 2003, language = {ru-RU}}\n"
		"@book{f, title = {F}, year = 2003, language = {klingon}}\n");
	cr_assert_eq(lit_records_count(l), 6);
	const lit_date *d = lit_record_date(lit_records_at(l, 0), LIT_VAR_ISSUED);
	cr_assert_eq(d->year, 2020);
	cr_assert_eq(d->day, 1);
	cr_assert_eq(d->end_day, 3);
	cr_assert_str_eq(get(lit_records_at(l, 0), LIT_VAR_LANGUAGE), "en");
	d = lit_record_date(lit_records_at(l, 1), LIT_VAR_ISSUED);
	cr_assert_eq(d->year, 0);
	cr_assert_str_eq(d->literal, "n.d.");
	cr_assert_str_eq(get(lit_records_at(l, 1), LIT_VAR_LANGUAGE), "ru");
	d = lit_record_date(lit_records_at(l, 2), LIT_VAR_ISSUED);
	cr_assert_eq(d->year, 1999);
	cr_assert_eq(d->end_year, 2001);
	cr_assert_str_eq(get(lit_records_at(l, 2), LIT_VAR_LANGUAGE), "uk");
	d = lit_record_date(lit_records_at(l, 3), LIT_VAR_ISSUED);
	cr_assert_eq(d->month, 10);
	cr_assert_eq(d->day, 7);
	cr_assert_str_eq(get(lit_records_at(l, 3), LIT_VAR_LANGUAGE), "de");
	cr_assert_str_eq(get(lit_records_at(l, 4), LIT_VAR_LANGUAGE), "ru");
	cr_assert_str_eq(get(lit_records_at(l, 5), LIT_VAR_LANGUAGE), "klingon");
	lit_records_free(l);
}

Test(bibtex_read, provenance_and_unmapped_fields)
{
	lit_records *l = rd("% header\n\n@article{first, title = {A}}\n\n\n"
	                    "  @book{second,\n title = {B},\n owner = {me},\n"
	                    " eprint = {2101.00001}, archivePrefix = {arXiv}, primaryClass = {cs.CL}}\n");
	cr_assert_eq(lit_records_count(l), 2);
	lit_record *a = lit_records_at(l, 0), *b = lit_records_at(l, 1);
	cr_assert_str_eq(lit_record_source(a), "test.bib");
	cr_assert_eq(lit_record_line(a), 3);
	cr_assert_eq(lit_record_line(b), 6);
	cr_assert_eq(lit_record_where(b), LIT_WHERE_BIBFILE);
	cr_assert_str_eq(lit_record_custom(b, "bibtex-owner", NULL), "me");
	cr_assert_str_eq(lit_record_custom(b, "bibtex-eprint", NULL), "2101.00001");
	cr_assert_str_eq(lit_record_custom(b, "bibtex-eprinttype", NULL), "arXiv");
	cr_assert_str_eq(lit_record_custom(b, "bibtex-eprintclass", NULL), "cs.CL");
	char *bt = write_as(l, "bibtex");
	cr_assert(strstr(bt, "  archiveprefix = {arXiv},\n") != NULL, "%s", bt);
	cr_assert(strstr(bt, "  primaryclass = {cs.CL},\n") != NULL, "%s", bt);
	cr_assert(strstr(bt, "  owner = {me},\n") != NULL, "%s", bt);
	free(bt);
	char *bl = write_as(l, "biblatex");
	cr_assert(strstr(bl, "  eprint = {2101.00001},\n  eprinttype = {arXiv},\n  eprintclass = {cs.CL},\n"),
	          "%s", bl);
	free(bl);
	lit_records_free(l);
}

/* ------------------------------------------------------------------ */
/* bad input                                                           */

static void expect_error(const char *text, size_t len, long line, const char *needle)
{
	lit_error err;
	int rc;
	lit_records *l = read_as(text, len, "bibtex", &rc, &err);
	cr_assert_eq(rc, LIT_EPARSE, "rc %d for input starting %.40s", rc, text);
	cr_assert_str_eq(err.file, "test.bib");
	if (line)
		cr_assert_eq(err.line, line, "line %ld: %s", err.line, err.message);
	if (needle)
		cr_assert(strstr(err.message, needle) != NULL, "message: %s", err.message);
	cr_assert(strlen(err.message) > 0 && !strchr(err.message, '\n'));
	lit_records_free(l);
}

Test(bibtex_bad, unterminated_entries)
{
	const char *t1 = "@article{ok, title = {A}}\n\n@article{bad,\n title = {Unclosed,\n author = {X}\n";
	expect_error(t1, strlen(t1), 3, "unterminated");
	/* records read before the error stay */
	lit_error err;
	int rc;
	lit_records *l = read_as(t1, strlen(t1), "bibtex", &rc, &err);
	cr_assert_eq(lit_records_count(l), 1);
	cr_assert_str_eq(lit_record_id(lit_records_at(l, 0)), "ok");
	lit_records_free(l);
	const char *t2 = "@book{a, title = {T}\n@book{b, title = {U}}\n";
	expect_error(t2, strlen(t2), 1, "unterminated");
	const char *t3 = "@book{a, title = \"open\n";
	expect_error(t3, strlen(t3), 1, "unterminated");
	const char *t4 = "\n@article";
	expect_error(t4, strlen(t4), 2, "expected '{'");
	const char *t5 = "@book{a,\n title = {T}\n year = 2000}\n";
	expect_error(t5, strlen(t5), 3, "expected ','");
	const char *t6 = "@book{a, title}\n";
	expect_error(t6, strlen(t6), 1, "expected '='");
}

Test(bibtex_bad, ten_thousand_nested_braces)
{
	size_t n = 10000;
	char *text = malloc(2 * n + 64);
	size_t len = (size_t)sprintf(text, "@misc{deep, title = ");
	memset(text + len, '{', n);
	len += n;
	text[len++] = 'x';
	/* unbalanced: a clear error */
	expect_error(text, len, 1, "unbalanced braces");
	/* balanced: fine */
	memset(text + len, '}', n);
	len += n;
	len += (size_t)sprintf(text + len, "}\n");
	lit_error err;
	int rc;
	lit_records *l = read_as(text, len, "bibtex", &rc, &err);
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	cr_assert_str_eq(get(only(l), LIT_VAR_TITLE), "x");
	lit_records_free(l);
	free(text);
}

Test(bibtex_bad, ten_megabyte_line_is_fast)
{
	size_t n = 10u << 20;
	char *text = malloc(n + 200);
	size_t len = (size_t)sprintf(text, "@article{big, author = {A, B}, title = {");
	const char *unit = "Слово \\'e word ";
	size_t ul = strlen(unit);
	while (len < n) {
		memcpy(text + len, unit, ul);
		len += ul;
	}
	len += (size_t)sprintf(text + len, "}, year = 2020}");
	clock_t t0 = clock();
	lit_error err;
	int rc;
	lit_records *l = read_as(text, len, "bibtex", &rc, &err);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	cr_expect(secs < 5.0, "10 MB line took %.2f s", secs);
	const char *title = get(only(l), LIT_VAR_TITLE);
	cr_assert(strncmp(title, "Слово é word Слово", strlen("Слово é word Слово")) == 0);
	cr_assert_eq(lit_record_date(only(l), LIT_VAR_ISSUED)->year, 2020);
	lit_records_free(l);
	free(text);
}

Test(bibtex_bad, binary_junk_and_plain_text)
{
	unsigned char junk[4096];
	unsigned v = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		v = v * 1103515245u + 12345u;
		junk[i] = (unsigned char)(v >> 16);
	}
	junk[0] = '@';
	lit_error err;
	int rc;
	/* through the public API: rejected (encoding or syntax), never a crash */
	lit_records *l = read_as((const char *)junk, sizeof junk, "bibtex", &rc, &err);
	cr_assert_neq(rc, LIT_OK);
	cr_assert(strlen(err.message) > 0);
	lit_records_free(l);
	/* the reader itself on raw bytes, including NUL */
	l = lit_records_new();
	rc = lit_bibtex_read(l, (const char *)junk, sizeof junk, "junk.bib", &err);
	cr_assert_eq(rc, LIT_EPARSE);
	lit_records_free(l);
	const char bad8[] = "@book{a, title = {ok}}\n@book{b, title = {\xC3(}}\n";
	l = lit_records_new();
	rc = lit_bibtex_read(l, bad8, sizeof bad8 - 1, "bad.bib", &err);
	cr_assert_eq(rc, LIT_EPARSE);
	cr_assert_eq(err.line, 2);
	cr_assert(strstr(err.message, "invalid UTF-8") != NULL, "%s", err.message);
	cr_assert_eq(lit_records_count(l), 0, "nothing invalid reaches the records");
	lit_records_free(l);
	const char *txt = "This is just some text, not a bibliography.\n";
	expect_error(txt, strlen(txt), 1, "no BibTeX entries");
	/* comments only, and empty input, are fine */
	l = rd("% nothing here\n%\n");
	cr_assert_eq(lit_records_count(l), 0);
	lit_records_free(l);
	l = rd("");
	cr_assert_eq(lit_records_count(l), 0);
	lit_records_free(l);
	/* truncated prefixes of a valid entry never crash */
	const char *good = "@article{k, author = {\\\"O, A and others}, title = {$x$ {\\ss}}, year = 2000}";
	for (size_t i = 0; i < strlen(good); i++) {
		l = lit_records_new();
		(void)lit_bibtex_read(l, good, i, "t.bib", &err);
		lit_records_free(l);
	}
}

/* ------------------------------------------------------------------ */
/* writers                                                             */

static const char *sample =
	"@article{svet2007,\n"
	"  author = {Свет, М. В. and {Редакция журнала} and others},\n"
	"  title = {Заимствования в {XX} в.: обзор \\& анализ, 50\\%},\n"
	"  journaltitle = {Вестник МГУ},\n"
	"  date = {2007-01-15}, number = {1}, pages = {40--58},\n"
	"  location = {Москва}, urldate = {2024-05-01},\n"
	"  url = {https://x.org/a_b?c=1&d=2}, doi = {10.1/ABC}, langid = {russian},\n"
	"}\n"
	"@phdthesis{th, author = {Петров, Пётр}, title = {Диссертация}, school = {МГУ}, year = 2010,\n"
	"  address = {М.}}\n"
	"@online{web, author = {{W3C}}, title = {HTML}, url = {https://w3.org}, urldate = {2023-02-03},\n"
	"  year = 2020, eprint = {x}, eprinttype = {arxiv}}\n";

/* Every field name in each entry appears once. */
static void check_no_duplicate_fields(const char *out)
{
	const char *p = out;
	while ((p = strchr(p, '@')) != NULL) {
		const char *end = strstr(p, "\n}\n");
		cr_assert_not_null(end);
		char names[64][32];
		size_t n = 0;
		for (const char *line = strchr(p, '\n') + 1; line < end; line = strchr(line, '\n') + 1) {
			cr_assert(line[0] == ' ' && line[1] == ' ', "two-space indent: %.30s", line);
			const char *eq = strstr(line, " = ");
			cr_assert_not_null(eq);
			size_t len = (size_t)(eq - line - 2);
			cr_assert(len < 32);
			for (size_t k = 0; k < n; k++)
				cr_assert(strncmp(names[k], line + 2, len) != 0 || names[k][len] != 0,
				          "duplicate field %.*s", (int)len, line + 2);
			memcpy(names[n], line + 2, len);
			names[n][len] = 0;
			n++;
		}
		p = end;
	}
}

Test(bibtex_write, classic_conventions)
{
	lit_records *l = rd(sample);
	char *out = write_as(l, "bibtex");
	cr_assert(strncmp(out, "@article{svet2007,\n", 19) == 0, "%s", out);
	cr_assert(strstr(out, "  author = {Свет, М. В. and {Редакция журнала} and others},\n"), "%s", out);
	cr_assert(strstr(out, "  title = {Заимствования в {XX} в.: обзор \\& анализ, 50\\%},\n"), "%s", out);
	cr_assert(strstr(out, "  journal = {Вестник МГУ},\n"), "%s", out);
	cr_assert(strstr(out, "  pages = {40--58},\n"), "%s", out);
	cr_assert(strstr(out, "  address = {Москва},\n"), "%s", out);
	cr_assert(strstr(out, "  year = {2007},\n  month = jan,\n"), "%s", out);
	cr_assert(strstr(out, "  urldate = {2024-05-01},\n"), "%s", out);
	cr_assert(strstr(out, "  language = {russian},\n"), "%s", out);
	cr_assert(strstr(out, "  url = {https://x.org/a_b?c=1&d=2},\n"), "url is verbatim: %s", out);
	cr_assert(strstr(out, "@phdthesis{th,\n"), "%s", out);
	cr_assert(strstr(out, "  school = {МГУ},\n"), "%s", out);
	cr_assert(strstr(out, "@online{web,\n"), "%s", out);
	cr_assert(strstr(out, "  author = {{W3C}},\n"), "%s", out);
	cr_assert(strncmp(out, "\xEF\xBB\xBF", 3) != 0, "no BOM");
	cr_assert(strstr(out, "journaltitle") == NULL && strstr(out, "langid") == NULL);
	check_no_duplicate_fields(out);
	free(out);
	lit_records_free(l);
}

Test(bibtex_write, biblatex_conventions)
{
	lit_records *l = rd(sample);
	char *out = write_as(l, "biblatex");
	cr_assert(strstr(out, "  journaltitle = {Вестник МГУ},\n"), "%s", out);
	cr_assert(strstr(out, "  location = {Москва},\n"), "%s", out);
	cr_assert(strstr(out, "  date = {2007-01-15},\n"), "%s", out);
	cr_assert(strstr(out, "  urldate = {2024-05-01},\n"), "%s", out);
	cr_assert(strstr(out, "  langid = {russian},\n"), "%s", out);
	cr_assert(strstr(out, "  institution = {МГУ},\n"), "%s", out);
	cr_assert(strstr(out, "  eprint = {x},\n  eprinttype = {arxiv},\n"), "%s", out);
	cr_assert(strstr(out, "@phdthesis{th,\n"), "original type kept: %s", out);
	cr_assert(strstr(out, "  year = ") == NULL && strstr(out, "address") == NULL, "%s", out);
	check_no_duplicate_fields(out);
	free(out);
	lit_records_free(l);
}

Test(bibtex_write, stable_output_and_generated_keys)
{
	lit_records *l = rd("@book{, author = {Иванов, И. И.}, title = {О сближении России}, year = 2020}\n"
	                    "@book{, author = {Иванов, И. И.}, title = {О сближении России}, year = 2020}\n"
	                    "@book{dup, title = {X}}\n@book{dup, title = {Y}}\n");
	char *a = write_as(l, "bibtex");
	char *b = write_as(l, "bibtex");
	cr_assert_str_eq(a, b, "the same records give the same text");
	cr_assert(strstr(a, "@book{ivanov2020sblizhenii,\n"), "%s", a);
	cr_assert(strstr(a, "@book{ivanov2020sblizheniia,\n"), "%s", a);
	cr_assert(strstr(a, "@book{dup,\n"), "%s", a);
	/* the second "dup" is not kept: keys are unique */
	const char *first = strstr(a, "@book{dup,");
	cr_assert_null(strstr(first + 1, "@book{dup,"));
	free(a);
	free(b);
	lit_records_free(l);
}

/* Compare every mapped variable of two records (RIS has no "et al."
 * marker, so that flag is only compared when check_etal). */
static void assert_same_record(const lit_record *x, const lit_record *y, const char *how,
                               int check_etal)
{
	cr_assert_eq(lit_record_type(x), lit_record_type(y), "%s: type %s vs %s", how,
	             lit_type_name(lit_record_type(x)), lit_type_name(lit_record_type(y)));
	for (int v = 0; v < LIT_VAR__COUNT; v++) {
		lit_var var = (lit_var)v;
		switch (lit_var_kind_of(var)) {
		case LIT_KIND_TEXT:
		case LIT_KIND_NUMBER: {
			const char *a = lit_record_get(x, var), *b = lit_record_get(y, var);
			cr_assert_str_eq(a ? a : "", b ? b : "", "%s: %s", how, lit_var_name(var));
			break;
		}
		case LIT_KIND_NAME: {
			size_t n = lit_record_name_count(x, var);
			cr_assert_eq(n, lit_record_name_count(y, var), "%s: %s count", how, lit_var_name(var));
			if (check_etal)
				cr_assert_eq(lit_record_names_etal(x, var), lit_record_names_etal(y, var),
				             "%s: %s et al.", how, lit_var_name(var));
			for (size_t i = 0; i < n; i++) {
				const lit_name *a = lit_record_name(x, var, i), *b = lit_record_name(y, var, i);
#define SAME(f) cr_assert_str_eq(a->f ? a->f : "", b->f ? b->f : "", "%s: %s[%zu]." #f, how, lit_var_name(var), i)
				/* the particle may travel inside the family name (RIS) */
				char fa[256], fb[256];
				snprintf(fa, sizeof fa, "%s%s%s", a->non_dropping_particle ? a->non_dropping_particle : "",
				         a->non_dropping_particle ? " " : "", a->family ? a->family : "");
				snprintf(fb, sizeof fb, "%s%s%s", b->non_dropping_particle ? b->non_dropping_particle : "",
				         b->non_dropping_particle ? " " : "", b->family ? b->family : "");
				cr_assert_str_eq(fa, fb, "%s: %s[%zu] family", how, lit_var_name(var), i);
				SAME(given);
				SAME(literal);
				SAME(suffix);
#undef SAME
			}
			break;
		}
		case LIT_KIND_DATE: {
			const lit_date *a = lit_record_date(x, var), *b = lit_record_date(y, var);
			cr_assert_eq(a == NULL, b == NULL, "%s: %s presence", how, lit_var_name(var));
			if (a) {
				cr_assert_eq(a->year, b->year, "%s: %s year", how, lit_var_name(var));
				cr_assert_eq(a->month, b->month, "%s: %s month", how, lit_var_name(var));
				cr_assert_eq(a->day, b->day, "%s: %s day", how, lit_var_name(var));
				cr_assert_eq(a->end_year, b->end_year, "%s: %s end", how, lit_var_name(var));
			}
			break;
		}
		}
	}
}

static const char *rich =
	"@article{a1, author = {Забровская, Л. В. and Smith, John and others},\n"
	"  title = {Сближение России и КНДР: итоги}, journal = {Вестник ДВО РАН},\n"
	"  year = 2025, month = mar, volume = {49}, number = {2}, pages = {75--85},\n"
	"  doi = {10.1234/abc}, issn = {1234-5678}, langid = {russian},\n"
	"  url = {https://x.org/?a=1&b=2}, urldate = {2025-04-01},\n"
	"  keywords = {КНДР, Россия}, abstract = {Кратко: $E=mc^2$ \\& 100\\%.}}\n"
	"@book{b1, author = {{ООО <<Рога и копыта>>}}, title = {Книга \\No 5 --- часть 1},\n"
	"  publisher = {Наука}, address = {М.}, year = 2019, edition = {2}, isbn = {978-5-02-038393-4},\n"
	"  series = {Серия}, pagetotal = {320}, editor = {van Dyke, Jr, Dick}}\n"
	"@incollection{c1, author = {Café, Zoë}, title = {On \\emph{Things}}, booktitle = {Collected},\n"
	"  editor = {Ed, Itor}, pages = {5--9}, publisher = {P}, address = {Berlin}, year = 2001}\n"
	"@inproceedings{p1, author = {Doe, Jane}, title = {Paper}, booktitle = {Proc. of X},\n"
	"  year = 2020, pages = {1--10}, publisher = {ACM}}\n"
	"@phdthesis{t1, author = {Петров, П. П.}, title = {Диссертация}, school = {МГУ}, year = 2010}\n"
	"@techreport{r1, author = {{IBM}}, title = {Report}, institution = {IBM Research}, number = {RC-1}, year = 1999}\n"
	"@online{w1, author = {{W3C}}, title = {HTML 5}, url = {https://w3.org/TR/html5/}, urldate = {2023-02-03}, year = 2014}\n"
	"@misc{m1, title = {Misc item}, howpublished = {Handout}, year = 2000, note = {Примечание}}\n";

static void roundtrip(const char *via)
{
	lit_records *orig = rd(rich);
	char *mid = write_as(orig, via);
	lit_error err;
	int rc;
	lit_records *back1 = read_as(mid, strlen(mid), via, &rc, &err);
	cr_assert_eq(rc, LIT_OK, "%s: %s line %ld\n%s", via, err.message, err.line, mid);
	char *bib = write_as(back1, "bibtex");
	lit_records *back = read_as(bib, strlen(bib), "bibtex", &rc, &err);
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	cr_assert_eq(lit_records_count(back), lit_records_count(orig));
	for (size_t i = 0; i < lit_records_count(orig); i++) {
		char how[64];
		snprintf(how, sizeof how, "via %s, record %zu", via, i);
		assert_same_record(lit_records_at(orig, i), lit_records_at(back, i), how,
		                   strcmp(via, "ris") != 0);
	}
	free(mid);
	free(bib);
	lit_records_free(orig);
	lit_records_free(back1);
	lit_records_free(back);
}

Test(bibtex_roundtrip, via_bibtex) { roundtrip("bibtex"); }
Test(bibtex_roundtrip, via_biblatex) { roundtrip("biblatex"); }
Test(bibtex_roundtrip, via_csljson) { roundtrip("csljson"); }
Test(bibtex_roundtrip, via_ris) { roundtrip("ris"); }

Test(bibtex_detect, detects_bibtex)
{
	const char *t = "\n  % a comment\n@Article{k, title = {T}}\n";
	cr_assert_str_eq(lit_detect_format(t, strlen(t)), "bibtex");
	cr_assert_eq(lit_bibtex_detect("TY  - JOUR\n", 11), 0);
	cr_assert_gt(lit_bibtex_detect("\xEF\xBB\xBF@book{k, title = {T}}", 30), 90);
	cr_assert_gt(lit_bibtex_detect("@customtype{k, title = {T}}", 27), 50);
	cr_assert_eq(lit_bibtex_detect("mail me@host.org", 16), 0);
}

Test(bibtex_read, lenient_umlaut_in_quotes_and_case)
{
	lit_records *l = rd("@BOOK{Key1, TITLE = \"G\\\"odel and \\\\\", AUTHOR = \"Sch{\\\"o}n, A.\"}\n");
	lit_record *r = only(l);
	cr_assert_str_eq(lit_record_id(r), "Key1");
	cr_assert_str_eq(get(r, LIT_VAR_TITLE), "Gödel and");
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->family, "Schön");
	lit_records_free(l);
}

/* Records built in code (as from CSL-JSON or the parser), with values that
 * need care in BibTeX, survive BibTeX and BibLaTeX output. */
Test(bibtex_write, hostile_values_round_trip)
{
	lit_records *l = lit_records_new();
	lit_record *r = lit_record_new();
	lit_record_set_type(r, LIT_TYPE_CHAPTER);
	lit_record_set_id(r, "bad id, with spaces");
	lit_record_set(r, LIT_VAR_TITLE, "Braces {x} } and \\ backslash, 100% & #1 _x_ ~ ^ $5");
	lit_record_set(r, LIT_VAR_CONTAINER_TITLE, "Sets {A | B}: «ёлки» -- and <<this>>");
	lit_record_set(r, LIT_VAR_PAGE, "12-19");
	lit_record_set(r, LIT_VAR_URL, "https://x.org/a b{c");
	lit_record_set(r, LIT_VAR_LANGUAGE, "en-US");
	lit_name a = { .family = "de la Cruz", .given = "Juan" };
	lit_name b = { .literal = "Barnes and Noble, Inc." };
	lit_name c = { .given = "Madonna" };
	lit_name d = { .family = "Beethoven", .given = "Ludwig", .non_dropping_particle = "van" };
	lit_name e = { .family = "Smith, Jones", .given = "A and B" };
	lit_name f = { .family = "ibn Sina", .given = "Abu Ali" };
	lit_record_add_name(r, LIT_VAR_AUTHOR, &a);
	lit_record_add_name(r, LIT_VAR_AUTHOR, &b);
	lit_record_add_name(r, LIT_VAR_AUTHOR, &c);
	lit_record_add_name(r, LIT_VAR_AUTHOR, &d);
	lit_record_add_name(r, LIT_VAR_AUTHOR, &e);
	lit_record_add_name(r, LIT_VAR_AUTHOR, &f);
	lit_record_set_names_etal(r, LIT_VAR_AUTHOR, 1);
	lit_date dt = { .year = 2001, .month = 2, .day = 3, .end_year = 2001, .end_month = 2, .end_day = 5 };
	lit_record_set_date(r, LIT_VAR_ISSUED, &dt);
	lit_records_push(l, r);
	for (int dialect = 0; dialect < 2; dialect++) {
		const char *fmt = dialect ? "biblatex" : "bibtex";
		char *out = write_as(l, fmt);
		cr_assert(strstr(out, "bad id") == NULL, "invalid id not used as key: %s", out);
		cr_assert(strstr(out, "  pages = {12--19},\n"), "%s", out);
		cr_assert(strstr(out, dialect ? "  langid = {american},\n" : "  language = {american},\n"), "%s", out);
		check_no_duplicate_fields(out);
		lit_error err;
		int rc;
		lit_records *back = read_as(out, strlen(out), fmt, &rc, &err);
		cr_assert_eq(rc, LIT_OK, "%s: %s\n%s", fmt, err.message, out);
		lit_record *x = only(back);
		cr_assert_str_eq(get(x, LIT_VAR_TITLE), get(r, LIT_VAR_TITLE), "%s", out);
		cr_assert_str_eq(get(x, LIT_VAR_CONTAINER_TITLE), get(r, LIT_VAR_CONTAINER_TITLE));
		cr_assert_str_eq(get(x, LIT_VAR_PAGE), "12-19");
		cr_assert_str_eq(get(x, LIT_VAR_URL), "https://x.org/ab%7Bc");
		cr_assert_str_eq(get(x, LIT_VAR_LANGUAGE), "en");
		cr_assert_eq(lit_record_name_count(x, LIT_VAR_AUTHOR), 6, "%s", out);
		cr_assert_str_eq(lit_record_name(x, LIT_VAR_AUTHOR, 5)->family, "ibn Sina", "%s", out);
		cr_assert_eq(lit_record_names_etal(x, LIT_VAR_AUTHOR), 1);
		/* particles written into the family name come back as particles */
		cr_assert_str_eq(lit_record_name(x, LIT_VAR_AUTHOR, 0)->family, "Cruz");
		cr_assert_str_eq(lit_record_name(x, LIT_VAR_AUTHOR, 0)->non_dropping_particle, "de la");
		cr_assert_str_eq(lit_record_name(x, LIT_VAR_AUTHOR, 1)->literal, "Barnes and Noble, Inc.");
		cr_assert_str_eq(lit_record_name(x, LIT_VAR_AUTHOR, 2)->literal, "Madonna");
		cr_assert_str_eq(lit_record_name(x, LIT_VAR_AUTHOR, 3)->non_dropping_particle, "van");
		cr_assert_str_eq(lit_record_name(x, LIT_VAR_AUTHOR, 4)->family, "Smith, Jones");
		cr_assert_str_eq(lit_record_name(x, LIT_VAR_AUTHOR, 4)->given, "A and B");
		const lit_date *xd = lit_record_date(x, LIT_VAR_ISSUED);
		cr_assert_eq(xd->day, 3);
		cr_assert_eq(xd->end_day, 5);
		lit_records_free(back);
		free(out);
	}
	lit_records_free(l);
}

Test(bibtex_bad, string_expansion_bomb_is_bounded)
{
	lit_buf b = LIT_BUF_INIT;
	lit_buf_puts(&b, "@string{m0 = \"0123456789abcdef\"}\n");
	for (int i = 1; i <= 40; i++)
		lit_buf_printf(&b, "@string{m%d = m%d # m%d}\n", i, i - 1, i - 1);
	lit_buf_puts(&b, "@misc{x, title = m40}\n");
	lit_error err;
	int rc;
	lit_records *l = read_as(b.ptr, b.len, "bibtex", &rc, &err);
	cr_assert_eq(rc, LIT_ELIMIT, "rc %d: %s", rc, err.message);
	cr_assert(strstr(err.message, "@string expansion too large") != NULL, "%s", err.message);
	cr_assert_gt(err.line, 1);
	lit_records_free(l);
	lit_buf_free(&b);
}

Test(bibtex_read, month_forms)
{
	lit_records *l = rd("@misc{a, title = {A}, year = 2020, month = jan # {~15}}\n"
	                    "@misc{b, title = {B}, year = 2021, month = {15 мая}}\n"
	                    "@misc{c, title = {C}, year = 2022, month = {Spring}}\n"
	                    "@misc{d, title = {D}, year = 2023, month = {авг.}}\n");
	const lit_date *d = lit_record_date(lit_records_at(l, 0), LIT_VAR_ISSUED);
	cr_assert_eq(d->month, 1);
	cr_assert_eq(d->day, 15);
	d = lit_record_date(lit_records_at(l, 1), LIT_VAR_ISSUED);
	cr_assert_eq(d->year, 2021);
	cr_assert_eq(d->month, 5);
	cr_assert_eq(d->day, 15);
	d = lit_record_date(lit_records_at(l, 2), LIT_VAR_ISSUED);
	cr_assert_eq(d->season, LIT_SEASON_SPRING);
	d = lit_record_date(lit_records_at(l, 3), LIT_VAR_ISSUED);
	cr_assert_eq(d->month, 8);
	for (size_t i = 0; i < 4; i++)
		cr_assert_null(lit_record_custom(lit_records_at(l, i), "bibtex-month", NULL));
	lit_records_free(l);
}

Test(bibtex_write, seasons_and_circa_survive)
{
	lit_records *l = rd("@misc{c, title = {C}, year = 2022, month = {Spring}}\n"
	                    "@misc{d, title = {D}, date = {1850~}}\n");
	cr_assert(lit_record_date(lit_records_at(l, 1), LIT_VAR_ISSUED)->circa);
	for (int dialect = 0; dialect < 2; dialect++) {
		const char *fmt = dialect ? "biblatex" : "bibtex";
		char *out = write_as(l, fmt);
		lit_error err;
		int rc;
		lit_records *back = read_as(out, strlen(out), fmt, &rc, &err);
		cr_assert_eq(rc, LIT_OK, "%s", err.message);
		const lit_date *d = lit_record_date(lit_records_at(back, 0), LIT_VAR_ISSUED);
		cr_assert_eq(d->year, 2022, "%s", out);
		cr_assert_eq(d->season, LIT_SEASON_SPRING, "%s", out);
		d = lit_record_date(lit_records_at(back, 1), LIT_VAR_ISSUED);
		cr_assert_eq(d->year, 1850, "%s", out);
		cr_assert(d->circa, "%s", out);
		lit_records_free(back);
		free(out);
	}
	lit_records_free(l);
}

Test(bibtex_bad, too_many_fields_is_a_clear_limit)
{
	lit_buf b = LIT_BUF_INIT;
	lit_buf_puts(&b, "@misc{ok, title = {fine}}\n@misc{m");
	for (int i = 0; i < 200000; i++)
		lit_buf_printf(&b, ", f%d = {x}", i);
	lit_buf_puts(&b, "}\n");
	clock_t t0 = clock();
	lit_error err;
	int rc;
	lit_records *l = read_as(b.ptr, b.len, "bibtex", &rc, &err);
	cr_assert_eq(rc, LIT_ELIMIT, "%s", err.message);
	cr_assert(strstr(err.message, "more than") != NULL, "%s", err.message);
	cr_assert_eq(lit_records_count(l), 1);
	cr_expect((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	lit_records_free(l);
	lit_buf_free(&b);
}

Test(bibtex_bad, huge_name_list_is_a_clear_limit)
{
	lit_buf b = LIT_BUF_INIT;
	lit_buf_puts(&b, "@misc{m, title = {T},\n author = {A, B");
	for (int i = 0; i < 100000; i++)
		lit_buf_printf(&b, " and Фамилия%d, И.", i);
	lit_buf_puts(&b, "}}\n");
	clock_t t0 = clock();
	lit_error err;
	int rc;
	lit_records *l = read_as(b.ptr, b.len, "bibtex", &rc, &err);
	cr_assert_eq(rc, LIT_ELIMIT, "%s", err.message);
	cr_assert(strstr(err.message, "names in field 'author'") != NULL, "%s", err.message);
	cr_assert_eq(err.line, 1);
	cr_expect((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	lit_records_free(l);
	lit_buf_free(&b);
}
