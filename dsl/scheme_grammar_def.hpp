// Spirit X3 rule definitions of the `.assess` language (docs/scheme-language.md).
// Included only by scheme_grammar.cpp. No rule refers to itself, directly or
// not, so no input depth can grow the stack.
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <cstring>
#include <string_view>

#include "dsl/assess_text_fields.hpp"
#include "dsl/scheme_ast.hpp"
#include "dsl/scheme_ast_adapted.hpp"
#include "dsl/lexical.hpp"
#include "dsl/x3_literals.hpp"
#include "dsl/x3_skipper.hpp"

namespace jf::grammar {

namespace x3 = boost::spirit::x3;
using It = const char*;

// ---- lexical layer (plain functions, shared with the driver) ----

/// Where the parsed text starts and which file offset that is (the BOM size).
struct Base {
  It begin;
  uint32_t offset;
};
struct base_tag;

inline Span span_at(const Base& b, It from, It to) {
  return {0, static_cast<uint32_t>(from - b.begin) + b.offset,
          static_cast<uint32_t>(to - b.begin) + b.offset};
}

// Blanks, comments and identifiers are the lexical layer both languages share.
using lexical::ident_char;
using lexical::scan_ident;
using lexical::skip_blank;
using lexical::wide_space_len;

/// Words that never serve as an enum value, so a missing value is reported
/// where it is missing instead of swallowing the next statement's keyword.
inline bool is_reserved(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "scheme", "department", "group",  "indicator", "inspection", "penalty", "owner",
      "points", "key",        "score",  "report",    "evidence",   "proves",  "year",
      "total",  "units",      "target", "top",       "step",       "floor",   "lower_better",
      "ties",   "forms",      "times",  "kind",      "by",         "per",     "cap",
      "overall"};
  // The same words by length, built at compile time (a word too long or a
  // length with too many words does not compile): most enum words are then
  // refused by their length and first byte, without a call.
  static constexpr auto kBySize = [] {
    struct Table {
      std::string_view words[13][8] = {};
      size_t count[13] = {};
    } t;
    for (std::string_view k : kWords) t.words[k.size()][t.count[k.size()]++] = k;
    return t;
  }();
  if (w.size() >= std::size(kBySize.count)) return false;
  for (size_t i = 0; i < kBySize.count[w.size()]; ++i) {
    std::string_view k = kBySize.words[w.size()][i];
    if (k[0] == w[0] && std::memcmp(k.data(), w.data(), k.size()) == 0) return true;
  }
  return false;
}

// ---- primitive parsers ----

/// Blanks and comments, as the phrase-level skipper (shared with the rules grammar).
using skipper_parser = lexical::x3_skipper_parser;

/// A keyword: the word, not followed by an identifier character.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;
  bool word_boundary = true;  // false for punctuation such as `{` and `->`
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    // The first byte settles most tries of an alternative without a call.
    if (static_cast<size_t>(last - first) < word.size() || *first != word.front() ||
        std::memcmp(first, word.data(), word.size()) != 0)
      return false;
    It p = first + word.size();
    if (word_boundary && p != last && lexical::ident_char_at(p, last)) return false;
    first = p;
    return true;
  }
};
inline keyword_parser kw(std::string_view w) { return {{}, w, true}; }
inline keyword_parser punct(std::string_view w) { return {{}, w, false}; }

/// An identifier; with `enum_word`, reserved words are refused.
struct ident_parser : x3::parser<ident_parser> {
  using attribute_type = ast::Ident;
  static bool const has_attribute = true;
  bool enum_word = false;
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It e = scan_ident(first, last);
    if (e == first) return false;
    std::string_view w(first, static_cast<size_t>(e - first));
    if (enum_word && is_reserved(w)) return false;
    ast::Ident id{w, span_at(x3::get<base_tag>(ctx), first, e)};
    x3::traits::move_to(std::move(id), attr);
    first = e;
    return true;
  }
};

