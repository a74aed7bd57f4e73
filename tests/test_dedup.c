/*
 * test_dedup.c - lit_dedup() on real-looking records: every rule that
 * merges (DOI, ISBN, URL, scored title/author/year, transliteration,
 * typos, subtitles, abbreviations, reordered authors) and every case that
 * must stay apart (editions, volumes, chapters of one book, a chapter and
 * its book, a translation, different works by one author), plus the merge
 * itself: no field lost, provenance kept.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "litera.h"
#include "litera/dedup.h"

/* A record from "key=value" pairs; "author" takes "Family, Given". */
static lit_record *mk(const char *id, lit_type type, ...)
{
	va_list ap;
	const char *kv;
	lit_record *r = lit_record_new();
	cr_assert_not_null(r);
	if (id)
		lit_record_set_id(r, id);
	lit_record_set_type(r, type);
	va_start(ap, type);
	while ((kv = va_arg(ap, const char *)) != NULL) {
		const char *eq = strchr(kv, '=');
		char key[64];
		size_t kl;
		cr_assert_not_null(eq, "bad pair %s", kv);
		kl = (size_t)(eq - kv);
		memcpy(key, kv, kl);
		key[kl] = '\0';
		if (strcmp(key, "author") == 0 || strcmp(key, "editor") == 0 ||
		    strcmp(key, "translator") == 0) {
			char fam[128];
			const char *comma = strchr(eq + 1, ',');
			lit_name n = { 0 };
			if (comma) {
				size_t fl = (size_t)(comma - eq - 1);
				memcpy(fam, eq + 1, fl);
				fam[fl] = '\0';
				n.family = fam;
				n.given = comma[1] == ' ' ? comma + 2 : comma + 1;
			} else {
				n.literal = eq + 1;
			}
			cr_assert_eq(lit_record_add_name(r, (lit_var)lit_var_from_name(key), &n), LIT_OK);
		} else if (strcmp(key, "year") == 0) {
			lit_date d = { 0 };
			d.year = atoi(eq + 1);
			lit_record_set_date(r, LIT_VAR_ISSUED, &d);
		} else if (strcmp(key, "label") == 0) {
			lit_record_set_custom(r, "label", eq + 1, 0);
		} else if (strcmp(key, "source") == 0) {
			lit_record_set_source(r, eq + 1, 7);
		} else {
			int v = lit_var_from_name(key);
			cr_assert(v >= 0, "unknown variable %s", key);
			cr_assert_eq(lit_record_set(r, (lit_var)v, eq + 1), LIT_OK);
		}
	}
	va_end(ap);
	return r;
}

static lit_records *list_of(lit_record *first, ...)
{
	va_list ap;
	lit_record *r;
	lit_records *l = lit_records_new();
	cr_assert_not_null(l);
	lit_records_push(l, first);
	va_start(ap, first);
	while ((r = va_arg(ap, lit_record *)) != NULL)
		lit_records_push(l, r);
	va_end(ap);
	return l;
}

/* Run dedup; return the number of records left. */
static size_t run(lit_records *l, lit_dedup_report **rep)
{
	lit_dedup_options o = LIT_DEDUP_OPTIONS_INIT;
	lit_error err = { 0 };
	int rc = lit_dedup(l, &o, rep, &err);
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	return lit_records_count(l);
}

static void expect_merged(lit_records *l, const char *what)
{
	lit_dedup_report *rep = NULL;
	size_t n = run(l, &rep);
	cr_expect_eq(n, 1, "%s: %zu records left", what, n);
	cr_expect_eq(lit_dedup_report_cluster_count(rep), 1, "%s", what);
	lit_dedup_report_free(rep);
	lit_records_free(l);
}

static void expect_apart(lit_records *l, const char *what)
{
	size_t before = lit_records_count(l);
	size_t n = run(l, NULL);
	cr_expect_eq(n, before, "%s: merged into %zu", what, n);
	lit_records_free(l);
}

/* ---- merging rules ---------------------------------------------------- */

Test(dedup, same_doi_in_different_forms)
{
	expect_merged(list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=Completely different wording", "DOI=10.1000/XYZ.1",
		   "author=Smith, John", "year=2020", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=Another wording", "DOI=https://doi.org/10.1000/xyz.1",
		   NULL),
		NULL), "DOI");
	/* a doi.org URL is a DOI */
	expect_merged(list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=On graphs", "DOI=doi:10.1000/abc", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=On graphs", "URL=http://dx.doi.org/10.1000/ABC", NULL),
		NULL), "DOI as URL");
}

