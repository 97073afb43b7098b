// The lexical layer of the rule language: plain scanning functions shared by
// the X3 terminals and the error reporter (no Spirit here).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"
#include "base/text.hpp"
#include "dsl/literal_scan.hpp"

namespace jf::rules_grammar {

using It = const char*;

/// A string literal as the grammar keeps it: the decoded text and offsets
/// (dsl/literal_scan.hpp) and the literal's own span.
struct StringToken : literal::StringLiteral {
  Span raw;
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
/// An operator of level 0 (comparison), 1 (+ -) or 2 (* / %); returns p when none.
It scan_operator(It p, It end, int level, std::string& op);
/// End of the token at p, for underlining an error (one UTF-8 character at least).
It token_end(It p, It end);
/// "expected X, found Y" for an X3 `which()` (a rule name or an "@key").
/// `in_text`: parsing a `{…}` interpolation, whose end is its closing brace.
Text expected_message(const std::string& which, It at, It end, bool in_text = false);

}  // namespace jf::rules_grammar
