#!/usr/bin/env bash
# install.sh - `cmake --install` puts the headers, the libraries and the
# pkg-config file in place, and a program using only <litera.h> and
# `pkg-config litera` builds and runs against them.  Args: LITERA SOURCE_DIR
set -u
build=$(dirname "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp" >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
pc="$tmp/lib/pkgconfig"
[ -d "$pc" ] || pc=$(dirname "$(find "$tmp" -name litera.pc | head -n 1)")
flags=$(PKG_CONFIG_PATH="$pc" pkg-config --define-variable=prefix="$tmp" --cflags --libs litera) || { echo "0 passed, 1 failed"; exit 1; }
cat > "$tmp/use.c" <<'C'
#include <litera.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
	const char *bib = "@article{k, author={Иванов, И. И. and others}, title={Пример}, year=2020}";
	lit_records *l = lit_records_new();
	lit_error e;
	int rc = lit_read_buffer(l, bib, strlen(bib), NULL, &e);
	const lit_record *r = lit_records_at(l, 0);
	int ok = rc == 0 && lit_records_count(l) == 1 && strcmp(lit_record_get(r, LIT_VAR_TITLE), "Пример") == 0 &&
	         lit_record_name_count(r, LIT_VAR_AUTHOR) == 1 && lit_record_names_etal(r, LIT_VAR_AUTHOR);
	lit_records_free(l);
	printf("%s\n", ok ? "ok" : "wrong");
	return !ok;
}
C
san=""
grep -q "CMAKE_BUILD_TYPE:STRING=Asan" "$build/CMakeCache.txt" 2>/dev/null && san="-fsanitize=address,undefined"
gcc -std=c11 -Wall -Wextra -pedantic $san "$tmp/use.c" $flags -Wl,-rpath,"$tmp/lib" -o "$tmp/use" || { echo "0 passed, 1 failed"; exit 1; }
if [ "$("$tmp/use")" = ok ] && [ -f "$tmp/include/litera/record.h" ] && [ -x "$tmp/bin/litera" ]; then
  echo "1 passed, 0 failed"
else
  echo "0 passed, 1 failed"; exit 1
fi
