// The rule catalogue rendered: `jianfu rules --format` and `jianfu explain`.
#pragma once
#include <string>
#include <vector>

#include "base/rule_meta.hpp"
#include "render/output_format.hpp"

namespace jf {

/// Summary, explanation, parameter defaults and an example that fires, in
/// `lang`: what `explain` prints, docs/rules.md holds and the hover shows.
std::string explanation(const RuleMeta& r, Lang lang);

using RulesFormatMaker = std::string (*)(const std::vector<RuleMeta>&, Lang);
/// Every `rules --format`, the default (text) first; rules are listed by id.
FormatList<RulesFormatMaker> rules_formats();

}  // namespace jf
