#include "cli/lsp_definition.hpp"

#include <vector>

#include "cli/lsp_diagnostics.hpp"

namespace jf::cli {
namespace {

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

nlohmann::json locations(const std::vector<Occurrence>& all, const Occurrence& at, bool (*keep)(const Occurrence&),
                         const std::string& uri, const LineIndex& index) {
  nlohmann::json out = nlohmann::json::array();
  for (const Occurrence& o : all)
    if (o.kind == at.kind && o.name->text == at.name->text && keep(o))
      out.push_back({{"uri", uri}, {"range", lsp_range(index, o.name->span.begin, o.name->span.end)}});
  return out;
}

}  // namespace

nlohmann::json lsp_definition(const Analysis& a, const std::string& uri, const LineIndex& index, uint32_t offset) {
  if (!a.scheme) return nullptr;
  std::vector<Occurrence> all = occurrences(*a.scheme);
  const Occurrence* at = under(all, offset);
  if (!at) return nullptr;
  nlohmann::json out = locations(all, *at, [](const Occurrence& o) { return o.declaration; }, uri, index);
  return out.empty() ? nlohmann::json(nullptr) : out;  // a use of an undeclared id (JF002 says so)
}

nlohmann::json lsp_references(const Analysis& a, const std::string& uri, const LineIndex& index, uint32_t offset,
                              bool include_declaration) {
  if (!a.scheme) return nullptr;
  std::vector<Occurrence> all = occurrences(*a.scheme);
  const Occurrence* at = under(all, offset);
  if (!at) return nullptr;
  if (include_declaration) return locations(all, *at, [](const Occurrence&) { return true; }, uri, index);
  return locations(all, *at, [](const Occurrence& o) { return !o.declaration; }, uri, index);
}

}  // namespace jf::cli
