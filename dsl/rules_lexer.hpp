// The lexical layer of the rule language: plain scanning functions shared by
// the X3 terminals and the error reporter (no Spirit here).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"
#include "base/text.hpp"

namespace jf::rules_grammar {

using It = const char*;

/// A decoded string literal; offsets[i] is the offset of decoded byte i from
/// the opening quote (for positions inside interpolations).
struct StringToken {
  std::string text;
  std::vector<uint32_t> offsets;
  Span raw;
  bool triple = false;
};

/// Skips blanks, line ends, U+3000 and `#` comments.
It skip_blank(It p, It end);
/// End of an identifier starting at p (letters incl. CJK, digits, `_`; not a digit first), or p.
It scan_ident(It p, It end);
/// End of a rule id (ASCII letters and digits), or p.
It scan_rule_id(It p, It end);
/// End of a kebab-case name (`[a-z0-9]+(-[a-z0-9]+)*`), or p.
It scan_kebab(It p, It end);
/// Words that cannot be names: and or not in contains matches true false null.
bool is_reserved(std::string_view w);
/// End of `word` at p when it is not followed by an identifier character, or p.
It match_keyword(It p, It end, std::string_view word);
/// A decimal number with an optional `%` (divides by 100); returns p when none.
It scan_number(It p, It end, double& value);
/// A string literal at p (which is '"'). On error sets `err` to an "@key" and `bad`.
It scan_string(It p, It end, StringToken& out, const char*& err, It& bad);
/// An operator of level 0 (comparison), 1 (+ -) or 2 (* / %); returns p when none.
It scan_operator(It p, It end, int level, std::string& op);
/// End of the token at p, for underlining an error (one UTF-8 character at least).
It token_end(It p, It end);
/// "expected X, found Y" for an X3 `which()` (a rule name or an "@key").
/// `in_text`: parsing a `{…}` interpolation, whose end is its closing brace.
Text expected_message(const std::string& which, It at, It end, bool in_text = false);

/// Removes the common leading whitespace of the lines of a `"""` string,
/// the first line break and the last blank line. `offsets` follows the bytes.
void dedent(std::string& text, std::vector<uint32_t>& offsets);

}  // namespace jf::rules_grammar
