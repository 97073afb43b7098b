#include "cli/lsp_diagnostics.hpp"

#include <algorithm>

namespace jf::cli {

nlohmann::json lsp_range(const LineIndex& index, uint32_t begin, uint32_t end) {
  Position s = index.position(begin), e = index.position(std::max(begin, end));
  return {{"start", {{"line", s.line}, {"character", s.character}}},
          {"end", {{"line", e.line}, {"character", e.character}}}};
}

nlohmann::json lsp_diagnostic(const Diagnostic& d, const LineIndex& index, Lang lang) {
  // LSP: 1 error, 2 warning, 3 information.
  int severity = d.severity == Severity::error ? 1 : d.severity == Severity::warning ? 2 : 3;
  std::string message = d.message.in(lang);
  if (!d.help.in(lang).empty()) message += "\n" + msg("cli.lsp.help", {arg("help", d.help.in(lang))}).in(lang);
  nlohmann::json out = {{"range", lsp_range(index, d.span.begin, d.span.end)},
                        {"severity", severity},
                        {"source", "jianfu"},
                        {"message", message}};
  if (!d.rule.empty()) out["code"] = d.rule;
  return out;
}

nlohmann::json lsp_diagnostics(const Analysis& a, const LineIndex& index) {
  nlohmann::json out = nlohmann::json::array();
  for (const Diagnostic& d : a.findings) out.push_back(lsp_diagnostic(d, index, a.lang));
  return out;
}

}  // namespace jf::cli
