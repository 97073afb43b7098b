// Spirit X3 rule definitions of the rule language (docs/rule-language.md).
// Included only by rules_grammar.cpp. Recursive rules pass through `deeper[]`,
// which counts nesting and fails with a named error past limits.max_depth.
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <string_view>

#include "base/limits.hpp"
#include "base/rules_ast.hpp"
#include "dsl/rules_grammar_parsers.hpp"
#include "dsl/rules_lexer.hpp"

namespace jf::rules_grammar {

namespace x3 = boost::spirit::x3;
using rules_ast::Clause;
using rules_ast::Expr;
using rules_ast::ParamLiteral;

// ---- semantic helpers ----

inline Expr make_node(Expr::Kind k, std::string text, std::vector<Expr> args, Span span) {
  Expr e;
  e.kind = k;
  e.text = std::move(text);
  e.args = std::move(args);
  e.span = span;
  return e;
}

inline auto const set_val = [](auto& ctx) { x3::_val(ctx) = std::move(x3::_attr(ctx)); };
inline auto const fold_binary = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  Expr& lhs = x3::_val(ctx);
  Expr& rhs = boost::fusion::at_c<1>(a);
  Span s = merge(lhs.span, rhs.span);
  std::vector<Expr> args;
  args.push_back(std::move(lhs));
  args.push_back(std::move(rhs));
  x3::_val(ctx) = make_node(Expr::Kind::binary, boost::fusion::at_c<0>(a), std::move(args), s);
};
inline auto const make_unary = [](std::string op) {
  return [op](auto& ctx) {
    std::vector<Expr> args;
    args.push_back(std::move(x3::_attr(ctx)));
    x3::_val(ctx) = make_node(Expr::Kind::unary, op, std::move(args), {});
  };
};
inline auto const add_field = [](auto& ctx) {
  Word& w = x3::_attr(ctx);
  Expr& lhs = x3::_val(ctx);
  Span s = merge(lhs.span, w.span);
  std::vector<Expr> args;
  args.push_back(std::move(lhs));
  x3::_val(ctx) = make_node(Expr::Kind::field, std::move(w.text), std::move(args), s);
  x3::_val(ctx).name_span = w.span;
};
inline auto const push_arg = [](auto& ctx) { x3::_val(ctx).args.push_back(std::move(x3::_attr(ctx))); };

// ---- expression rules (calc9's precedence ladder, lowest first) ----

struct expr_class : annotate {};
struct or_class : annotate {};
struct and_class : annotate {};
struct not_class : annotate {};
struct cmp_class : annotate {};
struct add_class : annotate {};
struct mul_class : annotate {};
struct unary_class : annotate {};
struct postfix_class : annotate {};
struct primary_class : annotate {};
struct call_class : annotate {};
struct list_class : annotate {};
struct arg_class : annotate {};
struct name_class : annotate {};
struct field_class : annotate {};
struct close_paren_class {};
struct close_bracket_class {};

x3::rule<expr_class, Expr> const expr = "an expression";
x3::rule<or_class, Expr> const or_expr = "an expression";
x3::rule<and_class, Expr> const and_expr = "an expression";
x3::rule<not_class, Expr> const not_expr = "an expression";
x3::rule<cmp_class, Expr> const cmp_expr = "an expression";
x3::rule<add_class, Expr> const add_expr = "an expression";
x3::rule<mul_class, Expr> const mul_expr = "an expression";
x3::rule<unary_class, Expr> const unary_expr = "an expression";
x3::rule<postfix_class, Expr> const postfix_expr = "an expression";
x3::rule<primary_class, Expr> const primary = "an expression";
x3::rule<call_class, Expr> const call = "a function call";
x3::rule<list_class, Expr> const list_lit = "a list";
x3::rule<arg_class, Expr> const arg = "an argument";
x3::rule<name_class, Word> const name = "a name";
x3::rule<field_class, Word> const field_name = "a field name";
x3::rule<close_paren_class> const close_paren = "')'";
x3::rule<close_bracket_class> const close_bracket = "']'";

