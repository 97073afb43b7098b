// Spirit X3 building blocks of the rule-language grammar: the parse state,
// hand-written terminals, the nesting and span directives, and the
// on_success/on_error handlers. Included only through rules_grammar_def.hpp.
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <string>
#include <vector>

#include "base/limits.hpp"
#include "base/rules_ast.hpp"
#include "dsl/rules_lexer.hpp"
#include "dsl/parse_text.hpp"
#include "dsl/x3_literals.hpp"
#include "dsl/x3_skipper.hpp"

namespace jf::rules_grammar {

namespace x3 = boost::spirit::x3;

/// Per-parse state reached through the context: spans, depth, limits.
struct State {
  It begin;  // the file's first byte: spans are offsets from here
  uint32_t file = 0;
  uint32_t depth = 0;
  const Limits* limits = nullptr;
  std::vector<rules_ast::SyntaxError>* errors = nullptr;
  uint32_t base = 0;  // added to offsets (expressions parsed out of a string)
  bool in_text = false;  // an interpolation: its end is the closing brace
};
struct state_tag;

template <class Ctx>
State& state(Ctx const& ctx) { return x3::get<state_tag>(ctx).get(); }

inline Span span_of(const State& s, It from, It to) {
  return {s.file, static_cast<uint32_t>(from - s.begin) + s.base,
          static_cast<uint32_t>(to - s.begin) + s.base};
}

/// Errors raised inside terminals carry a key starting with '@'.
[[noreturn]] inline void fail_at(It where, const char* key) {
  throw x3::expectation_failure<It>(where, key);
}

// ---- terminals ----

struct Word {
  std::string text;
  Span span;
};

/// A name (not a reserved word), a rule id, a kebab-case rule name, or a keyword.
struct word_parser : x3::parser<word_parser> {
  using attribute_type = Word;
  enum Kind { name, any_word, rule_id, kebab } kind = name;
  constexpr explicit word_parser(Kind k) : kind(k) {}
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It end = kind == rule_id ? scan_rule_id(first, last)
             : kind == kebab ? scan_kebab(first, last)
                             : scan_ident(first, last);
    if (end == first) return false;
    std::string_view w(first, end - first);
    if (kind == name && is_reserved(w)) return false;
    State& st = state(ctx);
    if (w.size() > st.limits->max_name_bytes) fail_at(first, "@name-size");
    Word out{std::string(w), span_of(st, first, end)};
    x3::traits::move_to(out, attr);
    first = end;
    return true;
  }
};

/// An exact keyword that is not the prefix of a longer word.
struct kw_parser : x3::parser<kw_parser> {
  using attribute_type = x3::unused_type;
  std::string_view word;
  constexpr explicit kw_parser(std::string_view w) : word(w) {}
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    It end = match_keyword(first, last, word);
    if (end == first) return false;
    first = end;
    return true;
  }
};

/// Builds the rule language's attributes of the shared literal terminals
/// (dsl/x3_literals.hpp): `30%` is the number 0.3; a string keeps its decoded
/// offsets and span and is held to limits.max_string_bytes.
struct literals {
  using number_type = double;
  using string_type = StringToken;
  template <class Ctx>
  static double number(const literal::NumberScan& s, It, Ctx const&) {
    return s.percent ? s.value / 100 : s.value;
  }
  template <class Ctx>
  static StringToken string(literal::StringScan&& s, It from, Ctx const& ctx) {
    State& st = state(ctx);
    if (s.value.text.size() > st.limits->max_string_bytes) fail_at(from, "@string-size");
    StringToken tok;
    static_cast<literal::StringLiteral&>(tok) = std::move(s.value);
    tok.raw = span_of(st, from, s.end);
    return tok;
  }
};
/// A number with an optional `%` right after it (no sign: `-` is an operator).
struct number_parser : literal::number_parser<literals> {
  constexpr number_parser() : literal::number_parser<literals>({.sign = false, .percent = true}) {}
};
/// `"…"` with escapes, or `"""…"""` with common indentation stripped.
struct string_parser : literal::string_parser<literals> {
  constexpr string_parser() : literal::string_parser<literals>(true) {}
};

/// An operator of one precedence level; the attribute is its spelling.
struct op_parser : x3::parser<op_parser> {
  using attribute_type = std::string;
  enum Level { cmp, add, mul } level;
  constexpr explicit op_parser(Level l) : level(l) {}
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    std::string op;
    It end = scan_operator(first, last, static_cast<int>(level), op);
    if (end == first) return false;
    x3::traits::move_to(op, attr);
    first = end;
    return true;
  }
};

/// Counts nesting; past limits.max_depth the parse stops with "@depth".
template <class Subject>
struct deeper_directive : x3::unary_parser<Subject, deeper_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, deeper_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit deeper_directive(Subject const& s) : base_type(s) {}
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    State& st = state(ctx);
    if (st.depth >= st.limits->max_depth) {
      x3::skip_over(first, last, ctx);
      fail_at(first, "@depth");
    }
    ++st.depth;
    bool ok = this->subject.parse(first, last, ctx, rctx, attr);
    --st.depth;
    return ok;
  }
};
struct deeper_gen {
  template <class Subject>
  constexpr deeper_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return deeper_directive<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
  }
};
constexpr deeper_gen deeper{};

/// The skipper: blanks, line ends, U+3000 and `#` comments (shared with the
/// scheme grammar, dsl/x3_skipper.hpp).
constexpr lexical::x3_skipper_parser skipper{};

/// Sets the span of the enclosing rule's value (`_val`, which X3 passes as the
/// rule context when the rule has semantic actions and so never reaches
/// on_success) to the bytes `subject` matched, leading blanks excluded.
template <class Subject>
struct spanned_directive : x3::unary_parser<Subject, spanned_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, spanned_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit spanned_directive(Subject const& s) : base_type(s) {}
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It start = first;
    if (!this->subject.parse(first, last, ctx, rctx, attr)) return false;
    if constexpr (requires { rctx.span = Span{}; }) rctx.span = span_of(state(ctx), start, first);
    return true;
  }
};
struct spanned_gen {
  template <class Subject>
  constexpr spanned_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return spanned_directive<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
  }
};
constexpr spanned_gen spanned{};

// ---- on_success: spans of rules without actions ----

struct annotate {
  template <class Attr, class Ctx>
  void on_success(It const& first, It const& last, Attr& attr, Ctx const& ctx) const {
    if constexpr (requires { attr.span = Span{}; }) attr.span = span_of(state(ctx), first, last);
  }
};

// ---- on_error: record the byte offset and the expected thing, then fail ----

struct report_errors : annotate {
  template <class Exc, class Ctx>
  x3::error_handler_result on_error(It&, It const& last, Exc const& x, Ctx const& ctx) const {
    State& st = state(ctx);
    It at = skip_blank(x.where(), last);
    // A refused literal reads the same in both languages (dsl/literal_scan.hpp).
    if (auto problem = literal::problem_of_tag(x.which()); problem != literal::Problem::none) {
      literal::Described d = literal::describe(problem, at, last);
      st.errors->push_back({span_of(st, d.from, d.to), parse_text(d.message), parse_text(d.help)});
      return x3::error_handler_result::fail;
    }
    st.errors->push_back({token_span(st, at, last), expected_message(x.which(), at, last, st.in_text)});
    return x3::error_handler_result::fail;
  }
  static Span token_span(const State& st, It at, It last) {
    return span_of(st, at, token_end(at, last));
  }
};


}  // namespace jf::rules_grammar
