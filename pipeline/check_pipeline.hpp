// One scheme file from bytes to sorted findings: load, structure checks,
// derived facts, rules.
#pragma once
#include <cstdint>
#include <vector>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "engine/facts.hpp"
#include "base/model.hpp"
#include "engine/checked_scheme.hpp"
#include "engine/rule_set.hpp"

namespace jf {

struct FileCheck {
  Scheme scheme;  // duplicates removed
  Facts facts;
  std::vector<Diagnostic> diagnostics;  // sorted: offset, rule
  bool parsed = false;                  // no JF001: the semantic checks ran
  /// What diff and the HTML report read (valid while this FileCheck lives).
  CheckedScheme view() const { return {scheme, facts, diagnostics}; }
};

/// Loads and checks file `file` of `sources`. With syntax errors only the
/// JF001 findings are reported: a partial model would produce misleading
/// findings. `rules` may be null (structure checks only). Native findings
/// (JF0xx) follow the rule set's enablement and severity overrides.
FileCheck check_file(const SourceSet& sources, uint32_t file, const RuleSet* rules, const Limits& limits);

/// Applies the rule set's enablement and severity to findings produced in
/// C++ (the rule set's own findings already have them).
void apply_rule_settings(std::vector<Diagnostic>& ds, const RuleSet& rules);

}  // namespace jf
