// Compiling a parsed rule: metadata, name resolution and type checking into
// an evaluable program (a node tree per clause).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/rules_ast.hpp"
#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "engine/rule_eval.hpp"
#include "base/rule_meta.hpp"

namespace jf::rt {

/// One logic clause, run in order for each binding of the enclosing `for`s.
struct Step {
  enum class Kind { for_, let, where, at } kind;
  NodePtr expr;
  int slot = -1;  // for/let/at: the slot written
};

/// A rule's message or help: its template in both languages, shared by
/// every finding, and the holes that fill its arguments.
struct RuleText {
  std::shared_ptr<const OwnTemplate> tmpl;  // null when the rule has no such text
  std::vector<int> holes;                   // argument i is Program::holes[holes[i]]
};

struct Program {
  std::vector<Step> steps;
  size_t slots = 0;
  int at_slot = -1;
  std::vector<int> for_slots;               // innermost last
  /// Every distinct `{expr}` of the message and help texts, both languages
  /// together: a finding evaluates each once (the same expression written
  /// in several texts is one evaluation), whatever language is shown later.
  std::vector<NodePtr> holes;
  std::vector<std::string> hole_names;  // the expression, as the message argument's name
  RuleText message, help;
  std::vector<std::unique_ptr<Value>> params;  // parallel to RuleMeta::params
};

/// A diagnostic about a rule file (rule "", name "rule-compile-error").
Diagnostic compile_error(Span span, Message message, Message help = {});

/// Compiles `rule` of `src` into `meta` and `program`; returns false (with
/// errors appended) when the rule is not valid.
bool compile_rule(const rules_ast::Rule& rule, const SourceFile& src, uint32_t file, RuleMeta& meta,
                  Program& program, std::vector<Diagnostic>& errors);

/// The run-time value of a parameter.
Value param_value(const ParamValue& p);
/// "number", "string", "bool", "list of string", …, for type checks of set_param.
std::string param_type(const ParamValue& p);

}  // namespace jf::rt

namespace jf {
struct CompiledRule {
  rt::Program program;
};
}  // namespace jf
