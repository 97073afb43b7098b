// Hover: the `jianfu explain` text for the finding or rule id under the cursor.
#pragma once
#include <nlohmann/json.hpp>
#include <string_view>

#include "cli/lsp_checker.hpp"
#include "cli/lsp_positions.hpp"

namespace jf::cli {

/// The Hover for byte `offset` of `text`: each finding whose span holds it
/// (at most 5) with its message and its rule's explanation; else, when the
/// cursor is on a rule id or name (`# jianfu: allow JF102`, a `.rules`
/// header), that rule's explanation. Null when there is nothing to say.
nlohmann::json lsp_hover(const Analysis& a, std::string_view text, const LineIndex& index, uint32_t offset);

}  // namespace jf::cli
