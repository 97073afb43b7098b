// Type checking and node building for rule expressions (internal to the
// rule compiler).
#pragma once
#include <string>
#include <vector>

#include "base/rules_ast.hpp"
#include "base/diagnostic.hpp"
#include "engine/rule_eval.hpp"
#include "engine/rule_types.hpp"

namespace jf::rt {

/// A compiled expression with its static type. `items` holds the item types
/// of a list literal (for enum-word checks of `x in [a, b]`).
struct Typed {
  Typed() = default;
  Typed(NodePtr n, Type t) : node(std::move(n)), type(std::move(t)) {}
  NodePtr node;
  Type type;
  std::vector<Type> items;
  bool is_list_literal = false;
  const rules_ast::Expr* ast = nullptr;
};

class ExprCompiler {
 public:
  ExprCompiler(std::vector<Diagnostic>& errors) : errors_(errors) {}

  struct Var {
    std::string name;
    int slot;
    Type type;
  };
  struct Param {
    std::string name;
    const Value* value;
    Type type;
  };
  std::vector<Var> vars;
  std::vector<Param> params;
  size_t slots = 0;
  bool failed = false;

  /// A new slot for variable `name` of type `t` (visible until unbind()).
  int bind(std::string name, Type t);
  void unbind() { vars.pop_back(); }
  const Var* find_var(std::string_view name) const;

  /// Compiles a whole expression (a clause's or an interpolation's).
  Typed check(const rules_ast::Expr& e);
  void error(Span span, Message message, Message help = {});

 private:
  Typed compile(const rules_ast::Expr& e);
  Typed name(const rules_ast::Expr& e);
  Typed field(const rules_ast::Expr& e);
  Typed call(const rules_ast::Expr& e);
  Typed unary(const rules_ast::Expr& e);
  Typed binary(const rules_ast::Expr& e);
  Typed list(const rules_ast::Expr& e);
  Typed comparison(const rules_ast::Expr& e, BinOp op, Typed a, Typed b);
  Typed bad();  // after an error: a null of type any, so checks do not cascade
  /// Both sides comparable? Reports enum words that are not values of the other side's enum.
  bool check_compatible(const Type& a, const Type& b, Span span);
  /// `what_key`: the catalogue key naming the checked part (rules_types.what.*).
  bool expect(const Typed& t, T want, Span span, const char* what_key);
  std::vector<Diagnostic>& errors_;
  /// Bare words that are no enum value: reported as unknown names at the end
  /// of the expression, unless compared with an enum (then that error wins).
  std::vector<std::pair<std::string, Span>> unknown_words_;
};


}  // namespace jf::rt
