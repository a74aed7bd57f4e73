/*
 * test_extract_docs.c - extraction from whole documents through the
 * public API (litera/extract.h): every fixture of tests/data/extract/ and
 * the bundled samples/article-ru.txt against its .expected file (place,
 * label, line, citing lines, repeat link, raw text), a DOCX with
 * footnotes and an auto-numbered list built at run time with libzip, the
 * report, the CLI, and bad input (binary junk, invalid UTF-8, huge lines,
 * broken DOCX, missing files) that must fail cleanly or pass, never crash.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "testutil.h"
#include "litera.h"
#include "litera/extract.h"


/* The tab-separated line the fixtures use for one record. */
static void describe(const lit_record *rec, char *out, size_t cap)
{
	int js;
	const char *label = lit_record_custom(rec, "label", &js);
	const char *cited = lit_record_custom(rec, "cited_at", &js);
	const char *rep = lit_record_custom(rec, "repeat_of", &js);
	const char *raw = lit_record_raw(rec);
	snprintf(out, cap, "%s\t%s\t%ld\t%s\t%s\t%s", lit_where_name(lit_record_where(rec)),
	         label ? label : "", lit_record_line(rec), cited ? cited : "", rep ? rep : "",
	         raw ? raw : "");
}

static void check_fixture(const char *doc, const char *expected)
{
	lit_records *recs = lit_records_new();
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	lit_error err;
	o.no_parse = 1;
	int rc = lit_extract_file(recs, doc, &o, NULL, &err);
	cr_assert_eq(rc, LIT_OK, "%s: %s", doc, err.message);
	char *exp = test_read_file(expected, NULL);
	cr_assert_not_null(exp, "missing %s", expected);
	size_t i = 0;
	char *save = NULL;
	for (char *line = strtok_r(exp, "\n", &save); line; line = strtok_r(NULL, "\n", &save), i++) {
		cr_assert_lt(i, lit_records_count(recs), "%s: only %zu references, expected more (%s)",
		             doc, lit_records_count(recs), line);
		static char got[8192];
		describe(lit_records_at(recs, i), got, sizeof got);
		cr_expect_str_eq(got, line, "%s: reference %zu differs", doc, i + 1);
	}
	cr_expect_eq(i, lit_records_count(recs), "%s: %zu references, expected %zu", doc,
	             lit_records_count(recs), i);
	free(exp);
	lit_records_free(recs);
}

#define FIXTURE(name, stem, ext) \
	Test(fixtures, name) \
	{ \
		check_fixture(LITERA_SOURCE_DIR "/tests/data/extract/" stem ext, \
		              LITERA_SOURCE_DIR "/tests/data/extract/" stem ".expected"); \
	}

FIXTURE(ru_interleaved, "ru-interleaved", ".txt")
FIXTURE(ru_nohead, "ru-nohead", ".txt")
FIXTURE(ru_endnotes, "ru-endnotes", ".txt")
FIXTURE(en_hanging, "en-hanging", ".txt")
FIXTURE(en_md, "en-md", ".md")
FIXTURE(en_html, "en-html", ".html")
FIXTURE(jats, "jats", ".xml")
FIXTURE(tei, "tei", ".xml")
FIXTURE(ru_list_furniture, "ru-list-furniture", ".txt")
FIXTURE(ru_repeats, "ru-repeats", ".txt")
FIXTURE(ru_resume, "ru-resume", ".txt")
FIXTURE(ru_wrapped, "ru-wrapped", ".txt")
FIXTURE(ru_unnumbered, "ru-unnumbered", ".txt")
FIXTURE(en_md_notes, "en-md-notes", ".md")
FIXTURE(ru_word, "ru-word", ".html")
FIXTURE(ru_cites, "ru-cites", ".txt")
FIXTURE(ru_pages, "ru-pages", ".txt")
FIXTURE(ru_formfeed, "ru-formfeed", ".txt")
FIXTURE(ru_bare_labels, "ru-bare-labels", ".txt")
/* a footnote running on to the next page's footnote block */
FIXTURE(ru_note_cont, "ru-note-cont", ".txt")
/* two numbered footnotes run together in one paragraph */
FIXTURE(ru_note_pair, "ru-note-pair", ".txt")
/* a footnote's short last line just above the page number is kept; the
 * running header (its numbers changing from page to page) is dropped */
FIXTURE(ru_note_lastline, "ru-note-lastline", ".txt")
/* an unnumbered list without a heading at the end, one entry a paragraph */
FIXTURE(ru_tail_list, "ru-tail-list", ".txt")
/* the same with hanging indents and a DOI split over lines */
FIXTURE(en_tail_hanging, "en-tail-hanging", ".txt")
/* closing paragraphs with names and years are not a list (no output) */
FIXTURE(en_tail_prose, "en-tail-prose", ".txt")
/* every kind of repeat linked to the work it repeats */
FIXTURE(ru_repeat_links, "ru-repeat-links", ".txt")
/* a repeat and a work in one note, split; the next "Там же" takes the work */
FIXTURE(ru_repeat_split, "ru-repeat-split", ".txt")
/* list numbers glued to the entry: "1.Иванов И. И." */
FIXTURE(ru_glued_labels, "ru-glued-labels", ".txt")
/* a numbered list that lost its heading, next to one under a heading
 * (before "References", after "Литература"); citations take the first */
FIXTURE(ru_list_noheading_ru, "ru-list-noheading-ru", ".txt")
FIXTURE(ru_list_noheading_en, "ru-list-noheading-en", ".txt")
/* the same unnumbered, one entry a paragraph */
FIXTURE(ru_list_noheading_unnum, "ru-list-noheading-unnum", ".txt")
/* archival shelfmarks in notes and under "Источники" (no year in them) */
FIXTURE(ru_archive, "ru-archive", ".txt")
/* a list under its heading numbered "1 Иванов" (number and space) */
FIXTURE(ru_space_labels, "ru-space-labels", ".txt")
/* "Примечания" with glued markers, a repeat, two works after "См., например:",
 * an explanatory note, then "Литература" */
FIXTURE(ru_endnotes_list, "ru-endnotes-list", ".txt")
/* the same last line in three notes is the notes' text, not a running footer */
FIXTURE(ru_note_repeated_tail, "ru-note-repeated-tail", ".txt")
/* running heads carrying their page number ("116 Nurlanova A.", "JOURNAL
 * ... 119") glued to the notes; the same note under two numbers stays */
