// The built-in rule pack, embedded at build time from rules/*.rules.
#pragma once
#include <vector>

#include "base/embedded_file.hpp"

namespace jf {

/// Every rules/*.rules file of the source tree, sorted by name.
const std::vector<EmbeddedFile>& builtin_rule_files();

}  // namespace jf
