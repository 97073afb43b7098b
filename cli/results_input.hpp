// Reading unit results for a scheme (`report --data`): every problem listed,
// then the tool fails; nothing is scored from data that needed a guess.
#pragma once
#include <string>

#include "cli/common.hpp"
#include "engine/scorer.hpp"

namespace jf::cli {

/// Loads `path` (CSV or YAML results, docs/score.md) and validates it against
/// `scheme`. Problems go to stderr, one a line with the file and row, in
/// `lang`; then ToolError is thrown (exit 2).
ResultTable load_results_or_fail(const std::string& path, const Scheme& scheme, const Globals& g, Lang lang);

}  // namespace jf::cli
