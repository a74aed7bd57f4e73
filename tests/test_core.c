/*
 * test_core.c - the record model, buffers, UTF-8 helpers, transliteration,
 * JSON reader, encoding detection and the atomic writer.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "litera.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/utf8.h"

Test(record, names_of_types_and_variables)
{
	cr_assert_str_eq(lit_type_name(LIT_TYPE_ARTICLE_JOURNAL), "article-journal");
	cr_assert_eq(lit_type_from_name("paper-conference"), LIT_TYPE_PAPER_CONFERENCE);
	cr_assert_eq(lit_type_from_name("no-such-type"), -1);
	cr_assert_str_eq(lit_var_name(LIT_VAR_CONTAINER_TITLE), "container-title");
	cr_assert_eq(lit_var_from_name("DOI"), LIT_VAR_DOI);
	cr_assert_eq(lit_var_from_name("doi"), -1, "CSL names are case-sensitive");
	cr_assert_eq(lit_var_kind_of(LIT_VAR_AUTHOR), LIT_KIND_NAME);
	cr_assert_eq(lit_var_kind_of(LIT_VAR_ISSUED), LIT_KIND_DATE);
	cr_assert_eq(lit_var_kind_of(LIT_VAR_PAGE), LIT_KIND_NUMBER);
	/* every variable name maps back to itself */
	for (int v = 0; v < LIT_VAR__COUNT; v++)
		cr_assert_eq(lit_var_from_name(lit_var_name((lit_var)v)), v);
	for (int t = 0; t < LIT_TYPE__COUNT; t++)
		cr_assert_eq(lit_type_from_name(lit_type_name((lit_type)t)), t);
}

Test(record, fields_set_replace_remove)
{
	lit_record *r = lit_record_new();
	cr_assert_eq(lit_record_type(r), LIT_TYPE_DOCUMENT);
	cr_assert_eq(lit_record_set(r, LIT_VAR_TITLE, "Сближение России и КНДР"), LIT_OK);
	cr_assert_eq(lit_record_set(r, LIT_VAR_VOLUME, "49"), LIT_OK);
	cr_assert_str_eq(lit_record_get(r, LIT_VAR_TITLE), "Сближение России и КНДР");
	cr_assert_eq(lit_record_set(r, LIT_VAR_TITLE, "Other"), LIT_OK);
	cr_assert_str_eq(lit_record_get(r, LIT_VAR_TITLE), "Other");
	cr_assert_eq(lit_record_field_count(r), 2);
	lit_var v;
	cr_assert_str_eq(lit_record_field_at(r, 1, &v), "49");
	cr_assert_eq(v, LIT_VAR_VOLUME);
	cr_assert_eq(lit_record_set(r, LIT_VAR_TITLE, ""), LIT_OK);
	cr_assert_null(lit_record_get(r, LIT_VAR_TITLE));
	cr_assert_eq(lit_record_field_count(r), 1);
	cr_assert_eq(lit_record_set(r, LIT_VAR_AUTHOR, "x"), LIT_EINVAL, "names are not text");
	cr_assert_eq(lit_record_setn(r, LIT_VAR_PAGE, "75-85xyz", 5), LIT_OK);
	cr_assert_str_eq(lit_record_get(r, LIT_VAR_PAGE), "75-85");
	lit_record_free(r);
}