constexpr word_parser name_word{word_parser::name};
constexpr kw_parser kw_and{"and"}, kw_or{"or"}, kw_not{"not"}, kw_true{"true"},
    kw_false{"false"}, kw_null{"null"};

auto const minus_sign = x3::lit('-') >> !x3::lit('>');
auto const arrow = x3::lit("->");
auto const name_def = name_word;
auto const field_name_def = word_parser{word_parser::any_word};
auto const close_paren_def = x3::lit(')');
auto const close_bracket_def = x3::lit(']');

auto const expr_def = spanned[
    deeper[or_expr[set_val]]];
auto const or_expr_def = spanned[
    and_expr[set_val] >> *((x3::attr(std::string("or")) >> (kw_or > and_expr))[fold_binary])];
auto const and_expr_def = spanned[
    not_expr[set_val] >> *((x3::attr(std::string("and")) >> (kw_and > not_expr))[fold_binary])];
auto const not_expr_def = spanned[
    (kw_not > deeper[not_expr])[make_unary("not")] | cmp_expr[set_val]];
auto const cmp_expr_def = spanned[
    add_expr[set_val] >> -((op_parser{op_parser::cmp} > add_expr)[fold_binary])];
auto const add_expr_def = spanned[
    mul_expr[set_val] >> *((op_parser{op_parser::add} > mul_expr)[fold_binary])];
auto const mul_expr_def = spanned[
    unary_expr[set_val] >> *((op_parser{op_parser::mul} > unary_expr)[fold_binary])];
auto const unary_expr_def = spanned[
    (minus_sign > deeper[unary_expr])[make_unary("-")] | postfix_expr[set_val]];
auto const postfix_expr_def = spanned[
    primary[set_val] >> *(('.' > field_name)[add_field])];

auto const on_number = [](auto& ctx) {
  x3::_val(ctx) = make_node(Expr::Kind::number, "", {}, {});
  x3::_val(ctx).number = x3::_attr(ctx);
};
auto const on_string = [](auto& ctx) {
  x3::_val(ctx) = make_node(Expr::Kind::string, std::move(x3::_attr(ctx).text), {}, {});
};
auto const on_bool = [](double v) {
  return [v](auto& ctx) {
    x3::_val(ctx) = make_node(Expr::Kind::boolean, "", {}, {});
    x3::_val(ctx).number = v;
  };
};
auto const on_null = [](auto& ctx) { x3::_val(ctx) = make_node(Expr::Kind::null, "", {}, {}); };
auto const on_name = [](auto& ctx) {
  x3::_val(ctx) = make_node(Expr::Kind::name, std::move(x3::_attr(ctx).text), {}, {});
};
auto const start_call = [](auto& ctx) {
  x3::_val(ctx) = make_node(Expr::Kind::call, std::move(x3::_attr(ctx).text), {}, {});
  x3::_val(ctx).name_span = x3::_attr(ctx).span;
};
auto const start_list = [](auto& ctx) { x3::_val(ctx) = make_node(Expr::Kind::list, "", {}, {}); };
auto const on_lambda = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  Word& param = boost::fusion::at_c<0>(a);
  std::vector<Expr> body;
  body.push_back(std::move(boost::fusion::at_c<1>(a)));
  x3::_val(ctx) = make_node(Expr::Kind::lambda, param.text, std::move(body), {});
  x3::_val(ctx).name_span = param.span;
};

auto const primary_def = spanned[
    number_parser{}[on_number] | string_parser{}[on_string] |
                         kw_true[on_bool(1)] | kw_false[on_bool(0)] | kw_null[on_null] |
                         list_lit[set_val] | ('(' > expr[set_val] > close_paren) | call[set_val] |
                         name[on_name]];
