#!/bin/bash
# csl_format.sh - `litera format` and `litera cite` end to end on the test
# records: exit codes, GOST output, unknown/unused key reports.
set -u
tool="$1"
src="$2"
data="$src/tests/data/gost/records.json"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

"$tool" format "$data" --style gost > "$tmp/out.txt"
check "format gost exits 0" '[ $? -eq 0 ]'
check "numbered GOST 7.0.100 entries" 'grep -q "^1\. Смирнова, О\. П\. Основы теории графов" "$tmp/out.txt"'
check "one entry per record" '[ "$(wc -l < "$tmp/out.txt")" -eq 15 ]'
"$tool" format "$data" --style gost-2008 --to html -o "$tmp/out.html"
check "html output" 'grep -q "csl-bib-body" "$tmp/out.html"'
"$tool" format "$data" --style no-such-style >/dev/null 2>"$tmp/err"
check "unknown style is a usage error" '[ $? -eq 2 ] && grep -q "style not found" "$tmp/err"'
"$tool" format "$data" >/dev/null 2>&1
check "missing --style is a usage error" '[ $? -eq 2 ]'
"$tool" convert "$data" --to gost-2008 > "$tmp/g5.txt"
check "convert --to gost-2008" 'grep -q "^Белов И\. С\., Ёлкин П\. А\. Численные методы\. СПб\. : Питер, 2015\. 208 с\.$" "$tmp/g5.txt"'

printf '# T\n\nText [@b1, p. 5] and [@a2; @nokey].\nAgain [@b1].\n' > "$tmp/ms.md"
"$tool" cite "$tmp/ms.md" --bib "$data" --style gost > "$tmp/cited.md" 2> "$tmp/cite.err"
rc=$?
check "unknown key gives exit 1" '[ $rc -eq 1 ]'
check "unknown key reported with line" 'grep -q "ms.md:3: unknown citation key .nokey." "$tmp/cite.err"'
check "unused records reported" 'grep -q "never cited" "$tmp/cite.err"'
check "numbered citation with page" 'grep -q "Text \[1, с\. 5\]" "$tmp/cited.md"'
check "bibliography appended" 'grep -q "^1\. Смирнова" "$tmp/cited.md"'
printf 'See \\cite[p.~7]{a2}.\n' > "$tmp/ms.tex"
"$tool" cite "$tmp/ms.tex" --bib "$data" --style gost-r-7-0-5-2008-footnote > "$tmp/cited.tex" 2>/dev/null
check "LaTeX note style becomes a footnote" 'grep -q "\\\\footnote{Turing A\. M\. Computing Machinery and Intelligence // Mind\. 1950\. Vol\. 59, no\. 236\. P\. 7\.}" "$tmp/cited.tex"'
exit $fail
