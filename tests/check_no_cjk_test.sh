#!/usr/bin/env bash
# check_no_cjk_test.sh CHECK: scripts/check-no-cjk must pass a tree whose
# Chinese sits in comments, escapes, allowed tables and marked help lines, and
# fail (naming file and line) on Chinese text planted in code.
set -u
check=$1 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tree() {  # tree DIR: a minimal tree with Chinese only where it may be
  mkdir -p "$1"/{base,dsl,engine,render,pipeline,cli}
  printf '// 扣分：a comment may quote Chinese\n#include <string>\n' >"$1/base/span.hpp"
  printf '/* 一票否决\n   扣完为止 */\nconst char* space = "\\u3000";\n' >"$1/dsl/reader.cpp"
  printf 'const char* row = "x";  // 第 1 行\nint n = 1'"'"'000;\n' >"$1/engine/facts.cpp"
  printf 'const char* zh = "部门";\n' >"$1/base/model_fields.cpp"
  printf '// cjk-ok: names the Chinese title\nconst char* help = "a 考核细则 table";\n' >"$1/cli/main.cpp"
}

tree "$tmp/good"
if ! out=$("$check" "$tmp/good" 2>&1); then echo "FAIL a clean tree was rejected:"; echo "$out"; fail=1; else echo "ok   clean tree passes"; fi

# Each case: file, the line added to it, the text the report must contain.
cases=(
  'dsl/reader.cpp|bool deduct(std::string_view v) { return v == "扣"; }|dsl/reader.cpp:4: bool deduct'
  'engine/facts.cpp|const char* p = R"(每次扣{N}分)";|engine/facts.cpp:3: const char* p = R"(每次扣{N}分)";'
  'base/span.hpp|const char* sep = "；";  // a full-width semicolon|base/span.hpp:3: const char* sep = "；";'
  'cli/main.cpp|auto s = fmt::format("第 {} 行", 1);|cli/main.cpp:3: auto s = fmt::format("第 {} 行", 1);'
  'render/text.cpp|char c = u8"，"[0];|render/text.cpp:1: char c = u8"，"[0];'
)
i=0
for c in "${cases[@]}"; do
  IFS='|' read -r file line want <<<"$c"
  i=$((i + 1))
  tree "$tmp/bad$i"
  echo "$line" >>"$tmp/bad$i/$file"
  if out=$("$check" "$tmp/bad$i" 2>&1); then
    echo "FAIL not caught: $file: $line"; fail=1
  elif [[ $out != *"$want"* ]]; then
    echo "FAIL $file: $line: report lacks \"$want\":"; echo "$out"; fail=1
  else
    echo "ok   $want"
  fi
done
exit $fail