/// Builds the `.assess` attributes of the shared literal terminals
/// (dsl/x3_literals.hpp): a number keeps its value as written (`10%` is 10,
/// marked as a percent) and both keep their spans.
struct literals {
  using number_type = ast::Number;
  using string_type = ast::String;
  template <class Ctx>
  static ast::Number number(const literal::NumberScan& s, It from, Ctx const& ctx) {
    return {s.value, s.percent, span_at(x3::get<base_tag>(ctx), from, s.end)};
  }
  template <class Ctx>
  static ast::String string(literal::StringScan&& s, It from, Ctx const& ctx) {
    return {std::move(s.value.text), span_at(x3::get<base_tag>(ctx), from, s.end)};
  }
};
using number_parser = literal::number_parser<literals>;
using string_parser = literal::string_parser<literals>;

/// The keyword of a text statement: a word the field table gives a text
/// field of an indicator or its wording (dsl/assess_text_fields.hpp).
struct text_keyword_parser : x3::parser<text_keyword_parser> {
  using attribute_type = ast::Ident;
  static bool const has_attribute = true;
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It e = scan_ident(first, last);
    std::string_view w(first, static_cast<size_t>(e - first));
    if (e == first || !assess::text_statement_field(w)) return false;
    x3::traits::move_to(ast::Ident{w, span_at(x3::get<base_tag>(ctx), first, e)}, attr);
    first = e;
    return true;
  }
};

/// Gives a composite parser the name that "expected …" messages use.
template <class Subject>
struct named_parser : x3::unary_parser<Subject, named_parser<Subject>> {
  using base_type = x3::unary_parser<Subject, named_parser<Subject>>;
  static bool const is_pass_through_unary = true;
  named_parser(Subject const& s, const char* n) : base_type(s), name(n) {}
  const char* name;
  template <class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    return this->subject.parse(first, last, ctx, rctx, attr);
  }
};
template <class Subject>
named_parser<typename x3::extension::as_parser<Subject>::value_type> named(Subject const& s,
                                                                          const char* n) {
  return {x3::as_parser(s), n};
}

// ---- semantic actions ----

/// Stores the parsed attribute into member M of the rule's value.
template <auto M>
struct set_fn {
  template <class Ctx>
  void operator()(Ctx& ctx) const {
    x3::_val(ctx).*M = std::move(x3::_attr(ctx));
  }
};
template <auto M>
inline constexpr set_fn<M> set{};

/// Gives the rule's value its span from the matched text. X3 passes `unused`
/// to on_success when the rule's definition has semantic actions, so such
/// rules are wrapped: an annotated outer rule whose definition is the inner one.
struct annotate {
  template <class Iter, class Attr, class Ctx>
  void on_success(Iter const& first, Iter const& last, Attr& attr, Ctx const& ctx) const {
    if constexpr (requires { attr.span; })  // unused when a caller drops the value
      attr.span = span_at(x3::get<base_tag>(ctx), first, last);
  }
};

// ---- rules ----
// Rule names are the keys of the "expected …" table in scheme_grammar.cpp.

struct number_class;
struct percent_class;
struct name_class;
struct text_class;
struct report_freq_class;
struct insp_freq_class;
struct mode_class;
struct dept_kind_class;
struct insp_kind_class;
struct evidence_kind_class;
struct name_list_class;
struct evidence_list_class;
struct action_class : annotate {};
struct action_list_class;
struct trigger_class : annotate {};
struct trigger_body_class;
struct scheme_open_class : annotate {};
struct year_class : annotate {};
struct total_class : annotate {};
struct units_class : annotate {};
struct department_class : annotate {};
struct group_open_class : annotate {};
struct points_class : annotate {};
struct points_body_class;
struct indicator_open_class : annotate {};
struct owner_class : annotate {};
struct key_class : annotate {};
struct score_class : annotate {};
struct report_class : annotate {};
struct evidence_class;
struct deduct_class : annotate {};
struct penalty_class : annotate {};
struct proves_class;
struct text_stmt_class : annotate {};
struct inspection_class : annotate {};
struct overall_class : annotate {};

