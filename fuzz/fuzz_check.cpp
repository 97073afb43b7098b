// libFuzzer target: the `jianfu check` pipeline without rule packs (load,
// structure checks, suppressions and JF009, fingerprints) and one output
// format per input. Byte 0 picks: bit 0 the syntax (YAML when set), bits
// 1-3 and 5-7 the format (fuzz_render.hpp), bit 4 the language. The rule families have their own
// targets (fuzz_check_rules.cpp): one input no longer runs the whole pack
// and seven formats in two languages (22 inputs/s, issue 18).
#include "fuzz/fuzz_render.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_check) {
  return jf::fuzz::check_and_render(data, size, nullptr);
}
