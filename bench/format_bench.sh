#!/bin/bash
# format_bench.sh - time a 10,000-entry bibliography in a GOST style with
# litera, citeproc-js (npm "citeproc") and pandoc --citeproc, in the same run,
# and print the ratios.
#
# Usage: bench/format_bench.sh [LITERA_BINARY] [N]
#   LITERA_BINARY  default: build/litera (relative to the source tree)
#   N              number of entries, default 10000
# citeproc-js is installed with npm into $BENCH_CACHE (default
# ${XDG_CACHE_HOME:-~/.cache}/litera-bench) when missing; pandoc is used if it
# is on PATH.  Every tool renders the same records with the same style:
# Debian's gost-r-7-0-5-2008-numeric.csl (a GOST style all three can read),
# and litera also with its bundled gost-r-7-0-100-2018.csl.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
src="$(dirname "$here")"
litera="${1:-$src/build/litera}"
n="${2:-10000}"
cache="${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/litera-bench}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
style_sys=/usr/share/citation-style-language/styles/gost-r-7-0-5-2008-numeric.csl
locales=/usr/share/citation-style-language/locales
[ -x "$litera" ] || { echo "no litera binary at $litera" >&2; exit 2; }
[ -f "$style_sys" ] || { echo "needs $style_sys (citation-style-language-styles)" >&2; exit 2; }

# --- data: N records cycled from the test records, with distinct ids and titles
python3 - "$src/tests/data/gost/records.json" "$n" > "$work/recs.json" <<'PY'
import json, sys
base = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
out = []
for i in range(n):
    r = dict(base[i % len(base)])
    r["id"] = "r%d" % i
    r["title"] = "%s %d" % (r.get("title", "T"), i)
    out.append(r)
json.dump(out, sys.stdout, ensure_ascii=False)
PY

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2-$1:.3f}')"; }

t0=$(now); "$litera" format "$work/recs.json" --style "$style_sys" > "$work/litera_sys.txt"; t1=$(now)
lit_sys=$(elapsed "$t0" "$t1")
t0=$(now); "$litera" format "$work/recs.json" --style gost > "$work/litera_gost.txt"; t1=$(now)
lit_gost=$(elapsed "$t0" "$t1")
echo "litera (gost-r-7-0-5-2008-numeric.csl): ${lit_sys}s, $(wc -l < "$work/litera_sys.txt") entries"
echo "litera (bundled gost-r-7-0-100-2018):   ${lit_gost}s, $(wc -l < "$work/litera_gost.txt") entries"

# --- citeproc-js
cpjs=""
if command -v node >/dev/null; then
	if [ ! -d "$cache/node_modules/citeproc" ]; then
		mkdir -p "$cache"
		(cd "$cache" && npm install --silent citeproc >/dev/null 2>&1) || true
	fi
	if [ -d "$cache/node_modules/citeproc" ]; then
		cat > "$work/run.js" <<'JS'
const fs = require('fs');
const CSL = require(process.argv[2] + '/node_modules/citeproc');
const items = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const style = fs.readFileSync(process.argv[4], 'utf8');
const locdir = process.argv[5];
const byId = {};
for (const it of items) byId[it.id] = it;
const sys = {
  retrieveLocale: (lang) => {
    const f = locdir + '/locales-' + lang + '.xml';
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : fs.readFileSync(locdir + '/locales-en-US.xml', 'utf8');
  },
  retrieveItem: (id) => byId[id],
};
const engine = new CSL.Engine(sys, style, 'ru-RU');
engine.setOutputFormat('text');
engine.updateItems(items.map((x) => x.id));
const bib = engine.makeBibliography();
process.stdout.write(bib[1].join(''));
JS
		t0=$(now); node "$work/run.js" "$cache" "$work/recs.json" "$style_sys" "$locales" > "$work/cpjs.txt"; t1=$(now)
		cpjs=$(elapsed "$t0" "$t1")
		echo "citeproc-js $(node -e "console.log(require('$cache/node_modules/citeproc/package.json').version)"): ${cpjs}s, $(grep -c . "$work/cpjs.txt") entries"
	fi
fi

# --- pandoc
pd=""
if command -v pandoc >/dev/null; then
	printf -- '---\nnocite: "@*"\n---\n' > "$work/doc.md"
	t0=$(now); pandoc "$work/doc.md" --citeproc --bibliography "$work/recs.json" --csl "$style_sys" -t plain -o "$work/pandoc.txt"; t1=$(now)
	pd=$(elapsed "$t0" "$t1")
	echo "$(pandoc --version | head -1): ${pd}s"
fi

echo "--- ratios (same style, same records)"
[ -n "$cpjs" ] && python3 -c "print(f'citeproc-js / litera = {$cpjs/$lit_sys:.1f}x')"
[ -n "$pd" ] && python3 -c "print(f'pandoc / litera      = {$pd/$lit_sys:.1f}x')"
echo "--- litera with its own GOST R 7.0.100-2018 style against the same two runs"
[ -n "$cpjs" ] && python3 -c "print(f'citeproc-js / litera = {$cpjs/$lit_gost:.1f}x')"
[ -n "$pd" ] && python3 -c "print(f'pandoc / litera      = {$pd/$lit_gost:.1f}x')"
exit 0
