// What the catalogue says about a rule, and parameter values: shared by the
// rules compiler, the config reader, the renderers and `jianfu rules`. Apart
// from the RuleSet container so that none of them needs it.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/span.hpp"

namespace jf {

/// A parameter value: a number, string, bool, or a list of those.
struct ParamValue {
  using Scalar = std::variant<double, std::string, bool>;
  std::variant<double, std::string, bool, std::vector<Scalar>> value;
};

struct RuleParam {
  std::string name;
  ParamValue default_value;
  std::string default_text;  // the default as written in the rule file
};

/// Everything `jianfu rules`, `explain`, SARIF descriptors and the config
/// need to know about a rule.
struct RuleMeta {
  std::string id, name, category;
  Severity severity = Severity::warning;
  Text summary, explain, message, help;
  std::string example;  // a scheme snippet that fires the rule
  std::vector<RuleParam> params;
  bool native = false;  // logic in C++ (JF0xx); the file holds metadata only
  bool builtin = false;
  Span span;            // the rule's header in its file
};

}  // namespace jf
