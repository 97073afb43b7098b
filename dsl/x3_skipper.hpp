// The one X3 skipper both grammars use (the .assess grammar in
// scheme_grammar.cpp, the .rules grammar in rules_grammar.cpp; each stays in
// its own translation unit): blanks, line ends, U+3000 and `#` comments, as
// lexical::skip_blank scans them for the error reporters too.
#pragma once
#include <boost/spirit/home/x3.hpp>

#include "dsl/lexical.hpp"

namespace jf::lexical {

struct x3_skipper_parser : boost::spirit::x3::parser<x3_skipper_parser> {
  using attribute_type = boost::spirit::x3::unused_type;
  static bool const has_attribute = false;
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    It p = skip_blank(first, last);
    if (p == first) return false;
    first = p;
    return true;
  }
};

}  // namespace jf::lexical
