#!/usr/bin/env bash
# `cmake --install` into a temporary prefix; then the installed binary checks
# an example, the man pages format without a warning and the bash completion
# completes a command.
set -eu
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$tmp/usr" > "$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }
bin=$tmp/usr/bin/jianfu
[ -x "$bin" ] || fail "no bin/jianfu"

# The installed binary works on its own: exit 1 and a finding on a scheme with errors.
set +e
"$bin" --lang en check "$src/examples/errors-2025.assess" > "$tmp/out"
code=$?
set -e
[ "$code" -eq 1 ] || { cat "$tmp/out"; fail "installed jianfu check: expected exit 1, got $code"; }
grep -q "JF" "$tmp/out" || fail "installed jianfu check printed no finding"

# A page per visible command, each formatting without a warning.
man1=$tmp/usr/share/man/man1
for cmd in $("$bin" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF {print $1}'); do
  [ -f "$man1/jianfu-$cmd.1" ] || fail "no man page for '$cmd'"
done
[ -f "$man1/jianfu.1" ] || fail "no jianfu.1"
for page in "$man1"/*.1; do
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warnings" ] || fail "$page: $warnings"
done
# The page for check lists its options as --help does.
groff -man -Tutf8 -P -cbou "$man1/jianfu-check.1" > "$tmp/check.txt" 2>/dev/null
for opt in --format --fail-on --baseline --lang; do
  grep -q -- "$opt" "$tmp/check.txt" || fail "jianfu-check(1) lacks $opt"
done
if command -v man > /dev/null; then
  MANPAGER=cat MANWIDTH=80 man -l "$man1/jianfu-check.1" 2>&1 | grep -q "jianfu-check - Lint" || fail "man -l jianfu-check.1"
fi

# Completions: bash completes `jianfu ch` and a fixed option value.
comp=$tmp/usr/share/bash-completion/completions/jianfu
[ -f "$tmp/usr/share/zsh/vendor-completions/_jianfu" ] || fail "no zsh completion"
[ -f "$tmp/usr/share/fish/vendor_completions.d/jianfu.fish" ] || fail "no fish completion"
got=$(bash -c 'source "$1"; COMP_WORDS=(jianfu ch); COMP_CWORD=1; _jianfu; echo "${COMPREPLY[*]}"' _ "$comp")
[ "$got" = "check" ] || fail "bash completion of 'jianfu ch': '$got'"
got=$(bash -c 'source "$1"; COMP_WORDS=(jianfu check --format sa); COMP_CWORD=3; _jianfu; echo "${COMPREPLY[*]}"' _ "$comp")
[ "$got" = "sarif" ] || fail "bash completion of 'jianfu check --format sa': '$got'"

# zsh: the script parses; fish: it completes a command and an option value.
need() { command -v "$1" > /dev/null || fail "$1 is not installed (scripts/install-deps test)"; }
need zsh
need fish
zsh -n "$tmp/usr/share/zsh/vendor-completions/_jianfu" || fail "the zsh completion does not parse"
got=$(fish -N -c 'source $argv[1]; complete -C "jianfu ch"; complete -C "jianfu check --format sa"' \
      "$tmp/usr/share/fish/vendor_completions.d/jianfu.fish" | cut -f1 | tr '\n' ' ')
[ "$got" = "check sarif " ] || fail "fish completion of 'jianfu ch' and '--format sa': '$got'"

[ -f "$tmp/usr/share/doc/jianfu/README.md" ] && [ -f "$tmp/usr/share/doc/jianfu/cli.md" ] || fail "docs not installed"
# The VS Code extension finds its grammars through the installed link.
[ -f "$tmp/usr/share/jianfu/editors/vscode/syntaxes/assess.tmLanguage.json" ] || fail "editors/ not installed"
# …and its JSON Schemas as files (in the checkout, a link to docs/schema).
for f in scheme config; do
  p=$tmp/usr/share/jianfu/editors/vscode/schemas/$f.schema.json
  [ -f "$p" ] && [ ! -L "$p" ] && [ ! -L "$(dirname "$p")" ] || fail "editors/vscode/schemas/$f.schema.json not installed as a file"
done
echo "install into a prefix: binary, man pages, completions, docs, editors: ok"
