// The `.assess` syntax tree: words, numbers and texts as written, with byte spans.
// Enum words stay words here; lower_scheme.cpp checks them against the model.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"
#include "base/message.hpp"

namespace jf::ast {

// Every Span below holds byte offsets into the whole file (BOM included);
// its `file` field is left 0 and set by the lowering.
//
// Words are views into the parsed text (never escaped, so always a slice of
// it): the text must outlive the tree. parse_assess parses a SourceSet's file
// and lowers the tree before returning, so the lowering copies each word once
// into the model and the parser copies none.

/// An identifier or enum word.
struct Ident {
  std::string_view text;
  Span span;
};

/// A decimal number; `percent` when written `10%` (value 10).
struct Number {
  double value = 0;
  bool percent = false;
  Span span;
};

/// A quoted text with its escapes resolved; the span includes the quotes.
struct String {
  std::string text;
  Span span;
};

/// `year N`, `total N`, `points N`: the span covers keyword and number.
struct NumberStmt {
  Number value;
  Span span;
};

/// A statement with no value, such as `key`.
struct Flag {
  Span span;
};

struct Units {
  std::optional<Number> count;  // `units 12`
  std::vector<Ident> names;     // `units A, B, …`
  Span span;
};

/// `owner A` or `owner A, B, …`: the first owns the item, the others share it.
struct Owners {
  std::vector<Ident> names;
  Span span;
};

struct SchemeOpen {
  String name;
  Span span;
};

/// `scheme "NAME" { … }`; the span runs from `scheme` to the closing brace.
struct SchemeBlock {
  SchemeOpen head;
  std::optional<NumberStmt> year, total;
  std::optional<Units> units;
  Span span;
};

struct Department {
  Ident id;
  std::optional<String> display;
  std::optional<Ident> kind;
  Span span;
};

/// `group ID [points N] {`; the span is extended to the closing brace.
struct Group {
  Ident id;
  std::optional<NumberStmt> points;
  Span span;
};

struct IndicatorOpen {
  Ident id;
  std::optional<String> display;
  Span span;
};

struct Score {
  Ident mode;
  std::optional<String> target_text;
  std::optional<Number> target_number;
  std::optional<Number> top, step, floor;
  bool lower_better = false;
  std::optional<std::string> ties;
  Span span;
};

struct Report {
  Ident frequency;
  std::optional<Number> forms, times;
  Span span;
};

struct Deduct {
  Number points;
  Ident event;
  std::optional<Number> cap;
  Span span;
};

/// `bottom N`, `bottom N%`, `last` or `below X`; `kind` is the keyword.
struct Trigger {
  std::string kind;
  std::optional<Number> value;
  Span span;
};

/// An action word with its optional amount (`deduct 5`).
struct Action {
  Ident word;
  std::optional<Number> amount;
  Span span;
};

struct Penalty {
  Trigger trigger;
  std::vector<Action> actions;
  Span span;
};

/// `KEYWORD "TEXT"` for a text field of the field table; the span covers both.
struct TextStmt {
  Ident keyword;
  String value;
  Span span;
};

/// `indicator ID ["DISPLAY"] { … }`; statements kept by kind, each in source order.
struct Indicator {
  IndicatorOpen head;
  std::string_view group;  // enclosing group id, empty at top level
  std::optional<Owners> owner;
  std::optional<NumberStmt> points;
  std::optional<Flag> key;
  std::optional<Score> score;
  std::optional<Report> report;
  std::vector<Ident> evidence;
  std::vector<Deduct> deductions;
  std::vector<Penalty> penalties;
  std::vector<Ident> proves;
  // Text fields by their keyword (`content "…"`, `standard "…"`, …: the field
  // table's text fields, dsl/assess_text_fields.hpp), in source order.
  std::vector<TextStmt> texts;
  Span span;
};

struct Inspection {
  Ident id, by, frequency;
  std::optional<Number> times;
  std::optional<Ident> kind;
  Span span;
};

/// A syntax error found by the grammar, already worded.
struct Error {
  Span span;
  Message message;  // catalogue keys (messages/parse_assess.yaml); base/message.hpp is light
  Message help;
};

/// A whole file, items in source order per kind.
struct File {
  std::vector<SchemeBlock> schemes;  // more than one is an error for the lowering
  std::vector<Department> departments;
  std::vector<Group> groups;
  std::vector<Indicator> indicators;
  std::vector<Inspection> inspections;
  std::vector<Penalty> overall_penalties;
  std::vector<Error> errors;
  bool error_cap_reached = false;  // the grammar stopped at Limits::max_syntax_errors
  bool scheme_attempted = false;   // a `scheme` keyword was seen, even if its header failed
};

}  // namespace jf::ast
