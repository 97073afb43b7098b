// libFuzzer target, built once per built-in rule file (JIANFU_FUZZ_FAMILY,
// e.g. "proof" for rules/proof.rules): the check pipeline with that
// family's rules and one output format per input (fuzz_render.hpp).
#include "fuzz/fuzz_render.hpp"

#ifndef JIANFU_FUZZ_FAMILY
#error "build with -DJIANFU_FUZZ_FAMILY=\"family\""
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static jf::SourceSet rule_sources;
  static const jf::RuleSet& rules = jf::fuzz::builtin_family(rule_sources, JIANFU_FUZZ_FAMILY);
  return jf::fuzz::check_and_render(data, size, &rules);
}
