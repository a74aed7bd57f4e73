#!/bin/bash
# extract_bench.sh - throughput of `litera extract` (clean-up + segmentation,
# without the reference parser) over a large corpus built from the bundled
# sample article and the extraction fixtures, on one core.
#
# usage: bench/extract_bench.sh [LITERA] [MB]
#   LITERA  the litera binary (default: build/litera)
#   MB      corpus size in megabytes (default: 100)
#
# Runs:
#   1. clean-up + segmentation alone (bench/extract_seg_bench.c, compiled
#      here against the static library next to LITERA): the corpus as many
#      documents, then as one document of MB megabytes (worst case for
#      memory and for anything non-linear);
#   2. the whole command (decoding, records, CSL-JSON writing) over the
#      corpus as many documents: memory must stay near that of one document;
#   3. the full pipeline with the reference parser on a 2 MB slice.
# Prints MB/s and references/s by CPU time (user+sys, one core) and by wall
# time, and the peak resident memory.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
litera=${1:-$here/build/litera}
mb=${2:-100}
work=$(mktemp -d /tmp/litera-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

# one ~50 KB document from our own texts (never ../shared data)
doc=$work/unit.txt
for i in 1 2 3 4 5 6; do
	cat "$here/samples/article-ru.txt" "$here"/tests/data/extract/*.txt "$here"/tests/data/extract/*.md
done > "$doc"
unit=$(stat -c %s "$doc")
target=$((mb * 1024 * 1024))
ndocs=$(( (target + unit - 1) / unit ))
mkdir -p "$work/docs"
for ((i = 0; i < ndocs; i++)); do
	ln -s "$doc" "$work/docs/d$i.txt"
done
for ((i = 0; i < ndocs; i++)); do cat "$doc"; done > "$work/all.txt"
total=$(stat -c %s "$work/all.txt")

run() {   # label, args...
	local label=$1; shift
	/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$litera" extract --no-parse "$@" > "$work/out.json"
	read -r wall user sys rss < "$work/time"
	local refs
	refs=$(grep -o '"raw":' "$work/out.json" | wc -l)
	awk -v l="$label" -v b="$total" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v n="$refs" 'BEGIN {
		cpu = u + s; if (cpu <= 0) cpu = 0.001; if (w <= 0) w = 0.001
		printf "%-34s %7.1f MB  %8d refs  cpu %6.2f s: %7.1f MB/s %9.0f refs/s  wall %6.2f s: %7.1f MB/s  peak %7.1f MB\n",
			l, b / 1048576, n, cpu, b / 1048576 / cpu, n / cpu, w, b / 1048576 / w, r / 1024 }'
}

echo "litera extract throughput, $(nproc) cores available, one used; corpus $((total / 1048576)) MB"
bindir=$(dirname "$(readlink -f "$litera")")
if [ -f "$bindir/liblitera.a" ]; then
	cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$here/include" -I"$here/src" \
		"$here/bench/extract_seg_bench.c" "$bindir/liblitera.a" \
		$(pkg-config --libs libxml-2.0 libcurl sqlite3 libzip libutf8proc) -lbibutils -lpthread -lm \
		-o "$work/segbench"
	printf "%-34s " "$ndocs documents:"; "$work/segbench" "$work"/docs/*.txt | sed 's/^clean-up + segmentation *//'
	printf "%-34s " "one document:"; "$work/segbench" "$work/all.txt" | sed 's/^clean-up + segmentation *//'
else
	echo "(no $bindir/liblitera.a: segmentation-only run skipped)"
fi
run "litera extract, $ndocs documents" "$work"/docs/*.txt

# the full pipeline with the parser, on a 2 MB slice
head -c $((2 * 1024 * 1024)) "$work/all.txt" > "$work/slice.txt"
/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$litera" extract "$work/slice.txt" > "$work/out.json" 2>/dev/null || true
read -r wall user sys rss < "$work/time"
refs=$(grep -o '"raw":' "$work/out.json" | wc -l)
awk -v w="$wall" -v u="$user" -v s="$sys" -v n="$refs" -v r="$rss" 'BEGIN {
	cpu = u + s; if (cpu <= 0) cpu = 0.001
	printf "with the parser (2 MB slice)       %8d refs  cpu %6.2f s: %7.1f MB/s %9.0f refs/s  peak %7.1f MB\n",
		n, cpu, 2 / cpu, n / cpu, r / 1024 }'
