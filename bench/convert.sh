#!/usr/bin/env bash
# convert.sh - conversion benchmark (issue 2, item 8).
#
# Generates a 10,000-entry BibTeX file (bench/gen_bibtex.py, fixed seed)
# and converts it, in the same run, with
#   litera      bibtex -> RIS and bibtex -> CSL-JSON
#   bibutils    bib2xml | xml2ris            (Debian's bibutils CLI)
#   pandoc      -f biblatex -t csljson       (pandoc has no RIS writer,
#               so its CSL-JSON time is the peer for both targets)
# and prints wall time, peak memory (max RSS, /usr/bin/time -v) and the
# ratios of each peer to litera.  Each measurement is the best of RUNS runs;
# CPU time (user + system) is printed too, as it varies less on a busy machine.
#
# Usage: bench/convert.sh [LITERA_BINARY] [N_ENTRIES]
#   LITERA_BINARY defaults to build/litera; N_ENTRIES to 10000.
#   Environment: RUNS (default 3), WORKDIR (default a fresh temp dir),
#   KEEP=1 keeps WORKDIR.
# Targets (issue 2): RIS >= 4x faster than bib2xml|xml2ris, >= 20x faster
# than pandoc, peak memory < 64 MB.  Exit status 0 even when a target is
# missed (the verdict is printed); 2 when a tool is missing or fails.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
litera=${1:-$root/build/litera}
n=${2:-10000}
runs=${RUNS:-3}

die() { echo "convert.sh: $*" >&2; exit 2; }

[ -x "$litera" ] || die "litera binary not found at $litera (build first or pass its path)"
command -v python3 >/dev/null || die "python3 is needed for the generator"

# GNU time for peak memory; install it when we can (Debian package 'time').
if [ ! -x /usr/bin/time ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		apt-get install -y -qq time >/dev/null 2>&1 || true
	fi
	[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is missing: apt-get install time"
fi
have_bibutils=1; command -v bib2xml >/dev/null && command -v xml2ris >/dev/null || have_bibutils=0
have_pandoc=1; command -v pandoc >/dev/null || have_pandoc=0

work=${WORKDIR:-$(mktemp -d "${TMPDIR:-/tmp}/litera-bench.XXXXXX")}
mkdir -p "$work"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

bib=$work/bench.bib
python3 "$here/gen_bibtex.py" "$n" > "$bib"
entries=$(grep -c '^@' "$bib")
echo "input: $bib ($entries entries, $(wc -c < "$bib") bytes; $(grep -c 'langid = {russian}' "$bib") Russian)"

# measure NAME OUTFILE CMD... : best wall time, its max RSS and CPU time
# (user + system, less sensitive to a busy machine) over $runs.
# Sets M_TIME (seconds), M_KB and M_CPU (seconds).
measure() {
	local name=$1 out=$2; shift 2
	local best_t="" best_m="" best_c="" i t m u s
	for ((i = 0; i < runs; i++)); do
		if ! /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "$@" > "$out" 2> "$work/stderr.txt"; then
			echo "convert.sh: $name failed:" >&2
			tail -5 "$work/stderr.txt" >&2
			return 1
		fi
		read -r t m u s < <(tail -1 "$work/time.txt")
		if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then
			best_t=$t; best_m=$m; best_c=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
		fi
	done
	M_TIME=$best_t; M_KB=$best_m; M_CPU=$best_c
	printf '  %-34s %8.2f s %9.1f MB   (CPU %.2f s)\n' "$name" "$M_TIME" \
		"$(awk -v k="$M_KB" 'BEGIN { print k / 1024 }')" "$M_CPU"
}

echo "runs per tool: $runs (best wall time reported, max RSS of that run)"
measure "litera convert -> RIS" "$work/litera.ris" \
	"$litera" convert "$bib" --from bibtex --to ris
L_RIS_T=$M_TIME L_RIS_M=$M_KB L_RIS_C=$M_CPU
measure "litera convert -> CSL-JSON" "$work/litera.json" \
	"$litera" convert "$bib" --from bibtex --to csljson
L_JSON_T=$M_TIME L_JSON_M=$M_KB L_JSON_C=$M_CPU
l_ris_n=$(grep -c '^TY  - ' "$work/litera.ris" || true)
echo "  litera RIS records: $l_ris_n"

B_T="" P_T=""
if [ $have_bibutils = 1 ]; then
	measure "bib2xml | xml2ris" "$work/bibutils.ris" \
		sh -c 'bib2xml "$1" 2>/dev/null | xml2ris 2>/dev/null' sh "$bib"
	B_T=$M_TIME B_M=$M_KB B_C=$M_CPU
	echo "  bibutils RIS records: $(grep -c '^TY  - ' "$work/bibutils.ris" || true)"
else
	echo "  bibutils CLI (bib2xml, xml2ris) not installed: skipped"
fi
if [ $have_pandoc = 1 ]; then
	measure "pandoc -f biblatex -t csljson" "$work/pandoc.json" \
		pandoc -f biblatex -t csljson "$bib"
	P_T=$M_TIME P_M=$M_KB P_C=$M_CPU
else
	echo "  pandoc not installed: skipped"
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.005; printf "%.1f", a / b }'; }
echo
echo "ratios (peer time / litera time; higher is better for litera):"
verdict=0
if [ -n "$B_T" ]; then
	r=$(ratio "$B_T" "$L_RIS_T")
	ok=$(awk -v r="$r" 'BEGIN { print (r >= 4) ? "ok" : "MISSED" }')
	echo "  RIS:      bib2xml|xml2ris / litera = ${r}x   (target >= 4x: $ok)"
	echo "            CPU time ratio $(ratio "$B_C" "$L_RIS_C")x; memory: bibutils $(ratio "$B_M" "$L_RIS_M")x litera's"
	[ "$ok" = ok ] || verdict=1
fi
if [ -n "$P_T" ]; then
	r=$(ratio "$P_T" "$L_RIS_T")
	ok=$(awk -v r="$r" 'BEGIN { print (r >= 20) ? "ok" : "MISSED" }')
	echo "  RIS:      pandoc(csljson) / litera = ${r}x   (target >= 20x: $ok; CPU time ratio $(ratio "$P_C" "$L_RIS_C")x)"
	[ "$ok" = ok ] || verdict=1
	r=$(ratio "$P_T" "$L_JSON_T")
	echo "  CSL-JSON: pandoc / litera = ${r}x; memory: pandoc $(ratio "$P_M" "$L_JSON_M")x litera's"
fi
for kb in "$L_RIS_M" "$L_JSON_M"; do
	if [ "$kb" -ge $((64 * 1024)) ]; then verdict=1; fi
done
echo "  litera peak memory: RIS $(awk -v k="$L_RIS_M" 'BEGIN { printf "%.1f", k / 1024 }') MB," \
	"CSL-JSON $(awk -v k="$L_JSON_M" 'BEGIN { printf "%.1f", k / 1024 }') MB (target < 64 MB)"
if [ $verdict = 0 ]; then echo "verdict: all targets met"; else echo "verdict: some target MISSED"; fi
exit 0
