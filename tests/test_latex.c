/*
 * test_latex.c - LaTeX to Unicode (accents, special letters, T2A
 * Cyrillic, ligatures, commands, math, braces, depth) and the reverse
 * escaping used by the BibTeX writers (escape + decode is the identity).
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/latex.h"

static char *dec(const char *s, unsigned flags)
{
	lit_buf b = LIT_BUF_INIT;
	cr_assert_eq(lit_latex_decode(s, strlen(s), flags, &b), 0);
	return lit_buf_detach(&b, NULL);
}

#define DEC(in, want) do { \
	char *got_ = dec(in, 0); \
	cr_expect_str_eq(got_, want, "%s -> [%s], want [%s]", in, got_, want); \
	free(got_); \
} while (0)

Test(latex, accents_and_special_letters)
{
	DEC("Caf\\'{e}", "Café");
	DEC("Caf\\'e", "Café");
	DEC("{\\\"O}zt{\\\"u}rk", "Öztürk");
	DEC("G\\\"odel", "Gödel");
	DEC("Stra{\\ss}e", "Straße");
	DEC("Stra\\ss{}e", "Straße");
	DEC("Fran\\c{c}ois", "François");
	DEC("Fran\\c cois", "François");
	DEC("\\v{S}koda", "Škoda");
	DEC("Sm\\'{\\i}th", "Smíth");
	DEC("\\'\\i", "í");
	DEC("{\\o}re {\\AA}ngstr{\\\"o}m", "øre Ångström");
	DEC("\\L{}\\'od\\'z", "Łódź");
	DEC("Erd\\H{o}s", "Erdős");
	DEC("\\~{n}", "ñ");
	DEC("a\\~{}b", "a~b");
	DEC("\\^{o}\\`{a}\\={a}\\.{z}\\k{a}\\r{u}", "ôàāżąů");
	DEC("\\\"{\\i}\\c{S}\\k{e}\\={o}\\.{I}\\d{a}", "ïŞęōİạ");
	DEC("\\textquotesingle{}x\\textquotesingle \\textpm 1\\textperthousand", "'x'±1‰");
}

Test(latex, cyrillic_t2a)
{
	DEC("\\cyrchar\\cyrp\\cyrr\\cyri\\cyrm\\cyre\\cyrr", "пример");
	DEC("\\CYRP\\cyrr\\cyri\\cyrv\\cyre\\cyrt{} \\cyrm\\cyri\\cyrr", "Привет мир");
	DEC("\\CYRYA\\cyrishrt\\cyrhrdsn\\cyrsftsn\\cyrery\\cyrerev\\cyryu\\cyrya\\cyryo",
	    "Яйъьыэюяё");
	DEC("\\cyrsh\\cyrshch\\cyrch\\cyrc\\cyrzh\\cyrh", "шщчцжх");
	DEC("\\CYRSHCH\\CYRYO\\CYRII\\cyryi\\cyrie\\cyrgup", "ЩЁІїєґ");
	/* accents on Cyrillic letters compose (NFC) */
	DEC("\\u{\\cyri}", "й");
	DEC("\\u{и}", "й");
	DEC("\\\"{е}", "ё");
	DEC("\\textcyrillic{\\cyrd\\cyra}", "да");
}

Test(latex, ligatures_quotes_and_numero)
{
	DEC("a---b", "a—b");
	DEC("12--19", "12–19");
	DEC("``quoted''", "“quoted”");
	DEC("<<kavychki>>", "«kavychki»");
	DEC(",,low``", "„low“");
	DEC("\\No~5", "№\u00a05");
	DEC("\\No 5", "№ 5");
	DEC("\\textnumero{}5", "№5");
	DEC("\\guillemotleft{}a\\guillemotright", "«a»");
	DEC("\\textendash\\textemdash", "–—");
	DEC("O'Brien", "O'Brien");
	DEC("a - b", "a - b");
}

Test(latex, commands_math_and_escapes)
{
	DEC("\\textit{italic} \\emph{em} \\textbf{bold} \\textsc{Small}", "italic em bold Small");
	DEC("\\url{https://a.b/c_d~e}", "https://a.b/c_d~e");
	DEC("see \\href{http://x.y}{the text}", "see the text");
	DEC("hy\\-phen\\-ation", "hyphenation");
	DEC("$x^2$ and $\\alpha$", "$x^2$ and $\\alpha$");
	DEC("costs \\$5", "costs $5");
	DEC("lone $ sign", "lone $ sign");
	DEC("\\& \\% \\# \\_ \\{x\\}", "& % # _ {x}");
	DEC("  a \n\t b  ", "a b");
	DEC("{Protected} {{Double}}", "Protected Double");
	DEC("\\LaTeX{} and \\TeX", "LaTeX and TeX");
	DEC("\\unknowncmd{kept}", "kept");
	DEC("\\foreignlanguage{russian}{Текст}", "Текст");
	DEC("trailing \\", "trailing");
	DEC("\\", "");
	DEC("\\зачем \\ё", "зачем ё");
	DEC("}}}stray{{", "stray");
}

