// The X3 terminals for number and string literals that both grammars use
// (the .assess grammar in scheme_grammar.cpp, the .rules grammar in
// rules_grammar.cpp; each stays in its own translation unit). They scan with
// dsl/literal_scan.hpp and throw a refused literal as an expectation failure
// tagged "@literal:…", which each grammar's error reporter words with
// literal::describe(), so both languages report the same error at the same
// column. A grammar passes a policy that builds its own attribute:
//
//   struct Policy {
//     using number_type = …;  using string_type = …;
//     template <class Ctx> static number_type number(const literal::NumberScan&, It from, Ctx const&);
//     template <class Ctx> static string_type string(literal::StringScan&&, It from, Ctx const&);
//   };
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <utility>

#include "dsl/literal_scan.hpp"

namespace jf::literal {

namespace x3 = boost::spirit::x3;

[[noreturn]] inline void throw_problem(It where, Problem problem) {
  throw x3::expectation_failure<It>(where, problem_tag(problem));
}

/// A number as `syntax` allows it; fails (so alternatives are tried) when no
/// number starts here, throws when one starts but is not a decimal.
template <class Policy>
struct number_parser : x3::parser<number_parser<Policy>> {
  using attribute_type = typename Policy::number_type;
  static bool const has_attribute = true;
  NumberSyntax syntax;
  constexpr explicit number_parser(NumberSyntax s = {}) : syntax(s) {}
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    NumberScan scan = scan_number(first, last, syntax);
    if (scan.problem != Problem::none) throw_problem(first, scan.problem);
    if (scan.end == first) return false;
    x3::traits::move_to(Policy::number(scan, first, ctx), attr);
    first = scan.end;
    return true;
  }
};

/// A quoted string; with `triple`, `"""…"""` too. Fails when no quote is
/// here, throws on an unterminated string or an unknown escape.
template <class Policy>
struct string_parser : x3::parser<string_parser<Policy>> {
  using attribute_type = typename Policy::string_type;
  static bool const has_attribute = true;
  bool triple = false;
  bool offsets = true;  // false: the policy never reads value.offsets
  constexpr explicit string_parser(bool t = false, bool o = true) : triple(t), offsets(o) {}
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    if (first == last || *first != '"') return false;
    StringScan scan = scan_string(first, last, triple, offsets);
    if (scan.problem != Problem::none) throw_problem(scan.bad, scan.problem);
    It end = scan.end;
    x3::traits::move_to(Policy::string(std::move(scan), first, ctx), attr);
    first = end;
    return true;
  }
};

}  // namespace jf::literal
