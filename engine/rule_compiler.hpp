// Compiling a parsed rule: metadata, name resolution and type checking into
// an evaluable program (a node tree per clause).
#pragma once
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "base/rules_ast.hpp"
#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "engine/rule_eval.hpp"
#include "base/rule_meta.hpp"

namespace jf::rt {

/// A piece of a message or help text: literal text, or an expression.
struct Piece {
  std::string text;
  NodePtr expr;
};

/// One logic clause, run in order for each binding of the enclosing `for`s.
struct Step {
  enum class Kind { for_, let, where, at } kind;
  NodePtr expr;
  int slot = -1;  // for/let/at: the slot written
};

struct Program {
  std::vector<Step> steps;
  size_t slots = 0;
  int at_slot = -1;
  std::vector<int> for_slots;               // innermost last
  std::array<std::vector<Piece>, 2> message;  // [en, zh]; an empty zh falls back to en
  std::array<std::vector<Piece>, 2> help;
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
