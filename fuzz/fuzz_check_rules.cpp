// libFuzzer targets fuzz_check_FAMILY, one per built-in rule file (e.g.
// fuzz_check_proof for rules/proof.rules): the check pipeline with that
// family's rules and one output format per input (fuzz_render.hpp). The
// family is compiled once, before the first input.
#include "fuzz/fuzz_render.hpp"
#include "fuzz/fuzz_target.hpp"

namespace {

constexpr std::string_view kPrefix = "fuzz_check_";
jf::SourceSet rule_sources;  // the family's spans point into it
const jf::RuleSet* family = nullptr;

void compile_family(std::string_view name) {
  family = &jf::fuzz::builtin_family(rule_sources, name.substr(kPrefix.size()));
}

int check_with_family(const uint8_t* data, size_t size) { return jf::fuzz::check_and_render(data, size, family); }

const jf::fuzz::Registered registered({kPrefix, check_with_family, compile_family, true});

}  // namespace
