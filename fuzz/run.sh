#!/usr/bin/env bash
# Runs one libFuzzer target of fuzz/ with its seeds, dictionary and committed
# crash inputs.
#   run.sh fuzz  TARGET_BINARY WORKDIR SECONDS   fuzz for SECONDS, fail on a crash
#   run.sh replay TARGET_BINARY WORKDIR          run every seed and regression once
# Seeds: examples/ and rules/fixtures/ (schemes), rules/*.rules (rules),
# examples/*.csv (tables, results), the documents of tests/documents/
# (fuzz/document_seeds.py), and fuzz/regressions/TARGET/ for all.
# TARGET_BINARY is fuzz/TARGET in the build: a link to jianfu_fuzz, whose
# name picks the target (fuzz/fuzz_target.hpp).
# Regressions: fuzz/regressions/TARGET/* (each a past crash, kept forever).
# New findings land in WORKDIR/TARGET/crashes/; copy them to fuzz/regressions/.
set -euo pipefail
mode=$1 bin=$2 work=$3 secs=${4:-30}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
name=$(basename "$bin")
seeds="$work/$name/seeds"
corpus="$work/$name/corpus"
crashes="$work/$name/crashes"
mkdir -p "$seeds" "$corpus" "$crashes"

# Seeds are copied fresh each run, so edits to the examples reach the fuzzer.
rm -f "$seeds"/*
case $name in
  fuzz_assess) cp "$root"/examples/*.assess "$root"/rules/fixtures/*.assess "$seeds"/ ;;
  fuzz_yaml)
    cp "$root"/examples/*.yaml "$seeds"/
    # The .assess examples and fixtures in YAML syntax, when jianfu is built.
    jianfu="$(dirname "$bin")/../jianfu"
    if [ -x "$jianfu" ]; then
      for f in "$root"/examples/*.assess "$root"/rules/fixtures/*.assess; do
        "$jianfu" convert "$f" --to yaml > "$seeds/$(basename "$f" .assess).yaml" 2>/dev/null \
          || rm -f "$seeds/$(basename "$f" .assess).yaml"
      done
    fi ;;
  fuzz_rules)
    # One seed per rule of rules/*.rules (each `rule` block to the next): a
    # whole file is up to 40 KB, and parsing and indexing that much text was
    # most of each execution (perf, issue 18); one rule is at most ~5.5 KB.
    for f in "$root"/rules/*.rules; do
      awk -v out="$seeds/$(basename "$f" .rules)" '/^rule /{n++} n{print > (out "-" n ".rules")}' "$f"
    done ;;
  fuzz_check|fuzz_check_*)
    # Byte 0 picks the syntax (bit 0: even = .assess, odd = YAML), the format
    # (bits 1-3) and the language (bit 4): '@' = .assess, text, English.
    for f in "$root"/examples/*.assess "$root"/rules/fixtures/*.assess; do
      { printf '@'; cat "$f"; } > "$seeds/$(basename "$f")"; done
    for f in "$root"/examples/*.yaml; do { printf 'A'; cat "$f"; } > "$seeds/$(basename "$f")"; done ;;
  fuzz_table) for f in "$root"/examples/*table*.csv; do { printf '@'; cat "$f"; } > "$seeds/$(basename "$f")"; done ;;
  fuzz_results) for f in "$root"/examples/*results*.csv; do { printf '@'; cat "$f"; } > "$seeds/$(basename "$f")"; done ;;
  fuzz_config|fuzz_baseline|fuzz_lsp_framing) ;;  # seeds in fuzz/regressions/TARGET/
  fuzz_document) python3 "$here/document_seeds.py" "$seeds" ;;
  *) echo "run.sh: unknown target $name" >&2; exit 2 ;;
esac
regress="$here/regressions/$name"
mkdir -p "$regress"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [ "$mode" = replay ]; then
  # Each file run once; any crash, leak, sanitizer report or timeout fails.
  shopt -s nullglob  # a target without generated seeds (fuzz_config) replays its regressions only
  files=("$seeds"/*)
  files+=("$regress"/*)
  exec "$bin" -timeout=20 -rss_limit_mb=2048 "${files[@]}"
fi

# -max_len 64 KiB covers every seed (two targets take less, below);
# -timeout 10 s per input makes a hang a finding; the RSS limit makes a
# memory bomb one. -entropic=0: profiled on
# fuzz_check_diff, libFuzzer's entropic schedule (InputCorpus::
# UpdateFeatureFrequency and its rare-feature lists) took about 68 % of the
# CPU with the check targets' ~20,000 features, jianfu's own code a small
# share; without it the same 15 s ran 3.9 times the inputs and reached more
# coverage (cov 9367 against 8969).
# fuzz_rules: 8 KiB holds any one rule of the pack (the largest is ~5.5 KB)
# and every rule-language limit but the 64 KiB string; at 64 KiB its inputs
# grew to 20-40 KB, whole rule files, and it ran at ~470 inputs per CPU second.
max_len=65536
[ "$name" = fuzz_rules ] && max_len=8192
# fuzz_document: 16 KiB of main XML part, or a whole deflated archive that
# unpacks to up to the 1 MiB bound, crosses every grid limit of
# fuzz_common.hpp (16 KiB of text, 64 rows, 2,048 cells); at 64 KiB its
# inputs grew to 17 KB on average and it ran at ~350 inputs per CPU second.
[ "$name" = fuzz_document ] && max_len=16384
status=0
"$bin" "$corpus" "$seeds" "$regress" -dict="$here/jianfu.dict" -max_total_time="$secs" -entropic=0 \
  -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$crashes/" > "$work/$name/last.log" 2>&1 || status=$?
grep -E 'stat::number_of_executed_units|stat::peak_rss|Done [0-9]+ runs|ERROR|SUMMARY|Test unit written' \
  "$work/$name/last.log" | sed "s|^|$name: |" || true
[ "$status" -eq 0 ] || { echo "$name: FAILED (exit $status), log: $work/$name/last.log" >&2; tail -60 "$work/$name/last.log" >&2; }
exit "$status"
