#!/bin/bash
# csl_suite.sh - run the CSL processor test suite fixtures with the csl-suite
# runner built next to litera.  Args: litera binary, source dir.
# Skips cleanly (exit 0, "SKIP") when ../shared/data/csl-test-suite is absent.
# Fails when the pass rate drops below LITERA_CSL_MIN (default 88) percent.
set -u
tool="$1"
src="$2"
runner="$(dirname "$tool")/csl-suite"
fixtures="$src/../shared/data/csl-test-suite"
if [ ! -d "$fixtures" ]; then
	echo "SKIP: $fixtures not present"
	exit 0
fi
if [ ! -x "$runner" ]; then
	echo "FAIL: $runner not built"
	exit 1
fi
last="$("$runner" "$fixtures" | tail -n 1)"
echo "$last"
passed="${last%% passed*}"
failed="${last#*, }"
failed="${failed%% failed*}"
total=$((passed + failed))
[ "$total" -gt 0 ] || { echo "FAIL: no fixtures run"; exit 1; }
min="${LITERA_CSL_MIN:-88}"
pct=$((passed * 100 / total))
echo "pass rate: $pct% (minimum $min%)"
[ "$pct" -ge "$min" ]
