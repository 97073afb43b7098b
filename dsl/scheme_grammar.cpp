// The `.assess` parser: a hand-written item loop that calls one X3 rule per
// statement, words the failures and resynchronises after each of them. The
// only translation unit that includes Spirit X3 for this grammar.
#include "dsl/scheme_grammar.hpp"

#include <fmt/format.h>

#include <cstring>
#include <span>
#include <vector>

#include "base/model_fields.hpp"
#include "base/utf8.hpp"
#include "dsl/scheme_grammar_def.hpp"

namespace jf {
namespace {

using grammar::It;
namespace x3 = boost::spirit::x3;
namespace g = grammar;

/// The words an indicator's statements start with, in table order: the
/// hand-written statements and the text statements alike have their keyword
/// in the field table (base/model_fields.cpp), so the "expected an indicator
/// statement" message names a text field added there with no edit here.
std::vector<std::string> indicator_statements() {
  std::vector<std::string> out;
  for (Part part : {Part::indicator, Part::wording})
    for (const ModelField& f : model_fields(part))
      if (!f.assess.empty()) out.push_back(fmt::format("`{}`", f.assess));
  return out;
}

/// How a thing an error names is worded, by X3 rule name: a catalogue key
/// (messages/parse_assess.yaml).
struct Wording {
  std::string_view which;
  std::string_view key;
};
constexpr Wording kExpected[] = {
    {"number", "parse.assess.expected.number"},
    {"number or percent", "parse.assess.expected.number_or_percent"},
    {"name", "parse.assess.expected.name"},
    {"quoted text", "parse.assess.expected.quoted_text"},
    {"report frequency", "parse.assess.expected.report_frequency"},
    {"inspection frequency", "parse.assess.expected.inspection_frequency"},
    {"score mode", "parse.assess.expected.score_mode"},
    {"department kind", "parse.assess.expected.department_kind"},
    {"inspection kind", "parse.assess.expected.inspection_kind"},
    {"evidence kind", "parse.assess.expected.evidence_kind"},
    {"action", "parse.assess.expected.action"},
    {"trigger", "parse.assess.expected.trigger"},
    {"units value", "parse.assess.expected.units_value"},
    {"target value", "parse.assess.expected.target_value"},
    {"ties value", "parse.assess.expected.ties_value"},
};

/// Shortens user text quoted in a message, at a UTF-8 boundary.
std::string shorten(std::string_view s) {
  constexpr size_t kMax = 40;
  if (s.size() <= kMax) return std::string(s);
  return std::string(utf8::prefix(s, kMax)) + "…";
}

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

/// The words the item loops dispatch on. Each loop looks at the word at the
/// current position once (the word's length, then one comparison), instead
/// of comparing it with every keyword in turn.
enum class Kw { none, scheme, department, group, indicator, inspection, penalty,
                owner, points, key, score, report, evidence, deduct, proves };

Kw keyword(std::string_view w) {
  auto is = [&](std::string_view k) { return std::memcmp(w.data(), k.data(), k.size()) == 0; };
  switch (w.size()) {
    case 3: return is("key") ? Kw::key : Kw::none;
    case 5:
      if (is("group")) return Kw::group;
      if (is("owner")) return Kw::owner;
      if (is("score")) return Kw::score;
      return Kw::none;
    case 6:
      if (is("points")) return Kw::points;
      if (is("deduct")) return Kw::deduct;
      if (is("report")) return Kw::report;
      if (is("proves")) return Kw::proves;
      if (is("scheme")) return Kw::scheme;
      return Kw::none;
    case 7: return is("penalty") ? Kw::penalty : Kw::none;
    case 8: return is("evidence") ? Kw::evidence : Kw::none;
    case 9: return is("indicator") ? Kw::indicator : Kw::none;
    case 10:
      if (is("department")) return Kw::department;
      if (is("inspection")) return Kw::inspection;
      return Kw::none;
    default: return Kw::none;
  }
}

class Parser {
 public:
  Parser(std::string_view body, uint32_t offset, const Limits& limits)
      : begin_(body.data()), end_(body.data() + body.size()), it_(begin_),
        base_{begin_, offset}, limits_(limits) {}

