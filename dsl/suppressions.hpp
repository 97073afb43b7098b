// Inline suppressions in scheme files: `# jianfu: allow ID[,ID] -- reason`.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/source.hpp"

namespace jf {

/// One `allow` comment. `line` is the line whose findings it covers: the
/// next line holding more than a comment, or its own line when it follows
/// code. `allow-file` covers the whole file (line 0).
struct Suppression {
  std::vector<std::string> rules;
  std::string reason;  // empty when none was given
  uint32_t line = 0;
  bool file_level = false;
  Span span;  // the comment
};

/// Finds every `# jianfu: allow …` and `# jianfu: allow-file …` comment.
std::vector<Suppression> parse_suppressions(const SourceFile& src, uint32_t file);
/// The same, walking every line even when the text cannot hold one (what
/// parse_suppressions does once the text holds `jianfu`; tests compare them).
std::vector<Suppression> parse_suppressions_walk(const SourceFile& src, uint32_t file);

}  // namespace jf
