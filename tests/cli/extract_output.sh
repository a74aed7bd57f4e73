#!/usr/bin/env bash
# extract_output.sh - `extract -o OUT` writes OUT only when every document
# was read: a document that fails (binary junk) gives exit 1, a one-line
# error with the file name, and no OUT, not even a partial one; an OUT that
# existed before is left as it was.  Args: LITERA SOURCE_DIR
set -u
L="$1"; S="$2"
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok() { if eval "$2"; then pass=$((pass+1)); else echo "FAIL $1"; fail=$((fail+1)); fi; }
head -c 20000 /dev/urandom > "$t/junk.bin"
printf '\0\1\2binary' >> "$t/junk.bin"
"$L" extract "$S/samples/article-ru.txt" "$t/junk.bin" -o "$t/out.json" 2> "$t/err"; rc=$?
ok "exit 1 on a bad document (rc=$rc)" '[ "$rc" -eq 1 ]'
ok "no output file" '[ ! -e "$t/out.json" ]'
ok "error names the file" 'grep -q "junk.bin" "$t/err"'
echo keep > "$t/old.json"
"$L" extract "$t/junk.bin" -o "$t/old.json" 2>/dev/null
ok "existing output untouched" '[ "$(cat "$t/old.json")" = keep ]'
"$L" extract "$S/samples/article-ru.txt" -o "$t/good.json" 2>/dev/null; rc=$?
ok "good document written (rc=$rc)" '[ "$rc" -eq 0 ] && grep -q "\"raw\"" "$t/good.json"'
ok "no temporary files left" '[ "$(ls "$t" | grep -vc -e junk.bin -e err -e old.json -e good.json)" -eq 0 ]'
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