FIXTURE(en_running_heads, "en-running-heads", ".txt")
/* a note cut at "(accessed:" keeps its cut: the body paragraph that breaks
 * off above the next page number is not its tail */
FIXTURE(ru_note_cut_body, "ru-note-cut-body", ".txt")
/* short-form repeats (surname or abbreviation, the start of the title,
 * a locator) link to the earlier full note; another work by the same
 * author ("Морская стратегия", "Steppe Empires") is not linked */
FIXTURE(ru_short_notes, "ru-short-notes", ".txt")
FIXTURE(en_short_notes, "en-short-notes", ".txt")

Test(fixtures, sample_article_en_markdown)
{
	check_fixture(LITERA_SOURCE_DIR "/samples/article-en.md",
	              LITERA_SOURCE_DIR "/tests/data/extract/sample-en-md.expected");
}

/* samples/article-en.docx is built by samples/make_docx.py from the Markdown */
Test(fixtures, sample_article_en_docx)
{
	check_fixture(LITERA_SOURCE_DIR "/samples/article-en.docx",
	              LITERA_SOURCE_DIR "/tests/data/extract/sample-en-docx.expected");
}

Test(fixtures, sample_article)
{
	check_fixture(LITERA_SOURCE_DIR "/samples/article-ru.txt",
	              LITERA_SOURCE_DIR "/tests/data/extract/article-ru.expected");
}

/* The fixtures name the expected files after the document stem. */
Test(fixtures, expected_names_exist)
{
	const char *names[] = { "ru-interleaved", "ru-nohead", "ru-endnotes", "en-hanging", "en-md",
	                        "en-html", "jats", "tei", "article-ru", "ru-list-furniture",
	                        "ru-repeats", "ru-resume", "ru-wrapped",
	                        "ru-unnumbered", "en-md-notes", "ru-word", "ru-cites", "ru-pages",
	                        "ru-formfeed", "ru-bare-labels", "ru-note-cont", "ru-note-pair",
	                        "ru-note-lastline", "ru-tail-list", "en-tail-hanging", "en-tail-prose",
	                        "ru-repeat-links", "ru-glued-labels", "ru-list-noheading-ru",
	                        "ru-list-noheading-en", "ru-list-noheading-unnum",
	                        "ru-archive", "ru-space-labels",
	                        "ru-endnotes-list", "ru-note-repeated-tail", "en-running-heads",
	                        "ru-repeat-split", "ru-note-cut-body", "ru-short-notes",
	                        "en-short-notes", NULL };
	for (size_t i = 0; names[i]; i++) {
		char p[1024];
		snprintf(p, sizeof p, "%s/tests/data/extract/%s.expected", LITERA_SOURCE_DIR, names[i]);
		cr_expect_eq(access(p, R_OK), 0, "missing %s", p);
	}
}

Test(report, counts_and_warnings)
{
	lit_records *recs = lit_records_new();
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	lit_extract_report rep = LIT_EXTRACT_REPORT_INIT;
	lit_error err;
	o.no_parse = 1;
	int rc = lit_extract_file(recs, LITERA_SOURCE_DIR "/tests/data/extract/ru-interleaved.txt", &o,
	                          &rep, &err);
	cr_assert_eq(rc, LIT_OK);
	cr_expect_eq(rep.footnotes, 4);
	cr_expect_eq(rep.list_entries, 0);
	cr_expect_eq(rep.markers, 5);
	cr_expect_eq(rep.markers_linked, 4);
	cr_expect_eq(rep.citations_unlinked, 1);
	cr_assert_eq(rep.warning_count, 1);
	cr_expect_eq(rep.warnings[0].line, 36);
	cr_expect(strstr(rep.warnings[0].message, "marker 5") != NULL, "%s", rep.warnings[0].message);
	char *txt = NULL;
	cr_assert_eq(lit_extract_report_format(&rep, "doc.txt", &txt), LIT_OK);
	cr_expect(strstr(txt, "doc.txt: 0 list entries, 4 footnotes") != NULL, "%s", txt);
	cr_expect(strstr(txt, "doc.txt:36: warning:") != NULL, "%s", txt);
	lit_free(txt);
	lit_extract_report_clear(&rep);
	cr_expect_eq(rep.warning_count, 0);
	cr_expect_null(rep.warnings);
	lit_records_free(recs);
}

Test(report, explanatory_notes_and_repeats)
{
	lit_records *recs = lit_records_new();
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	lit_extract_report rep = LIT_EXTRACT_REPORT_INIT;
	o.no_parse = 1;
	cr_assert_eq(lit_extract_file(recs, LITERA_SOURCE_DIR "/samples/article-ru.txt", &o, &rep, NULL),
	             LIT_OK);
	cr_expect_eq(rep.notes_skipped, 1);
	cr_expect_eq(rep.repeats_resolved, 2);
	cr_expect_eq(rep.list_entries, 5);
	cr_expect_eq(rep.citations_linked, 5);
	/* the repeat carries its own locator */
	const lit_record *r = lit_records_at(recs, 2);
	int js;
	cr_assert_str_eq(lit_record_raw(r), "Там же. С. 45.");
	cr_expect_str_eq(lit_record_custom(r, "locator", &js), "С. 45");
	lit_extract_report_clear(&rep);
	lit_records_free(recs);
}

/* Repeats take the record of the work they repeat (whatever the parser
 * made of it) with their own raw text, label and locator; the report
 * counts them. */
