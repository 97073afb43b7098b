#include "pipeline/check_pipeline.hpp"

#include <algorithm>

#include "dsl/scheme_loader.hpp"
#include "dsl/suppressions.hpp"
#include "engine/fingerprint.hpp"
#include "pipeline/suppress.hpp"
#include "engine/structure_checks.hpp"

namespace jf {

void apply_rule_settings(std::vector<Diagnostic>& ds, const RuleSet& rules) {
  std::erase_if(ds, [&](const Diagnostic& d) { return !rules.enabled(d.rule); });
  for (Diagnostic& d : ds)
    if (const RuleMeta* m = rules.find(d.rule)) d.severity = m->severity;
}

FileCheck check_file(const SourceSet& sources, uint32_t file, const RuleSet* rules, const Limits& limits,
                     Texts texts) {
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
    out.diagnostics.insert(out.diagnostics.end(), dup.begin(), dup.end());
    out.diagnostics.insert(out.diagnostics.end(), structure.begin(), structure.end());
  }
  if (rules && out.parsed) {
    std::vector<Diagnostic> found = rules->evaluate(out.scheme, out.facts, texts);
    out.diagnostics.insert(out.diagnostics.end(), found.begin(), found.end());
  }
  // Suppressions apply to every finding, JF001 included; the JF009 findings
  // they produce then follow the rule set's settings like any native finding.
  apply_suppressions(out.diagnostics, parse_suppressions(sources[file], file), sources[file], rules);
  if (rules) apply_rule_settings(out.diagnostics, *rules);
  sort_diagnostics(out.diagnostics);
  assign_fingerprints(out.diagnostics, out.scheme, sources[file].path());
  return out;
}

}  // namespace jf
