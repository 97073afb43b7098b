// libFuzzer target: the results reader behind `jianfu score --data` (CSV, or
// YAML when byte 0 is odd). Issues are capped; none may be empty.
#include "dsl/results_loader.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_results) {
  if (size == 0) return 0;
  const char* path = (data[0] & 1) ? "r.yaml" : "r.csv";
  jf::LoadedResults r = jf::load_results(path, jf::fuzz::bytes(data + 1, size - 1));
  for (const jf::DataIssue& i : r.issues)
    if (i.message.in(jf::Lang::en).empty() || i.message.in(jf::Lang::zh).empty()) __builtin_trap();
  if (r.issues.size() > 51) __builtin_trap();  // kMaxIssues (50) and one "more" note at most
  return 0;
}
