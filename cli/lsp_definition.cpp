#include "cli/lsp_definition.hpp"

#include <filesystem>
#include <optional>
#include <set>
#include <vector>

#include "cli/lsp_diagnostics.hpp"
#include "cli/lsp_protocol.hpp"
#include "dsl/rules_grammar.hpp"
#include "dsl/scheme_loader.hpp"

namespace jf::cli {
namespace {

using nlohmann::json;

// ---- scheme ids ---------------------------------------------------------

enum class IdKind { department, group, indicator, inspection };

// One place an id is written.
struct Occurrence {
  IdKind kind;
  const Name* name;
  bool declaration;
};

std::vector<Occurrence> occurrences(const Scheme& s) {
  std::vector<Occurrence> out;
  auto add = [&](IdKind k, const Name& n, bool decl) {
    if (!n.text.empty() && n.span.begin < n.span.end) out.push_back({k, &n, decl});
  };
  for (const Department& d : s.departments) add(IdKind::department, d.id, true);
  for (const Group& g : s.groups) add(IdKind::group, g.id, true);
  for (const Indicator& i : s.indicators) {
    add(IdKind::indicator, i.id, true);
    add(IdKind::department, i.owner, false);
    for (const Name& n : i.co_owners) add(IdKind::department, n, false);
    for (const Name& n : i.proves) add(IdKind::indicator, n, false);
  }
  for (const Inspection& i : s.inspections) {
    add(IdKind::inspection, i.id, true);
    add(IdKind::department, i.by, false);
  }
  return out;
}

// The occurrence under the cursor: inside a name, else just after one (where
// an editor's cursor sits when it has typed or clicked the end of a word).
const Occurrence* under(const std::vector<Occurrence>& all, uint32_t offset) {
  const Occurrence* after = nullptr;
  for (const Occurrence& o : all) {
    if (o.name->span.begin <= offset && offset < o.name->span.end) return &o;
    if (offset == o.name->span.end) after = &o;
  }
  return after;
}

// An occurrence with its place as a Location.
struct Located {
  IdKind kind;
  std::string text;
  bool declaration;
  json location;
};

void locate(const Scheme& s, const std::string& uri, const LineIndex& index, std::vector<Located>& out) {
  for (const Occurrence& o : occurrences(s))
    out.push_back({o.kind,
                   o.name->text,
                   o.declaration,
                   {{"uri", uri}, {"range", lsp_range(index, o.name->span.begin, o.name->span.end)}}});
}

// The ids of the workspace's other scheme files, each read as `check` reads it.
std::vector<Located> workspace_ids(const std::vector<WorkspaceFile>& files, const Limits& limits) {
  std::vector<Located> out;
  for (const WorkspaceFile& f : files) {
    if (f.kind != DocKind::assess && f.kind != DocKind::yaml_scheme) continue;
    SourceSet sources;
    const uint32_t id = sources.add(f.path, f.text);
    LoadResult r = load_scheme(sources, id, limits);
    locate(r.scheme, f.uri, LineIndex(f.text), out);
  }
  return out;
}

json scheme_locations(const std::vector<Located>& all, const Occurrence& at, bool declarations_only, bool uses_only) {
  json out = json::array();
  for (const Located& l : all)
    if (l.kind == at.kind && l.text == at.name->text && !(declarations_only && !l.declaration) &&
        !(uses_only && l.declaration))
      out.push_back(l.location);
  return out;
}

// ---- rule ids -----------------------------------------------------------

bool word_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// The rule id under the cursor: ASCII letters then digits (`JF102`, `XJ01`),
// or "".
std::string_view rule_id_at(std::string_view text, uint32_t offset) {
  size_t b = std::min<size_t>(offset, text.size()), e = b;
  while (b > 0 && word_char(text[b - 1])) --b;
  while (e < text.size() && word_char(text[e])) ++e;
  std::string_view w = text.substr(b, e - b);
  bool letter = false, digit = false;
  for (char c : w) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      letter = true;
    else
      return {};
  }
  return letter && digit && !(w[0] >= '0' && w[0] <= '9') ? w : std::string_view{};
}

// The id in a rule's header `rule ID name` (the header's span starts at `rule`).
json rule_location(const std::string& uri, std::string_view text, Span header, std::string_view id) {
  size_t at = text.substr(0, header.end).find(id, header.begin);
  uint32_t begin = at == std::string_view::npos ? header.begin : static_cast<uint32_t>(at);
  return {{"uri", uri}, {"range", lsp_range(LineIndex(text), begin, begin + static_cast<uint32_t>(id.size()))}};
}

// The `rule ID` headers of a rule file's text.
void rule_headers(std::string_view id, const std::string& path, const std::string& uri, std::string_view text,
                  const Limits& limits, json& out) {
  SourceSet sources;
  const uint32_t file = sources.add(path, std::string(text));
  std::vector<rules_ast::SyntaxError> errors;  // rules before an error still count
  for (const rules_ast::Rule& r : parse_rules(sources, file, limits, errors).rules)
    if (r.id == id) out.push_back(rule_location(uri, text, r.header, id));
}

json rule_definition(const NavDoc& doc, std::string_view id, const WorkspaceReader& others, const Limits& limits) {
  json out = json::array();
  // The project's packs, as the document's config loads them.
  if (const RuleContext* c = doc.analysis.context.get(); c && c->rules)
    for (const RuleMeta& r : c->rules->rules()) {
      if (r.id != id || r.builtin) continue;
      const SourceFile& f = c->sources[r.span.file];
      std::error_code ec;
      const std::string path = std::filesystem::absolute(f.path(), ec).lexically_normal().string();
      out.push_back(rule_location(path_to_uri(path), f.text(), r.span, id));
    }
  if (!out.empty()) return out;
  if (doc.analysis.kind == DocKind::rules) rule_headers(id, doc.uri, doc.uri, doc.text, limits, out);
  if (!out.empty()) return out;
  for (const WorkspaceFile& f : others())
    if (f.kind == DocKind::rules) rule_headers(id, f.path, f.uri, f.text, limits, out);
  return out;
}

// Every whole-word `id` in `text`; a `rule ID` header is its declaration.
void rule_mentions(std::string_view id, const std::string& uri, std::string_view text, bool include_declaration,
                   json& out) {
  std::optional<LineIndex> index;
  for (size_t at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
    if ((at > 0 && word_char(text[at - 1])) || (at + id.size() < text.size() && word_char(text[at + id.size()])))
      continue;
    size_t k = at;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
    const bool header = k != at && k >= 4 && text.substr(k - 4, 4) == "rule" && (k == 4 || !word_char(text[k - 5]));
    if (header && !include_declaration) continue;
    if (!index) index.emplace(text);
    out.push_back(
        {{"uri", uri}, {"range", lsp_range(*index, static_cast<uint32_t>(at), static_cast<uint32_t>(at + id.size()))}});
  }
}

bool known_rule(const NavDoc& doc, std::string_view id, const json& definition) {
  if (!definition.empty()) return true;
  for (const auto* c : {doc.analysis.context.get(), doc.analysis.fallback.get()})
    if (c && c->rules && c->rules->find(id)) return true;
  return false;
}

}  // namespace

