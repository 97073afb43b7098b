// libFuzzer target: the rule language: parser, compiler and type checker, then
// the compiled rules evaluated on a small fixed scheme.
#include "dsl/scheme_loader.hpp"
#include "pipeline/check_pipeline.hpp"
#include "fuzz/fuzz_bounds.hpp"
#include "fuzz/fuzz_common.hpp"
#include "pipeline/rule_loader.hpp"
#include "fuzz/fuzz_target.hpp"

namespace {

// A small ranked scheme (rules/fixtures/JF102.fires.assess), so fuzzed rules
// have units, indicators and penalties to walk.
constexpr const char* kScheme = R"(# JF102: a ranked item punishes its bottom 2 and its last place.
scheme "测试县2025年度考核" {
  year 2025
  total 100
  units 甲镇, 乙镇, 丙镇, 丁镇, 戊镇, 己镇
}

department 两办 kind office

indicator 人居环境 {
  owner 两办
  points 60
  score rank
  # expect: JF102
  penalty bottom 2 -> interview
  penalty below 30 -> notice
  # expect: JF102
  penalty last -> statement
}

indicator 信访稳定 {
  owner 两办
  points 40
  score rank
  # expect: JF102
  penalty bottom 20% -> notice
}
)";

// The fixed scheme loaded and its facts derived once, before the first
// input: per input only the fuzzed rules are compiled and evaluated (it was
// loaded again for every input, a good part of each execution).
const jf::FileCheck* fixed = nullptr;

void load_fixed_scheme(std::string_view) {
  static jf::SourceSet sources;  // the findings' spans point into it
  static const jf::FileCheck check = jf::check_file(sources, sources.add("fixed.assess", kScheme), nullptr,
                                                    jf::fuzz::fuzz_limits());
  if (!check.parsed) __builtin_trap();
  fixed = &check;
}

int evaluate_rules(const uint8_t* data, size_t size) {
  jf::SourceSet sources;
  uint32_t rules_file = sources.add("fuzz.rules", jf::fuzz::bytes(data, size));
  jf::RuleSet set;
  std::vector<jf::Diagnostic> errors;
  if (!add_rule_file(set, sources, rules_file, false, errors)) return 0;
  // Each rule stops at 200 findings plus one "N more" note, or one JF010;
  // the evaluation's CPU time is paid for by the steps and regex units its
  // rules charged (fuzz_bounds.hpp: the regex under-charge broke this).
  const uint64_t started = jf::fuzz::thread_cpu_ns();
  std::vector<jf::Diagnostic> found = set.evaluate(fixed->scheme, fixed->facts);
  jf::fuzz::assert_cost_bound("the evaluation", jf::fuzz::thread_cpu_ns() - started, 0);
  jf::fuzz::assert_findings_cap(found);
  return 0;
}

const jf::fuzz::Registered registered({"fuzz_rules", evaluate_rules, load_fixed_scheme});

}  // namespace
