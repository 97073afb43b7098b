#!/usr/bin/env bash
# check_examples.sh JIANFU DIR: for every DIR/NAME.expect, the set of rule ids
# `jianfu check --format json` reports on NAME must equal the listed set.
set -u
bin=$1 dir=$2 fail=0 n=0
for expect in "$dir"/*.expect; do
  base=${expect%.expect} scheme=""
  for ext in assess yaml yml; do [ -f "$base.$ext" ] && scheme="$base.$ext"; done
  [ -n "$scheme" ] || { echo "MISSING  no scheme beside $expect"; fail=1; continue; }
  n=$((n + 1))
  got=$("$bin" check --format json "$scheme" | python3 -c '
import json, sys
print(" ".join(sorted({d["rule"] for d in json.load(sys.stdin)["diagnostics"]})))')
  want=$(grep -o 'JF[0-9]*' "$expect" | sort -u | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" = "$want" ]; then echo "ok       $scheme"
  else echo "MISMATCH $scheme"; echo "  want: $want"; echo "  got:  $got"; fail=1; fi
done
echo "$n examples checked"
exit $fail