x3::rule<number_class, ast::Number> const number = "number";
x3::rule<percent_class, ast::Number> const number_or_percent = "number or percent";
x3::rule<name_class, ast::Ident> const name = "name";
x3::rule<text_class, ast::String> const text = "quoted text";
x3::rule<report_freq_class, ast::Ident> const report_freq = "report frequency";
x3::rule<insp_freq_class, ast::Ident> const insp_freq = "inspection frequency";
x3::rule<mode_class, ast::Ident> const score_mode = "score mode";
x3::rule<dept_kind_class, ast::Ident> const dept_kind = "department kind";
x3::rule<insp_kind_class, ast::Ident> const insp_kind = "inspection kind";
x3::rule<evidence_kind_class, ast::Ident> const evidence_kind = "evidence kind";
x3::rule<name_list_class, std::vector<ast::Ident>> const name_list = "name";
x3::rule<evidence_list_class, std::vector<ast::Ident>> const evidence_list = "evidence kind";
x3::rule<action_class, ast::Action> const action = "action";
x3::rule<action_list_class, std::vector<ast::Action>> const action_list = "action";
x3::rule<trigger_class, ast::Trigger> const trigger = "trigger";
x3::rule<trigger_body_class, ast::Trigger> const trigger_body = "trigger";

x3::rule<scheme_open_class, ast::SchemeOpen> const scheme_open = "scheme";
x3::rule<year_class, ast::NumberStmt> const year_stmt = "year";
x3::rule<total_class, ast::NumberStmt> const total_stmt = "total";
x3::rule<units_class, ast::Units> const units_stmt = "units";
x3::rule<department_class, ast::Department> const department = "department";
x3::rule<group_open_class, ast::Group> const group_open = "group";
x3::rule<points_class, ast::NumberStmt> const points_stmt = "points";
x3::rule<points_body_class, ast::NumberStmt> const points_body = "points";
x3::rule<indicator_open_class, ast::IndicatorOpen> const indicator_open = "indicator";
x3::rule<owner_class, ast::Owners> const owner_stmt = "owner";
x3::rule<key_class, ast::Flag> const key_stmt = "key";
x3::rule<score_class, ast::Score> const score_stmt = "score";
x3::rule<report_class, ast::Report> const report_stmt = "report";
x3::rule<evidence_class, std::vector<ast::Ident>> const evidence_stmt = "evidence";
x3::rule<deduct_class, ast::Deduct> const deduct_stmt = "deduct";
x3::rule<penalty_class, ast::Penalty> const penalty_stmt = "penalty";
x3::rule<proves_class, std::vector<ast::Ident>> const proves_stmt = "proves";
// Every text field with an `.assess` keyword in the field table: keyword, text.
x3::rule<text_stmt_class, ast::TextStmt> const text_stmt = "text statement";
x3::rule<inspection_class, ast::Inspection> const inspection_stmt = "inspection";
x3::rule<overall_class, ast::Penalty> const overall_penalty = "overall penalty";

inline auto const lbrace = punct("{");
inline auto const comma = punct(",");
inline auto const arrow = punct("->");
inline auto const enum_word = ident_parser{{}, true};

// Numbers take a sign (so that negative points reach the checks, JF008);
// a percentage only after `bottom`.
auto const number_def = number_parser{{.sign = true}};
auto const number_or_percent_def = number_parser{{.sign = true, .percent = true}};
auto const name_def = ident_parser{{}, false};
auto const text_def = string_parser{false, false};  // one line, no offsets (no interpolation)
auto const report_freq_def = enum_word;
auto const insp_freq_def = enum_word;
auto const score_mode_def = enum_word;
auto const dept_kind_def = enum_word;
auto const insp_kind_def = enum_word;
auto const evidence_kind_def = enum_word;
// A list continues after a comma on any line; a comma must be followed by an item.
auto const name_list_def = name >> *(comma > name);
auto const evidence_list_def = evidence_kind >> *(comma > evidence_kind);
auto const action_def = enum_word >> -number;
auto const action_list_def = action >> *(comma > action);

auto const set_kind = [](const char* k) {
  return [k](auto& ctx) { x3::_val(ctx).kind = k; };
};
auto const trigger_def = trigger_body;
auto const trigger_body_def = (kw("bottom")[set_kind("bottom")] > number_or_percent[set<&ast::Trigger::value>]) |
                         kw("last")[set_kind("last")] |
                         (kw("below")[set_kind("below")] > number[set<&ast::Trigger::value>]);

