/*
 * test_dedup_norm.c - the keys duplicate detection is built on: DOI, ISBN
 * and URL normalisation, the transliteration-proof skeleton, title and
 * container similarity, numbers and pages.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "dedup/dedup_internal.h"
#include "util/buf.h"

static char *doi(const char *s)
{
	lit_buf b = LIT_BUF_INIT;
	if (!lit_dedup_norm_doi(s, &b)) {
		lit_buf_free(&b);
		return NULL;
	}
	return lit_buf_detach(&b, NULL);
}

static char *url(const char *s)
{
	lit_buf b = LIT_BUF_INIT;
	if (!lit_dedup_norm_url(s, &b)) {
		lit_buf_free(&b);
		return NULL;
	}
	return lit_buf_detach(&b, NULL);
}

static char *skel(const char *s)
{
	lit_buf b = LIT_BUF_INIT;
	lit_dedup_skeleton(s, &b, NULL, NULL, 0);
	return lit_buf_detach(&b, NULL);
}

static void expect_doi(const char *in, const char *want)
{
	char *got = doi(in);
	if (!want) {
		cr_expect_null(got, "%s -> %s", in, got);
	} else {
		cr_assert_not_null(got, "no DOI in %s", in);
		cr_expect_str_eq(got, want, "%s", in);
	}
	free(got);
}

Test(dedup_norm, doi_forms)
{
	expect_doi("10.1000/ABC.123", "10.1000/abc.123");
	expect_doi("doi:10.1000/abc.123", "10.1000/abc.123");
	expect_doi("DOI: 10.1000/ABC.123.", "10.1000/abc.123");
	expect_doi("https://doi.org/10.1000/abc.123", "10.1000/abc.123");
	expect_doi("http://dx.doi.org/10.1000/Abc.123", "10.1000/abc.123");
	expect_doi("https://doi.org/10.1000%2Fabc.123", "10.1000/abc.123");
	expect_doi("info:doi/10.1000/abc.123", "10.1000/abc.123");
	expect_doi("10.1016/S0140-6736(20)30183-5", "10.1016/s0140-6736(20)30183-5");
	expect_doi("(10.1000/xyz)", "10.1000/xyz");
	expect_doi("not a doi", NULL);
	expect_doi("version 10.5 of", NULL);
}

Test(dedup_norm, isbn_10_and_13_agree)
{
	char a[4][14], b[4][14];
	cr_assert_eq(lit_dedup_norm_isbn("ISBN 0-306-40615-2", a, 4), 1);
	cr_assert_eq(lit_dedup_norm_isbn("978-0-306-40615-7", b, 4), 1);
	cr_expect_str_eq(a[0], "9780306406157");
	cr_expect_str_eq(b[0], "9780306406157");
	cr_assert_eq(lit_dedup_norm_isbn("ISBN 5-02-013850-9", a, 4), 1);
	cr_expect_str_eq(a[0], "9785020138506");
	cr_assert_eq(lit_dedup_norm_isbn("080442957X (pbk.); 978-0-306-40615-7 (hbk.)", a, 4), 2);
	cr_expect_str_eq(a[0], "9780804429573");
	cr_expect_str_eq(a[1], "9780306406157");
	cr_expect_eq(lit_dedup_norm_isbn("1999, 123 p.", a, 4), 0);
	cr_expect_eq(lit_dedup_norm_isbn("12345678901234567", a, 4), 0);
}

static void expect_url(const char *in, const char *want)
{
	char *got = url(in);
	if (!want) {
		cr_expect_null(got, "%s -> %s", in, got);
	} else {
		cr_assert_not_null(got, "no URL in %s", in);
		cr_expect_str_eq(got, want, "%s", in);
	}
	free(got);
}

Test(dedup_norm, url_forms)
{
	expect_url("https://www.Example.COM/Path/", "example.com/Path");
	expect_url("http://example.com/Path", "example.com/Path");
	expect_url("HTTP://example.com:80/Path", "example.com/Path");
	expect_url("https://example.com:443/Path#section-2", "example.com/Path");
	expect_url("https://example.com/a?utm_source=x&id=5&utm_medium=y&fbclid=abc",
	           "example.com/a?id=5");
	expect_url("https://example.com/a?gclid=1", "example.com/a");
	expect_url("www.example.com/a/", "example.com/a");
	expect_url("<https://example.com/a>.", "example.com/a");
	expect_url("https://doi.org/10.1000/ABC", "doi:10.1000/abc");
	expect_url("http://dx.doi.org/10.1000/abc", "doi:10.1000/abc");
	expect_url("not a url", NULL);
}

static void expect_same_skeleton(const char *a, const char *b)
{
	char *sa = skel(a), *sb = skel(b);
	cr_expect_str_eq(sa, sb, "%s (%s) vs %s (%s)", a, sa, b, sb);
	free(sa);
	free(sb);
}

static void expect_diff_skeleton(const char *a, const char *b)
{
	char *sa = skel(a), *sb = skel(b);
	cr_expect_str_neq(sa, sb, "%s vs %s", a, b);
	free(sa);
	free(sb);
}

Test(dedup_norm, skeleton_dyachkov)
{
	/* GOST 7.79-2000 B, BGN/PCGN, ISO 9, LoC and ad-hoc forms */
	expect_same_skeleton("Дьячков", "Dyachkov");
	expect_same_skeleton("Дьячков", "D'yachkov");
	expect_same_skeleton("Дьячков", "D`yachkov");
	expect_same_skeleton("Дьячков", "Diachkov");
	expect_same_skeleton("Дьячков", "D\xCA\xB9\xC3\xA2\xC4\x8Dkov"); /* Dʹâčkov */
	expect_same_skeleton("ДЬЯЧКОВ", "dyachkov");
}

