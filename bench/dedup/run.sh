#!/usr/bin/env bash
# run.sh - the dedup benchmark: for each size, generate a synthetic
# collection with planted duplicates (gen.py; CSL-JSON and BibTeX files of
# 50,000 records), run `litera dedup` over it (reading, matching, merging
# and writing CSL-JSON plus the JSON report), and print CPU time, wall
# time, peak memory and pair precision/recall against the planted truth
# (score.py).
#
# Usage: bench/dedup/run.sh LITERA [SIZES...] [--seed S] [--keep]
#   LITERA   path of the litera binary (a Release build)
#   SIZES    record counts (default: 10000 100000 1000000)
# Work files go to ${TMPDIR:-/tmp}/litera-dedup-bench-N and are removed
# unless --keep is given.  Needs python3 and GNU time (/usr/bin/time).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
litera=$1; shift
sizes=(); seed=1; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
printf '%-9s %9s %9s %9s %7s %7s\n' records cpu_s wall_s peak_MB P R
for n in "${sizes[@]}"; do
  d="${TMPDIR:-/tmp}/litera-dedup-bench-$n"
  rm -rf "$d"
  files=$(python3 "$here/gen.py" "$n" "$d" --seed "$seed" --chunk 50000)
  # shellcheck disable=SC2086
  /usr/bin/time -f '%U %S %e %M' -o "$d/time" \
    "$litera" dedup $files --report --json -o "$d/out.json" > "$d/report.json"
  read -r user sys wall kb < "$d/time"
  score=$(python3 "$here/score.py" "$d/truth.tsv" "$d/report.json" | tail -1)
  p=$(echo "$score" | sed 's/.*P=\([0-9.]*\).*/\1/')
  r=$(echo "$score" | sed 's/.*R=\([0-9.]*\).*/\1/')
  printf '%-9s %9.2f %9.2f %9d %7s %7s\n' "$n" "$(echo "$user + $sys" | bc)" "$wall" \
    $((kb / 1024)) "$p" "$r"
  [ "$keep" = 1 ] || rm -rf "$d"
done