Test(report, repeats_linked_to_their_works)
{
	lit_records *recs = lit_records_new();
	lit_extract_report rep = LIT_EXTRACT_REPORT_INIT;
	lit_error err;
	cr_assert_eq(lit_extract_file(recs, LITERA_SOURCE_DIR "/tests/data/extract/ru-repeat-links.txt",
	                              NULL, &rep, &err), LIT_OK, "%s", err.message);
	cr_expect_eq(rep.repeats_resolved, 12);
	cr_expect_eq(rep.footnotes, 18);
	cr_expect_eq(rep.warning_count, 0);
	char *txt = NULL;
	cr_assert_eq(lit_extract_report_format(&rep, "doc.txt", &txt), LIT_OK);
	cr_expect(strstr(txt, "repeats resolved: 12") != NULL, "%s", txt);
	lit_free(txt);
	cr_assert_eq(lit_records_count(recs), 18);
	/* {repeat (1-based), work it repeats, own locator} */
	static const struct { size_t rep, work; const char *loc; } want[] = {
		{ 2, 1, "С. 5" },    /* Там же. С. 5. */
		{ 4, 3, NULL },      /* Там же. */
		{ 6, 5, "p. 7" },    /* Ibid., p. 7. */
		{ 7, 5, NULL },      /* Ibid. after Ibid. */
		{ 8, 1, "С. 7" },    /* Иванов И. И. Указ. соч. С. 7. */
		{ 9, 5, "p. 12" },   /* Smith, op. cit., p. 12. */
		{ 10, 3, "С. 15" },  /* Петров П. П. Указ. соч. С. 15. */
		{ 13, 12, "С. 44" }, /* Там же after a note citing two works: the second */
		{ 15, 1, "С. 9" },   /* the author's own work, not the review naming him */
		{ 16, 11, "С. 8" },
		{ 17, 11, "С. 33" }, /* См.: там же after an op. cit. */
		{ 18, 5, "p. 40" },
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		const lit_record *r = lit_records_at(recs, want[k].rep - 1);
		const lit_record *w = lit_records_at(recs, want[k].work - 1);
		int js = 0;
		const char *ro = lit_record_custom(r, "repeat_of", &js);
		cr_assert_not_null(ro, "record %zu is not a repeat", want[k].rep);
		cr_expect(js);
		char item[32];
		snprintf(item, sizeof item, "\"item\": %zu}", want[k].work);
		cr_expect(strstr(ro, item) != NULL, "record %zu: repeat_of %s, want item %zu",
		          want[k].rep, ro, want[k].work);
		/* the record of the work, under the repeat's own text */
		const char *t1 = lit_record_get(r, LIT_VAR_TITLE), *t2 = lit_record_get(w, LIT_VAR_TITLE);
		cr_expect((t1 == NULL) == (t2 == NULL) && (!t1 || strcmp(t1, t2) == 0),
		          "record %zu: title %s, the work's %s", want[k].rep, t1 ? t1 : "-", t2 ? t2 : "-");
		cr_expect_str_neq(lit_record_raw(r), lit_record_raw(w));
		const char *loc = lit_record_custom(r, "locator", &js);
		if (want[k].loc) {
			cr_assert_not_null(loc, "record %zu has no locator", want[k].rep);
			cr_expect_str_eq(loc, want[k].loc);
			cr_expect_str_eq(lit_record_get(r, LIT_VAR_LOCATOR), want[k].loc);
		} else {
			cr_expect_null(loc, "record %zu: locator %s", want[k].rep, loc);
		}
	}
	lit_extract_report_clear(&rep);
	lit_records_free(recs);
}

/* Short-form repeats keep their own locator and take the record of the
 * work; the ones with no matching earlier work stay unlinked. */
Test(report, short_forms_linked_with_locators)
{
	static const struct {
		const char *doc;
		size_t nrecs, nrep;
		struct { size_t rep, work; const char *loc; } want[4];
	} docs[] = {
		{ "ru-short-notes", 10, 4, {
			{ 5, 1, "С. 17" },     /* Петров. Арктическая политика… С. 17. */
			{ 6, 2, "С. 40–42" },  /* the second book of the same author */
			{ 7, 3, "С. 20" },     /* ЕЖШ: Евразийский железнодорожный шлюз */
			{ 10, 4, "С. 35" } } },
		{ "en-short-notes", 6, 3, {
			{ 4, 1, "20" },        /* ERG, Annual Transit Report 2021, 20. */
			{ 5, 2, "45" },        /* John Smith, Transit Diplomacy ... */
			{ 6, 3, "101–103" } } },
	};
	for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/tests/data/extract/%s.txt", LITERA_SOURCE_DIR, docs[d].doc);
		lit_records *recs = lit_records_new();
		lit_extract_report rep = LIT_EXTRACT_REPORT_INIT;
		lit_error err;
		cr_assert_eq(lit_extract_file(recs, path, NULL, &rep, &err), LIT_OK, "%s", err.message);
		cr_expect_eq(rep.repeats_resolved, docs[d].nrep, "%s: %zu repeats", docs[d].doc,
		             rep.repeats_resolved);
		cr_assert_eq(lit_records_count(recs), docs[d].nrecs, "%s", docs[d].doc);
		size_t linked = 0;
		for (size_t k = 0; k < docs[d].nrecs; k++) {
			int js = 0;
			linked += lit_record_custom(lit_records_at(recs, k), "repeat_of", &js) != NULL;
		}
		cr_expect_eq(linked, docs[d].nrep, "%s: %zu linked", docs[d].doc, linked);
		for (size_t k = 0; k < docs[d].nrep; k++) {
			const lit_record *r = lit_records_at(recs, docs[d].want[k].rep - 1);
			int js = 0;
			const char *ro = lit_record_custom(r, "repeat_of", &js);
			cr_assert_not_null(ro, "%s: record %zu is not a repeat", docs[d].doc, docs[d].want[k].rep);
			char item[32];
			snprintf(item, sizeof item, "\"item\": %zu}", docs[d].want[k].work);
			cr_expect(strstr(ro, item) != NULL, "%s: record %zu: repeat_of %s, want item %zu",
			          docs[d].doc, docs[d].want[k].rep, ro, docs[d].want[k].work);
			const char *loc = lit_record_custom(r, "locator", &js);
			cr_assert_not_null(loc, "%s: record %zu has no locator", docs[d].doc, docs[d].want[k].rep);
			cr_expect_str_eq(loc, docs[d].want[k].loc);
		}
		lit_extract_report_clear(&rep);
		lit_records_free(recs);
	}
}

/* ------------------------------------------------------------------ DOCX */

static const char *docx_document =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
	"<w:p><w:r><w:t>Сотрудничество в Арктике расширяется</w:t></w:r>"
	"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"2\"/></w:r>"
	"<w:r><w:t xml:space=\"preserve\">. Ряд авторов [1] с этим согласен</w:t></w:r>"
	"<w:r><w:footnoteReference w:id=\"3\"/></w:r><w:r><w:t>.</w:t></w:r></w:p>"
	"<w:p><w:r><w:t>Литература</w:t></w:r></w:p>"
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>"
	"<w:r><w:t>Иванов И. И. Арктика и Китай // Полярный вестник. 2021. № 2. С. 5–17.</w:t></w:r></w:p>"
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>"
	"<w:r><w:t>Smith J. Arctic </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Shipping</w:t></w:r>"
	"<w:r><w:t>. London, 2019. 300 p.</w:t></w:r></w:p>"
	"</w:body></w:document>";