Test(dedup_norm, skeleton_systems)
{
	expect_same_skeleton("Щукин", "Shchukin");        /* BGN */
	expect_same_skeleton("Щукин", "Shhukin");         /* GOST B */
	expect_same_skeleton("Щукин", "Ŝukin");           /* ISO 9 */
	expect_same_skeleton("Жуков", "Zhukov");
	expect_same_skeleton("Жуков", "Žukov");
	expect_same_skeleton("Хрущёв", "Khrushchev");
	expect_same_skeleton("Хрущёв", "Xrushhyov");      /* GOST B */
	expect_same_skeleton("Хрущёв", "Hruŝëv");         /* ISO 9 */
	expect_same_skeleton("Цветаева", "Tsvetaeva");
	expect_same_skeleton("Цветаева", "Czvetaeva");    /* GOST B */
	expect_same_skeleton("Цветаева", "Cvetaeva");     /* ISO 9 */
	expect_same_skeleton("Достоевский", "Dostoevsky");
	expect_same_skeleton("Достоевский", "Dostoyevsky");
	expect_same_skeleton("Достоевский", "Dostoevskij");
	expect_same_skeleton("Достоевский", "Dostoevskii");
	expect_same_skeleton("Юрий", "Yury");
	expect_same_skeleton("Юрий", "Iurii");
	expect_same_skeleton("Юрий", "Jurij");
	expect_same_skeleton("Юрий", "Ûrij");
	expect_same_skeleton("Фёдор", "Fyodor");
	expect_same_skeleton("Фёдор", "Fedor");
	expect_same_skeleton("Фёдор", "Fëdor");
	expect_same_skeleton("Васильев", "Vasil'yev");
	expect_same_skeleton("Васильев", "Vasiliev");
	expect_same_skeleton("Крылов", "Kry`lov");        /* GOST B ы = y` */
	expect_same_skeleton("Крылов", "Krylov");
	expect_same_skeleton("Толстой", "Tolstoy");
	expect_same_skeleton("Толстой", "Tolstoj");
	expect_same_skeleton("Эйнштейн", "E`jnshtejn");   /* GOST B э = e` */
	expect_same_skeleton("Эйнштейн", "Ejnštejn");
	expect_same_skeleton("Кирилл", "Kiril");
	expect_same_skeleton("Объём", "Ob``yom");         /* GOST B ъ = `` */
	expect_same_skeleton("История России", "Istoriya Rossii");
	expect_same_skeleton("История России", "Istoriia Rossii");
	expect_same_skeleton("Müller", "Muller");
	expect_same_skeleton("Café «Été»", "cafe ete");
}

