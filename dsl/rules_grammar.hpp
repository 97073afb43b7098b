// Parsing `.rules` files (docs/rule-language.md) into their syntax tree.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/limits.hpp"
#include "base/rules_ast.hpp"
#include "base/source.hpp"

namespace jf {

/// Parses file `file` of `sources`. Syntax errors (at most
/// limits.max_syntax_errors) are appended to `errors`; after an error the
/// parser resumes at the next line starting with `rule`. Interpolations in
/// `message`/`help` texts are parsed here too.
rules_ast::File parse_rules(const SourceSet& sources, uint32_t file, const Limits& limits,
                            std::vector<rules_ast::SyntaxError>& errors);

/// Parses one expression from `text`, whose first byte is at offset `base`
/// of file `file` (used for `{…}` interpolations). Returns false on error.
bool parse_rule_expression(std::string_view text, uint32_t file, uint32_t base,
                           const Limits& limits, rules_ast::Expr& out,
                           std::vector<rules_ast::SyntaxError>& errors);

}  // namespace jf
