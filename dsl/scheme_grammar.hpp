// The `.assess` grammar's entry point: text in, syntax tree and worded syntax
// errors out. Free of Spirit X3, so any file may include it.
#pragma once
#include <cstdint>
#include <string_view>

#include "base/limits.hpp"
#include "dsl/scheme_ast.hpp"

namespace jf {

/// Parses `body` (a file's text after its BOM) into the syntax tree. Spans are
/// byte offsets into the whole file: `offset` (the BOM's size) is added to
/// every position. Never throws on bad input and never recurses: after an
/// error it resynchronises at the next statement or top-level keyword, and it
/// stops after `limits.max_syntax_errors` errors with one final error.
ast::File parse_scheme_ast(std::string_view body, uint32_t offset, const Limits& limits);

}  // namespace jf
