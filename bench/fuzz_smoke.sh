#!/usr/bin/env bash
# fuzz_smoke.sh [SECONDS] - build the libFuzzer targets with clang and run
# each for SECONDS (default 20) starting from its corpus.  New crashes are
# left in build-fuzz/crash-*; add them to fuzz/corpus/NAME/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
command -v clang >/dev/null || { echo "clang not installed: fuzzing skipped"; exit 0; }
CC=clang cmake -S . -B build-fuzz -DLITERA_FUZZ=ON -DLITERA_TESTS=OFF -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
status=0
for f in build-fuzz/fuzz_*; do
  [ -x "$f" ] || continue
  name=$(basename "$f")
  mkdir -p "build-fuzz/corpus-$name"
  echo "-- $name (${secs}s)"
  if ! "$f" -max_total_time="$secs" -max_len=65536 -artifact_prefix="build-fuzz/$name-" \
       "build-fuzz/corpus-$name" "fuzz/corpus/$name" >"build-fuzz/$name.log" 2>&1; then
    echo "   CRASH: see build-fuzz/$name.log"; tail -n 20 "build-fuzz/$name.log"; status=1
  else
    grep -E "^#[0-9]+.*(DONE|pulse)" "build-fuzz/$name.log" | tail -n 1
  fi
done
exit $status
