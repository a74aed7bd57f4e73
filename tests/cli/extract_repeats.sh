#!/usr/bin/env bash
# extract_repeats.sh - repeats ("Там же", "Ibid.", "Указ. соч.", "op. cit.")
# in the CSL-JSON that `litera extract` prints: each carries its own raw
# text and locator and a repeat_of naming the record of the work it
# repeats (its position in the output), with that work's fields; the
# report counts them.  Args: LITERA SOURCE_DIR
set -u
L="$1"; S="$2"; doc="$S/tests/data/extract/ru-repeat-links.txt"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL $1"; fail=$((fail+1)); fi; }
"$L" extract --report --to csljson "$doc" >"$tmp/out.json" 2>"$tmp/report"
rc=$?
ok "exit status 0 ($rc)" '[ "$rc" -eq 0 ]'
ok "report counts the repeats" 'grep -q "repeats resolved: 12;" "$tmp/report"'
ok "report has no warnings" 'grep -q "warnings: 0$" "$tmp/report"'
# one line per record: raw, repeat_of, locator (the writer prints one key a line)
awk '
	/^  \{/ { n++; raw[n] = ""; rep[n] = ""; loc[n] = ""; title[n] = "" }
	/^    "title": / { sub(/^    "title": /, ""); title[n] = $0 }
	/^      "raw": / { sub(/^      "raw": /, ""); raw[n] = $0 }
	/^      "repeat_of": / { sub(/^      "repeat_of": /, ""); rep[n] = $0 }
	/^      "locator": / { sub(/^      "locator": /, ""); loc[n] = $0 }
	END { for (i = 1; i <= n; i++) printf "%d\t%s\t%s\t%s\t%s\n", i, raw[i], rep[i], loc[i], title[i] }
' "$tmp/out.json" >"$tmp/table"
ok "18 records" '[ "$(wc -l <"$tmp/table")" -eq 18 ]'
# record N repeats record M: its repeat_of names item M and its title is M's
check() {   # N M locator
	local n=$1 m=$2 want=$3 line rep title wtitle loc
	line=$(sed -n "${n}p" "$tmp/table")
	rep=$(printf '%s' "$line" | cut -f3)
	loc=$(printf '%s' "$line" | cut -f4)
	title=$(printf '%s' "$line" | cut -f5)
	wtitle=$(sed -n "${m}p" "$tmp/table" | cut -f5)
	ok "record $n repeats record $m ($rep)" '[[ "$rep" == *"\"item\": $m}"* ]]'
	ok "record $n has the title of record $m" '[ -n "$title" ] && [ "$title" = "$wtitle" ]'
	if [ -n "$want" ]; then
		ok "record $n keeps its locator $want ($loc)" '[ "$loc" = "\"$want\"" ]'
	else
		ok "record $n has no locator ($loc)" '[ -z "$loc" ]'
	fi
}
check 2 1 "С. 5"
check 4 3 ""
check 6 5 "p. 7"
check 7 5 ""
check 8 1 "С. 7"
check 9 5 "p. 12"
check 10 3 "С. 15"
check 13 12 "С. 44"
check 15 1 "С. 9"
check 16 11 "С. 8"
check 17 11 "С. 33"
check 18 5 "p. 40"
ok "the repeat keeps its own raw text" '[[ "$(sed -n 13p "$tmp/table" | cut -f2)" == "\"Там же. С. 44.\"," ]]'
ok "a work is no repeat" '[ -z "$(sed -n 12p "$tmp/table" | cut -f3)" ]'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
