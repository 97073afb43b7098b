#!/usr/bin/env bash
# Runs the command of .pre-commit-hooks.yaml the way pre-commit does: the
# entry followed by the changed file names, with jianfu on PATH.
set -eu
bin=$1 src=$2
entry=$(sed -n 's/^ *entry: *//p' "$src/.pre-commit-hooks.yaml" | head -n1)  # the `language: system` hook
[ -n "$entry" ] || { echo "no entry in .pre-commit-hooks.yaml"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$bin" "$tmp/jianfu"
export PATH="$tmp:$PATH"
cd "$src"
# A clean scheme plus a YAML file that is not a scheme: passes.
printf 'lang: zh\n' > "$tmp/config.yaml"
if ! $entry examples/reformed-2025.assess "$tmp/config.yaml" > "$tmp/out"; then
  cat "$tmp/out"; echo "FAIL: the hook rejected a clean scheme"; exit 1
fi
# A scheme with errors: the hook fails (exit 1).
set +e
$entry examples/errors-2025.assess > "$tmp/out"
code=$?
set -e
[ "$code" -eq 1 ] || { cat "$tmp/out"; echo "FAIL: expected exit 1, got $code"; exit 1; }
echo "pre-commit hook: 2 passed, 0 failed"
