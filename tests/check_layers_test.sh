#!/usr/bin/env bash
# check_layers_test.sh CHECK: scripts/check-layers must pass a tree whose
# includes go down, and fail (naming file and line) on each way of crossing.
set -u
check=$1 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tree() {  # tree DIR: a minimal tree whose includes all go down
  mkdir -p "$1"/{base,dsl,engine,render,pipeline,cli}
  echo '#include <string>' >"$1/base/span.hpp"
  echo '#include "base/span.hpp"' >"$1/dsl/reader.cpp"
  echo '#include "base/span.hpp"' >"$1/engine/facts.cpp"
  printf '#include "engine/facts.hpp"\n#include "render/json.hpp"\n' >"$1/render/text.cpp"
  printf '#include "dsl/reader.hpp"\n#include "engine/facts.hpp"\n' >"$1/pipeline/check.cpp"
  printf '#include "pipeline/check.hpp"\n#include "render/text.hpp"\n' >"$1/cli/main.cpp"
}

tree "$tmp/good"
if ! out=$("$check" "$tmp/good" 2>&1); then echo "FAIL a clean tree was rejected:"; echo "$out"; fail=1; fi

# Each case: file, the line added to it, the text the report must contain.
cases=(
  'dsl/reader.cpp|#include "engine/model.hpp"|dsl/reader.cpp:2: dsl/ may not include engine/model.hpp'
  'engine/facts.cpp|#include "dsl/rules_ast.hpp"|engine/facts.cpp:2: engine/ may not include dsl/rules_ast.hpp'
  'base/span.hpp|#include "dsl/source.hpp"|base/span.hpp:2: base/ may not include dsl/source.hpp'
  'engine/facts.cpp|#include "pipeline/check.hpp"|engine/facts.cpp:2: engine/ may not include pipeline/check.hpp'
  'render/text.cpp|#include "cli/common.hpp"|render/text.cpp:3: render/ may not include cli/common.hpp'
  'dsl/reader.cpp|  #  include "render/json.hpp"|dsl/reader.cpp:2: dsl/ may not include render/json.hpp'
  'dsl/reader.cpp|#include "../engine/model.hpp"|dsl/reader.cpp:2: #include "../engine/model.hpp"'
  'engine/facts.cpp|#include "core/model.hpp"|engine/facts.cpp:2: #include "core/model.hpp": no layer core/'
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
