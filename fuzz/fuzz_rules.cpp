// libFuzzer target: the rule language: parser, compiler and type checker, then
// the compiled rules evaluated on a small fixed scheme.
#include "dsl/scheme_loader.hpp"
#include "engine/check_pipeline.hpp"
#include "fuzz/fuzz_common.hpp"
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

}  // namespace

JIANFU_FUZZ_TARGET(fuzz_rules) {
  jf::SourceSet sources;
  uint32_t rules_file = sources.add("fuzz.rules", jf::fuzz::bytes(data, size));
  jf::RuleSet set;
  std::vector<jf::Diagnostic> errors;
  if (!set.add_file(sources, rules_file, false, errors)) return 0;
  uint32_t scheme = sources.add("fixed.assess", kScheme);
  jf::check_file(sources, scheme, &set, jf::fuzz::fuzz_limits());
  return 0;
}
