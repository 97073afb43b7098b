// The canonical layout of a rule file (`jianfu fmt`, and an editor's "format
// document" on a .rules file; docs/cli.md "Rule files"): the file is
// parsed, and the syntax tree says where each rule, clause and brace is; the
// text between them is laid out again while every token is kept as written.
#pragma once
#include <cstdint>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "dsl/scheme_format.hpp"

namespace jf {

/// Formats file `file` of `sources`, a `.rules` file. The layout:
/// - `rule ID name {` at the left margin, each clause on a line of its own,
///   indented two spaces, `}` alone at the left margin;
/// - a clause written over several lines keeps its line breaks, the
///   continuation lines indented four spaces; runs of blanks become one space;
/// - `"""` texts: the opening quotes end the clause's line, the text is
///   indented two spaces more than the clause, the closing quotes too;
/// - comments kept in order: one at the end of a line stays there after two
///   spaces, one on its own line is indented as the clause after it;
/// - one blank line between rules; inside a rule and before the first one, at
///   most one blank line where there was one; none after `{` or before `}`;
/// - no trailing blanks, one line end at the end; a BOM and CRLF line ends
///   (as the first line has) kept.
/// A file that does not parse gives its syntax errors and no text. The result
/// is checked to parse to the same rules with the same comments, else refused.
FormatResult format_rules(const SourceSet& sources, uint32_t file, const Limits& limits);

}  // namespace jf
