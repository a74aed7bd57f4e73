#!/bin/sh
# parse_speed.sh - references per second of `litera parse` on one core, and
# its peak memory.  Uses the AnyStyle core set when ../shared is present,
# else the labelled test set of the repository, repeated.
#
# usage: bench/parse_speed.sh [LITERA] [N]
#   LITERA  the litera binary (default: build-parse-rel/litera)
#   N       number of references to time (default 20000)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
litera=${1:-$here/../build-parse-rel/litera}
n=${2:-20000}
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
# model load alone, then the whole run (parse + CSL-JSON output)
t0=$(date +%s.%N)
: | taskset -c 0 "$litera" parse -q --to csljson > /dev/null
t1=$(date +%s.%N)
/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" taskset -c 0 "$litera" parse -q --to csljson "$tmp/refs.txt" > "$tmp/out.json"
read -r secs usr sys kb < "$tmp/time"
python3 - "$count" "$secs" "$kb" "$t0" "$t1" "$usr" "$sys" <<'PY'
import sys
n, secs, kb, t0, t1 = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
cpu = float(sys.argv[6]) + float(sys.argv[7])
print(f"references: {n}")
print(f"start-up (load model, empty input): {(t1 - t0) * 1000:.0f} ms")
print(f"CPU time: {cpu:.2f} s  ->  {n / max(cpu, 1e-9):,.0f} references/s on one core (incl. start-up and CSL-JSON output)")
print(f"wall time: {secs:.2f} s  ->  {n / max(secs, 1e-9):,.0f} references/s (the machine is shared: wall time includes waiting)")
print(f"peak memory: {kb / 1024:.1f} MB")
PY
