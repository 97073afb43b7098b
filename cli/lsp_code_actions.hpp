// Code actions: the fixes `check --fix` applies, one finding at a time or
// all at once, and a `# jianfu: allow` suppression for a finding.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/lsp_checker.hpp"
#include "cli/lsp_positions.hpp"

namespace jf::cli {

/// The actions for the findings that touch bytes [begin, end] of `text`:
/// - `quickfix` per finding whose fix `check --fix` would apply now;
/// - `quickfix` "suppress" per rule and line in a scheme: a line
///   `# jianfu: allow ID -- ` above the finding, indented like it, whose
///   reason the user writes (JF009 reminds them until they do);
/// - `source.fixAll` when any finding of the document has a fix: the text
///   `check --fix` would write after one pass.
/// `only`: the kinds the client asked for (empty: all).
nlohmann::json lsp_code_actions(const Analysis& a, const std::string& uri, std::string_view text,
                                const LineIndex& index, uint32_t begin, uint32_t end,
                                const std::vector<std::string>& only);

}  // namespace jf::cli
