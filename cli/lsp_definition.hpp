// textDocument/definition and textDocument/references for the ids of a
// scheme: departments (declared; used by `owner` and `by`), indicators
// (declared; used by `proves`), groups and inspections (declared), within
// one document, from the spans of the model `check` read. Anything else
// under the cursor (a rule id in a comment, a number, a config) gives null.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "cli/lsp_checker.hpp"
#include "cli/lsp_positions.hpp"

namespace jf::cli {

/// Location[] of the declarations of the id at byte `offset`, or null.
nlohmann::json lsp_definition(const Analysis& a, const std::string& uri, const LineIndex& index, uint32_t offset);

/// Location[] of every occurrence of the id at byte `offset` (its
/// declarations only when `include_declaration`), or null when no id is there.
nlohmann::json lsp_references(const Analysis& a, const std::string& uri, const LineIndex& index, uint32_t offset,
                              bool include_declaration);

}  // namespace jf::cli