static const char *docx_footnotes =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	"<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	"<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
	"<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
	"<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Арктическая "
	"стратегия России до 2035 года // Президент России. 2020. URL: http://www.kremlin.ru/acts/bank/45255</w:t></w:r></w:p></w:footnote>"
	"<w:footnote w:id=\"3\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Там же.</w:t></w:r></w:p></w:footnote>"
	"</w:footnotes>";

static void make_docx(const char *path)
{
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	cr_assert_not_null(z);
	const char *ct = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
	const char *names[] = { "[Content_Types].xml", "word/document.xml", "word/footnotes.xml" };
	const char *bodies[] = { ct, docx_document, docx_footnotes };
	for (int i = 0; i < 3; i++) {
		zip_source_t *s = zip_source_buffer(z, bodies[i], strlen(bodies[i]), 0);
		cr_assert_not_null(s);
		cr_assert_geq(zip_file_add(z, names[i], s, ZIP_FL_OVERWRITE), 0);
	}
	cr_assert_eq(zip_close(z), 0);
}

Test(docx, footnotes_and_numbered_list)
{
	char path[] = "/tmp/litera-test-docx-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	close(fd);
	make_docx(path);
	lit_records *recs = lit_records_new();
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	lit_extract_report rep = LIT_EXTRACT_REPORT_INIT;
	lit_error err;
	o.no_parse = 1;
	int rc = lit_extract_file(recs, path, &o, &rep, &err);
	unlink(path);
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	cr_assert_eq(lit_records_count(recs), 4);
	int js;
	/* footnote 1, linked to its marker in the first paragraph */
	const lit_record *f1 = lit_records_at(recs, 0);
	cr_expect_eq(lit_record_where(f1), LIT_WHERE_FOOTNOTE);
	cr_expect_str_eq(lit_record_raw(f1), "Арктическая стратегия России до 2035 года // Президент "
	                 "России. 2020. URL: http://www.kremlin.ru/acts/bank/45255");
	cr_expect_str_eq(lit_record_custom(f1, "label", &js), "1");
	cr_expect_str_eq(lit_record_custom(f1, "cited_at", &js), "[1]");
	/* footnote 2 is a repeat of footnote 1 */
	const lit_record *f2 = lit_records_at(recs, 1);
	cr_expect_str_eq(lit_record_raw(f2), "Там же.");
	cr_expect_not_null(lit_record_custom(f2, "repeat_of", &js));
	/* the auto-numbered list gets its numbers */
	const lit_record *b1 = lit_records_at(recs, 2);
	cr_expect_eq(lit_record_where(b1), LIT_WHERE_BIBLIOGRAPHY);
	cr_expect_str_eq(lit_record_custom(b1, "label", &js), "1");
	cr_expect_str_eq(lit_record_custom(b1, "cited_at", &js), "[1]");
	cr_expect_str_eq(lit_record_raw(lit_records_at(recs, 3)), "Smith J. Arctic Shipping. London, 2019. 300 p.");
	cr_expect_eq(rep.footnotes, 2);
	cr_expect_eq(rep.markers_linked, 2);
	lit_extract_report_clear(&rep);
	lit_records_free(recs);
}

Test(docx, broken_zip_is_an_error)
{
	const char junk[] = "PK\x03\x04 this is not a real zip archive at all";
	lit_records *recs = lit_records_new();
	lit_error err;
	int rc = lit_extract_buffer(recs, junk, sizeof junk - 1, NULL, NULL, &err);
	cr_expect_eq(rc, LIT_EPARSE);
	cr_expect(strstr(err.message, "DOCX") != NULL, "%s", err.message);
	cr_expect_eq(lit_records_count(recs), 0);
	lit_records_free(recs);
}

/* ------------------------------------------------------------ bad input */

static int extract_buf(const char *data, size_t len, const char *format)
{
	lit_records *recs = lit_records_new();
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	lit_extract_report rep = LIT_EXTRACT_REPORT_INIT;
	lit_error err;
	o.no_parse = 1;
	o.format = format;
	int rc = lit_extract_buffer(recs, data, len, &o, &rep, &err);
	if (rc != LIT_OK)
		cr_expect(err.message[0] != 0, "failure without a message");
	lit_extract_report_clear(&rep);
	lit_records_free(recs);
	return rc;
}

Test(bad_input, binary_junk_and_invalid_utf8)
{
	char junk[4096];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)(x >> 16);
	}
	extract_buf(junk, sizeof junk, NULL);
	extract_buf(junk, sizeof junk, "text");
	extract_buf(junk, sizeof junk, "html");
	extract_buf(junk, sizeof junk, "jats");
	const char bad[] = "Литература\n\n1. Иванов \xff\xfe И. Книга. 2001.\n2. \xc3\x28 2002.\n";
	extract_buf(bad, sizeof bad - 1, "text");
	extract_buf("", 0, NULL);
	extract_buf("\n\n\n", 3, "markdown");
}

Test(bad_input, huge_lines_and_many_markers)
{
	size_t n = 8u << 20;
	char *big = malloc(n + 64);
	cr_assert_not_null(big);
	const char *unit = "аб1 [2] ¹x-\n";
	size_t ul = strlen(unit);
	n -= n % ul;
	for (size_t i = 0; i < n; i += ul)
		memcpy(big + i, unit, ul);
	memcpy(big + n, "\nЛитература\n1. A. 2001.\n", 24);
	cr_expect_eq(extract_buf(big, n + 24, "text"), LIT_OK);
	/* one line of digits, brackets and superscripts */
	for (size_t i = 0; i < n; i++)
		big[i] = "[1-3; ]x1\xc2"[i % 11];
	extract_buf(big, n, "text");
	free(big);
}

