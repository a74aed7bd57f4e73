#!/usr/bin/env bash
# extract_merge.sh - `extract` keeps every occurrence in CSL-JSON (the
# extraction contract) and merges the occurrences of one work for
# bibliography outputs; --merge / --no-merge override.  Args: LITERA SOURCE_DIR
set -u
L="$1"; S="$2"; doc="$S/samples/article-ru.txt"
pass=0; fail=0
ok() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL $1"; fail=$((fail+1)); fi; }
all=$("$L" extract "$doc" --to csljson 2>/dev/null | grep -c '^    "id": ')
merged=$("$L" extract "$doc" --to csljson --merge 2>/dev/null | grep -c '^    "id": ')
ids=$("$L" extract "$doc" --to csljson --merge 2>/dev/null | grep -c '"merged_ids":')
gost=$("$L" extract "$doc" --to gost 2>/dev/null | grep -c .)
gost_all=$("$L" extract "$doc" --to gost --no-merge 2>/dev/null | grep -c .)
ok "csljson keeps occurrences ($all > $merged)" '[ "$all" -gt "$merged" ] && [ "$merged" -gt 0 ]'
ok "merged records list their members ($ids)" '[ "$ids" -gt 0 ]'
ok "gost list is merged ($gost = $merged)" '[ "$gost" -eq "$merged" ]'
ok "--no-merge keeps all ($gost_all = $all)" '[ "$gost_all" -eq "$all" ]'
dups=$("$L" extract "$doc" --to gost 2>/dev/null | sort | uniq -d | grep -c .)
ok "no line twice in the merged list ($dups)" '[ "$dups" -eq 0 ]'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