Test(record, names_dates_custom_provenance_and_clone)
{
	lit_record *r = lit_record_new();
	lit_name a = { .family = "Забровская", .given = "Л. В." };
	lit_name org = { .literal = "Министерство иностранных дел" };
	cr_assert_eq(lit_record_add_name(r, LIT_VAR_AUTHOR, &a), LIT_OK);
	cr_assert_eq(lit_record_add_name(r, LIT_VAR_AUTHOR, &org), LIT_OK);
	cr_assert_eq(lit_record_add_name(r, LIT_VAR_TITLE, &a), LIT_EINVAL);
	lit_record_set_names_etal(r, LIT_VAR_AUTHOR, 1);
	lit_date d = { .year = 2025, .month = 3, .day = 1, .literal = NULL };
	cr_assert_eq(lit_record_set_date(r, LIT_VAR_ISSUED, &d), LIT_OK);
	lit_date acc = { .year = 2024, .end_year = 2025, .circa = 1, .literal = "ок. 2024" };
	cr_assert_eq(lit_record_set_date(r, LIT_VAR_ACCESSED, &acc), LIT_OK);
	cr_assert_eq(lit_record_set_custom(r, "cited_at", "[12, 40]", 1), LIT_OK);
	cr_assert_eq(lit_record_set_custom(r, "label", "4", 0), LIT_OK);
	cr_assert_eq(lit_record_set_source(r, "a.txt", 17), LIT_OK);
	cr_assert_eq(lit_record_set_raw(r, "Забровская Л. В. Сближение..."), LIT_OK);
	lit_record_set_where(r, LIT_WHERE_FOOTNOTE);
	cr_assert_eq(lit_record_set_id(r, "zabrovskaya2025"), LIT_OK);
	lit_record_set_type(r, LIT_TYPE_ARTICLE_JOURNAL);

	lit_record *c = lit_record_clone(r);
	lit_record_free(r); /* the clone must own all of its memory */
	cr_assert_eq(lit_record_name_count(c, LIT_VAR_AUTHOR), 2);
	cr_assert_str_eq(lit_record_name(c, LIT_VAR_AUTHOR, 0)->family, "Забровская");
	cr_assert_str_eq(lit_record_name(c, LIT_VAR_AUTHOR, 1)->literal, "Министерство иностранных дел");
	cr_assert_null(lit_record_name(c, LIT_VAR_AUTHOR, 1)->family);
	cr_assert_null(lit_record_name(c, LIT_VAR_AUTHOR, 2));
	cr_assert(lit_record_names_etal(c, LIT_VAR_AUTHOR));
	cr_assert_not(lit_record_names_etal(c, LIT_VAR_EDITOR));
	cr_assert_eq(lit_record_date(c, LIT_VAR_ISSUED)->month, 3);
	cr_assert_str_eq(lit_record_date(c, LIT_VAR_ACCESSED)->literal, "ок. 2024");
	int js = -1;
	cr_assert_str_eq(lit_record_custom(c, "cited_at", &js), "[12, 40]");
	cr_assert_eq(js, 1);
	cr_assert_str_eq(lit_record_custom(c, "label", &js), "4");
	cr_assert_eq(js, 0);
	cr_assert_str_eq(lit_record_source(c), "a.txt");
	cr_assert_eq(lit_record_line(c), 17);
	cr_assert_eq(lit_record_where(c), LIT_WHERE_FOOTNOTE);
	cr_assert_str_eq(lit_where_name(lit_record_where(c)), "footnote");
	cr_assert_str_eq(lit_record_id(c), "zabrovskaya2025");
	cr_assert_eq(lit_record_type(c), LIT_TYPE_ARTICLE_JOURNAL);
	lit_record_clear_names(c, LIT_VAR_AUTHOR);
	cr_assert_eq(lit_record_name_count(c, LIT_VAR_AUTHOR), 0);
	cr_assert_not(lit_record_names_etal(c, LIT_VAR_AUTHOR));
	cr_assert_eq(lit_record_set_date(c, LIT_VAR_ISSUED, NULL), LIT_OK);
	cr_assert_null(lit_record_date(c, LIT_VAR_ISSUED));
	lit_record_free(c);
	/* clearing the names of a record that has none (UBSan: no memmove on NULL) */
	lit_record *e = lit_record_new();
	lit_record_clear_names(e, LIT_VAR_EDITOR);
	cr_assert_eq(lit_record_name_count(e, LIT_VAR_EDITOR), 0);
	lit_record_free(e);
}

/* "valid until the value is changed or the record is freed": a string
 * keeps its address while other fields are set, replaced and removed, also
 * past the record's first string block; setting a field from another
 * field's own string copies it first */