Test(dedup, same_isbn_10_and_13)
{
	expect_merged(list_of(
		mk("a", LIT_TYPE_BOOK, "title=Теория вероятностей", "ISBN=5-02-013850-9",
		   "author=Гнеденко, Б. В.", "year=1988", NULL),
		mk("b", LIT_TYPE_BOOK, "title=Teoriya veroyatnostej", "ISBN=978-5-02-013850-6", NULL),
		NULL), "ISBN");
}

Test(dedup, same_url_normalised)
{
	expect_merged(list_of(
		mk("a", LIT_TYPE_WEBPAGE, "title=Release notes", "URL=https://www.example.org/notes/?utm_source=x", NULL),
		mk("b", LIT_TYPE_WEBPAGE, "title=Release notes", "URL=http://example.org/notes", NULL),
		NULL), "URL");
}

Test(dedup, scored_same_work_with_typo)
{
	expect_merged(list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=A survey of recommender systems in education",
		   "author=Kowalski, Jan", "author=Novak, Eva", "year=2019",
		   "container-title=Computers & Education", "volume=12", "page=100-120", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=A survey of recomender systems in educaton",
		   "author=Kowalski, J.", "year=2019", "container-title=Comput. Educ.", NULL),
		NULL), "typos");
}

Test(dedup, year_plus_minus_one)
{
	expect_merged(list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=Online first publication of a long study",
		   "author=Petrov, Ivan", "year=2019", "container-title=Journal of Things", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=Online first publication of a long study",
		   "author=Petrov, I.", "year=2020", "container-title=J. Things", "volume=3", NULL),
		NULL), "online first");
}

Test(dedup, subtitle_and_quotes)
{
	expect_merged(list_of(
		mk("a", LIT_TYPE_BOOK, "title=The Art of Computer Programming: Fundamental Algorithms",
		   "author=Knuth, Donald E.", "year=1968", "publisher=Addison-Wesley", NULL),
		mk("b", LIT_TYPE_BOOK, "title=“The art of computer programming”", "author=Knuth, D.",
		   "year=1968", NULL),
		NULL), "subtitle");
}

Test(dedup, cyrillic_and_transliterated)
{
	/* GOST 7.79 B, BGN/PCGN and an ad-hoc form of the same reference */
	lit_records *l = list_of(
		mk("ru", LIT_TYPE_ARTICLE_JOURNAL, "title=Щелочные металлы в химии растворов",
		   "author=Дьячков, Юрий", "year=2005", "container-title=Журнал физической химии",
		   "volume=79", "page=45-52", NULL),
		mk("gost", LIT_TYPE_ARTICLE_JOURNAL, "title=Shhelochny`e metally` v ximii rastvorov",
		   "author=D`yachkov, Yu.", "year=2005", "container-title=Zhurnal fizicheskoj ximii",
		   "volume=79", NULL),
		mk("bgn", LIT_TYPE_ARTICLE_JOURNAL, "title=Shchelochnyye metally v khimii rastvorov",
		   "author=D'yachkov, Yuriy", "year=2005", NULL),
		mk("adhoc", LIT_TYPE_ARTICLE_JOURNAL, "title=Shchelochnye metally v khimii rastvorov",
		   "author=Diachkov, Iurii", "year=2005", "page=45-52", NULL),
		NULL);
	lit_dedup_report *rep = NULL;
	size_t n = run(l, &rep);
	cr_expect_eq(n, 1, "%zu records left", n);
	cr_expect_eq(lit_dedup_report_cluster_size(rep, 0), 4);
	lit_dedup_report_free(rep);
	lit_records_free(l);
}

Test(dedup, reordered_authors_missing_fields)
{
	expect_merged(list_of(
		mk("a", LIT_TYPE_PAPER_CONFERENCE, "title=Scalable entity resolution with blocking",
		   "author=Garcia, Maria", "author=Chen, Li", "author=Okafor, Ada", "year=2021",
		   "container-title=Proceedings of the VLDB Endowment", NULL),
		mk("b", LIT_TYPE_PAPER_CONFERENCE, "title=Scalable entity resolution with blocking",
		   "author=Chen, L.", "author=Garcia, M.", "author=Okafor, A.", NULL),
		NULL), "reordered");
}