auto const scheme_open_def = kw("scheme") > text[set<&ast::SchemeOpen::name>] > lbrace;
auto const year_stmt_def = kw("year") > number[set<&ast::NumberStmt::value>];
auto const total_stmt_def = kw("total") > number[set<&ast::NumberStmt::value>];
auto const units_stmt_def =
    kw("units") > named(number[set<&ast::Units::count>] | name_list[set<&ast::Units::names>],
                        "units value");
auto const department_def = kw("department") > name > -text > -(kw("kind") > dept_kind);
auto const points_stmt_def = points_body;
auto const points_body_def = kw("points") > number[set<&ast::NumberStmt::value>];
auto const group_open_def = kw("group") > name > -points_stmt > lbrace;
auto const indicator_open_def = kw("indicator") > name > -text > lbrace;
auto const owner_stmt_def = kw("owner") > name_list[set<&ast::Owners::names>];
auto const key_stmt_def = kw("key")[([](auto&) {})];

auto const set_lower_better = [](auto& ctx) { x3::_val(ctx).lower_better = true; };
auto const set_ties_share = [](auto& ctx) { x3::_val(ctx).ties = "share"; };
auto const set_ties_text = [](auto& ctx) { x3::_val(ctx).ties = std::move(x3::_attr(ctx).text); };
auto const score_option =
    (kw("target") > named(text[set<&ast::Score::target_text>] |
                              number[set<&ast::Score::target_number>],
                          "target value")) |
    (kw("top") > number[set<&ast::Score::top>]) | (kw("step") > number[set<&ast::Score::step>]) |
    (kw("floor") > number[set<&ast::Score::floor>]) | kw("lower_better")[set_lower_better] |
    (kw("ties") > named(kw("share")[set_ties_share] | text[set_ties_text], "ties value"));
auto const score_stmt_def = kw("score") > score_mode[set<&ast::Score::mode>] > *score_option;

auto const report_stmt_def = kw("report") > report_freq[set<&ast::Report::frequency>] >
                             *((kw("forms") > number[set<&ast::Report::forms>]) |
                               (kw("times") > number[set<&ast::Report::times>]));
auto const evidence_stmt_def = kw("evidence") > evidence_list;
auto const deduct_stmt_def = kw("deduct") > number > kw("per") > name > -(kw("cap") > number);
auto const penalty_stmt_def = kw("penalty") > trigger > arrow > action_list;
auto const proves_stmt_def = kw("proves") > name_list;
auto const text_stmt_def = text_keyword_parser{}[set<&ast::TextStmt::keyword>] > text[set<&ast::TextStmt::value>];
auto const inspection_stmt_def =
    kw("inspection") > name[set<&ast::Inspection::id>] > kw("by") >
    name[set<&ast::Inspection::by>] > insp_freq[set<&ast::Inspection::frequency>] >
    *((kw("times") > number[set<&ast::Inspection::times>]) |
      (kw("kind") > insp_kind[set<&ast::Inspection::kind>]));
auto const overall_penalty_def = kw("penalty") > kw("overall") > trigger > arrow > action_list;

BOOST_SPIRIT_DEFINE(number, number_or_percent, name, text, report_freq, insp_freq, score_mode,
                    dept_kind, insp_kind, evidence_kind, name_list, evidence_list, action,
                    action_list, trigger, trigger_body, scheme_open, year_stmt, total_stmt, units_stmt,
                    department, points_stmt, points_body, group_open, indicator_open, owner_stmt, key_stmt,
                    score_stmt, report_stmt, evidence_stmt, deduct_stmt, penalty_stmt,
                    proves_stmt, text_stmt,
                    inspection_stmt, overall_penalty)

}  // namespace jf::grammar

namespace boost::spirit::x3 {
// Names for "expected …" messages: keywords and punctuation as written.
template <>
struct get_info<jf::grammar::keyword_parser> {
  using result_type = std::string;
  std::string operator()(jf::grammar::keyword_parser const& p) const {
    return "`" + std::string(p.word) + "`";
  }
};
template <class Subject, class Action>
struct get_info<action<Subject, Action>> {  // a semantic action keeps its parser's name
  using result_type = std::string;
  std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<jf::grammar::named_parser<Subject>> {
  using result_type = std::string;
  std::string operator()(jf::grammar::named_parser<Subject> const& p) const { return p.name; }
};
}  // namespace boost::spirit::x3
