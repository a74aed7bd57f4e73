/* header_test.c - the public headers compile alone with -pedantic -Werror. */
#include "litera.h"
int litera_header_test_dummy(void);
int litera_header_test_dummy(void) { return LIT_OK; }