Test(dedup, footnote_page_and_bibliography_entry)
{
	/* a footnote cites page 45 of a book the bibliography lists with its
	 * page count; an article cited at a page inside its range */
	expect_merged(list_of(
		mk("fn3", LIT_TYPE_BOOK, "title=История России", "author=Иванов, И. И.", "year=2005",
		   "page=45", "label=3", NULL),
		mk("bib", LIT_TYPE_BOOK, "title=История России : учебник", "author=Иванов, Иван Иванович",
		   "year=2005", "publisher=Наука", "page=320 с.", NULL),
		NULL), "book locator");
	expect_merged(list_of(
		mk("fn4", LIT_TYPE_ARTICLE_JOURNAL, "title=Реформы и контрреформы", "author=Петров, П. П.",
		   "container-title=Вопросы истории", "year=2003", "page=47", NULL),
		mk("bib", LIT_TYPE_ARTICLE_JOURNAL, "title=Реформы и контрреформы", "author=Петров, П. П.",
		   "container-title=Вопр. истории", "year=2003", "issue=3", "page=45-52", NULL),
		NULL), "article locator");
}

/* ---- kept apart ------------------------------------------------------- */

Test(dedup, editions_apart)
{
	expect_apart(list_of(
		mk("e1", LIT_TYPE_BOOK, "title=Introduction to Algorithms", "author=Cormen, Thomas",
		   "edition=2", "year=2001", NULL),
		mk("e2", LIT_TYPE_BOOK, "title=Introduction to Algorithms", "author=Cormen, Thomas",
		   "edition=3", "year=2009", NULL),
		NULL), "editions");
	/* the same year, editions given in words */
	expect_apart(list_of(
		mk("e1", LIT_TYPE_BOOK, "title=Курс физики", "author=Иванов, И. И.", "edition=2-е изд.",
		   "year=2010", NULL),
		mk("e2", LIT_TYPE_BOOK, "title=Курс физики", "author=Иванов, И. И.", "edition=третье",
		   "year=2010", NULL),
		NULL), "editions in words");
}

Test(dedup, volumes_apart)
{
	expect_apart(list_of(
		mk("v1", LIT_TYPE_BOOK, "title=Collected Works", "author=Tolstoy, Leo", "volume=1",
		   "year=1990", "ISBN=978-0-306-40615-7", NULL),
		mk("v2", LIT_TYPE_BOOK, "title=Collected Works", "author=Tolstoy, Leo", "volume=2",
		   "year=1990", "ISBN=978-0-306-40615-7", NULL),
		NULL), "volumes");
	/* a record without a volume cannot chain volume 1 and volume 2: it
	 * could be either, so it joins neither */
	{
		lit_records *l = list_of(
			mk("v1", LIT_TYPE_BOOK, "title=Collected Works of Leo Tolstoy", "author=Tolstoy, Leo",
			   "volume=I", "year=1990", NULL),
			mk("v0", LIT_TYPE_BOOK, "title=Collected Works of Leo Tolstoy", "author=Tolstoy, Leo",
			   "year=1990", NULL),
			mk("v2", LIT_TYPE_BOOK, "title=Collected Works of Leo Tolstoy", "author=Tolstoy, Leo",
			   "volume=II", "year=1990", NULL),
			NULL);
		cr_expect_eq(run(l, NULL), 3);
		lit_records_free(l);
	}
}

Test(dedup, chapters_of_one_book_apart)
{
	expect_apart(list_of(
		mk("c1", LIT_TYPE_CHAPTER, "title=Blocking methods", "author=Christen, Peter",
		   "container-title=Data Matching", "ISBN=978-3-642-31163-5", "page=69-104", "year=2012", NULL),
		mk("c2", LIT_TYPE_CHAPTER, "title=Indexing for data matching", "author=Christen, Peter",
		   "container-title=Data Matching", "ISBN=978-3-642-31163-5", "page=105-128", "year=2012", NULL),
		NULL), "chapters");
}

Test(dedup, chapter_and_book_apart)
{
	expect_apart(list_of(
		mk("book", LIT_TYPE_BOOK, "title=Data Matching", "author=Christen, Peter",
		   "ISBN=978-3-642-31163-5", "year=2012", NULL),
		mk("ch", LIT_TYPE_CHAPTER, "title=Data Matching", "author=Christen, Peter",
		   "container-title=Data Matching", "ISBN=978-3-642-31163-5", "page=1-20", "year=2012", NULL),
		NULL), "chapter vs book");
}

