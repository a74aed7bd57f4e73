/*
 * fuzz_url.c - libFuzzer target for the link checker's URL and DOI
 * handling: validation/normalisation with repair suggestions, IDNA,
 * DOI syntax, and the small URL helpers.  Invariants checked: a
 * normalised URL is printable ASCII, starts with http:// or https:// and
 * normalises to itself; a suggested repair is itself valid; a normalised
 * DOI normalises to itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "litera/check.h"
#include "check/check_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond)
{
	if (!cond)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char *norm = NULL, *sugg = NULL, *again = NULL;
	lit_error err;

	if (size > 1 << 16)
		return 0;
	int rc = lit_url_normalize(s, size, &norm, &sugg, &err);
	if (rc == LIT_OK) {
		check(norm != NULL && sugg == NULL);
		check(strncmp(norm, "http://", 7) == 0 || strncmp(norm, "https://", 8) == 0);
		for (const char *p = norm; *p; p++)
			check((unsigned char)*p > 0x20 && (unsigned char)*p < 0x7f);
		check(lit_url_normalize(norm, strlen(norm), &again, NULL, NULL) == LIT_OK);
		check(strcmp(again, norm) == 0);
		lit_free(again);
		char key[512];
		lit_url_host_key(norm, key, sizeof key);
		(void)lit_url_looks_large(norm);
		char *doi = NULL;
		if (lit_url_doi(norm, &doi))
			check(doi != NULL);
		free(doi);
	} else {
		check(norm == NULL);
		check(rc == LIT_EPARSE || rc == LIT_ENOMEM || rc == LIT_EINVAL);
		if (sugg) {
			char *n2 = NULL;
			check(lit_url_normalize(sugg, strlen(sugg), &n2, NULL, NULL) == LIT_OK);
			lit_free(n2);
		}
	}
	lit_free(norm);
	lit_free(sugg);

	char *doi = NULL, *doi2 = NULL;
	if (lit_doi_normalize(s, size, &doi, NULL) == LIT_OK) {
		check(strncmp(doi, "10.", 3) == 0);
		/* a bare DOI is kept as written, so it normalises to itself */
		check(lit_doi_normalize(doi, strlen(doi), &doi2, NULL) == LIT_OK);
		check(strcmp(doi, doi2) == 0);
		lit_free(doi2);
	}
	lit_free(doi);

	char *idn = NULL;
	if (lit_idna_encode(s, size, &idn) == LIT_OK) {
		for (const char *p = idn; *p; p++)
			check((unsigned char)*p < 0x80);
	}
	lit_free(idn);
	check(lit_url_trim_bycatch(s, size) <= size);
	return 0;
}
