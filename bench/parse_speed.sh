#!/bin/sh
# parse_speed.sh - references per second of `litera parse` on one core, and
# its peak memory.  Uses the AnyStyle core set and the biblatex-gost strings
# when ../shared is present, else the labelled test set of the repository,
# repeated up to N lines.
#
# usage: bench/parse_speed.sh [LITERA] [N] [RUNS] [BASELINE]
#   LITERA    the litera binary (default: build-parse-rel/litera)
#   N         number of references to time (default 20000)
#   RUNS      timed runs; the best (least CPU time) is reported (default 1)
#   BASELINE  another litera binary, run alternately with LITERA on the same
#             input; its best is reported too, with the ratio and whether
#             the two outputs are byte-identical
#
# The machine may be shared: CPU time (user + system) is what counts, and
# the best of several runs is the least disturbed one.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
litera=${1:-$here/../build-parse-rel/litera}
n=${2:-20000}
runs=${3:-1}
base=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shared=$here/../../shared
if [ -r "$shared/data/anystyle/core.xml" ]; then
	python3 "$shared/eval/score_fields.py" --dump "$shared/data/anystyle/core.xml" > "$tmp/src.txt"
	python3 "$shared/eval/score_fields.py" --dump "$shared/data/gost/biblatex-gost-pairs.json" >> "$tmp/src.txt"
else
	python3 -c "import json,sys; [print(json.loads(l)['raw']) for l in open(sys.argv[1])]" \
		"$here/../tests/data/parse/refs.jsonl" > "$tmp/src.txt"
fi
: > "$tmp/in.txt"
while [ "$(wc -l < "$tmp/in.txt")" -lt "$n" ]; do cat "$tmp/src.txt" >> "$tmp/in.txt"; done
head -n "$n" "$tmp/in.txt" > "$tmp/refs.txt"
count=$(wc -l < "$tmp/refs.txt")

# one timed run of binary $1 (tag $2): appends "tag startup_s cpu_s wall_s kb" to $tmp/runs
run_one() {
	t0=$(date +%s.%N)
	: | taskset -c 0 "$1" parse -q --to csljson > /dev/null
	t1=$(date +%s.%N)
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" taskset -c 0 "$1" parse -q --to csljson "$tmp/refs.txt" > "$tmp/out-$2.json"
	read -r secs usr sys kb < "$tmp/time"
	awk -v tag="$2" -v t0="$t0" -v t1="$t1" -v u="$usr" -v s="$sys" -v w="$secs" -v kb="$kb" \
		'BEGIN { printf "%s %.4f %.2f %s %s\n", tag, t1 - t0, u + s, w, kb }' >> "$tmp/runs"
}

: > "$tmp/runs"
i=0
while [ "$i" -lt "$runs" ]; do
	run_one "$litera" new
	if [ -n "$base" ]; then
		run_one "$base" base
	fi
	i=$((i + 1))
done
same=""
if [ -n "$base" ]; then
	if cmp -s "$tmp/out-new.json" "$tmp/out-base.json"; then same=yes; else same=no; fi
fi
python3 - "$count" "$tmp/runs" "$litera" "$base" "$same" <<'PY'
import sys
n, path, litera, base, same = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
runs = {}
for line in open(path):
    tag, start, cpu, wall, kb = line.split()
    runs.setdefault(tag, []).append((float(cpu), float(start), float(wall), int(kb)))
print(f"references: {n}, runs: {len(runs['new'])} (best shown)")
best = {}
for tag, name in (("new", litera), ("base", base)):
    if tag not in runs:
        continue
    cpu, start, wall, kb = min(runs[tag])
    best[tag] = cpu
    label = "" if tag == "new" else "baseline "
    print(f"{label}{name}:")
    print(f"  start-up (load model, empty input): {min(r[1] for r in runs[tag]) * 1000:.0f} ms")
    print(f"  CPU time: {cpu:.2f} s  ->  {n / max(cpu, 1e-9):,.0f} references/s on one core (incl. start-up and CSL-JSON output)")
    print(f"  wall time: {wall:.2f} s  ->  {n / max(wall, 1e-9):,.0f} references/s (the machine is shared: wall time includes waiting)")
    print(f"  peak memory: {max(r[3] for r in runs[tag]) / 1024:.1f} MB")
if "base" in best:
    print(f"speed-up: {best['base'] / max(best['new'], 1e-9):.2f}x; outputs byte-identical: {same}")
PY
