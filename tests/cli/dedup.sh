#!/usr/bin/env bash
# dedup.sh - `litera dedup` end to end: BibTeX and CSL-JSON inputs merged
# across formats and scripts, ids assigned in input order, merged_ids and
# occurrences written, volumes kept apart, --report / --dry-run / --json,
# usage errors.  Args: LITERA SOURCE_DIR
set -u
L="$1"; S="$2"; D="$S/tests/data/dedup"
fail=0; pass=0
o=$(mktemp); e=$(mktemp); d=$(mktemp -d)
t() { # name expected-exit command...
  local name="$1" want="$2"; shift 2
  "$@" >"$o" 2>"$e"
  local got=$?
  if [ "$got" = "$want" ]; then pass=$((pass+1)); else echo "FAIL $name: exit $got, want $want"; cat "$e"; fail=$((fail+1)); fi
}
has() { # name file pattern
  if grep -q -- "$3" "$2"; then pass=$((pass+1)); else echo "FAIL $1: '$3' not in $2"; head -20 "$2"; fail=$((fail+1)); fi
}
hasnt() {
  if grep -q -- "$3" "$2"; then echo "FAIL $1: '$3' in $2"; fail=$((fail+1)); else pass=$((pass+1)); fi
}
count() { # name file pattern n
  local c; c=$(grep -c -- "$3" "$2")
  if [ "$c" = "$4" ]; then pass=$((pass+1)); else echo "FAIL $1: $c x '$3', want $4"; fail=$((fail+1)); fi
}

t help 0 "$L" dedup --help;           has help-usage "$o" "Usage: litera dedup"
t bad-opt 2 "$L" dedup --bogus
t bad-threshold 2 "$L" dedup --threshold 3 "$D/mixed.bib"
t bad-to 2 "$L" dedup --to nonsense "$D/mixed.bib"
t missing 3 "$L" dedup /nonexistent.bib

t merge 0 "$L" dedup "$D/mixed.bib" "$D/mixed.json" -o "$d/out.json"
count merged-records "$d/out.json" '"type":' 4
has merged-ids "$d/out.json" '"merged_ids": \["dyachkov2005","r4"\]'
has merged-ids-2 "$d/out.json" '"merged_ids": \["knuth1968","r5"\]'
has occurrences "$d/out.json" '"occurrences": \[{"id":"dyachkov2005"'
has doi-kept "$d/out.json" '10.1234/ZFH.2005.79.45'
has cyrillic-title-kept "$d/out.json" 'Щелочные металлы в химии растворов'
has volume-2-apart "$d/out.json" '"id": "knuth1969"'
has unrelated "$d/out.json" '"id": "r6"'

t dry-run 0 "$L" dedup --dry-run "$D/mixed.bib" "$D/mixed.json"
has dry-summary "$o" "6 records, 4 after merging, 2 clusters"
has dry-reason "$o" "r4 \[#4\]: score"
hasnt dry-no-records "$o" '"type":'

t report-stderr 0 "$L" dedup --report "$D/mixed.bib" "$D/mixed.json"
has report-on-stderr "$e" "clusters of duplicates"
has records-on-stdout "$o" '"merged_ids"'

t json-report 0 "$L" dedup --dry-run --json "$D/mixed.bib" "$D/mixed.json"
has json-report "$o" '"output":4'

# stdin, and a second run over merged output changes nothing
t stdin 0 sh -c "\"$L\" dedup - < \"$D/mixed.json\""
t idempotent 0 "$L" dedup --dry-run "$d/out.json"
has idempotent-none "$o" "4 records, 4 after merging, 0 clusters"

rm -rf "$d" "$o" "$e"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
