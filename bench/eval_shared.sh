#!/usr/bin/env bash
# eval_shared.sh LITERA SHARED - accuracy figures on the shared development
# data with the shared scorers (extraction on the seed articles, reference
# parsing, CSL test suite).  Prints figures; exits 0 unless a tool crashes.
# Skips cleanly when SHARED is absent.
set -u
L="${1:-build/litera}"
S="${2:-../shared}"
[ -d "$S/data" ] || { echo "no $S/data: evaluations skipped"; exit 0; }
command -v python3 >/dev/null || { echo "python3 missing: evaluations skipped"; exit 0; }
S=$(cd "$S" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "-- extraction (score_extract.py on $S/data/seeds)"
for t in "$S"/data/seeds/*.txt; do
  g="${t%.txt}.gold.json"
  if timeout 60 "$L" extract "$t" --to csljson >"$tmp/x.json" 2>"$tmp/x.err"; then
    echo "  $(basename "$t"): $(cd "$S/eval" && python3 score_extract.py "$g" "$tmp/x.json" | tail -n 1)"
  else
    echo "  $(basename "$t"): extract failed: $(head -c 200 "$tmp/x.err")"
  fi
done
dir=$(dirname "$L")
if [ -x "$dir/csl-suite" ] && [ -d "$S/data/csl-test-suite" ]; then
  echo "-- CSL test suite"
  line=$(timeout 600 "$dir/csl-suite" "$S/data/csl-test-suite" 2>/dev/null | tail -n 1)
  p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
  echo "  fixtures passing: $p of $((p + f))"
fi
here=$(cd "$(dirname "$0")" && pwd)
for kinds in "$here"/../tests/data/parse/kinds.xml "$here"/../tests/data/parse/kinds2.xml; do
  [ -f "$kinds" ] || continue
  # invented references of rarer kinds (standards, patents, laws, theses,
  # preprints, speeches ...), labelled by hand; the type of each is in the
  # .types file next to it
  echo "-- reference parsing of rarer kinds (tests/data/parse/$(basename "$kinds"), score_fields.py)"
  (cd "$S/eval" && python3 score_fields.py --dump "$kinds") >"$tmp/k.txt"
  if timeout 60 "$L" parse "$tmp/k.txt" -q --to csljson >"$tmp/k.json"; then
    echo "  $(cd "$S/eval" && python3 score_fields.py "$kinds" "$tmp/k.json" | tail -n 1)"
    python3 - "$tmp/k.json" "${kinds%.xml}.types" <<'PY'
import json, sys
pred = json.load(open(sys.argv[1]))
gold = open(sys.argv[2]).read().split()
print(f"  type accuracy: {sum(p.get('type') == t for p, t in zip(pred, gold))} of {len(gold)}")
PY
  fi
done
if [ -x "$here/parse_eval.sh" ]; then
  echo "-- reference parsing (bench/parse_eval.sh)"
  timeout 1200 bash "$here/parse_eval.sh" "$L" "$S" 2>&1 | tail -n 12
fi
exit 0
