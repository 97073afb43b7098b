// textDocument/documentSymbol: the outline of a scheme (departments, groups
// with their indicators, top-level indicators, inspections) from the spans
// of the model `check` read.
#pragma once
#include <nlohmann/json.hpp>

#include "cli/lsp_checker.hpp"
#include "cli/lsp_positions.hpp"

namespace jf::cli {

/// DocumentSymbol[] of one analysed document, in source order; empty for
/// documents that are not schemes.
nlohmann::json lsp_document_symbols(const Analysis& a, const LineIndex& index);

}  // namespace jf::cli