auto const call_def = spanned[
    (name >> '(')[start_call] > -(arg[push_arg] % ',') > close_paren];
auto const list_lit_def = spanned[
    x3::lit('[')[start_list] > -(expr[push_arg] % ',') > -x3::lit(',') >
                          close_bracket];
auto const arg_def = spanned[
    ((name >> arrow) > expr)[on_lambda] | expr[set_val]];

BOOST_SPIRIT_DEFINE(expr, or_expr, and_expr, not_expr, cmp_expr, add_expr, mul_expr, unary_expr,
                    postfix_expr, primary, call, list_lit, arg, name, field_name, close_paren,
                    close_bracket)


// ---- clauses and rules ----

struct clause_class : annotate {};
struct rule_class : report_errors {};
struct interp_class : report_errors {};
struct param_class : annotate {};
struct scalar_class : annotate {};
struct lang_class {};
struct string_class {};
struct word_class : annotate {};
struct rule_id_class : annotate {};
struct rule_name_class : annotate {};
struct open_brace_class {};
struct rule_end_class {};
struct equals_class {};
struct in_class {};

x3::rule<clause_class, Clause> const clause = "a clause";
x3::rule<rule_class, rules_ast::Rule> const rule_decl = "a rule";
x3::rule<interp_class, Expr> const interp_expr = "an expression";
x3::rule<param_class, ParamLiteral> const param_lit = "a literal (number, string, true, false or a list)";
x3::rule<scalar_class, ParamLiteral> const scalar = "a literal (number, string, true or false)";
x3::rule<lang_class, std::string> const lang = "a language (en or zh)";
x3::rule<string_class, StringToken> const string_lit = "a string";
x3::rule<word_class, Word> const word = "a word";
x3::rule<rule_id_class, Word> const rule_id = "a rule id (letters and digits)";
x3::rule<rule_name_class, Word> const rule_name = "a rule name (kebab-case)";
x3::rule<open_brace_class> const open_brace = "'{'";
x3::rule<rule_end_class> const rule_end = "a clause or '}'";
x3::rule<equals_class> const equals = "'='";
x3::rule<in_class> const in_kw = "'in'";

auto const set_kw = [](const char* k) { return [k](auto& ctx) { x3::_val(ctx).keyword = k; }; };
auto const set_name = [](auto& ctx) {
  x3::_val(ctx).name = std::move(x3::_attr(ctx).text);
  x3::_val(ctx).name_span = x3::_attr(ctx).span;
};
auto const set_lang = [](auto& ctx) { x3::_val(ctx).lang = x3::_attr(ctx); };
auto const set_text = [](auto& ctx) {
  StringToken& t = x3::_attr(ctx);
  Clause& c = x3::_val(ctx);
  c.text = std::move(t.text);
  c.text_offsets.resize(t.offsets.size());
  for (size_t i = 0; i < t.offsets.size(); ++i) c.text_offsets[i] = t.raw.begin + t.offsets[i];
};
auto const set_expr = [](auto& ctx) { x3::_val(ctx).expr = std::move(x3::_attr(ctx)); };
auto const set_param = [](auto& ctx) { x3::_val(ctx).param = std::move(x3::_attr(ctx)); };
auto const scalar_number = [](double sign) {
  return [sign](auto& ctx) {
    x3::_val(ctx).kind = ParamLiteral::Kind::number;
    x3::_val(ctx).number = sign * x3::_attr(ctx);
  };
};
auto const scalar_string = [](auto& ctx) {
  x3::_val(ctx).kind = ParamLiteral::Kind::string;
  x3::_val(ctx).text = std::move(x3::_attr(ctx).text);
};
auto const scalar_bool = [](bool v) {
  return [v](auto& ctx) {
    x3::_val(ctx).kind = ParamLiteral::Kind::boolean;
    x3::_val(ctx).boolean = v;
  };
};
auto const start_param_list = [](auto& ctx) { x3::_val(ctx).kind = ParamLiteral::Kind::list; };
auto const push_item = [](auto& ctx) { x3::_val(ctx).items.push_back(std::move(x3::_attr(ctx))); };
auto const set_rule_id = [](auto& ctx) {
  x3::_val(ctx).id = x3::_attr(ctx).text;
  x3::_val(ctx).header = x3::_attr(ctx).span;
};
auto const set_rule_name = [](auto& ctx) {
  x3::_val(ctx).name = x3::_attr(ctx).text;
  x3::_val(ctx).header.end = x3::_attr(ctx).span.end;
};
auto const push_clause = [](auto& ctx) { x3::_val(ctx).clauses.push_back(std::move(x3::_attr(ctx))); };