Test(dedup, part_and_whole_by_container)
{
	/* types unknown (a parser's generic "document"), but one's container
	 * is the other's title */
	expect_apart(list_of(
		mk("whole", LIT_TYPE_DOCUMENT, "title=Handbook of Record Linkage", "author=Herzog, Thomas",
		   "year=2007", NULL),
		mk("part", LIT_TYPE_DOCUMENT, "title=Handbook of Record Linkage", "author=Herzog, Thomas",
		   "container-title=Handbook of record linkage", "year=2007", "page=10-20", NULL),
		NULL), "container is the other's title");
}

Test(dedup, shared_landing_page_is_not_identity)
{
	/* a journal's home page given as the URL of two different articles */
	expect_apart(list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=Quantum error correction below threshold",
		   "author=Acharya, Rajeev", "year=2024", "URL=https://www.nature.com/nature/", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=Protein structure prediction at scale",
		   "author=Jumper, John", "year=2024", "URL=http://nature.com/nature", NULL),
		NULL), "landing page");
}

Test(dedup, translation_related_not_merged)
{
	lit_records *l = list_of(
		mk("orig", LIT_TYPE_BOOK, "title=Мастер и Маргарита", "author=Булгаков, Михаил",
		   "year=1967", "language=ru", NULL),
		mk("tr", LIT_TYPE_BOOK, "title=The Master and Margarita", "author=Bulgakov, Mikhail",
		   "original-title=Мастер и Маргарита", "translator=Glenny, Michael", "year=1967",
		   "language=en", NULL),
		NULL);
	lit_dedup_report *rep = NULL;
	const char *rel;
	int is_json = 0;
	cr_assert_eq(run(l, &rep), 2);
	cr_expect_eq(lit_dedup_report_related_count(rep), 1);
	{
		size_t ra = 9, rb = 9;
		const char *why = NULL;
		cr_assert_eq(lit_dedup_report_related(rep, 0, &ra, &rb, &why), LIT_OK);
		cr_expect_eq(ra, 0);
		cr_expect_eq(rb, 1);
		cr_expect(why && strstr(why, "translation") != NULL, "%s", why);
		cr_expect_eq(lit_dedup_report_related(rep, 1, &ra, &rb, &why), LIT_EINVAL);
	}
	rel = lit_record_custom(lit_records_at(l, 0), "related", &is_json);
	cr_assert_not_null(rel);
	cr_expect(is_json);
	cr_expect_str_eq(rel, "[\"tr\"]");
	rel = lit_record_custom(lit_records_at(l, 1), "related", NULL);
	cr_assert_not_null(rel);
	cr_expect_str_eq(rel, "[\"orig\"]");
	lit_dedup_report_free(rep);
	lit_records_free(l);
	/* a transliterated translation still differs by language */
	expect_apart(list_of(
		mk("a", LIT_TYPE_BOOK, "title=Voina i mir", "author=Tolstoy, Leo", "year=1869",
		   "language=ru", NULL),
		mk("b", LIT_TYPE_BOOK, "title=Voina i mir", "author=Tolstoy, Leo", "year=1869",
		   "language=de", NULL),
		NULL), "languages");
}

