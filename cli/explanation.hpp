// The long explanation of one rule, as `jianfu explain` prints it (also
// docs/rules.md and the language server's hover).
#pragma once
#include <string>

#include "engine/rule_set.hpp"

namespace jf::cli {

/// Summary, explanation, parameter defaults and an example that fires, in
/// `lang`; defined in cmd_rules.cpp beside the commands that print it.
std::string explanation(const RuleMeta& r, Lang lang);

}  // namespace jf::cli
