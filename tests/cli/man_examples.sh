#!/usr/bin/env bash
# man_examples.sh - runs every example of docs/litera.1 (lines of the
# EXAMPLES section starting with "litera") from the source directory and
# checks that each succeeds and prints something.  Args: LITERA SOURCE_DIR
set -u
L="$1"; cd "$2" || exit 1
pass=0; fail=0
while IFS= read -r line; do
  cmd=$(printf '%s' "$line" | sed 's/\\-/-/g')
  args=${cmd#litera }
  out=$(eval "\"$L\" $args" 2>/tmp/man_err.$$)
  rc=$?
  if [ $rc -eq 0 ] && [ -n "$out" ]; then pass=$((pass+1)); else
    echo "FAIL (exit $rc): $cmd"; head -3 /tmp/man_err.$$; fail=$((fail+1)); fi
done < <(sed -n '/^\.SH EXAMPLES/,/^\.SH SEE ALSO/p' docs/litera.1 | grep '^litera ')
rm -f /tmp/man_err.$$
echo "$pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