Test(dedup, different_works_same_author_apart)
{
	expect_apart(list_of(
		mk("p1", LIT_TYPE_ARTICLE_JOURNAL, "title=Studies of turbulent flow. Part 1",
		   "author=Lee, Kim", "year=2018", NULL),
		mk("p2", LIT_TYPE_ARTICLE_JOURNAL, "title=Studies of turbulent flow. Part 2",
		   "author=Lee, Kim", "year=2018", NULL),
		NULL), "parts");
	expect_apart(list_of(
		mk("p1", LIT_TYPE_ARTICLE_JOURNAL, "title=Studies of turbulent flow. Part I",
		   "author=Lee, Kim", "year=2018", NULL),
		mk("p2", LIT_TYPE_ARTICLE_JOURNAL, "title=Studies of turbulent flow. Part II",
		   "author=Lee, Kim", "year=2018", NULL),
		NULL), "roman parts");
	expect_apart(list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=Deep learning for protein folding",
		   "author=Wang, Yu", "year=2020", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=Deep learning for image segmentation",
		   "author=Wang, Yu", "year=2020", NULL),
		NULL), "similar titles");
	expect_apart(list_of(
		mk("a", LIT_TYPE_BOOK, "title=Сознание и история", "author=Родионов, Владимир",
		   "author=Хрущев, Наталья", "author=Герасимов, Ольга", "year=1984", NULL),
		mk("b", LIT_TYPE_BOOK, "title=Сознание и история", "author=Герасимов, Борис",
		   "year=1984", NULL),
		NULL), "a co-author alone");
	expect_apart(list_of(
		mk("a", LIT_TYPE_BOOK, "title=Poems", "author=Frost, Robert", "year=1930", NULL),
		mk("b", LIT_TYPE_BOOK, "title=Poems", "author=Eliot, Thomas", "year=1930", NULL),
		NULL), "same short title, other author");
	expect_apart(list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=On graphs", "DOI=10.1000/1", "author=Erdos, Paul", "year=1959", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=On graphs", "DOI=10.1000/2", "author=Erdos, Paul", "year=1959", NULL),
		NULL), "different DOIs");
	expect_apart(list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=Random graphs and their evolution", "author=Erdos, Paul", "year=1959", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=Random graphs and their evolution", "author=Erdos, Paul", "year=1964", NULL),
		NULL), "years apart");
}

/* ---- the merge -------------------------------------------------------- */

Test(dedup, merge_keeps_every_field_and_provenance)
{
	lit_records *l = list_of(
		mk(NULL, LIT_TYPE_ARTICLE_JOURNAL, "title=Entity resolution", "author=Fellegi, I.",
		   "year=1969", "container-title=J. Am. Stat. Assoc.", "source=doc.txt", "label=3", NULL),
		mk(NULL, LIT_TYPE_ARTICLE_JOURNAL, "title=Entity resolution: a theory of record linkage",
		   "author=Fellegi, Ivan", "author=Sunter, Alan", "year=1969",
		   "container-title=Journal of the American Statistical Association", "volume=64",
		   "page=1183-1210", NULL),
		mk(NULL, LIT_TYPE_ARTICLE_JOURNAL, "title=Entity resolution", "author=Fellegi, I.",
		   "DOI=10.1080/01621459.1969.10501049", "year=1969", "issue=328", "label=7", NULL),
		NULL);
	lit_dedup_report *rep = NULL;
	lit_record *r;
	const char *v, *reason = NULL;
	int is_json = 0;
	size_t idx = 99;
	cr_assert_eq(run(l, &rep), 1);
	r = lit_records_at(l, 0);
	cr_expect_str_eq(lit_record_id(r), "r1");
	cr_expect_str_eq(lit_record_get(r, LIT_VAR_TITLE), "Entity resolution: a theory of record linkage");
	cr_expect_str_eq(lit_record_get(r, LIT_VAR_CONTAINER_TITLE),
	                 "Journal of the American Statistical Association");
	cr_expect_str_eq(lit_record_get(r, LIT_VAR_VOLUME), "64");
	cr_expect_str_eq(lit_record_get(r, LIT_VAR_ISSUE), "328");
	cr_expect_str_eq(lit_record_get(r, LIT_VAR_PAGE), "1183-1210");
	cr_expect_str_eq(lit_record_get(r, LIT_VAR_DOI), "10.1080/01621459.1969.10501049");
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 2);
	cr_expect_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 0)->given, "Ivan");
	cr_expect_str_eq(lit_record_source(r), "doc.txt");
	v = lit_record_custom(r, "merged_ids", &is_json);
	cr_assert_not_null(v);
	cr_expect(is_json);
	cr_expect_str_eq(v, "[\"r1\",\"r2\",\"r3\"]");
	v = lit_record_custom(r, "occurrences", &is_json);
	cr_assert_not_null(v);
	cr_expect(is_json);
	cr_expect(strstr(v, "\"file\":\"doc.txt\"") != NULL, "%s", v);
	cr_expect(strstr(v, "\"label\":\"7\"") != NULL, "%s", v);
	cr_expect(strstr(v, "\"id\":\"r2\"") != NULL, "%s", v);
	/* the report */
	cr_assert_eq(lit_dedup_report_cluster_count(rep), 1);
	cr_assert_eq(lit_dedup_report_cluster_size(rep, 0), 3);
	cr_expect_str_eq(lit_dedup_report_member(rep, 0, 2, &idx, &reason), "r3");
	cr_expect_eq(idx, 2);
	cr_expect(reason && strstr(reason, "score") != NULL, "%s", reason);
	lit_dedup_report_free(rep);
	lit_records_free(l);
}

