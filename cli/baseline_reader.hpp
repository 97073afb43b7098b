// Reading a baseline file (`check --baseline`): only the fingerprints are
// kept, taken from parser events and never from a JSON tree, so a hostile
// file costs memory in proportion to its fingerprints, and its nesting is
// bounded. Nothing here needs the command line: fuzz/fuzz_baseline.cpp
// drives it directly.
#pragma once
#include "base/message.hpp"
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"

namespace jf::cli {

/// Arrays and objects nested deeper than this are refused (the writer nests 3).
inline constexpr size_t kMaxBaselineDepth = 64;

struct BaselineRead {
  std::set<std::string> fingerprints;  // empty when `error` is set
  std::optional<Message> error;           // why the text is not a usable baseline, with where
  uint32_t line = 0, column = 0;       // of a JSON syntax error (1-based); 0 otherwise
};

/// Parses a baseline written by `--write-baseline`:
/// {"jianfu_baseline": V, "findings": [{"fingerprint": "…", …}, …]}.
/// Every finding must be an object with a string `fingerprint`; other keys
/// are ignored. Structure errors name the place as a JSON pointer
/// (`/findings/3/fingerprint`), syntax errors by line and column.
BaselineRead parse_baseline(std::string_view text);

}  // namespace jf::cli