  ast::File run() {
    while (!stopped_) {
      skip();
      if (it_ == end_) break;
      Kw k = keyword(word_at(it_));
      if (k == Kw::scheme) {
        out_.scheme_attempted = true;
        scheme_block();
      }
      else if (k == Kw::department) item(g::department, out_.departments);
      else if (k == Kw::group) group_block();
      else if (k == Kw::indicator) indicator_block("");
      else if (k == Kw::inspection) item(g::inspection_stmt, out_.inspections);
      else if (k == Kw::penalty) item(g::overall_penalty, out_.overall_penalties);
      else if (*it_ == '}') {
        error(it_, it_ + 1, msg("parse.assess.unexpected_close"));
        ++it_;
      } else {
        error_found(it_, msg("parse.assess.expected_top_level"));
        sync({}, false);
      }
    }
    return std::move(out_);
  }

 private:
  enum class Flow { ok, top };  // top: resynchronised at a top-level keyword

  // ---- positions and tokens ----

  void skip() { it_ = g::skip_blank(it_, end_); }
  Span span(It a, It b) const { return g::span_at(base_, a, b); }
  static std::string_view word_at(It p, It end) {
    // Keywords are ASCII words: those end here without a call; a word that
    // starts otherwise or runs into non-ASCII is scanned by scan_ident.
    const auto& ascii = lexical::kIdentAscii.on;
    if (p != end && static_cast<unsigned char>(*p) < 0x80 && ascii[static_cast<unsigned char>(*p)] &&
        !(*p >= '0' && *p <= '9')) {
      It q = p + 1;
      while (q != end && static_cast<unsigned char>(*q) < 0x80 && ascii[static_cast<unsigned char>(*q)]) ++q;
      if (q == end || static_cast<unsigned char>(*q) < 0x80) return {p, static_cast<size_t>(q - p)};
    }
    return {p, static_cast<size_t>(g::scan_ident(p, end) - p)};
  }
  std::string_view word_at(It p) const { return word_at(p, end_); }

  /// The token at p as shown in a message: a word, a string's first line, or one character.
  std::string_view token_at(It p) const {
    if (p == end_) return {};
    if (It e = g::scan_ident(p, end_); e != p) return {p, static_cast<size_t>(e - p)};
    It e = p;
    if (*p >= '0' && *p <= '9') {
      while (e != end_ && !is_line_end(*e) && *e != ' ' && *e != '\t' && *e != ',') ++e;
    } else if (*p == '"') {
      while (e != end_ && !is_line_end(*e)) ++e;
    } else {
      e = p + 1;
      while (e != end_ && (static_cast<unsigned char>(*e) & 0xC0) == 0x80) ++e;  // whole code point
      if (*p == '-' && e != end_ && *e == '>') ++e;
    }
    return {p, static_cast<size_t>(e - p)};
  }

  /// Is `w` at p a keyword that starts a top-level item?
  bool top_keyword_at(std::string_view w, It p) const { return top_keyword_at(keyword(w), w, p); }
  bool top_keyword_at(Kw k, std::string_view w, It p) const {
    switch (k) {
      case Kw::penalty: return word_at(g::skip_blank(p + w.size(), end_)) == "overall";
      case Kw::scheme: case Kw::department: case Kw::group: case Kw::indicator: case Kw::inspection:
        return true;
      default: return false;
    }
  }

  /// The token before p, skipping blanks and comments, for "after `X`".
  std::string_view previous_token(It p) const {
    for (;;) {
      while (p > begin_ && (p[-1] == ' ' || p[-1] == '\t' || is_line_end(p[-1]))) --p;
      if (p == begin_) return {};
      It line = p;
      while (line > begin_ && !is_line_end(line[-1])) --line;
      // Find a comment start or the last string start on this line before p.
      It hash = nullptr, last_string = nullptr;
      for (It q = line; q < p; ++q) {
        if (*q == '#') { hash = q; break; }
        if (*q == '"') {
          last_string = q;
          for (++q; q < p && *q != '"'; ++q)
            if (*q == '\\') ++q;
        }
      }
      if (hash) { p = hash; continue; }
      if (p[-1] == '"' && last_string) return {last_string, static_cast<size_t>(p - last_string)};
      It b = p;
      while (b > line && (static_cast<unsigned char>(b[-1]) >= 0x80 || std::isalnum(static_cast<unsigned char>(b[-1])) ||
                          b[-1] == '_' || b[-1] == '.' || b[-1] == '%'))
        --b;
      if (b == p) {
        b = p - 1;
        if (*b == '>' && b > line && b[-1] == '-') --b;
      }
      return {b, static_cast<size_t>(p - b)};
    }
  }

  // ---- errors ----

