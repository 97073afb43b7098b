// Findings as LSP diagnostics: UTF-16 ranges, severity, rule id as `code`.
#pragma once
#include <nlohmann/json.hpp>

#include "cli/lsp_checker.hpp"
#include "cli/lsp_positions.hpp"

namespace jf::cli {

/// `{"start": …, "end": …}` for bytes [begin, end) of the indexed text.
nlohmann::json lsp_range(const LineIndex& index, uint32_t begin, uint32_t end);

/// One finding as an LSP Diagnostic: the message with its help line in the
/// analysis's language, severity error/warning/information, `code` = rule id
/// (none for syntax-free tool problems such as a broken config), `source` =
/// "jianfu". No `codeDescription`: rules have no web page to link to.
nlohmann::json lsp_diagnostic(const Diagnostic& d, const LineIndex& index, Lang lang);

/// Every finding of `a`, in order.
nlohmann::json lsp_diagnostics(const Analysis& a, const LineIndex& index);

}  // namespace jf::cli
