// The syntax tree of a `.rules` file: plain structs with byte-offset spans,
// free of Spirit types so the engine's compiler can read it.
#pragma once
#include <string>
#include <vector>

#include "base/span.hpp"
#include "base/text.hpp"

namespace jf::rules_ast {

/// One expression node. Children live in `args`; the parser bounds the depth
/// (limits.max_depth), so recursive walks and the destructor stay shallow.
struct Expr {
  enum class Kind {
    number,   // `number`
    string,   // `text` (escapes decoded)
    boolean,  // `number` 1 or 0
    null,
    list,     // args = items
    name,     // `text` = the bare word
    field,    // args[0] . text
    call,     // text = function, args = arguments
    unary,    // text = "-" or "not", args[0]
    binary,   // text = operator ("+", "==", "in", "not in", "and", …), args[0], args[1]
    lambda,   // text = parameter, args[0] = body
  };
  Kind kind = Kind::null;
  std::string text;
  double number = 0;
  std::vector<Expr> args;
  Span span;
  Span name_span;  // field: the field name; lambda: the parameter
};

/// A piece of an interpolated text: literal text, or an expression.
struct Piece {
  bool is_expr = false;
  std::string text;
  Expr expr;
};

/// A `param` default: a scalar or a list of scalars.
struct ParamLiteral {
  enum class Kind { number, string, boolean, list } kind = Kind::number;
  double number = 0;
  std::string text;
  bool boolean = false;
  std::vector<ParamLiteral> items;
  Span span;  // as written
};

/// One clause of a rule, e.g. `for i in indicators` or `message en "…"`.
struct Clause {
  std::string keyword;  // category, severity, summary, param, message, help, explain, example,
                        // native, for, let, where, when, at
  std::string lang;     // en / zh for the text clauses
  std::string name;     // category/severity word, param or variable name
  std::string text;     // decoded text of a string clause
  std::vector<uint32_t> text_offsets;  // file offset of each byte of `text`
  std::vector<Piece> pieces;  // message/help: `text` split at {…}
  ParamLiteral param;
  Expr expr;
  Span span;       // the whole clause
  Span name_span;  // the word after the keyword
};

struct Rule {
  std::string id, name;
  std::vector<Clause> clauses;
  Span span;    // the whole rule
  Span header;  // `rule ID NAME`
};

/// A syntax error: where, and what was expected, in both languages.
struct SyntaxError {
  Span span;
  Text message;
  Text help;  // empty, or how to fix it (a refused literal says how to write one)
};

struct File {
  std::vector<Rule> rules;
};

}  // namespace jf::rules_ast