  void error(It from, It to, Message message, Message help = {}) {
    if (stopped_) return;
    if (out_.errors.size() >= limits_.max_syntax_errors) {
      out_.errors.push_back(
          {span(from, from), msg("parse.assess.too_many_errors", {arg("limit", limits_.max_syntax_errors)}),
           msg("parse.assess.too_many_errors.help")});
      out_.error_cap_reached = true;
      stopped_ = true;
      return;
    }
    out_.errors.push_back({span(from, to), std::move(message), std::move(help)});
    resume_ = std::max(resume_, from);
  }

  /// An error at the token at p, adding ", found `TOKEN`".
  void error_found(It p, Message what, Message help = {}) {
    std::string_view tok = token_at(p);
    what.append(tok.empty() ? msg("parse.assess.found_end") : msg("parse.assess.found", {arg("token", shorten(tok))}));
    error(p, p + tok.size(), std::move(what), std::move(help));
  }

  /// Words an X3 expectation failure: "expected a number after `points`".
  void expectation_error(It where, const std::string& which) {
    // A refused literal reads the same in both languages (dsl/literal_scan.hpp).
    if (auto problem = literal::problem_of_tag(which); problem != literal::Problem::none) {
      literal::Described d = literal::describe(problem, where, end_);
      return error(d.from, d.to, std::move(d.message), std::move(d.help));
    }
    // A rule without a wording is named as X3 names it, in both languages.
    MessageArg what = arg("what", which);
    for (const auto& w : kExpected)
      if (w.which == which) what = jf::word("what", w.key);
    std::string_view prev = previous_token(where);
    Message m = prev.empty() ? msg("parse.assess.expected", {what})
                             : msg("parse.assess.expected_after", {what, arg("after", shorten(prev))});
    std::string_view tok = token_at(where);
    error(where, where + tok.size(), std::move(m));
  }

  // ---- running one X3 rule ----

  /// Parses one statement with `rule` at the current position. On failure
  /// the error is recorded and `it_` is left for the caller to resynchronise.
  template <class Rule, class Attr>
  bool parse(Rule const& rule, Attr& attr) {
    It f = it_;
    try {
      if (x3::phrase_parse(f, end_, x3::with<g::base_tag>(base_)[rule], g::skipper_parser{}, attr)) {
        // Statement spans are set here: on_success cannot see the value of
        // a rule defined with semantic actions.
        if constexpr (requires { attr.span; } && !std::is_same_v<Attr, ast::Ident>)
          attr.span = span(it_, trim_end(f));
        it_ = f;
        return true;
      }
      error_found(f, msg("parse.assess.expected_rule", {arg("rule", x3::what(rule))}));
    } catch (const x3::expectation_failure<It>& e) {
      // X3 reports the position before the skipper ran; point at the token
      // (a literal's problem is already at its byte).
      It where = g::skip_blank(e.where(), end_);
      expectation_error(where, e.which());
    }
    return false;
  }

  /// The end of the text before p without trailing blanks (phrase_parse post-skips).
  It trim_end(It p) const {
    while (p > it_ && (p[-1] == ' ' || p[-1] == '\t' || is_line_end(p[-1]))) --p;
    return p;
  }

  template <class Rule, class T>
  void item(Rule const& rule, std::vector<T>& into) {
    T value;
    if (parse(rule, value)) into.push_back(std::move(value));
    else sync({}, false);
  }

  /// After an error: skips to the next line that starts with one of `inner`
  /// (at brace depth 0), to a `}` at depth 0 when `close_ok`, or to a
  /// top-level keyword at the start of a line (column 1). Strings and
  /// comments are skipped; linear in the text skipped.
  Flow sync(std::initializer_list<std::string_view> inner, bool close_ok) {
    return sync(std::span<const std::string_view>(inner.begin(), inner.size()), close_ok);
  }
  Flow sync(std::span<const std::string_view> inner, bool close_ok) {
    It p = std::max(resume_, it_);
    int depth = 0;
    // An error at the first token of a later line (a value missing at the
    // end of the previous one) resynchronises on that very line.
    bool line_start = p > it_;
    for (It q = p; line_start && q > begin_ && !is_line_end(q[-1]); --q)
      if (q[-1] != ' ' && q[-1] != '\t') line_start = false;
    while (p < end_) {
      char c = *p;
      if (is_line_end(c)) {
        ++p;
        line_start = true;
        continue;
      }
      if (line_start) {
        line_start = false;
        It q = p;
        while (q < end_ && (*q == ' ' || *q == '\t')) ++q;
        std::string_view w = word_at(q);
        if (q == p && !w.empty() && top_keyword_at(w, q)) {
          it_ = q;
          return Flow::top;
        }
        if (depth == 0 && !w.empty())
          for (auto k : inner)
            if (k == w) {
              it_ = q;
              return Flow::ok;
            }
        p = q;
        continue;
      }
      if (c == '#') {
        while (p < end_ && !is_line_end(*p)) ++p;
        continue;
      }
      if (c == '"') {
        for (++p; p < end_ && *p != '"' && !is_line_end(*p); ++p)
          if (*p == '\\' && p + 1 < end_ && !is_line_end(p[1])) ++p;
        if (p < end_ && *p == '"') ++p;
        continue;
      }
      if (c == '{') {
        ++depth;
      } else if (c == '}') {
        if (depth == 0 && close_ok) {
          it_ = p;
          return Flow::ok;
        }
        if (depth > 0) --depth;
      }
      ++p;
    }
    it_ = end_;
    return Flow::top;
  }