Test(record, strings_stay_while_other_fields_change)
{
	lit_record *r = lit_record_new();
	char big[600];
	cr_assert_eq(lit_record_set(r, LIT_VAR_TITLE, "Сближение России и КНДР"), LIT_OK);
	const char *title = lit_record_get(r, LIT_VAR_TITLE);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = 0;
	for (int i = 0; i < 50; i++) {
		cr_assert_eq(lit_record_set(r, LIT_VAR_NOTE, big), LIT_OK);
		cr_assert_eq(lit_record_set(r, LIT_VAR_PUBLISHER, i % 2 ? "Наука" : "Издательство Московского университета"), LIT_OK);
		cr_assert_eq(lit_record_set(r, LIT_VAR_NOTE, NULL), LIT_OK);
	}
	cr_assert_eq(lit_record_get(r, LIT_VAR_TITLE), title);
	cr_assert_str_eq(title, "Сближение России и КНДР");
	cr_assert_eq(lit_record_set(r, LIT_VAR_CONTAINER_TITLE, lit_record_get(r, LIT_VAR_TITLE)), LIT_OK);
	cr_assert_eq(lit_record_set(r, LIT_VAR_TITLE, NULL), LIT_OK);
	cr_assert_str_eq(lit_record_get(r, LIT_VAR_CONTAINER_TITLE), "Сближение России и КНДР");
	lit_record_free(r);
}

Test(record, lists)
{
	lit_records *l = lit_records_new(), *m = lit_records_new();
	for (int i = 0; i < 100; i++) {
		lit_record *r = lit_record_new();
		char id[16];
		snprintf(id, sizeof id, "r%d", i);
		lit_record_set_id(r, id);
		cr_assert_eq(lit_records_push(i < 50 ? l : m, r), LIT_OK);
	}
	cr_assert_eq(lit_records_append(l, m), LIT_OK);
	cr_assert_eq(lit_records_count(l), 100);
	cr_assert_eq(lit_records_count(m), 0);
	cr_assert_str_eq(lit_record_id(lit_records_at(l, 73)), "r73");
	lit_record *t = lit_records_take(l, 0);
	cr_assert_str_eq(lit_record_id(t), "r0");
	cr_assert_str_eq(lit_record_id(lit_records_at(l, 0)), "r1");
	cr_assert_null(lit_records_at(l, 99));
	lit_record_free(t);
	lit_records_free(l);
	lit_records_free(m);
}

Test(buf, limit_and_printf)
{
	lit_buf b = LIT_BUF_INIT;
	b.max = 10;
	lit_buf_puts(&b, "12345");
	lit_buf_printf(&b, "%d", 678);
	cr_assert_str_eq(lit_buf_cstr(&b), "12345678");
	lit_buf_puts(&b, "90abc");
	cr_assert_eq(lit_buf_status(&b), LIT_ELIMIT);
	lit_buf_free(&b);
	lit_buf_put_cp(&b, 0x0416);
	cr_assert_str_eq(lit_buf_cstr(&b), "Ж");
	lit_buf_free(&b);
}

Test(utf8, decode_validate_classify)
{
	size_t adv, bad;
	cr_assert_eq(lit_utf8_decode("Ж", 2, &adv), 0x0416);
	cr_assert_eq(adv, 2);
	cr_assert_eq(lit_utf8_decode("\xC0\x80", 2, &adv), -1, "overlong");
	cr_assert_eq(lit_utf8_decode("\xED\xA0\x80", 3, &adv), -1, "surrogate");
	cr_assert_eq(lit_utf8_decode("\xE2\x82", 2, &adv), -1, "truncated");
	cr_assert(lit_utf8_valid("Привет, world", strlen("Привет, world"), NULL));
	cr_assert_not(lit_utf8_valid("ab\xFF" "cd", 5, &bad));
	cr_assert_eq(bad, 2);
	cr_assert(lit_cp_is_cyrillic(0x0451));
	cr_assert(lit_cp_is_dash(0x2014));
	cr_assert(lit_cp_is_space(0xA0));
	cr_assert_eq(lit_cp_tolower(0x0401), 0x0451);
	cr_assert(lit_utf8_mostly_cyrillic("Труды ДВО РАН", strlen("Труды ДВО РАН")));
	cr_assert_not(lit_utf8_mostly_cyrillic("Journal of Physics", 18));
}

static void check_translit(const char *in, int plain, const char *want)
{
	char *t = lit_translit(in, strlen(in), plain);
	cr_assert_str_eq(t, want, "%s -> %s (want %s)", in, t, want);
	free(t);
}

