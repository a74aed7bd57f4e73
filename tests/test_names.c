/*
 * test_names.c - splitting names: BibTeX's three forms, particles,
 * suffixes, organisations in braces, Russian "Иванов И. И.".
 */
#include <criterion/criterion.h>
#include <string.h>

#include "litera/common.h"
#include "util/names.h"

static void check(const char *in, const char *family, const char *given,
                  const char *particle, const char *suffix, const char *literal)
{
	lit_owned_name n;
	cr_assert_eq(lit_name_split(in, strlen(in), &n), LIT_OK, "%s", in);
#define PART(got, want) \
	if (want) cr_expect_str_eq((got) ? (got) : "(null)", want, "%s: " #got, in); \
	else cr_expect_null(got, "%s: " #got " = %s", in, (got) ? (got) : "")
	PART(n.n.family, family);
	PART(n.n.given, given);
	PART(n.n.non_dropping_particle, particle);
	PART(n.n.suffix, suffix);
	PART(n.n.literal, literal);
#undef PART
	lit_owned_name_free(&n);
}

Test(names, bibtex_forms)
{
	check("Knuth, Donald E.", "Knuth", "Donald E.", NULL, NULL, NULL);
	check("Donald E. Knuth", "Knuth", "Donald E.", NULL, NULL, NULL);
	check("Ludwig van Beethoven", "Beethoven", "Ludwig", "van", NULL, NULL);
	check("van Beethoven, Ludwig", "Beethoven", "Ludwig", "van", NULL, NULL);
	check("Jean de la Fontaine", "Fontaine", "Jean", "de la", NULL, NULL);
	check("de La Fontaine, Jean", "La Fontaine", "Jean", "de", NULL, NULL);
	check("Smith, Jr., John", "Smith", "John", NULL, "Jr.", NULL);
	check("von Neumann, Jr, John", "Neumann", "John", "von", "Jr", NULL);
	check("John Smith Jr.", "Smith", "John", NULL, "Jr.", NULL);
	check("Aristotle", "Aristotle", NULL, NULL, NULL, NULL);
	check("  Knuth ,  Donald  ", "Knuth", "Donald", NULL, NULL, NULL);
}

Test(names, braces_and_organisations)
{
	check("{Acme Corporation}", NULL, NULL, NULL, NULL, "Acme Corporation");
	check("{Министерство образования и науки РФ}", NULL, NULL, NULL, NULL,
	      "Министерство образования и науки РФ");
	check("{de la Cruz}, Juan", "de la Cruz", "Juan", NULL, NULL, NULL);
	check("{Barnes and Noble}, Inc.", "Barnes and Noble", "Inc.", NULL, NULL, NULL);
	check("{Ch}ristopher Manning", "Manning", "Christopher", NULL, NULL, NULL);
}

Test(names, russian)
{
	check("Иванов И. И.", "Иванов", "И. И.", NULL, NULL, NULL);
	check("Иванов И.И.", "Иванов", "И.И.", NULL, NULL, NULL);
	check("И. И. Иванов", "Иванов", "И. И.", NULL, NULL, NULL);
	check("Иванов, Иван Иванович", "Иванов", "Иван Иванович", NULL, NULL, NULL);
	check("Салтыков-Щедрин М. Е.", "Салтыков-Щедрин", "М. Е.", NULL, NULL, NULL);
	check("Дж. Смит", "Смит", "Дж.", NULL, NULL, NULL);
}

Test(names, empty_is_invalid)
{
	lit_owned_name n;
	cr_assert_eq(lit_name_split("", 0, &n), LIT_EINVAL);
	cr_assert_eq(lit_name_split("   ", 3, &n), LIT_EINVAL);
	cr_assert_eq(lit_name_split("{}", 2, &n), LIT_EINVAL);
	/* a suffix alone is not a name (and nothing leaks: ASan build) */
	cr_assert_eq(lit_name_split(", Jr,", 5, &n), LIT_EINVAL);
	cr_assert_null(n.mem[4]);
}