Test(dedup_norm, skeleton_keeps_differences)
{
	expect_diff_skeleton("Иванов", "Петров");
	expect_diff_skeleton("Smith", "Smyth Jones");
	expect_diff_skeleton("Volume 1", "Volume 2");
	expect_diff_skeleton("Kovalev", "Korolev");
	expect_diff_skeleton("Part I", "Part II");
	expect_same_skeleton("Part II", "Part 2");
	expect_same_skeleton("part ii", "PART II");
	expect_diff_skeleton("part ii", "part iii");
	expect_same_skeleton("part i", "Part I");
	expect_same_skeleton("Том I", "tom 1");
	expect_same_skeleton("L. T.", "l t");
	expect_same_skeleton("C. Smith", "c smith");
}

Test(dedup_norm, skeleton_tokens_and_subtitle)
{
	lit_buf b = LIT_BUF_INIT;
	size_t main_n = 0;
	unsigned char fl[16];
	size_t n = lit_dedup_skeleton("The Art of Computer Programming: Fundamental Algorithms",
	                              &b, &main_n, fl, 16);
	cr_expect_eq(n, 7);
	cr_expect_eq(main_n, 5);
	cr_expect(fl[0] & LIT_SKEL_STOP);
	cr_expect(fl[2] & LIT_SKEL_STOP);
	cr_expect_not(fl[1] & LIT_SKEL_STOP);
	lit_buf_clear(&b);
	n = lit_dedup_skeleton("Proc. Natl. Acad. Sci. 2001", &b, &main_n, fl, 16);
	cr_expect_eq(n, 5);
	cr_expect(fl[0] & LIT_SKEL_ABBREV);
	cr_expect(fl[4] & LIT_SKEL_NUMBER);
	lit_buf_free(&b);
}

/* Build a lit_dedup_tokens over a skeleton, for the similarity tests. */
typedef struct tok_holder {
	lit_buf b;
	uint32_t off[64], hash[64];
	uint8_t len[64], flags[64];
	lit_dedup_tokens t;
} tok_holder;

static void tokens_mode(tok_holder *h, const char *s, int plain)
{
	size_t i, n, pos = 0, main_n;
	memset(h, 0, sizeof *h);
	if (plain)
		n = main_n = lit_dedup_plain(s, &h->b, h->flags, 64);
	else
		n = lit_dedup_skeleton(s, &h->b, &main_n, h->flags, 64);
	for (i = 0; i < n; i++) {
		size_t e = pos;
		while (e < h->b.len && h->b.ptr[e] != ' ')
			e++;
		h->off[i] = (uint32_t)pos;
		h->len[i] = (uint8_t)(e - pos);
		h->hash[i] = lit_dedup_hash32(h->b.ptr + pos, e - pos);
		pos = e + 1;
	}
	h->t.text = lit_buf_cstr(&h->b);
	h->t.off = h->off;
	h->t.len = h->len;
	h->t.flags = h->flags;
	h->t.hash = h->hash;
	h->t.n = n;
	h->t.main_n = main_n;
}

static void tokens(tok_holder *h, const char *s)
{
	tokens_mode(h, s, 0);
}

static double title_sim(const char *a, const char *b)
{
	tok_holder ha, hb;
	double d;
	tokens(&ha, a);
	tokens(&hb, b);
	d = lit_dedup_title_sim(&ha.t, &hb.t);
	lit_buf_free(&ha.b);
	lit_buf_free(&hb.b);
	return d;
}

static double cont_sim(const char *a, const char *b)
{
	tok_holder ha, hb;
	double d;
	tokens_mode(&ha, a, 1);
	tokens_mode(&hb, b, 1);
	d = lit_dedup_container_sim(&ha.t, &hb.t);
	lit_buf_free(&ha.b);
	lit_buf_free(&hb.b);
	return d;
}

