// The number and string literals of both languages (`.assess` and `.rules`):
// one scanner each, plain functions over bytes, and one wording of every way a
// literal can be wrong. The X3 terminals built on them are in
// dsl/x3_literals.hpp; the error reporters of both grammars call describe().
// What a literal *means* stays with each language: `50%` scans as 50 with
// `percent` set; the scheme model keeps 50, a rule expression divides by 100.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/message.hpp"

namespace jf::literal {

using It = const char*;

/// Why a literal was refused.
enum class Problem {
  none,
  not_a_number,         // `3x`, `1.`, `1.2.3`, `1e3`: digits run into more than a decimal
  percent_not_allowed,  // `10%` where the language takes no percentage
  out_of_range,         // more digits than a double holds
  unterminated,         // `"…` reaches the end of its line
  unterminated_triple,  // `"""…` reaches the end of the file
  bad_escape,           // `\t`, `\u4e2d`: only \" \\ \n are escapes
};

/// What a place in a grammar accepts besides plain digits with one optional point.
struct NumberSyntax {
  bool sign = false;     // a leading `-` or `+` (the `.assess` language; rules have unary minus)
  bool percent = false;  // a `%` right after the digits
};

struct NumberScan {
  It end = nullptr;       // where the number ends; the start when none starts there
  double value = 0;       // as written: `50%` is 50
  bool percent = false;   // written with `%`
  Problem problem = Problem::none;
};

/// A number at p (no blanks skipped). No number starts there (end == p, no
/// problem) unless p holds a digit, or a sign and a digit where signs are
/// allowed; from there on, anything but a decimal is a problem at p.
NumberScan scan_number(It p, It end, NumberSyntax syntax);

/// A decoded string literal; offsets[i] is the offset of decoded byte i from
/// the opening quote (for positions inside interpolations).
struct StringLiteral {
  std::string text;
  std::vector<uint32_t> offsets;
  bool triple = false;  // written `"""…"""`
};

struct StringScan {
  It end = nullptr;  // past the closing quote; the start on a problem
  StringLiteral value;
  Problem problem = Problem::none;
  It bad = nullptr;  // where the problem is: the opening quote, or the backslash of an escape
};

/// A string literal at p (which must be '"'): `"…"` on one line with the
/// escapes \" \\ \n; with `triple`, also `"""…"""` over lines with the common
/// indentation removed (the rule language). Without `offsets` (a language
/// with no interpolation, `.assess`) value.offsets stays empty.
StringScan scan_string(It p, It end, bool triple, bool offsets = true);

/// The X3 expectation tag that carries `problem` out of a terminal ("@literal:…").
const char* problem_tag(Problem problem);
/// The problem an X3 expectation tag names, or none.
Problem problem_of_tag(std::string_view tag);

/// How an error reporter shows a problem at `at`: the bytes it underlines,
/// its message and help (messages/parse_literal.yaml).
struct Described {
  It from = nullptr;
  It to = nullptr;
  Message message;
  Message help;
};
Described describe(Problem problem, It at, It end);

/// Removes the common leading whitespace of the lines of a `"""` string,
/// the first line break and the last blank line. `offsets` follows the bytes.
void dedent(std::string& text, std::vector<uint32_t>& offsets);

}  // namespace jf::literal