  /// Reports a block left open before `p` (a keyword of an outer level, or the end).
  void unclosed(It p, std::string_view what, std::string_view id) {
    if (p == end_)
      error(p, p, msg("parse.assess.unclosed_at_end", {arg("what", what), arg("id", shorten(id))}));
    else
      error(p, p + word_at(p).size(),
            msg("parse.assess.unclosed", {arg("what", what), arg("id", shorten(id)), arg("before", word_at(p))}));
  }

  // ---- blocks ----

  void scheme_block() {
    ast::SchemeBlock block;
    if (!parse(g::scheme_open, block.head)) {
      sync({}, false);
      return;
    }
    block.span = block.head.span;
    auto number_once = [&](auto const& rule, std::optional<ast::NumberStmt>& slot, const char* kw) {
      ast::NumberStmt s;
      if (!parse(rule, s)) return false;
      if (slot) duplicate(s.span, kw, "scheme", block.head.name.text);
      slot = s;
      return true;
    };
    for (;;) {
      skip();
      if (it_ == end_ || top_here(it_)) return close_open(block, out_.schemes, "scheme", block.head.name.text);
      if (*it_ == '}') {
        ++it_;
        block.span.end = span(it_, it_).begin;
        out_.schemes.push_back(std::move(block));
        return;
      }
      std::string_view w = word_at(it_);
      bool ok;
      if (w == "year") ok = number_once(g::year_stmt, block.year, "year");
      else if (w == "total") ok = number_once(g::total_stmt, block.total, "total");
      else if (w == "units") {
        ast::Units u;
        ok = parse(g::units_stmt, u);
        if (ok && block.units) duplicate(u.span, "units", "scheme", block.head.name.text);
        if (ok) block.units = std::move(u);
      } else {
        error_found(it_, msg("parse.assess.expected_in_header"));
        ok = false;
      }
      if (!ok && sync({"year", "total", "units"}, true) == Flow::top)
        return close_open(block, out_.schemes, "", "");
      if (stopped_) return;
    }
  }

  void group_block() {
    ast::Group group;
    if (!parse(g::group_open, group)) {
      sync({}, false);
      return;
    }
    for (;;) {
      skip();
      if (stopped_) return;
      std::string_view w = word_at(it_);
      Kw k = keyword(w);
      if (it_ == end_ || (k != Kw::indicator && top_keyword_at(k, w, it_)))
        return close_open(group, out_.groups, "group", group.id.text);
      if (*it_ == '}') {
        ++it_;
        group.span.end = span(it_, it_).begin;
        out_.groups.push_back(std::move(group));
        return;
      }
      Flow flow;
      if (k == Kw::indicator) {
        flow = indicator_block(group.id.text);
      } else {
        error_found(it_, msg("parse.assess.expected_in_group", {arg("group", shorten(group.id.text))}));
        flow = sync({"indicator"}, true);
      }
      if (flow == Flow::top) return close_open(group, out_.groups, "", "");
    }
  }

  Flow indicator_block(std::string_view group) {
    // Built in its place at the end of the list (blocks do not nest, so
    // nothing else grows the list meanwhile), not moved there at its `}`;
    // taken back off when the block is dropped.
    ast::Indicator& ind = out_.indicators.emplace_back();
    ind.group = group;
    if (!parse(g::indicator_open, ind.head)) {
      out_.indicators.pop_back();
      return group.empty() ? sync({}, false) : sync({"indicator"}, true);
    }
    ind.span = ind.head.span;
    for (;;) {
      skip();
      if (stopped_) {
        out_.indicators.pop_back();
        return Flow::top;
      }
      std::string_view w = word_at(it_);
      Kw k = keyword(w);
      if (it_ == end_ || top_keyword_at(k, w, it_)) {
        close_in_place(ind, "indicator", ind.head.id.text);
        return Flow::ok;  // the outer loop sees the keyword itself
      }
      if (*it_ == '}') {
        ++it_;
        ind.span.end = span(it_, it_).begin;
        return Flow::ok;
      }
      if (!statement(ind, k, w) && sync(statement_keywords(), true) == Flow::top) {
        close_in_place(ind, "", "");
        return Flow::top;
      }
    }
  }