json lsp_definition(const NavDoc& doc, uint32_t offset, const WorkspaceReader& others, const Limits& limits) {
  if (doc.analysis.scheme) {
    std::vector<Occurrence> all = occurrences(*doc.analysis.scheme);
    if (const Occurrence* at = under(all, offset)) {
      std::vector<Located> here;
      locate(*doc.analysis.scheme, doc.uri, doc.index, here);
      json out = scheme_locations(here, *at, true, false);
      if (out.empty()) out = scheme_locations(workspace_ids(others(), limits), *at, true, false);
      return out.empty() ? json(nullptr) : out;  // an undeclared id (JF002 says so)
    }
  }
  std::string_view id = rule_id_at(doc.text, offset);
  if (id.empty()) return nullptr;
  json out = rule_definition(doc, id, others, limits);
  return out.empty() ? json(nullptr) : out;  // a built-in rule, or no such rule
}

json lsp_references(const NavDoc& doc, uint32_t offset, bool include_declaration, const WorkspaceReader& others,
                    const Limits& limits) {
  if (doc.analysis.scheme) {
    std::vector<Occurrence> all = occurrences(*doc.analysis.scheme);
    if (const Occurrence* at = under(all, offset)) {
      std::vector<Located> located;
      locate(*doc.analysis.scheme, doc.uri, doc.index, located);
      for (Located& l : workspace_ids(others(), limits)) located.push_back(std::move(l));
      return scheme_locations(located, *at, false, !include_declaration);
    }
  }
  std::string_view id = rule_id_at(doc.text, offset);
  if (id.empty()) return nullptr;
  const std::vector<WorkspaceFile> files = others();
  const WorkspaceReader read_once = [&files] { return files; };
  if (!known_rule(doc, id, rule_definition(doc, id, read_once, limits))) return nullptr;
  json out = json::array();
  rule_mentions(id, doc.uri, doc.text, include_declaration, out);
  for (const WorkspaceFile& f : files) rule_mentions(id, f.uri, f.text, include_declaration, out);
  return out;
}

}  // namespace jf::cli
