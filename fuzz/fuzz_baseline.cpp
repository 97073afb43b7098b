// libFuzzer target: the baseline reader behind `check --baseline` (a JSON
// file a pull request can change). Asserts the bounds it promises: an error
// or fingerprints, never both; both languages; a syntax error's line and
// column inside the file; and memory linear in the input (the fingerprints
// kept are strings of the file, so their bytes cannot exceed its size).
#include <algorithm>

#include "cli/baseline_reader.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_baseline) {
  const std::string text = jf::fuzz::bytes(data, size);
  jf::cli::BaselineRead r = jf::cli::parse_baseline(text);
  if (r.error) {
    if (r.error->in(jf::Lang::en).empty() || r.error->in(jf::Lang::zh).empty() || !r.fingerprints.empty()) __builtin_trap();
    const size_t lines = 1 + static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    if (r.line > lines || r.column > size + 1 || (r.line == 0) != (r.column == 0)) __builtin_trap();
  }
  size_t kept = 0;
  for (const std::string& f : r.fingerprints) kept += f.size();
  if (kept > size) __builtin_trap();
  return 0;
}