Test(bad_input, deep_html_and_size_limit)
{
	size_t depth = 100000;
	char *h = malloc(depth * 5 + 16);
	cr_assert_not_null(h);
	size_t k = 0;
	for (size_t i = 0; i < depth; i++) {
		memcpy(h + k, "<div>", 5);
		k += 5;
	}
	cr_expect_eq(extract_buf(h, k, "html"), LIT_OK);
	free(h);
	lit_records *recs = lit_records_new();
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	lit_error err;
	o.max_input = 10;
	cr_expect_eq(lit_extract_buffer(recs, "0123456789abc", 13, &o, NULL, &err), LIT_ELIMIT);
	o.max_input = 0;
	o.format = "nonsense";
	cr_expect_eq(lit_extract_buffer(recs, "abc", 3, &o, NULL, &err), LIT_EINVAL);
	cr_expect_eq(lit_extract_file(recs, "/nonexistent/doc.txt", NULL, NULL, &err), LIT_EIO);
	cr_expect_str_eq(err.file, "/nonexistent/doc.txt");
	lit_records_free(recs);
}

/* ------------------------------------------------------------------ CLI */

Test(cli, extract_to_csljson_and_report)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "'%s' extract --no-parse --report '%s/samples/article-ru.txt' "
	         ">/tmp/litera-extract-out.$$ 2>/tmp/litera-extract-err.$$; echo $? "
	         ">/tmp/litera-extract-rc.$$; cat /tmp/litera-extract-out.$$; "
	         "cat /tmp/litera-extract-err.$$ >&2; rm -f /tmp/litera-extract-*.$$",
	         LITERA_TOOL, LITERA_SOURCE_DIR);
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	static char out[1 << 16];
	size_t n = fread(out, 1, sizeof out - 1, p);
	out[n] = 0;
	pclose(p);
	cr_expect(out[0] == '[', "not a JSON array: %.40s", out);
	cr_expect(strstr(out, "\"where\": \"footnote\"") || strstr(out, "\"where\":\"footnote\""),
	          "no footnote in %.200s", out);
	cr_expect(strstr(out, "Бекяшев К. А.") != NULL);
	/* the report went to stderr, not into the JSON */
	cr_expect(strstr(out, "list entries") == NULL);
	snprintf(cmd, sizeof cmd, "'%s' extract /nonexistent.txt 2>&1; echo rc=$?", LITERA_TOOL);
	p = popen(cmd, "r");
	n = fread(out, 1, sizeof out - 1, p);
	out[n] = 0;
	pclose(p);
	cr_expect(strstr(out, "/nonexistent.txt") != NULL, "%s", out);
	cr_expect(strstr(out, "rc=3") != NULL, "%s", out);
}

/* ------------------------------------------------------------------ PDF */

