/*
 * test_check_url.c - URL validation, normalisation (punycode hosts,
 * percent-encoded Cyrillic paths), repair suggestions for what PDF
 * extraction breaks, DOI syntax, and report rendering without network.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "litera/check.h"
#include "check/check_int.h"

static char *norm(const char *u, int *rc, char **sugg, lit_error *err)
{
	char *out = NULL;
	*rc = lit_url_normalize(u, strlen(u), &out, sugg, err);
	return out;
}

#define OK_URL(in, want) do { \
	int rc_; lit_error e_; char *s_ = NULL; \
	char *o_ = norm(in, &rc_, &s_, &e_); \
	cr_assert_eq(rc_, LIT_OK, "%s rejected: %s", in, e_.message); \
	cr_expect_str_eq(o_, want); \
	cr_expect_null(s_); \
	lit_free(o_); \
} while (0)

#define BAD_URL(in, want_sugg) do { \
	int rc_; lit_error e_; char *s_ = NULL; \
	char *o_ = norm(in, &rc_, &s_, &e_); \
	cr_assert_eq(rc_, LIT_EPARSE, "%s accepted as %s", in, o_ ? o_ : "?"); \
	cr_expect_null(o_); \
	cr_expect(e_.message[0] != '\0'); \
	if (want_sugg) { \
		cr_assert_not_null(s_, "%s: no suggestion (%s)", in, e_.message); \
		cr_expect_str_eq(s_, (const char *)(want_sugg)); \
	} else { \
		cr_expect_null(s_, "%s: unexpected suggestion %s", in, s_ ? s_ : ""); \
	} \
	lit_free(s_); \
} while (0)

Test(check_url, valid_urls_normalised)
{
	OK_URL("https://example.com/a/b?c=d#e", "https://example.com/a/b?c=d#e");
	OK_URL("HTTP://Example.COM", "http://example.com/");
	OK_URL("  <https://example.com/x>  ", "https://example.com/x");
	OK_URL("http://127.0.0.1:8080/p", "http://127.0.0.1:8080/p");
	OK_URL("http://[::1]:8080/p", "http://[::1]:8080/p");
	OK_URL("https://user@example.org/%7Euser", "https://user@example.org/%7Euser");
	OK_URL("https://example.com/a|b", "https://example.com/a%7Cb");
}

Test(check_url, idn_and_cyrillic_paths)
{
	OK_URL("http://президент.рф/", "http://xn--d1abbgf6aiiy.xn--p1ai/");
	OK_URL("https://ПРЕЗИДЕНТ.РФ/news", "https://xn--d1abbgf6aiiy.xn--p1ai/news");
	OK_URL("https://bücher.de/", "https://xn--bcher-kva.de/");
	OK_URL("https://例え.テスト/", "https://xn--r8jz45g.xn--zckzah/");
	OK_URL("https://ru.wikipedia.org/wiki/Ссылка",
	       "https://ru.wikipedia.org/wiki/%D0%A1%D1%81%D1%8B%D0%BB%D0%BA%D0%B0");
	OK_URL("https://example.com/поиск?q=тест",
	       "https://example.com/%D0%BF%D0%BE%D0%B8%D1%81%D0%BA?q=%D1%82%D0%B5%D1%81%D1%82");
}

Test(check_url, idna_encode_direct)
{
	char *o = NULL;
	cr_assert_eq(lit_idna_encode("münchen.de", strlen("münchen.de"), &o), LIT_OK);
	cr_expect_str_eq(o, "xn--mnchen-3ya.de");
	lit_free(o);
	cr_assert_eq(lit_idna_encode("xn--p1ai", 8, &o), LIT_OK);
	cr_expect_str_eq(o, "xn--p1ai");
	lit_free(o);
	cr_expect_eq(lit_idna_encode("bad host", 8, &o), LIT_EPARSE);
	cr_expect_eq(lit_idna_encode("", 0, &o), LIT_EPARSE);
}

Test(check_url, malformed_with_repairs)
{
	/* a URL split across lines in a PDF */
	BAD_URL("https://example.com/some/long/pa th/file.html", "https://example.com/some/long/path/file.html");
	BAD_URL("https://exam ple.com/x", "https://example.com/x");
	/* № standing for N */
	BAD_URL("https://example.com/issue№5", "https://example.com/issueN5");
	/* broken percent-encoding */
	BAD_URL("https://example.com/100%sure", "https://example.com/100%25sure");
	BAD_URL("https://example.com/a% 20b", "https://example.com/a%20b");
	/* typographic dash and soft hyphen */
	BAD_URL("https://example.com/a–b", "https://example.com/a-b");
	BAD_URL("https://example.com/long\xc2\xadname", "https://example.com/longname");
	/* scheme trouble */
	BAD_URL("www.example.com/page", "https://www.example.com/page");
	BAD_URL("http:/example.com/x", "http://example.com/x");
	BAD_URL("https//example.com/x", "https://example.com/x");
}

Test(check_url, malformed_without_repairs)
{
	BAD_URL("ftp://example.com/file", NULL);
	BAD_URL("file:///etc/passwd", NULL);
	BAD_URL("javascript:alert(1)", NULL);
	BAD_URL("", NULL);
	BAD_URL("http://", NULL);
	BAD_URL("http://example.com:99999/", NULL);
	BAD_URL("http://exa_mple..com/", NULL);
	BAD_URL("just some words", NULL);
	BAD_URL("http://example.com/\xff\xfe", NULL);
}

