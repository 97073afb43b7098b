// Rule packs for a command: the built-in pack and the user's `.rules` files,
// compiled with the run's limits; compile errors printed with positions.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "cli/globals.hpp"
#include "engine/rule_set.hpp"

namespace jf::cli {

/// The built-in pack plus the user packs at `extra` (files or directories).
/// Compile errors are printed and raise ToolError.
RuleSet load_rules(SourceSet& sources, const std::vector<std::string>& extra, bool with_builtin, const Globals& g);

/// Prints compile errors of rule files (text renderer) to stderr.
void print_errors(const std::vector<Diagnostic>& errors, const SourceSet& sources, Lang lang);

}  // namespace jf::cli
