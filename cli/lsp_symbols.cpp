#include "cli/lsp_symbols.hpp"

#include <fmt/format.h>

#include "base/message.hpp"

#include <algorithm>

#include "cli/lsp_diagnostics.hpp"

namespace jf::cli {
namespace {

// LSP SymbolKind values for the scheme's elements.
constexpr int kNamespace = 3, kClass = 5, kField = 8, kEvent = 24;

struct Symbol {
  std::string name, detail;
  int kind = kField;
  Span range, selection;
  std::vector<Symbol> children;
};

std::string points_detail(const std::string& display, const std::optional<double>& points, Lang lang) {
  std::string out = display;
  if (points) {
    if (!out.empty()) out += " · ";
    out += msg("cli.lsp.points", {arg("points", fmt::format("{:g}", *points))}).in(lang);
  }
  return out;
}

// The element's range must hold its name (the protocol requires it); a
// group's also holds its indicators, which YAML may write elsewhere.
Symbol symbol(const Name& id, Span whole, int kind, std::string detail) {
  Span selection = id.span;
  Span range = whole.begin == whole.end ? selection : merge(whole, selection);
  return {id.text, std::move(detail), kind, range, selection, {}};
}

nlohmann::json to_json(const Symbol& s, const LineIndex& index) {
  nlohmann::json out = {{"name", s.name},
                        {"kind", s.kind},
                        {"range", lsp_range(index, s.range.begin, s.range.end)},
                        {"selectionRange", lsp_range(index, s.selection.begin, s.selection.end)}};
  if (!s.detail.empty()) out["detail"] = s.detail;
  if (!s.children.empty()) {
    out["children"] = nlohmann::json::array();
    for (const Symbol& c : s.children) out["children"].push_back(to_json(c, index));
  }
  return out;
}

bool by_start(const Symbol& a, const Symbol& b) { return a.range.begin < b.range.begin; }

}  // namespace

nlohmann::json lsp_document_symbols(const Analysis& a, const LineIndex& index) {
  nlohmann::json out = nlohmann::json::array();
  if (!a.scheme) return out;
  const Scheme& s = *a.scheme;
  std::vector<Symbol> top;
  for (const Department& d : s.departments)
    if (!d.id.text.empty()) top.push_back(symbol(d.id, d.span, kClass, d.display));
  const size_t groups_begin = top.size();
  for (const Group& g : s.groups)
    if (!g.id.text.empty()) top.push_back(symbol(g.id, g.span, kNamespace, points_detail("", g.points, a.lang)));
  const size_t groups_end = top.size();
  for (const Indicator& i : s.indicators) {
    if (i.id.text.empty()) continue;
    Symbol sym = symbol(i.id, i.span, kField, points_detail(i.display, i.points, a.lang));
    auto group = std::find_if(top.begin() + groups_begin, top.begin() + groups_end,
                              [&](const Symbol& g) { return g.name == i.group; });
    if (i.group.empty() || group == top.begin() + groups_end) {
      top.push_back(std::move(sym));
      continue;
    }
    group->range = merge(group->range, sym.range);
    group->children.push_back(std::move(sym));
  }
  for (const Inspection& i : s.inspections)
    if (!i.id.text.empty()) top.push_back(symbol(i.id, i.span, kEvent, i.by.text));
  std::stable_sort(top.begin(), top.end(), by_start);
  for (const Symbol& sym : top) out.push_back(to_json(sym, index));
  return out;
}

}  // namespace jf::cli