/* A one-page PDF with Helvetica text lines, written by hand. */
static void make_pdf(const char *path, const char *const *lines)
{
	char content[4096];
	size_t cl = 0;
	cl += (size_t)snprintf(content + cl, sizeof content - cl, "BT /F1 11 Tf 72 720 Td 14 TL\n");
	for (size_t i = 0; lines[i]; i++)
		cl += (size_t)snprintf(content + cl, sizeof content - cl, "(%s) Tj T*\n", lines[i]);
	cl += (size_t)snprintf(content + cl, sizeof content - cl, "ET\n");
	char pdf[8192];
	size_t off[6], n = 0;
	n += (size_t)snprintf(pdf + n, sizeof pdf - n, "%%PDF-1.4\n");
	off[1] = n;
	n += (size_t)snprintf(pdf + n, sizeof pdf - n, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	off[2] = n;
	n += (size_t)snprintf(pdf + n, sizeof pdf - n, "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
	off[3] = n;
	n += (size_t)snprintf(pdf + n, sizeof pdf - n, "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
	                      "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n");
	off[4] = n;
	n += (size_t)snprintf(pdf + n, sizeof pdf - n, "4 0 obj << /Length %zu >> stream\n%sendstream endobj\n", cl, content);
	off[5] = n;
	n += (size_t)snprintf(pdf + n, sizeof pdf - n, "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
	size_t xref = n;
	n += (size_t)snprintf(pdf + n, sizeof pdf - n, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 1; i <= 5; i++)
		n += (size_t)snprintf(pdf + n, sizeof pdf - n, "%010zu 00000 n \n", off[i]);
	n += (size_t)snprintf(pdf + n, sizeof pdf - n, "trailer << /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fwrite(pdf, 1, n, f);
	fclose(f);
}

static const char *const pdf_lines[] = {
	"Arctic shipping grew quickly [1]. Ports expanded as well [2].",
	"",
	"References",
	"",
	"1. Smith J. Arctic shipping. London: Routledge, 2019. 300 p.",
	"2. Brown K. Ports of the North // Polar Record. 2020. Vol. 5. P. 1-10.",
	NULL
};

Test(pdf, through_pdftotext)
{
	if (system("command -v pdftotext >/dev/null 2>&1") != 0)
		cr_skip_test("pdftotext (poppler-utils) is not installed");
	char path[] = "/tmp/litera-test-pdf-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	close(fd);
	make_pdf(path, pdf_lines);
	lit_records *recs = lit_records_new();
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	lit_error err;
	o.no_parse = 1;
	o.format = "pdf";
	int rc = lit_extract_file(recs, path, &o, NULL, &err);
	/* the same bytes through the buffer entry point (detected by %PDF-) */
	size_t len;
	char *data = test_read_file(path, &len);
	lit_records *recs2 = lit_records_new();
	o.format = NULL;
	int rc2 = lit_extract_buffer(recs2, data, len, &o, NULL, &err);
	unlink(path);
	free(data);
	cr_assert_eq(rc, LIT_OK, "%s", err.message);
	cr_assert_eq(rc2, LIT_OK, "%s", err.message);
	cr_assert_eq(lit_records_count(recs), 2);
	cr_assert_eq(lit_records_count(recs2), 2);
	cr_expect_str_eq(lit_record_raw(lit_records_at(recs, 0)),
	                 "Smith J. Arctic shipping. London: Routledge, 2019. 300 p.");
	int js;
	cr_expect_str_eq(lit_record_custom(lit_records_at(recs, 1), "cited_at", &js), "[1]");
	lit_records_free(recs);
	lit_records_free(recs2);
}

Test(pdf, missing_pdftotext_is_a_clear_error)
{
	setenv("PATH", "/nonexistent-litera-path", 1);
	lit_records *recs = lit_records_new();
	lit_error err;
	const char pdf[] = "%PDF-1.4\n%%EOF\n";
	int rc = lit_extract_buffer(recs, pdf, sizeof pdf - 1, NULL, NULL, &err);
	cr_expect_eq(rc, LIT_EEXTERNAL);
	cr_expect(strstr(err.message, "poppler-utils") != NULL, "%s", err.message);
	lit_records_free(recs);
}

/* ------------------------------------------------------------ layouts */

/* Extract `doc` without parsing; check the raw texts of the records in
 * order ("*" ends the list) and the repeat links {repeat, work} (1-based,
 * 0 ends them). */
static void check_layout(const char *name, const char *doc, const char *const *raws,
                         const size_t (*links)[2])
{
	lit_records *recs = lit_records_new();
	lit_extract_options o = LIT_EXTRACT_OPTIONS_INIT;
	lit_error err;
	o.no_parse = 1;
	cr_assert_eq(lit_extract_buffer(recs, doc, strlen(doc), &o, NULL, &err), LIT_OK, "%s: %s",
	             name, err.message);
	size_t n = 0;
	while (raws[n][0] != '*')
		n++;
	size_t got = lit_records_count(recs);
	for (size_t k = 0; k < n && k < got; k++)
		cr_expect_str_eq(lit_record_raw(lit_records_at(recs, k)), raws[k], "%s: record %zu",
		                 name, k + 1);
	cr_expect_eq(got, n, "%s: %zu records, want %zu", name, got, n);
	for (size_t k = 0; links && links[k][0]; k++) {
		if (links[k][0] > got)
			continue;
		int js = 0;
		const char *ro = lit_record_custom(lit_records_at(recs, links[k][0] - 1), "repeat_of", &js);
		char item[32];
		snprintf(item, sizeof item, "\"item\": %zu}", links[k][1]);
		cr_expect(ro && strstr(ro, item), "%s: record %zu repeats %s, want item %zu", name,
		          links[k][0], ro ? ro : "nothing", links[k][1]);
	}
	lit_records_free(recs);
}

/* APA 7 with the hanging indent lost: an entry may end with a DOI or a
 * URL (cut over lines, or ending in '/'), start with an organisation or
 * "(Eds.)"; "In H. Davies & T. Mbeki (Eds.)" goes on an entry */
Test(layouts, apa_list_without_indent)
{
	static const char doc[] =
		"Remote work is here to stay (Chen, 2023a; Davies & Mbeki, 2021).\n"
		"\n"
		"References\n"
		"Alvarez, R. M., & Chen, L. (2021). Working from home and urban consumption. Journal of Urban\n"
		"Economics, 125(2), 211–229. https://doi.org/10.1016/j.jue.2021.05.004\n"
		"American Community Research Council. (2022). Remote work and housing demand (Policy Brief\n"
		"No. 14). https://www.acrc-research.org/briefs/remote-work-housing-14.pdf\n"
		"Carver, J. D. (2020, April 9). The office is dead. The Atlantic Monthly Review. https://www.\n"
		"amreview.com/ideas/2020/04/office-is-dead/609876/\n"
		"Chen, L. (2023a). Remote work and school choice. Education Finance and Policy, 18(3), 401–425.\n"
		"Chen, L., & Iqbal, S. (2022). Zoom towns? Regional Science and Urban Economics, 94, 103–121.\n"
		"https://doi.org/10.1016/j.regsciurbeco.2022.\n"
		"103121\n"
		"Davies, H., & Mbeki, T. (Eds.). (2021). The post-pandemic city. Policy Press.\n"
		"Garner, S. (n.d.). Mapping remote work. Metro Insights. Retrieved March 3, 2024, from\n"
		"https://metroinsights.org/maps/remote-work-metros\n"
		"Okafor, M. N. (2021). Who can work from home? Occupational sorting and neighbourhood income.\n"
		"In H. Davies & T. Mbeki (Eds.), The post-pandemic city (pp. 45–68). Policy Press.\n";
	static const char *const want[] = {
		"Alvarez, R. M., & Chen, L. (2021). Working from home and urban consumption. Journal of Urban "
		"Economics, 125(2), 211–229. https://doi.org/10.1016/j.jue.2021.05.004",
		"American Community Research Council. (2022). Remote work and housing demand (Policy Brief "
		"No. 14). https://www.acrc-research.org/briefs/remote-work-housing-14.pdf",
		"Carver, J. D. (2020, April 9). The office is dead. The Atlantic Monthly Review. "
		"https://www.amreview.com/ideas/2020/04/office-is-dead/609876/",
		"Chen, L. (2023a). Remote work and school choice. Education Finance and Policy, 18(3), 401–425.",
		"Chen, L., & Iqbal, S. (2022). Zoom towns? Regional Science and Urban Economics, 94, 103–121. "
		"https://doi.org/10.1016/j.regsciurbeco.2022.103121",
		"Davies, H., & Mbeki, T. (Eds.). (2021). The post-pandemic city. Policy Press.",
		"Garner, S. (n.d.). Mapping remote work. Metro Insights. Retrieved March 3, 2024, from "
		"https://metroinsights.org/maps/remote-work-metros",
		"Okafor, M. N. (2021). Who can work from home? Occupational sorting and neighbourhood income. "
		"In H. Davies & T. Mbeki (Eds.), The post-pandemic city (pp. 45–68). Policy Press.",
		"*"
	};
	check_layout("apa", doc, want, NULL);
}

/* Chicago: notes labelled "1. " at the page foot, in sequence even when
 * they cite little ("Ibid., 312–14.", a shelfmark) or lost their marker
 * ("in 1900.11"); short notes, two in one note, one with pages that look
 * like a year ("1115"), one by an organisation, one dropping "The"; a
 * body section "Sources" is no list; the bibliography's "Surname, Given."
 * entries are split */
Test(layouts, chicago_notes_and_bibliography)
{
	static const char doc[] =
		"Introduction\n"
		"Riga became the largest export port of the empire.1 Its merchants financed the trade,2\n"
		"and the railways helped.3 The Exchange published reports.4\n"
		"1. Margaret Ellison, The Baltic Grain Trade, 1850–1914 (Cambridge: Cambridge University\n"
		"Press, 2009), 42.\n"
		"2. Peter Raudsepp, “Merchants and Money in Late Imperial Riga,” Slavic Review 71, no. 2\n"
		"(2012): 310.\n"
		"3. Ibid., 312–14.\n"
		"4. Riga Exchange Committee, Annual Report for 1900 (Riga: Müllersche Buchdruckerei, 1901), 14.\n"
		"\n"
		"128 E. VĪTOLA\n"
		"\n"
		"Sources\n"
		"Besides the printed reports, this article draws on the records of the Exchange Committee in\n"
		"the Latvian archive5 and on the press of the city. The most systematic study lists the firms\n"
		"active in 1900.6 Others have looked at the prices,7 the railways8 and the reports.9\n"
		"5. Latvian State Historical Archive (LVVA), f. 2736, op. 1, d. 45, l. 12.\n"
		"6. Maris Vītols, “Railways, Tariffs and the Hinterland of Riga,” Economic History Review 66,\n"
		"no. 4 (2013): 1102–25.\n"
		"7. Ibid., 1110.\n"
		"8. See Ellison, Baltic Grain Trade, 61; Raudsepp, “Merchants and Money,” 315–18; Vītols,\n"
		"“Railways, Tariffs,” 1115.\n"
		"9. Riga Exchange Committee, Annual Report for 1900, 22.\n"
		"\n"
		"Bibliography\n"
		"Ellison, Margaret. The Baltic Grain Trade, 1850–1914. Cambridge: Cambridge University Press,\n"
		"2009.\n"
		"Plakans, Andrejs. The Latvians: A Short History. Stanford, CA: Hoover Institution Press, 1995.\n"
		"Raudsepp, Peter. “Merchants and Money in Late Imperial Riga.” Slavic Review 71, no. 2 (2012):\n"
		"301–24.\n";
	static const char *const want[] = {
		"Margaret Ellison, The Baltic Grain Trade, 1850–1914 (Cambridge: Cambridge University "
		"Press, 2009), 42.",
		"Peter Raudsepp, “Merchants and Money in Late Imperial Riga,” Slavic Review 71, no. 2 (2012): 310.",
		"Ibid., 312–14.",
		"Riga Exchange Committee, Annual Report for 1900 (Riga: Müllersche Buchdruckerei, 1901), 14.",
		"Latvian State Historical Archive (LVVA), f. 2736, op. 1, d. 45, l. 12.",
		"Maris Vītols, “Railways, Tariffs and the Hinterland of Riga,” Economic History Review 66, "
		"no. 4 (2013): 1102–25.",
		"Ibid., 1110.",
		"See Ellison, Baltic Grain Trade, 61",
		"Raudsepp, “Merchants and Money,” 315–18",
		"Vītols, “Railways, Tariffs,” 1115.",
		"Riga Exchange Committee, Annual Report for 1900, 22.",
		"Ellison, Margaret. The Baltic Grain Trade, 1850–1914. Cambridge: Cambridge University Press, 2009.",
		"Plakans, Andrejs. The Latvians: A Short History. Stanford, CA: Hoover Institution Press, 1995.",
		"Raudsepp, Peter. “Merchants and Money in Late Imperial Riga.” Slavic Review 71, no. 2 (2012): "
		"301–24.",
		"*"
	};
	static const size_t links[][2] = { { 3, 2 }, { 7, 6 }, { 8, 1 }, { 9, 2 }, { 10, 6 }, { 11, 4 },
	                                   { 0, 0 } };
	check_layout("chicago", doc, want, links);
}

/* GOST notes: a note cut after "канд." goes on in lower case; "Там же"
 * after a dated explanatory sentence repeats the work before it; "Об этом
 * подробнее см.:" before "Указ. соч."; a short title cut by "…" holding
 * a comma */
Test(layouts, gost_notes_repeats)
{
	static const char doc[] =
		"Торговля шла через Кяхту1. Даты даны по старому стилю2. Так считали и позже3.\n"
		"Об этом писали не раз4. Сведения таможни неполны5. Серебро уходило за границу6.\n"
		"Споры продолжаются7.\n"
		"1 Орлова Т. Г. Чайная торговля России с Китаем во второй половине XIX в.: дис. … канд.\n"
		"ист. наук. Томск, 2004. С. 88.\n"
		"2 Здесь и далее даты до 1918 г. приводятся по старому стилю.\n"
		"3 Там же. С. 90.\n"
		"4 Петров В. Н. Чайные караваны через Монголию // Вопросы истории. 1998. № 7. С. 112–120.\n"
		"5 Обзор внешней торговли России за 1885 год. СПб.: Тип. В. Киршбаума, 1886. С. 214.\n"
		"6 Whitcombe R. Tea, Silver and the Kiakhta Exchange, 1800–1860 // Journal of Eurasian\n"
		"Studies. 2016. Vol. 7, No. 2. P. 130–141.\n"
		"7 Об этом подробнее см.: Петров В. Н. Указ. соч. С. 115; Whitcombe R. Tea, Silver and the\n"
		"Kiakhta Exchange… P. 139.\n";
	static const char *const want[] = {
		"Орлова Т. Г. Чайная торговля России с Китаем во второй половине XIX в.: дис. … канд. ист. "
		"наук. Томск, 2004. С. 88.",
		"Там же. С. 90.",
		"Петров В. Н. Чайные караваны через Монголию // Вопросы истории. 1998. № 7. С. 112–120.",
		"Обзор внешней торговли России за 1885 год. СПб.: Тип. В. Киршбаума, 1886. С. 214.",
		"Whitcombe R. Tea, Silver and the Kiakhta Exchange, 1800–1860 // Journal of Eurasian "
		"Studies. 2016. Vol. 7, No. 2. P. 130–141.",
		"Об этом подробнее см.: Петров В. Н. Указ. соч. С. 115",
		"Whitcombe R. Tea, Silver and the Kiakhta Exchange… P. 139.",
		"*"
	};
	static const size_t links[][2] = { { 2, 1 }, { 6, 3 }, { 7, 5 }, { 0, 0 } };
	check_layout("gost", doc, want, links);
}

/* A narrow column: the date of an APA head on the next line, an author
 * list broken after ". . ." or an initial, a publisher on a short line
 * after "(pp. 301–322)." */
Test(layouts, apa_narrow_column)
{
	static const char doc[] =
		"References\n"
		"Nakamura, K. (2019). Telework and regional development in Japan. In S.\n"
		"Hall, R. Ito, & M. Weber (Eds.), Handbook of regional labour markets\n"
		"(pp. 301–322).\n"
		"Edward Elgar. https://doi.org/10.4337/9781788117456.00025\n"
		"Organisation for Regional Co-operation and Development.\n"
		"(2021). Teleworking and regions: Trends and prospects. ORCD\n"
		"Publishing. https://doi.org/10.1787/5f2a9e41-en\n"
		"Williams, J. C., Okafor, M. N., Chen, L., Davies, H., Eriksen, K.,\n"
		"Florez, P., Garner, S., Hughes, D. A., Iqbal, S., Jensen, M., Kaur, P.,\n"
		"Lopez, G. R., Mbeki, T., Nakamura, K., Patel, R., Quinlan, B., Ramos,\n"
		"A., Schuller, B., Taylor, V., . . .\n"
		"Zhao, Y. (2023). The Remote Work Panel: Design and first results.\n"
		"Journal of Survey Methods, 11(2), 1–29.\n"
		"Whitfield, N. (2020). Urban amenities and the location choices of\n"
		"knowledge workers. Journal of Economic Geography, 20(4), 887–912.\n"
		"https://doi.org/10.\n"
		"1093/jeg/lbz038\n"
		"Wu, H. (2021). Remote work and the housing market: A review [Preprint].\n"
		"SSRN. https://doi.org/10.2139/ssrn.3912345\n";
	static const char *const want[] = {
		"Nakamura, K. (2019). Telework and regional development in Japan. In S. Hall, R. Ito, & "
		"M. Weber (Eds.), Handbook of regional labour markets (pp. 301–322). Edward Elgar. "
		"https://doi.org/10.4337/9781788117456.00025",
		"Organisation for Regional Co-operation and Development. (2021). Teleworking and regions: "
		"Trends and prospects. ORCD Publishing. https://doi.org/10.1787/5f2a9e41-en",
		"Williams, J. C., Okafor, M. N., Chen, L., Davies, H., Eriksen, K., Florez, P., Garner, S., "
		"Hughes, D. A., Iqbal, S., Jensen, M., Kaur, P., Lopez, G. R., Mbeki, T., Nakamura, K., "
		"Patel, R., Quinlan, B., Ramos, A., Schuller, B., Taylor, V., . . . Zhao, Y. (2023). The "
		"Remote Work Panel: Design and first results. Journal of Survey Methods, 11(2), 1–29.",
		"Whitfield, N. (2020). Urban amenities and the location choices of knowledge workers. "
		"Journal of Economic Geography, 20(4), 887–912. https://doi.org/10.1093/jeg/lbz038",
		"Wu, H. (2021). Remote work and the housing market: A review [Preprint]. SSRN. "
		"https://doi.org/10.2139/ssrn.3912345",
		"*"
	};
	check_layout("apa-narrow", doc, want, NULL);
}

/* Chicago bibliography in a narrow column: an organisation as author
 * after "Surname, Given." entries, a place line after a short title line,
 * a German ordinal ("im 19." + "Jahrhundert.") */
Test(layouts, chicago_bibliography_narrow)
{
	static const char doc[] =
		"Bibliography\n"
		"Ellison, Margaret. The Baltic Grain Trade, 1850–1914.\n"
		"Cambridge: Cambridge University Press, 2009.\n"
		"Raudsepp, Peter. “Merchants and Money in Late Imperial Riga.”\n"
		"Slavic Review 71, no. 2 (2012): 301–24.\n"
		"Riga Exchange Committee. Annual Report for 1900. Riga: Müllersche\n"
		"Buchdruckerei, 1901.\n"
		"Strauss, Helga. Kaufleute und Kredit: Die Rigaer Börse im 19.\n"
		"Jahrhundert. Marburg: Herder-Institut, 2004.\n"
		"Whitaker, Thomas. “Grain Elevators and the Modernisation of Baltic\n"
		"Ports.” Journal of Baltic Studies 48, no. 1 (2017): 1–20.\n";
	static const char *const want[] = {
		"Ellison, Margaret. The Baltic Grain Trade, 1850–1914. Cambridge: Cambridge University "
		"Press, 2009.",
		"Raudsepp, Peter. “Merchants and Money in Late Imperial Riga.” Slavic Review 71, no. 2 "
		"(2012): 301–24.",
		"Riga Exchange Committee. Annual Report for 1900. Riga: Müllersche Buchdruckerei, 1901.",
		"Strauss, Helga. Kaufleute und Kredit: Die Rigaer Börse im 19. Jahrhundert. Marburg: "
		"Herder-Institut, 2004.",
		"Whitaker, Thomas. “Grain Elevators and the Modernisation of Baltic Ports.” Journal of "
		"Baltic Studies 48, no. 1 (2017): 1–20.",
		"*"
	};
	check_layout("chicago-narrow", doc, want, NULL);
}

/* Notes cut after "Указ." or "Бурят." go on in lower case */
Test(layouts, gost_notes_cut_after_abbreviations)
{
	static const char doc[] =
		"Торговля шла через Кяхту1. Купцы богатели2. Об этом писали3.\n"
		"1 Кузьмин А. П. Кяхтинская торговля в XIX веке. Иркутск: Оттиск, 2008. С. 12.\n"
		"2 Кузьмин А. П. Указ. соч. С. 210–212; Мельников И. Ю., Ткачёва О. В. Указ.\n"
		"соч. С. 58.\n"
		"3 Очерки истории Бурятии / под ред. Г. Н. Румянцева. Улан-Удэ: Бурят.\n"
		"кн. изд-во, 1954. Т. 1. С. 233.\n";
	static const char *const want[] = {
		"Кузьмин А. П. Кяхтинская торговля в XIX веке. Иркутск: Оттиск, 2008. С. 12.",
		"Кузьмин А. П. Указ. соч. С. 210–212",
		"Мельников И. Ю., Ткачёва О. В. Указ. соч. С. 58.",
		"Очерки истории Бурятии / под ред. Г. Н. Румянцева. Улан-Удэ: Бурят. кн. изд-во, 1954. "
		"Т. 1. С. 233.",
		"*"
	};
	static const size_t links[][2] = { { 2, 1 }, { 0, 0 } };
	check_layout("gost-abbrev", doc, want, links);
}
