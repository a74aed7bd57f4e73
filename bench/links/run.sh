#!/bin/bash
# run.sh - link-check benchmark (issue 5, item 8).
#
#   bench/links/run.sh [LITERA_BINARY]
#
# A loopback server (server.c) on 127.0.0.1..127.0.0.$HOSTS answers every
# request after $LATENCY ms with a realistic status mix.  Each tool checks
# the same $N URLs at comparable concurrency ($CONC in flight; litera and
# linkinator take a number, curl --parallel-max, linkchecker --threads;
# markdown-link-check has its concurrency hard-coded to 2), against a
# fresh server each (the 429 and 503 pages have per-URL state).  We report
# wall time, peak memory (RSS, /usr/bin/time) and how many verdicts each
# got right (score.py).  The physical bound is N x LATENCY / CONC.
#
# markdown-link-check and linkchecker are slow (about 15 s and 175 s for
# 500 URLs), so they run on the first $SLOW_N URLs, and litera and curl run
# on that subset as well for a like-for-like row.
#
# Peers are installed here, not in the repository: npm packages into
# $PEERS (default /tmp/litera-bench-peers), linkchecker with apt-get.
# Environment: N=10000 SLOW_N=500 CONC=32 HOSTS=8 LATENCY=50 PEERS=dir SKIP="tool ..."
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
LITERA=${1:-$HERE/../../build/litera}
N=${N:-10000}
SLOW_N=${SLOW_N:-500}
CONC=${CONC:-32}
HOSTS=${HOSTS:-8}
LATENCY=${LATENCY:-50}
PEERS=${PEERS:-/tmp/litera-bench-peers}
SKIP=${SKIP:-}
PER_HOST=$(( (CONC + HOSTS - 1) / HOSTS ))

[ -x "$LITERA" ] || { echo "run.sh: no litera binary at $LITERA" >&2; exit 2; }
WORK=$(mktemp -d /tmp/litera-bench-XXXXXX)
chmod 755 "$WORK"
trap 'stop_server; rm -rf "$WORK"' EXIT
cc -O2 -o "$WORK/server" "$HERE/server.c" || exit 1

# --- peers ---------------------------------------------------------------
if [[ " $SKIP " != *" npm "* ]] && command -v npm >/dev/null; then
	if [ ! -x "$PEERS/node_modules/.bin/linkinator" ] || [ ! -x "$PEERS/node_modules/.bin/markdown-link-check" ]; then
		mkdir -p "$PEERS"
		(cd "$PEERS" && npm install --no-audit --no-fund linkinator markdown-link-check >/dev/null 2>&1)
	fi
fi
if ! command -v linkchecker >/dev/null && [[ " $SKIP " != *" linkchecker "* ]]; then
	(apt-get install -y linkchecker >/dev/null 2>&1 || sudo apt-get install -y linkchecker >/dev/null 2>&1) || true
fi

# --- server --------------------------------------------------------------
SPID=
start_server() {
	rm -f "$WORK/ctl" "$WORK/port"
	mkfifo "$WORK/ctl"
	"$WORK/server" "$HOSTS" "$LATENCY" < "$WORK/ctl" > "$WORK/port" &
	SPID=$!
	exec 9>"$WORK/ctl"
	for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.05; done
	PORT=$(cat "$WORK/port")
}
stop_server() {
	if [ -n "$SPID" ]; then exec 9>&-; wait "$SPID" 2>/dev/null; SPID=; fi
}

# inputs for N URLs (the URL list is the same for every server: the port is
# substituted per run)
make_inputs() { # COUNT PREFIX
	python3 "$HERE/server.py" gen --hosts "$HOSTS" --count "$1" --port "$PORT" > "$WORK/$2.tsv"
	python3 - "$WORK/$2" <<'PY'
import json, sys
p = sys.argv[1]
rows = [l.rstrip("\n").split("\t") for l in open(p + ".tsv")]
urls = [u for u, _ in rows]
json.dump([{"id": "r%d" % i, "type": "webpage", "title": "Page %d" % i, "URL": u}
           for i, u in enumerate(urls)], open(p + ".json", "w"))
with open(p + ".html", "w") as f:
    f.write("<!doctype html><html><head><title>links</title></head><body>\n")
    for u in urls:
        f.write('<a href="%s">%s</a><br>\n' % (u, u))
    f.write("</body></html>\n")
with open(p + ".md", "w") as f:
    for u in urls:
        f.write("- [%s](%s)\n" % (u, u))
with open(p + ".curl", "w") as f:
    for u in urls:
        f.write('url = "%s"\noutput = "/dev/null"\n' % u)
PY
	chmod 644 "$WORK/$2".*
}