Test(utf8, translit_gost_7_79_b)
{
	check_translit("Щукин", 0, "Shhukin");
	check_translit("Дьячков", 0, "D`yachkov");
	check_translit("Дьячков", 1, "Dyachkov");
	check_translit("Цимбал", 1, "Cimbal");
	check_translit("Кузнецов", 1, "Kuzneczov");
	check_translit("Хасан", 1, "Xasan");
	check_translit("Объём", 0, "Ob``yom");
	check_translit("Электроника", 0, "E`lektronika");
	check_translit("Müller Ørsted", 1, "Muller Orsted");
	check_translit("Жуков-Сидоров", 1, "Zhukov-Sidorov");
}

Test(utf8, fold)
{
	char *a = lit_utf8_fold("  Ёлка   \xC2\xA0 ПАЛКА ", strlen("  Ёлка   \xC2\xA0 ПАЛКА "));
	cr_assert_str_eq(a, "елка палка");
	free(a);
	char *b = lit_utf8_fold("Café", 5);
	cr_assert_str_eq(b, "cafe");
	free(b);
}

Test(json, parse_values_and_errors)
{
	const char *text = "[{\"id\": \"a\", \"n\": -1.5e2, \"t\": true, \"s\": \"\\u0416\\ud83d\\ude00\\n\"},\n null]";
	lit_error err;
	lit_json_doc *doc = lit_json_parse(text, strlen(text), "x.json", &err);
	cr_assert_not_null(doc);
	const lit_json *root = lit_json_root(doc);
	cr_assert_eq(root->type, LIT_JSON_ARRAY);
	cr_assert_eq(root->len, 2);
	const lit_json *o = lit_json_at(root, 0);
	cr_assert_str_eq(lit_json_string(lit_json_get(o, "id")), "a");
	cr_assert_float_eq(lit_json_get(o, "n")->num, -150.0, 1e-9);
	cr_assert_eq(lit_json_get(o, "t")->type, LIT_JSON_TRUE);
	cr_assert_str_eq(lit_json_string(lit_json_get(o, "s")), "Ж\xF0\x9F\x98\x80\n");
	cr_assert_eq(lit_json_at(root, 1)->type, LIT_JSON_NULL);
	cr_assert_eq(lit_json_at(root, 1)->line, 2);
	lit_json_free(doc);

	const char *bad = "[1,\n2,\n{\"a\" 1}]";
	cr_assert_null(lit_json_parse(bad, strlen(bad), "bad.json", &err));
	cr_assert_eq(err.code, LIT_EPARSE);
	cr_assert_eq(err.line, 3);
	cr_assert_str_eq(err.file, "bad.json");

	/* 10,000 nested arrays: a limit error, not a stack overflow */
	char *deep = malloc(20001);
	memset(deep, '[', 10000);
	memset(deep + 10000, ']', 10000);
	cr_assert_null(lit_json_parse(deep, 20000, NULL, &err));
	cr_assert_eq(err.code, LIT_ELIMIT);
	free(deep);
}

Test(json, write_escapes)
{
	lit_buf b = LIT_BUF_INIT;
	lit_json_put_string(&b, "a\"b\\c\n\x01Ж");
	cr_assert_str_eq(lit_buf_cstr(&b), "\"a\\\"b\\\\c\\n\\u0001Ж\"");
	lit_buf_free(&b);
}

static char *decode(const char *data, size_t len, const char **enc, lit_error *err, int *rc)
{
	char *out = NULL;
	size_t n;
	*rc = lit_decode_text(data, len, NULL, &out, &n, enc, err);
	return out;
}

