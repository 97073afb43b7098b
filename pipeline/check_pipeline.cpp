#include "pipeline/check_pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <unordered_map>

#include "dsl/scheme_loader.hpp"
#include "dsl/suppressions.hpp"
#include "dsl/lexicon_reader.hpp"
#include "engine/fingerprint.hpp"
#include "pipeline/suppress.hpp"
#include "engine/structure_checks.hpp"

namespace jf {
namespace {

// As many findings per rule and file as a `.rules` rule may report
// (rule_set.cpp): past it they are counted in one note, so output stays
// linear in the input whatever a hostile file triggers.
constexpr size_t kMaxFindingsPerRule = 200;

// Caps the findings `ds` holds from `first` on, per rule (those `keep`
// selects), in their order; the note sits at `note_at`.
template <typename Keep>
void cap_per_rule(std::vector<Diagnostic>& ds, size_t first, Span note_at, Keep keep) {
  std::unordered_map<std::string, size_t> seen;
  std::vector<std::string> order;  // rules over the cap, in first-seen order
  size_t w = first;
  for (size_t i = first; i < ds.size(); ++i) {
    if (keep(ds[i])) {
      size_t n = ++seen[ds[i].rule];
      if (n == kMaxFindingsPerRule + 1) order.push_back(ds[i].rule);
      if (n > kMaxFindingsPerRule) continue;
    }
    if (w != i) ds[w] = std::move(ds[i]);
    ++w;
  }
  ds.resize(w);
  for (const std::string& rule : order) {
    const Diagnostic* like = nullptr;
    for (size_t i = first; i < ds.size() && !like; ++i)
      if (ds[i].rule == rule) like = &ds[i];
    size_t more = seen[rule] - kMaxFindingsPerRule;
    Diagnostic note{.rule = rule, .name = like->name, .category = like->category, .severity = like->severity,
                    .span = note_at,
                    .message = msg("rules_run.more_findings", {arg("more", more), arg("rule", rule)})};
    ds.push_back(std::move(note));
  }
}

}  // namespace

void apply_rule_settings(std::vector<Diagnostic>& ds, const RuleSet& rules) {
  // A rule's findings come together: its settings are looked up once per
  // run of equal ids, not once per finding, and the findings of disabled
  // rules are dropped in the same pass that sets the others' severity.
  // (The id is copied: the findings kept are moved down.)
  std::string last;
  bool known = false, enabled = false;
  const RuleMeta* meta = nullptr;
  size_t w = 0;
  for (size_t i = 0; i < ds.size(); ++i) {
    if (!known || ds[i].rule != last)
      last = ds[i].rule, known = true, enabled = rules.enabled(last), meta = rules.find(last);
    if (!enabled) continue;
    if (meta) ds[i].severity = meta->severity;
    if (w != i) ds[w] = std::move(ds[i]);
    ++w;
  }
  ds.erase(ds.begin() + static_cast<std::ptrdiff_t>(w), ds.end());
}

FileCheck check_file(const SourceSet& sources, uint32_t file, const RuleSet* rules, const Limits& limits) {
  use_builtin_lexicon();  // the facts' wording classes need the words
  FileCheck out;
  LoadResult loaded = load_scheme(sources, file, limits);
  out.scheme = std::move(loaded.scheme);
  out.diagnostics = std::move(loaded.diagnostics);
  out.parsed = loaded.ok && std::none_of(out.diagnostics.begin(), out.diagnostics.end(),
                                         [](const Diagnostic& d) { return d.rule == "JF001"; });
  if (out.parsed) {
    std::vector<Diagnostic> dup = remove_duplicate_ids(out.scheme);
    out.facts = compute_facts(out.scheme);
    std::vector<Diagnostic> structure = check_structure(out.scheme, out.facts);
    out.diagnostics.insert(out.diagnostics.end(), std::make_move_iterator(dup.begin()), std::make_move_iterator(dup.end()));
    out.diagnostics.insert(out.diagnostics.end(), std::make_move_iterator(structure.begin()),
                           std::make_move_iterator(structure.end()));
    // Syntax errors have their own cap (the loader stops); the C++
    // structure checks get the `.rules` cap.
    cap_per_rule(out.diagnostics, 0, out.scheme.info.span, [](const Diagnostic& d) { return d.rule != "JF001"; });
  }
  if (rules && out.parsed) {
    rules->evaluate(out.scheme, out.facts, out.diagnostics);
  }
  // Suppressions apply to every finding, JF001 included; the JF009 findings
  // they produce then follow the rule set's settings like any native finding.
  apply_suppressions(out.diagnostics, parse_suppressions(sources[file], file), sources[file], rules);
  cap_per_rule(out.diagnostics, 0, out.scheme.info.span, [](const Diagnostic& d) { return d.rule == "JF009"; });
  if (rules) apply_rule_settings(out.diagnostics, *rules);
  sort_diagnostics(out.diagnostics);
  assign_fingerprints(out.diagnostics, out.scheme, sources[file].path());
  return out;
}

}  // namespace jf