  /// The words that start an indicator statement: the grammar's own and the
  /// field table's text statements (dsl/assess_text_fields.hpp).
  static std::span<const std::string_view> statement_keywords() {
    static const std::vector<std::string_view> words = [] {
      std::vector<std::string_view> out{"owner",  "points",  "key",     "score",  "report",
                                        "evidence", "deduct", "penalty", "proves"};
      for (const ModelField* f : assess::text_statement_fields()) out.push_back(f->assess);
      return out;
    }();
    return words;
  }

  /// One indicator statement; false after an error.
  bool statement(ast::Indicator& ind, Kw k, std::string_view w) {
    std::string_view id = ind.head.id.text;
    auto once = [&](auto const& rule, auto& slot, const char* kw) {
      typename std::decay_t<decltype(slot)>::value_type v;
      if (!parse(rule, v)) return false;
      if (slot) duplicate(v.span, kw, "indicator", id);
      slot = std::move(v);
      return true;
    };
    auto append = [&](auto const& rule, auto& into) {
      typename std::decay_t<decltype(into)>::value_type v;
      if (!parse(rule, v)) return false;
      into.push_back(std::move(v));
      return true;
    };
    auto extend = [&](auto const& rule, std::vector<ast::Ident>& into) {
      std::vector<ast::Ident> v;
      if (!parse(rule, v)) return false;
      into.insert(into.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
      return true;
    };
    switch (k) {
      case Kw::owner: return once(g::owner_stmt, ind.owner, "owner");
      case Kw::points: return once(g::points_stmt, ind.points, "points");
      case Kw::key: return once(g::key_stmt, ind.key, "key");
      case Kw::score: return once(g::score_stmt, ind.score, "score");
      case Kw::report: return once(g::report_stmt, ind.report, "report");
      case Kw::evidence: return extend(g::evidence_stmt, ind.evidence);
      case Kw::deduct: return append(g::deduct_stmt, ind.deductions);
      case Kw::penalty: return append(g::penalty_stmt, ind.penalties);
      case Kw::proves: return extend(g::proves_stmt, ind.proves);
      default: break;
    }
    if (assess::text_statement_field(w)) {  // once per indicator, like the statements above
      ast::TextStmt t;
      if (!parse(g::text_stmt, t)) return false;
      for (const ast::TextStmt& seen : ind.texts)
        if (seen.keyword.text == t.keyword.text) {
          duplicate(t.span, t.keyword.text, "indicator", id);
          break;
        }
      ind.texts.push_back(std::move(t));
      return true;
    }
    error_found(it_, msg("parse.assess.expected_in_indicator", {jf::list("statements", indicator_statements())}));
    return false;
  }

  bool top_here(It p) const {
    std::string_view w = word_at(p);
    return !w.empty() && top_keyword_at(w, p);
  }

  /// Keeps a block whose `}` is missing (reported unless `what` is empty,
  /// i.e. the block was abandoned after an error already reported).
  template <class Block>
  void close_open(Block& block, std::vector<Block>& into, std::string_view what, std::string_view id) {
    close_in_place(block, what, id);
    into.push_back(std::move(block));
  }
  /// close_open for a block already in its list.
  template <class Block>
  void close_in_place(Block& block, std::string_view what, std::string_view id) {
    if (!what.empty()) unclosed(it_, what, id);
    block.span.end = span(it_, it_).begin;
  }

  void duplicate(Span at, std::string_view kw, std::string_view what, std::string_view id) {
    if (stopped_) return;
    It p = begin_ + (at.begin - base_.offset);
    error(p, begin_ + (at.end - base_.offset),
          msg("parse.assess.given_twice", {arg("keyword", kw), arg("what", what), arg("id", shorten(id))}),
          msg("parse.assess.given_twice.help"));
  }

  It begin_, end_, it_;
  It resume_ = begin_;  // where the last error was; resynchronisation starts there
  g::Base base_;
  const Limits& limits_;
  ast::File out_;
  bool stopped_ = false;
};

}  // namespace

ast::File parse_scheme_ast(std::string_view body, uint32_t offset, const Limits& limits) {
  return Parser(body, offset, limits).run();
}

}  // namespace jf