Test(check_url, bycatch_and_helpers)
{
	const char *u = "https://example.com/a).";
	cr_expect_eq(lit_url_trim_bycatch(u, strlen(u)), strlen("https://example.com/a"));
	u = "https://en.wikipedia.org/wiki/C_(language)";
	cr_expect_eq(lit_url_trim_bycatch(u, strlen(u)), strlen(u));
	char key[128];
	cr_assert_eq(lit_url_host_key("https://User@Example.com:443/x", key, sizeof key), 0);
	cr_expect_str_eq(key, "https://example.com:443");
	cr_expect(lit_url_looks_large("https://x.org/paper.PDF?download=1"));
	cr_expect(!lit_url_looks_large("https://x.org/pdf/view"));
	char *doi = NULL;
	cr_expect_eq(lit_url_doi("https://doi.org/10.1000/XYZ.1", &doi), 1);
	cr_expect_str_eq(doi, "10.1000/XYZ.1");
	free(doi);
	cr_expect_eq(lit_url_doi("https://example.org/10.1000/x", &doi), 0);
}

#define OK_DOI(in, want) do { \
	char *o_ = NULL; lit_error e_; \
	cr_assert_eq(lit_doi_normalize(in, strlen(in), &o_, &e_), LIT_OK, "%s: %s", in, e_.message); \
	cr_expect_str_eq(o_, want); \
	lit_free(o_); \
} while (0)

#define BAD_DOI(in) do { \
	char *o_ = NULL; lit_error e_; \
	cr_expect_eq(lit_doi_normalize(in, strlen(in), &o_, &e_), LIT_EPARSE, "%s accepted", in); \
	cr_expect_null(o_); \
} while (0)

Test(check_url, doi_syntax)
{
	OK_DOI("10.1002/anie.201804551", "10.1002/anie.201804551");
	OK_DOI("doi:10.1000/182", "10.1000/182");
	OK_DOI("DOI: 10.1000/182.", "10.1000/182");
	OK_DOI("https://doi.org/10.1126/science.169.3946.635", "10.1126/science.169.3946.635");
	OK_DOI("http://dx.doi.org/10.1000%2F182", "10.1000/182");
	OK_DOI("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
	       "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0");
	OK_DOI("10.12345.6/abc", "10.12345.6/abc");
	BAD_DOI("11.1000/182");
	BAD_DOI("10.12/abc");
	BAD_DOI("10.1000");
	BAD_DOI("10.1000/");
	BAD_DOI("10.1000/a b");
	BAD_DOI("");
}

Test(check_url, verdict_names)
{
	cr_expect_str_eq(lit_verdict_name(LIT_VERDICT_OK), "ok");
	cr_expect_str_eq(lit_verdict_name(LIT_VERDICT_SERVER_ERROR), "server-error");
	cr_expect_str_eq(lit_verdict_name(LIT_VERDICT_TLS_ERROR), "tls-error");
	cr_expect_str_eq(lit_verdict_name(LIT_VERDICT_MALFORMED), "malformed");
	cr_expect_str_eq(lit_verdict_name((lit_verdict)99), "");
}

/* Malformed links never reach the network: a report can be made offline. */
Test(check_url, offline_report_formats)
{
	lit_check_options o = LIT_CHECK_OPTIONS_INIT;
	lit_checker *c = NULL;
	lit_check_report *rep = NULL;
	const char *urls[] = { "https://example.com/issue№5", "10.12/bad", "ftp://x/y" };
	cr_assert_eq(lit_checker_new(&c, &o, NULL), LIT_OK);
	cr_assert_eq(lit_checker_check_urls(c, urls, 3, &rep, NULL), LIT_OK);
	cr_assert_eq(lit_check_report_count(rep), 3);
	for (size_t i = 0; i < 3; i++)
		cr_expect_eq(lit_check_report_at(rep, i)->verdict, LIT_VERDICT_MALFORMED);
	cr_expect_eq(lit_check_report_at(rep, 1)->kind, LIT_LINK_DOI);
	cr_expect_str_eq(lit_check_report_at(rep, 0)->suggestion, "https://example.com/issueN5");
	cr_expect_eq(lit_check_report_tally(rep, LIT_VERDICT_MALFORMED), 3);
	const char *fmts[] = { "text", "json", "markdown", "junit" };
	const char *needle[] = { "[malformed]", "\"verdict\": \"malformed\"", "| malformed |", "<failure type=\"malformed\"" };
	for (int k = 0; k < 4; k++) {
		char *out = NULL;
		size_t len = 0;
		cr_assert_eq(lit_check_report_render(rep, fmts[k], &out, &len, NULL), LIT_OK);
		cr_expect_eq(strlen(out), len);
		cr_expect(strstr(out, needle[k]) != NULL, "%s output lacks %s:\n%s", fmts[k], needle[k], out);
		cr_expect(strstr(out, "issueN5") != NULL, "%s output lacks the suggestion", fmts[k]);
		lit_free(out);
	}
	char *out = NULL;
	cr_expect_eq(lit_check_report_render(rep, "yaml", &out, NULL, NULL), LIT_ENOTFOUND);
	lit_check_report_free(rep);
	lit_checker_free(c);
}
