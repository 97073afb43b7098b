#include "cli/lsp_code_actions.hpp"

#include <fmt/format.h>

#include "base/message.hpp"

#include <set>

#include "cli/fix.hpp"
#include "cli/lsp_diagnostics.hpp"

namespace jf::cli {
namespace {

using nlohmann::json;

bool wanted(const std::vector<std::string>& only, std::string_view kind) {
  if (only.empty()) return true;
  for (const std::string& k : only)
    if (kind == k || (kind.starts_with(k) && kind[k.size()] == '.')) return true;
  return false;
}

json text_edit(const LineIndex& index, uint32_t begin, uint32_t end, const std::string& text) {
  return {{"range", lsp_range(index, begin, end)}, {"newText", text}};
}

json action(std::string title, std::string_view kind, const std::string& uri, json edits) {
  return {{"title", std::move(title)}, {"kind", kind}, {"edit", {{"changes", {{uri, std::move(edits)}}}}}};
}

// The suppression line for a finding starting at `offset`, inserted at the
// start of its line with the line's indentation.
json suppression(const Diagnostic& d, const Analysis& a, const std::string& uri, std::string_view text,
                 const LineIndex& index) {
  Position p = index.position(d.span.begin);
  uint32_t line_start = index.offset({p.line, 0});
  uint32_t indent_end = line_start;
  while (indent_end < text.size() && (text[indent_end] == ' ' || text[indent_end] == '\t')) ++indent_end;
  std::string line = fmt::format("{}# jianfu: allow {} -- \n", text.substr(line_start, indent_end - line_start), d.rule);
  std::string title = msg("cli.lsp.suppress", {arg("rule", d.rule)}).in(a.lang);
  json out = action(std::move(title), "quickfix", uri, json::array({text_edit(index, line_start, line_start, line)}));
  out["diagnostics"] = json::array({lsp_diagnostic(d, index, a.lang)});
  return out;
}

}  // namespace

json lsp_code_actions(const Analysis& a, const std::string& uri, std::string_view text, const LineIndex& index,
                      uint32_t begin, uint32_t end, const std::vector<std::string>& only) {
  json out = json::array();
  const bool scheme = a.kind == DocKind::assess || a.kind == DocKind::yaml_scheme;
  std::set<std::pair<uint32_t, std::string>> suppressed;  // (line, rule) offered once
  bool any_fix = false;
  for (const Diagnostic& d : a.findings) {
    any_fix = any_fix || !d.fix.empty();
    if (d.span.begin > end || d.span.end < begin) continue;
    // Offered only when `check --fix` would apply every edit of it now.
    size_t applied = 0;
    if (!d.fix.empty() && wanted(only, "quickfix") && (apply_fixes(text, {d}, applied), applied == d.fix.size())) {
      json edits = json::array();
      for (const Edit& e : d.fix) edits.push_back(text_edit(index, e.span.begin, e.span.end, e.text));
      std::string title = msg("cli.lsp.fix", {arg("rule", d.rule), arg("message", d.message.in(a.lang))}).in(a.lang);
      json fix = action(std::move(title), "quickfix", uri, std::move(edits));
      fix["diagnostics"] = json::array({lsp_diagnostic(d, index, a.lang)});
      fix["isPreferred"] = true;
      out.push_back(std::move(fix));
    }
    if (scheme && !d.rule.empty() && d.rule != "JF009" && wanted(only, "quickfix") &&
        suppressed.insert({index.position(d.span.begin).line, d.rule}).second)
      out.push_back(suppression(d, a, uri, text, index));
  }
  if (any_fix && wanted(only, "source.fixAll")) {
    size_t applied = 0;
    std::string fixed = apply_fixes(text, a.findings, applied);
    if (applied > 0 && fixed != text) {
      std::string title = msg("cli.lsp.fix_all", {arg("n", applied)}).in(a.lang);
      out.push_back(action(std::move(title), "source.fixAll", uri,
                           json::array({text_edit(index, 0, static_cast<uint32_t>(text.size()), fixed)})));
    }
  }
  return out;
}

}  // namespace jf::cli