Test(dedup_norm, title_similarity)
{
	cr_expect_float_eq(title_sim("Deep learning", "DEEP LEARNING."), 1.0, 1e-9);
	cr_expect_float_eq(title_sim("“Deep” learning", "\"Deep\" learning"), 1.0, 1e-9);
	cr_expect_gt(title_sim("The Art of Computer Programming: Fundamental Algorithms",
	                       "The art of computer programming"), 0.9);
	cr_expect_gt(title_sim("A survey of recomender systems", "A survey of recommender systems"), 0.9);
	cr_expect_gt(title_sim("История государства Российского",
	                       "Istoriya gosudarstva Rossijskogo"), 0.99);
	cr_expect_gt(title_sim("Data base design", "Database design"), 0.85);
	cr_expect_lt(title_sim("Deep learning", "Machine learning for physics"), 0.6);
	cr_expect_lt(title_sim("Graph theory", "Group theory"), 0.7);
}

Test(dedup_norm, container_abbreviations)
{
	cr_expect_float_eq(cont_sim("J. Comput. Phys.", "Journal of Computational Physics"), 1.0, 1e-9);
	cr_expect_float_eq(cont_sim("Proc. Natl. Acad. Sci. USA",
	                            "Proceedings of the National Academy of Sciences USA"), 1.0, 1e-9);
	cr_expect_lt(cont_sim("Physical Review Letters", "Journal of Chemical Physics"), 0.5);
}

Test(dedup_norm, edit_distance)
{
	cr_expect_eq(lit_dedup_edit_distance("kitten", 6, "sitting", 7, 5), 3);
	cr_expect_eq(lit_dedup_edit_distance("kitten", 6, "sitting", 7, 2), 3);
	cr_expect_eq(lit_dedup_edit_distance("abc", 3, "abc", 3, 0), 0);
	cr_expect_eq(lit_dedup_edit_distance("", 0, "abc", 3, 5), 3);
}

/* The bit-parallel distance agrees with the textbook dynamic programme. */
static size_t dp_distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t d[80][80], i, j;
	for (i = 0; i <= n; i++)
		d[i][0] = i;
	for (j = 0; j <= m; j++)
		d[0][j] = j;
	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

Test(dedup_norm, edit_distance_random)
{
	unsigned seed = 12345;
	int k;
	for (k = 0; k < 2000; k++) {
		char a[80], b[80];
		size_t n, m, i;
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % 75;
		seed = seed * 1103515245u + 12345u;
		m = (seed >> 16) % 75;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			a[i] = (char)('a' + (seed >> 16) % 4);
		}
		for (i = 0; i < m; i++) {
			seed = seed * 1103515245u + 12345u;
			b[i] = (char)('a' + (seed >> 16) % 4);
		}
		cr_assert_eq(lit_dedup_edit_distance(a, n, b, m, 200), dp_distance(a, n, b, m),
		             "n=%zu m=%zu", n, m);
	}
}

Test(dedup_norm, numbers_and_pages)
{
	long a, b;
	cr_expect_eq(lit_dedup_first_number("2nd ed."), 2);
	cr_expect_eq(lit_dedup_first_number("Second edition"), 2);
	cr_expect_eq(lit_dedup_first_number("2-е изд."), 2);
	cr_expect_eq(lit_dedup_first_number("второе издание"), 2);
	cr_expect_eq(lit_dedup_first_number("vol. IV"), 4);
	cr_expect_eq(lit_dedup_first_number("none"), -1);
	cr_assert(lit_dedup_pages("123–130", &a, &b));
	cr_expect_eq(a, 123);
	cr_expect_eq(b, 130);
	cr_assert(lit_dedup_pages("С. 1234-56", &a, &b));
	cr_expect_eq(a, 1234);
	cr_expect_eq(b, 1256);
	cr_assert(lit_dedup_pages("e1234", &a, &b));
	cr_expect_eq(a, 1234);
	cr_expect_eq(b, 1234);
	cr_expect_not(lit_dedup_pages("n/a", &a, &b));
}