Test(dedup, merging_twice_flattens_provenance)
{
	lit_records *l = list_of(
		mk("a", LIT_TYPE_BOOK, "title=Teoriya igr", "author=Petrosyan, L.", "year=1998", NULL),
		mk("b", LIT_TYPE_BOOK, "title=Теория игр", "author=Петросян, Л. А.", "year=1998", NULL),
		NULL);
	lit_records *l2 = list_of(
		mk("c", LIT_TYPE_BOOK, "title=Teoriia igr", "author=Petrosian, Leon", "year=1998",
		   "publisher=Vysshaya shkola", NULL),
		NULL);
	cr_assert_eq(run(l, NULL), 1);
	lit_records_append(l2, l);
	cr_assert_eq(run(l2, NULL), 1);
	cr_expect_str_eq(lit_record_custom(lit_records_at(l2, 0), "merged_ids", NULL),
	                 "[\"c\",\"a\",\"b\"]");
	lit_records_free(l);
	lit_records_free(l2);
}

Test(dedup, dry_run_changes_nothing)
{
	lit_records *l = list_of(
		mk("a", LIT_TYPE_ARTICLE_JOURNAL, "title=X", "DOI=10.1/a", NULL),
		mk("b", LIT_TYPE_ARTICLE_JOURNAL, "title=X", "DOI=10.1/A", NULL),
		NULL);
	lit_dedup_options o = LIT_DEDUP_OPTIONS_INIT;
	lit_dedup_report *rep = NULL;
	char *text = NULL;
	o.dry_run = 1;
	cr_assert_eq(lit_dedup(l, &o, &rep, NULL), LIT_OK);
	cr_expect_eq(lit_records_count(l), 2);
	cr_expect_null(lit_record_custom(lit_records_at(l, 0), "merged_ids", NULL));
	cr_expect_eq(lit_dedup_report_output_count(rep), 1);
	cr_assert_eq(lit_dedup_report_render(rep, 0, &text, NULL), LIT_OK);
	cr_expect(strstr(text, "same DOI 10.1/a as a") != NULL, "%s", text);
	lit_free(text);
	cr_assert_eq(lit_dedup_report_render(rep, 1, &text, NULL), LIT_OK);
	cr_expect(strstr(text, "\"output\":1") != NULL, "%s", text);
	lit_free(text);
	lit_dedup_report_free(rep);
	lit_records_free(l);
}

Test(dedup, bad_options_and_empty)
{
	lit_records *l = lit_records_new();
	lit_dedup_options o = LIT_DEDUP_OPTIONS_INIT;
	lit_error err = { 0 };
	lit_dedup_report *rep = NULL;
	cr_expect_eq(lit_dedup(l, NULL, &rep, NULL), LIT_OK);
	cr_expect_eq(lit_dedup_report_output_count(rep), 0);
	lit_dedup_report_free(rep);
	o.threshold = 2;
	cr_expect_eq(lit_dedup(l, &o, NULL, &err), LIT_EINVAL);
	cr_expect(strstr(err.message, "threshold") != NULL);
	cr_expect_eq(lit_dedup(NULL, NULL, NULL, NULL), LIT_EINVAL);
	lit_records_free(l);
}

/* Many copies of few works: clusters come out whole and in order. */
Test(dedup, many_copies_in_order)
{
	lit_records *l = lit_records_new();
	size_t i;
	for (i = 0; i < 300; i++) {
		char kv[80];
		snprintf(kv, sizeof kv, "title=Work number %zu about graphs", i % 30);
		lit_records_push(l, mk(NULL, LIT_TYPE_ARTICLE_JOURNAL, kv, "author=Lovasz, Laszlo",
		                       "year=2000", NULL));
	}
	cr_assert_eq(run(l, NULL), 30);
	for (i = 0; i < 30; i++) {
		char want[16];
		snprintf(want, sizeof want, "r%zu", i + 1);
		cr_expect_str_eq(lit_record_id(lit_records_at(l, i)), want);
	}
	lit_records_free(l);
}