constexpr kw_parser kw_rule{"rule"}, kw_category{"category"}, kw_severity{"severity"},
    kw_summary{"summary"}, kw_message{"message"}, kw_help{"help"}, kw_explain{"explain"},
    kw_param{"param"}, kw_example{"example"}, kw_native{"native"}, kw_for{"for"},
    kw_let{"let"}, kw_where{"where"}, kw_when{"when"}, kw_at{"at"}, kw_en{"en"}, kw_zh{"zh"},
    kw_in{"in"};

auto const lang_def = (kw_en >> x3::attr(std::string("en"))) | (kw_zh >> x3::attr(std::string("zh")));
auto const string_lit_def = string_parser{};
auto const word_def = word_parser{word_parser::any_word};
auto const rule_id_def = word_parser{word_parser::rule_id};
auto const rule_name_def = word_parser{word_parser::kebab};
auto const open_brace_def = x3::lit('{');
auto const rule_end_def = x3::lit('}');
auto const equals_def = x3::lit('=');
auto const in_kw_def = kw_in;

auto const scalar_def = spanned[
    ('-' >> number_parser{})[scalar_number(-1)] |
                        number_parser{}[scalar_number(1)] | string_parser{}[scalar_string] |
                        kw_true[scalar_bool(true)] | kw_false[scalar_bool(false)]];
auto const param_lit_def = spanned[
    scalar[set_val] | (x3::lit('[')[start_param_list] >
                                              -(scalar[push_item] % ',') > -x3::lit(',') >
                                              close_bracket)];

auto const text_clause = (kw_summary[set_kw("summary")] | kw_message[set_kw("message")] |
                          kw_help[set_kw("help")] | kw_explain[set_kw("explain")]) >
                         lang[set_lang] > string_lit[set_text];
auto const clause_def = spanned[
    text_clause | (kw_category[set_kw("category")] > word[set_name]) |
    (kw_severity[set_kw("severity")] > word[set_name]) |
    (kw_param[set_kw("param")] > name[set_name] > equals > param_lit[set_param]) |
    (kw_example[set_kw("example")] > string_lit[set_text]) | kw_native[set_kw("native")] |
    (kw_for[set_kw("for")] > name[set_name] > in_kw > expr[set_expr]) |
    (kw_let[set_kw("let")] > name[set_name] > equals > expr[set_expr]) |
    ((kw_where[set_kw("where")] | kw_when[set_kw("when")]) > expr[set_expr]) |
    (kw_at[set_kw("at")] > expr[set_expr])];

auto const rule_decl_def = spanned[
    kw_rule > rule_id[set_rule_id] > rule_name[set_rule_name] > open_brace >
                           *clause[push_clause] > rule_end];
auto const interp_expr_def = expr[set_val] > x3::eoi;

BOOST_SPIRIT_DEFINE(clause, rule_decl, interp_expr, param_lit, scalar, lang, string_lit, word,
                    rule_id, rule_name, open_brace, rule_end, equals, in_kw)

}  // namespace jf::rules_grammar

namespace boost::spirit::x3 {
/// "expected …" names an action by its subject (a named rule), not a type name.
template <class Subject, class Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
}  // namespace boost::spirit::x3
