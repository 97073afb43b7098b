#!/usr/bin/env bash
# `make run`'s check of the shipped examples, run as the Makefile runs it:
# the examples have findings on purpose, so it must still end with exit 0.
set -eu
bin=$1 src=$2
cmd=$(sed -n 's/^\t\.\/\$(BUILD)\/jianfu //p' "$src/Makefile" | head -1)
[ -n "$cmd" ] || { echo "FAIL: no jianfu command in the run target"; exit 1; }
cd "$src"
set +e
"$bin" $cmd > /dev/null
code=$?
set -e
[ "$code" -eq 0 ] || { echo "FAIL: \`jianfu $cmd\` exits $code, so make run ends in an error"; exit 1; }
echo "make run: jianfu $cmd exits 0"
