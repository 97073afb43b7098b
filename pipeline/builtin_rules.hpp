// The built-in rule pack, embedded at build time from rules/*.rules.
#pragma once
#include <string_view>
#include <vector>

namespace jf {

struct EmbeddedFile {
  std::string_view path;  // "builtin:NAME.rules"
  std::string_view text;
};

/// Every rules/*.rules file of the source tree, sorted by name.
const std::vector<EmbeddedFile>& builtin_rule_files();

}  // namespace jf