RESULTS="$WORK/results.txt"
: > "$RESULTS"
run_tool() { # NAME COUNT PREFIX CMD...
	local name=$1 count=$2 prefix=$3
	shift 3
	start_server
	make_inputs "$count" "$prefix"
	local cmd="$*"
	cmd=${cmd//@IN@/$WORK/$prefix}
	cmd=${cmd//@OUT@/$WORK/out-$name-$count}
	/usr/bin/time -f "%e %M" -o "$WORK/time" bash -c "$cmd" > "$WORK/stdout-$name-$count" 2> "$WORK/stderr-$name-$count"
	stop_server
	read -r wall rss < <(tail -1 "$WORK/time")
	local out="$WORK/out-$name-$count"
	[ -s "$out" ] || out="$WORK/stdout-$name-$count"
	local score
	score=$(python3 "$HERE/score.py" "$name" "$WORK/$prefix.tsv" "$out" 2>/dev/null || echo "0 $count")
	local bound
	bound=$(python3 -c "print('%.2f' % ($count * $LATENCY / 1000.0 / $CONC))")
	printf '%s %s %s %s %s %s\n' "$name" "$count" "$wall" "$rss" "$score" "$bound" >> "$RESULTS"
	printf '%-20s %6s URLs  %7.2f s  %6.1f MB  right %s  (bound %s s)\n' "$name" "$count" "$wall" \
		"$(echo "$rss / 1024" | bc -l)" "$score" "$bound"
}

LITERA_ARGS="--no-cache --no-wayback --no-doi --no-progress --format json --concurrency $CONC --per-host $PER_HOST --timeout 20"
LINKINATOR="$PEERS/node_modules/.bin/linkinator"
MLC="$PEERS/node_modules/.bin/markdown-link-check"

for count in "$N" "$SLOW_N"; do
	[[ " $SKIP " == *" litera "* ]] || run_tool litera "$count" "in$count" "'$LITERA' check @IN@.json $LITERA_ARGS -o @OUT@"
	[[ " $SKIP " == *" curl "* ]] || run_tool curl "$count" "in$count" "curl -s -L --parallel --parallel-max $CONC -m 20 -K @IN@.curl -w '%{http_code} %{url}\n' > @OUT@"
	if [ -x "$LINKINATOR" ] && [[ " $SKIP " != *" linkinator "* ]]; then
		run_tool linkinator "$count" "in$count" "'$LINKINATOR' @IN@.html --concurrency $CONC --timeout 20000 --format json > @OUT@"
	fi
	if [ "$count" = "$SLOW_N" ]; then
		if [ -x "$MLC" ] && [[ " $SKIP " != *" markdown-link-check "* ]]; then
			run_tool markdown-link-check "$count" "in$count" "'$MLC' @IN@.md > @OUT@ 2>&1"
		fi
		if command -v linkchecker >/dev/null && [[ " $SKIP " != *" linkchecker "* ]]; then
			run_tool linkchecker "$count" "in$count" "linkchecker --no-status --verbose --threads $CONC --check-extern -o csv @IN@.html > @OUT@"
		fi
	fi
	[ "$N" = "$SLOW_N" ] && break
done

echo
echo "| tool | URLs | wall s | x bound | peak MB | verdicts right |"
echo "|---|---|---|---|---|---|"
while read -r name count wall rss right total bound; do
	printf '| %s | %s | %.2f | %.2f | %.1f | %s/%s (%.1f%%) |\n' "$name" "$count" "$wall" \
		"$(echo "$wall / $bound" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$right" "$total" \
		"$(echo "100 * $right / $total" | bc -l)"
done < "$RESULTS"
echo
echo "bound = URLs x ${LATENCY} ms / ${CONC} in flight; ${HOSTS} hosts, litera --per-host ${PER_HOST}"
