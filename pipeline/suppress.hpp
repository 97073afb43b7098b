// Applying inline suppressions to findings, and JF009 for bad suppressions.
#pragma once
#include <vector>

#include "base/source.hpp"
#include "dsl/suppressions.hpp"
#include "base/diagnostic.hpp"
#include "engine/rule_set.hpp"

namespace jf {

/// Removes the findings a suppression covers (same rule, starting on the
/// covered line, or anywhere for `allow-file`) and adds a JF009 for each
/// suppression without a reason, naming an unknown rule, or covering nothing.
void apply_suppressions(std::vector<Diagnostic>& ds, const std::vector<Suppression>& sups,
                        const SourceFile& src, const RuleSet* rules);

}  // namespace jf
