#!/usr/bin/env bash
# cli_basic.sh - the command line: help, version, usage errors and exit
# codes, diagnostics format, atomic output.  Args: LITERA SOURCE_DIR
set -u
L="$1"
fail=0; pass=0
t() { # name expected-exit command...
  local name="$1" want="$2"; shift 2
  "$@" >/tmp/cli_out.$$ 2>/tmp/cli_err.$$
  local got=$?
  if [ "$got" = "$want" ]; then pass=$((pass+1)); else echo "FAIL $name: exit $got, want $want"; cat /tmp/cli_err.$$; fail=$((fail+1)); fi
}
has() { # name file pattern
  if grep -q -- "$3" "$2"; then pass=$((pass+1)); else echo "FAIL $1: '$3' not in output"; head -5 "$2"; fail=$((fail+1)); fi
}
t help 0 "$L" --help;                has help-lists-commands /tmp/cli_out.$$ "convert"
has help-exit-codes /tmp/cli_out.$$ "Exit codes"
t version 0 "$L" --version;          has version /tmp/cli_out.$$ "^litera [0-9]"
t no-args 2 "$L"
t unknown-cmd 2 "$L" frobnicate;     has unknown-cmd-msg /tmp/cli_err.$$ "^litera: unknown command"
t convert-help 0 "$L" convert --help; has convert-help-usage /tmp/cli_out.$$ "Usage: litera convert"
t convert-no-to 2 "$L" convert x.bib
t convert-bad-opt 2 "$L" convert --bogus
t convert-bad-fmt 2 "$L" convert --to nonsense x.bib
t convert-missing 3 "$L" convert --to ris /nonexistent.bib
has missing-diag /tmp/cli_err.$$ "^litera: /nonexistent.bib: cannot open"
t formats 0 "$L" formats;            has formats-list /tmp/cli_out.$$ "ris"
# binary junk is bad input (1) with a one-line message, and -o is not created
d=$(mktemp -d)
printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00' > "$d/junk.bib"
t junk 1 "$L" convert --to ris "$d/junk.bib" -o "$d/out.ris"
has junk-diag /tmp/cli_err.$$ "^litera: $d/junk.bib:1: binary data"
if [ -e "$d/out.ris" ]; then echo "FAIL junk-output: half-written output left"; fail=$((fail+1)); else pass=$((pass+1)); fi
rm -rf "$d" /tmp/cli_out.$$ /tmp/cli_err.$$
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