Test(latex, keep_braces_for_names)
{
	char *s = dec("{Acme Inc} and {\\\"O}zt{\\\"u}rk and D.~E. Knuth", LIT_LATEX_KEEP_BRACES);
	cr_assert_str_eq(s, "{Acme Inc} and Öztürk and D. E. Knuth");
	free(s);
	s = dec("{\\bf Acme Corp}", LIT_LATEX_KEEP_BRACES);
	cr_assert_str_eq(s, "{Acme Corp}");
	free(s);
}

Test(latex, verbatim_fields)
{
	char *s = dec("\\url{https://ex.org/a\\_b?x=1\\&y=2}", LIT_LATEX_VERBATIM);
	cr_assert_str_eq(s, "https://ex.org/a_b?x=1&y=2");
	free(s);
	s = dec("10.1000/{ABC}\\_1 ", LIT_LATEX_VERBATIM);
	cr_assert_str_eq(s, "10.1000/ABC_1");
	free(s);
}

Test(latex, deep_nesting_is_iterative)
{
	size_t n = 10000;
	char *in = malloc(2 * n + 2);
	memset(in, '{', n);
	in[n] = 'x';
	memset(in + n + 1, '}', n);
	in[2 * n + 1] = 0;
	char *s = dec(in, 0);
	cr_assert_str_eq(s, "x");
	free(s);
	s = dec(in, LIT_LATEX_KEEP_BRACES);
	cr_assert_eq(strlen(s), 2 * n + 1);
	free(s);
	in[n + 1] = 0; /* unbalanced: no crash, the text survives */
	s = dec(in, 0);
	cr_assert_str_eq(s, "x");
	free(s);
	free(in);
}

Test(latex, ten_megabyte_value_is_linear)
{
	size_t n = 10u << 20;
	char *in = malloc(n + 1);
	const char *unit = "Caf\\'e $x$ {\\ss} \\cyrp --- ";
	size_t ul = strlen(unit);
	for (size_t i = 0; i < n; i++)
		in[i] = unit[i % ul];
	in[n] = 0;
	clock_t t0 = clock();
	lit_buf b = LIT_BUF_INIT;
	cr_assert_eq(lit_latex_decode(in, n, 0, &b), 0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	cr_expect(secs < 5.0, "10 MB took %.2f s", secs);
	cr_assert(b.len > n / 3);
	cr_assert(strstr(b.ptr, "Café $x$ ß п— Café") != NULL);
	lit_buf_free(&b);
	free(in);
}

static void roundtrip(const char *text)
{
	lit_buf e = LIT_BUF_INIT;
	lit_latex_escape(&e, text, strlen(text));
	char *back = dec(lit_buf_cstr(&e), 0);
	cr_expect_str_eq(back, text, "escape [%s] -> [%s] -> [%s]", text, lit_buf_cstr(&e), back);
	/* the escaped text has balanced braces */
	long depth = 0;
	for (size_t i = 0; i < e.len; i++) {
		depth += e.ptr[i] == '{';
		depth -= e.ptr[i] == '}';
		cr_assert_geq(depth, 0);
	}
	cr_assert_eq(depth, 0);
	free(back);
	lit_buf_free(&e);
}

Test(latex, escape_then_decode_is_identity)
{
	roundtrip("a & b % c # d _ e ~ f ^ g \\ h { i } j");
	roundtrip("pages 1--2, <<not quotes>>, ``x'' and ,,y");
	roundtrip("$x^2$ and a lone 5$");
	roundtrip("«Цитата» — №\u00a05, т.\u2009е.");
	roundtrip("Unbalanced { brace");
	roundtrip("math $\\{$ with an escaped brace, $}$ and $a{b}c$");
	roundtrip("Café Straße Łódź ё й");
	lit_buf e = LIT_BUF_INIT;
	lit_latex_escape(&e, "Наука & Жизнь", strlen("Наука & Жизнь"));
	cr_assert_str_eq(lit_buf_cstr(&e), "Наука \\& Жизнь", "Cyrillic stays UTF-8");
	lit_buf_free(&e);
}

Test(latex, escape_verbatim)
{
	lit_buf e = LIT_BUF_INIT;
	lit_latex_escape_verbatim(&e, "https://x.org/a_b%20{c}", 23);
	cr_assert_str_eq(lit_buf_cstr(&e), "https://x.org/a_b%20{c}");
	lit_buf_clear(&e);
	lit_latex_escape_verbatim(&e, "https://x.org/}a", 16);
	cr_assert_str_eq(lit_buf_cstr(&e), "https://x.org/%7Da");
	lit_buf_free(&e);
}