Test(encoding, detects_utf8_bom_utf16_cp1251_koi8)
{
	lit_error err;
	const char *enc;
	int rc;
	char *s = decode("\xEF\xBB\xBFПривет", 3 + 12, &enc, &err, &rc);
	cr_assert_eq(rc, LIT_OK);
	cr_assert_str_eq(s, "Привет");
	cr_assert_str_eq(enc, "utf-8");
	free(s);
	/* "Привет мир" in UTF-16LE with BOM */
	const char u16[] = "\xFF\xFE\x1F\x04\x40\x04\x38\x04\x32\x04\x35\x04\x42\x04";
	s = decode(u16, sizeof u16 - 1, &enc, &err, &rc);
	cr_assert_eq(rc, LIT_OK);
	cr_assert_str_eq(s, "Привет");
	free(s);
	/* UTF-16BE without BOM */
	const char u16be[] = "\x00" "a" "\x04\x16" "\x00" "b" "\x00" "c" "\x00" "d";
	s = decode(u16be, sizeof u16be - 1, &enc, &err, &rc);
	cr_assert_eq(rc, LIT_OK);
	cr_assert_str_eq(s, "aЖbcd");
	cr_assert_str_eq(enc, "utf-16be");
	free(s);
	/* "Список литературы" in CP1251 */
	const char cp[] = "\xD1\xEF\xE8\xF1\xEE\xEA \xEB\xE8\xF2\xE5\xF0\xE0\xF2\xF3\xF0\xFB";
	s = decode(cp, sizeof cp - 1, &enc, &err, &rc);
	cr_assert_eq(rc, LIT_OK);
	cr_assert_str_eq(s, "Список литературы");
	cr_assert_str_eq(enc, "cp1251");
	free(s);
	/* the same in KOI8-R */
	const char koi[] = "\xF3\xD0\xC9\xD3\xCF\xCB \xCC\xC9\xD4\xC5\xD2\xC1\xD4\xD5\xD2\xD9";
	s = decode(koi, sizeof koi - 1, &enc, &err, &rc);
	cr_assert_eq(rc, LIT_OK);
	cr_assert_str_eq(s, "Список литературы");
	cr_assert_str_eq(enc, "koi8-r");
	free(s);
}

Test(encoding, broken_utf8_and_binary_are_errors_with_lines)
{
	lit_error err;
	const char *enc;
	int rc;
	const char *broken = "Привет\nмир\n\xD0 x";
	char *s = decode(broken, strlen(broken), &enc, &err, &rc);
	cr_assert_null(s);
	cr_assert_eq(rc, LIT_EENCODING);
	cr_assert_eq(err.line, 3);
	const char junk[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x3e\x00";
	s = decode(junk, sizeof junk - 1, &enc, &err, &rc);
	cr_assert_null(s);
	cr_assert_eq(rc, LIT_EENCODING);
	cr_assert(strstr(err.message, "binary") != NULL);
}

Test(io, atomic_write_replaces_whole_file)
{
	char dir[] = "/tmp/litera-test-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/out.txt", dir);
	lit_error err;
	cr_assert_eq(lit_write_atomic(path, "first\n", 6, &err), LIT_OK);
	cr_assert_eq(lit_write_atomic(path, "second\n", 7, &err), LIT_OK);
	FILE *f = fopen(path, "r");
	char buf[32] = { 0 };
	cr_assert_eq(fread(buf, 1, sizeof buf - 1, f), 7);
	fclose(f);
	cr_assert_str_eq(buf, "second\n");
	char bad[300];
	snprintf(bad, sizeof bad, "%s/no/such/dir/out.txt", dir);
	cr_assert_eq(lit_write_atomic(bad, "x", 1, &err), LIT_EIO);
	cr_assert_str_eq(err.file, bad);
	unlink(path);
	rmdir(dir);
}

Test(io, unknown_formats_and_errors)
{
	lit_records *l = lit_records_new();
	lit_read_options ro = LIT_READ_OPTIONS_INIT;
	lit_error err;
	ro.format = "no-such-format";
	cr_assert_eq(lit_read_buffer(l, "x", 1, &ro, &err), LIT_ENOTFOUND);
	cr_assert_eq(lit_read_file(l, "/nonexistent/file.bib", NULL, &err), LIT_EIO);
	cr_assert_str_eq(err.file, "/nonexistent/file.bib");
	char *out;
	size_t n;
	cr_assert_eq(lit_write_buffer(l, "no-such-format", NULL, &out, &n, &err), LIT_ENOTFOUND);
	cr_assert_not_null(lit_format_find("BibTeX"), "names are case-insensitive");
	char msg[600];
	lit_error_set(&err, LIT_EPARSE, "a.bib", 12, "unterminated brace");
	cr_assert_str_eq(lit_error_format(&err, msg, sizeof msg), "a.bib:12: unterminated brace");
	lit_records_free(l);
}

#include "io/format.h"

