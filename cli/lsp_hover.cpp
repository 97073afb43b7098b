#include "cli/lsp_hover.hpp"

#include <fmt/format.h>

#include <set>

#include "render/render_catalogue.hpp"
#include "cli/lsp_diagnostics.hpp"

namespace jf::cli {
namespace {

constexpr size_t kMaxHoverFindings = 5;

bool word_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

const RuleMeta* find_rule(const Analysis& a, std::string_view word) {
  const RuleSet* rules = a.context && a.context->rules ? a.context->rules
                         : a.fallback                 ? a.fallback->rules
                                                      : nullptr;
  if (!rules || word.empty()) return nullptr;
  if (const RuleMeta* r = rules->find(word)) return r;
  for (const RuleMeta& r : rules->rules())
    if (r.name == word) return &r;
  return nullptr;
}

// The explanation in a fence long enough that the text cannot close it.
std::string fenced(const std::string& text) { return "````text\n" + text + (text.ends_with('\n') ? "" : "\n") + "````\n"; }

nlohmann::json hover(const std::string& markdown, const LineIndex& index, uint32_t begin, uint32_t end) {
  return {{"contents", {{"kind", "markdown"}, {"value", markdown}}}, {"range", lsp_range(index, begin, end)}};
}

}  // namespace

nlohmann::json lsp_hover(const Analysis& a, std::string_view text, const LineIndex& index, uint32_t offset) {
  std::string md;
  std::set<std::string> explained;
  uint32_t begin = offset, end = offset;
  size_t shown = 0;
  for (const Diagnostic& d : a.findings) {
    bool inside = d.span.begin == d.span.end ? offset == d.span.begin : d.span.begin <= offset && offset < d.span.end;
    if (!inside || shown == kMaxHoverFindings) continue;
    if (shown++ == 0) begin = d.span.begin, end = d.span.end;
    if (!md.empty()) md += "\n---\n\n";
    md += fmt::format("**{}** {}\n\n", d.rule.empty() ? "jianfu" : d.rule, d.message.in(a.lang));
    if (!d.help.in(a.lang).empty()) md += msg("cli.lsp.help", {arg("help", d.help.in(a.lang))}).in(a.lang) + "\n\n";
    if (const RuleMeta* r = find_rule(a, d.rule); r && explained.insert(r->id).second)
      md += fenced(explanation(*r, a.lang));
  }
  if (!md.empty()) return hover(md, index, begin, end);

  size_t b = std::min<size_t>(offset, text.size()), e = b;
  while (b > 0 && word_char(text[b - 1])) --b;
  while (e < text.size() && word_char(text[e])) ++e;
  const RuleMeta* r = find_rule(a, text.substr(b, e - b));
  if (!r) return nullptr;
  return hover(fenced(explanation(*r, a.lang)), index, static_cast<uint32_t>(b), static_cast<uint32_t>(e));
}

}  // namespace jf::cli
