// Rule packs from text to a RuleSet: the rules grammar (dsl/) parses a file
// with the run's limits, the compiler (engine/) type-checks and adds it.
#pragma once
#include <cstdint>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "engine/rule_set.hpp"

namespace jf {

/// Parses file `file` of `sources` under `limits` (--max-file-size and the
/// other limits of the run) and adds its rules to `set`; `builtin` marks the
/// embedded pack. Syntax and compile errors are appended to `errors` with
/// positions in that file; returns false when there was any.
bool add_rule_file(RuleSet& set, const SourceSet& sources, uint32_t file, bool builtin,
                   std::vector<Diagnostic>& errors, const Limits& limits = Limits{});

/// Adds the embedded built-in pack (rules/*.rules) to `set`, each file
/// registered in `sources` as "builtin:NAME.rules". The pack is part of the
/// binary, so callers pass the run's limits only to user rule files.
bool add_builtin_rules(RuleSet& set, SourceSet& sources, std::vector<Diagnostic>& errors,
                       const Limits& limits = Limits{});

}  // namespace jf