Test(keys, scheme_uniqueness_and_soft_hyphen_title)
{
	lit_records *l = lit_records_new();
	for (int i = 0; i < 3000; i++) {
		lit_record *r = lit_record_new();
		lit_name a = { .family = "Дьячков", .given = "И. В." };
		lit_record_add_name(r, LIT_VAR_AUTHOR, &a);
		lit_date d = { .year = 2018 };
		lit_record_set_date(r, LIT_VAR_ISSUED, &d);
		lit_record_set(r, LIT_VAR_TITLE, "О северокорейской политике России");
		lit_records_push(l, r);
	}
	lit_record *odd = lit_record_new();
	lit_record_set(odd, LIT_VAR_TITLE, "\xC2\xAD"); /* only a soft hyphen */
	lit_records_push(l, odd);
	char **keys = lit_make_keys(l, 1);
	cr_assert_not_null(keys);
	cr_assert_str_eq(keys[0], "dyachkov2018severokorejskoj");
	cr_assert_str_eq(keys[1], "dyachkov2018severokorejskoja");
	cr_assert_str_eq(keys[27], "dyachkov2018severokorejskojaa");
	cr_assert_str_eq(keys[3000], "ref");
	/* all distinct */
	for (size_t i = 1; i < 3001; i++)
		cr_assert(strcmp(keys[i], keys[i - 1]) != 0);
	lit_keys_free(keys, 3001);
	lit_records_free(l);
}

Test(record, many_names_in_several_variables_keep_their_order)
{
	lit_record *r = lit_record_new();
	char fam[32];
	for (int i = 0; i < 50000; i++) {
		snprintf(fam, sizeof fam, "E%d", i);
		lit_name e = { .family = fam };
		cr_assert_eq(lit_record_add_name(r, i % 2 ? LIT_VAR_EDITOR : LIT_VAR_AUTHOR, &e), LIT_OK);
	}
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 25000);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_EDITOR), 25000);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_TRANSLATOR), 0);
	size_t n = lit_record_name_count(r, LIT_VAR_EDITOR);
	for (size_t i = 0; i < n; i++) {
		snprintf(fam, sizeof fam, "E%zu", 2 * i + 1);
		cr_assert_str_eq(lit_record_name(r, LIT_VAR_EDITOR, i)->family, fam);
	}
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_AUTHOR, 24999)->family, "E49998");
	cr_assert_null(lit_record_name(r, LIT_VAR_AUTHOR, 25000));
	lit_record_clear_names(r, LIT_VAR_AUTHOR);
	cr_assert_eq(lit_record_name_count(r, LIT_VAR_AUTHOR), 0);
	cr_assert_str_eq(lit_record_name(r, LIT_VAR_EDITOR, 0)->family, "E1");
	lit_record_free(r);
}

Test(io, write_file_streams_the_same_bytes_as_write_buffer)
{
	lit_records *l = lit_records_new();
	for (int i = 0; i < 20000; i++) {
		lit_record *r = lit_record_new();
		char t[64];
		snprintf(t, sizeof t, "Заголовок номер %d", i);
		lit_record_set(r, LIT_VAR_TITLE, t);
		lit_record_set(r, LIT_VAR_PAGE, "75-85");
		lit_records_push(l, r);
	}
	char dir[] = "/tmp/litera-test-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/out.ris", dir);
	lit_error err;
	char *buf;
	size_t len;
	cr_assert_eq(lit_write_buffer(l, "ris", NULL, &buf, &len, &err), LIT_OK);
	cr_assert_gt(len, (size_t)1 << 20, "large enough to be flushed in pieces");
	cr_assert_eq(lit_write_file(l, "ris", NULL, path, &err), LIT_OK);
	FILE *f = fopen(path, "rb");
	char *got = malloc(len + 1);
	cr_assert_eq(fread(got, 1, len + 1, f), len);
	fclose(f);
	cr_assert(memcmp(got, buf, len) == 0);
	free(got);
	free(buf);
	/* a format that cannot be written: an error and no file */
	char path2[256];
	snprintf(path2, sizeof path2, "%s/out.xml", dir);
	cr_assert_neq(lit_write_file(l, "medline", NULL, path2, &err), LIT_OK);
	cr_assert_neq(access(path2, F_OK), 0);
	unlink(path);
	cr_assert_eq(rmdir(dir), 0, "no temporary file left behind");
	lit_records_free(l);
}
