// The rule-language parser: valid files, each class of syntax error with its
// position and message, and nesting limits.
#include <gtest/gtest.h>

#include <string>

#include "dsl/rules_grammar.hpp"

namespace jf {
namespace {

using rules_ast::Expr;

struct Parsed {
  SourceSet sources;
  rules_ast::File file;
  std::vector<rules_ast::SyntaxError> errors;
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  uint32_t id = p->sources.add("t.rules", std::move(text));
  p->file = parse_rules(p->sources, id, Limits{}, p->errors);
  return p;
}

/// "line:col: message" of error i.
std::string where(const Parsed& p, size_t i = 0) {
  const auto& e = p.errors.at(i);
  LineCol lc = p.sources[0].locate(e.span.begin);
  return std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + e.message.in(Lang::en);
}

/// An S-expression of an expression tree, to check precedence.
std::string sexpr(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::number: {
      std::string s = std::to_string(e.number);
      s.erase(s.find_last_not_of('0') + 1);
      if (s.back() == '.') s.pop_back();
      return s;
    }
    case Expr::Kind::string: return "\"" + e.text + "\"";
    case Expr::Kind::boolean: return e.number ? "true" : "false";
    case Expr::Kind::null: return "null";
    case Expr::Kind::name: return e.text;
    case Expr::Kind::field: return sexpr(e.args[0]) + "." + e.text;
    default: {
      std::string s = "(" + (e.kind == Expr::Kind::list ? std::string("list") : e.text);
      if (e.kind == Expr::Kind::lambda) s = "(-> " + e.text;
      for (const Expr& a : e.args) s += " " + sexpr(a);
      return s + ")";
    }
  }
}

std::string expr_of(const std::string& text) {
  auto p = parse("rule X1 x {\n  where " + text + "\n}\n");
  if (!p->errors.empty()) return "error: " + where(*p);
  return sexpr(p->file.rules.at(0).clauses.at(0).expr);
}

TEST(RulesGrammar, ParsesAWholeRule) {
  auto p = parse(R"(# a comment
rule JF102 guaranteed-penalty {
  category ranking
  severity error
  summary en "A ranked item"
  summary zh "排名指标"
  param max_share = 30%
  param words = ["减负", "效能",]
  for i in indicators
  for p in i.penalties
  let n = count(i.penalties, q -> q.trigger.kind == bottom)
  where i.score.mode == rank and p.trigger.kind in [bottom, last]
  at p
  message en "{i.name}: bottom {p.hits_under_compliance} of {{units}}"
  explain en """
    What it flags
      indented
    """
}
)");
  ASSERT_TRUE(p->errors.empty()) << where(*p);
  ASSERT_EQ(p->file.rules.size(), 1u);
  const auto& r = p->file.rules[0];
  EXPECT_EQ(r.id, "JF102");
  EXPECT_EQ(r.name, "guaranteed-penalty");
  EXPECT_EQ(p->sources[0].text().substr(r.header.begin, r.header.end - r.header.begin),
            "rule JF102 guaranteed-penalty");
  ASSERT_EQ(r.clauses.size(), 13u);
  EXPECT_EQ(r.clauses[4].param.number, 0.3);
  EXPECT_EQ(r.clauses[5].param.items.size(), 2u);
  EXPECT_EQ(r.clauses[5].param.items[1].text, "效能");
  EXPECT_EQ(sexpr(r.clauses[8].expr), "(count i.penalties (-> q (== q.trigger.kind bottom)))");
  EXPECT_EQ(sexpr(r.clauses[9].expr), "(and (== i.score.mode rank) (in p.trigger.kind (list bottom last)))");
  const auto& msg = r.clauses[11];
  ASSERT_EQ(msg.pieces.size(), 4u);
  EXPECT_EQ(sexpr(msg.pieces[0].expr), "i.name");
  EXPECT_EQ(msg.pieces[1].text, ": bottom ");
  EXPECT_EQ(msg.pieces[3].text, " of {units}");
  // The interpolated expression's span points into the file.
  Span s = msg.pieces[2].expr.span;
  EXPECT_EQ(p->sources[0].text().substr(s.begin, s.end - s.begin), "p.hits_under_compliance");
  EXPECT_EQ(r.clauses[12].text, "What it flags\n  indented");
}

TEST(RulesGrammar, Precedence) {
  EXPECT_EQ(expr_of("a + b * c - d"), "(- (+ a (* b c)) d)");
  EXPECT_EQ(expr_of("not a == b or c and d"), "(or (not (== a b)) (and c d))");
  EXPECT_EQ(expr_of("-x.y % 2 >= 1"), "(>= (% (- x.y) 2) 1)");
  EXPECT_EQ(expr_of("a not in [1, 2.5, 30%]"), "(not in a (list 1 2.5 0.3))");
  EXPECT_EQ(expr_of("s contains \"减\\\"负\" or s matches \"^a\""),
            "(or (contains s \"减\"负\") (matches s \"^a\"))");
  EXPECT_EQ(expr_of("(a + b) * c"), "(* (+ a b) c)");
  EXPECT_EQ(expr_of("x == null and true != false"), "(and (== x null) (!= true false))");
}

TEST(RulesGrammar, Spans) {
  auto p = parse("rule X1 x {\n  where a.b + 中文 > 1\n}\n");
  ASSERT_TRUE(p->errors.empty());
  const Expr& e = p->file.rules[0].clauses[0].expr;
  const std::string& t = p->sources[0].text();
  EXPECT_EQ(t.substr(e.span.begin, e.span.end - e.span.begin), "a.b + 中文 > 1");
  EXPECT_EQ(t.substr(e.args[0].args[1].span.begin, e.args[0].args[1].span.end - e.args[0].args[1].span.begin), "中文");
}

TEST(RulesGrammar, SyntaxErrors) {
  EXPECT_EQ(expr_of("a +"), "error: 3:1: expected an expression, found `}`");
  EXPECT_EQ(expr_of("count(a"), "error: 3:1: expected ')', found `}`");
  EXPECT_EQ(expr_of("[1, 2"), "error: 3:1: expected ']', found `}`");
  EXPECT_EQ(expr_of("a.1"), "error: 2:11: expected a field name, found `1`");
  // Worded like the `.assess` language's (dsl/literal_scan.hpp, tests/dsl_literals_test.cpp).
  EXPECT_EQ(expr_of("\"abc"), "error: 2:9: unterminated string: the closing `\"` is missing on this line");
  EXPECT_EQ(expr_of("\"a\\tb\""), "error: 2:11: unknown escape `\\t` in a string");
  EXPECT_EQ(expr_of("1" + std::string(400, '0')), "error: 2:9: number `1" + std::string(39, '0') + "…` is out of range");
  EXPECT_EQ(expr_of("3x + 1"), "error: 2:9: `3x` is not a number");

  auto p = parse("rule X1 x\n  where a\n}\n");
  EXPECT_EQ(where(*p), "2:3: expected '{', found `where`");
  p = parse("rule X1 Bad_Name {\n}\n");
  EXPECT_EQ(where(*p), "1:9: expected a rule name (kebab-case), found `Bad_Name`");
  p = parse("rule X1 x {\n  colour red\n}\n");
  EXPECT_EQ(where(*p), "2:3: expected a clause or '}', found `colour`");
  p = parse("rule X1 x {\n  summary fr \"x\"\n}\n");
  EXPECT_EQ(where(*p), "2:11: expected a language (en or zh), found `fr`");
  p = parse("rule X1 x {\n  for i indicators\n}\n");
  EXPECT_EQ(where(*p), "2:9: expected 'in', found `indicators`");
  p = parse("rule X1 x {\n  param m = x\n}\n");
  EXPECT_EQ(where(*p), "2:13: expected a literal (number, string, true, false or a list), found `x`");
  p = parse("rules X1 x {}\n");
  EXPECT_EQ(where(*p), "1:1: expected 'rule', found `rules`");
  EXPECT_EQ(p->errors[0].message.in(Lang::zh), "此处应为“rule”，实际为`rules`");
  p = parse("rule X1 x {\n  explain en \"\"\"\n  never closed\n}\n");
  EXPECT_EQ(where(*p), "2:14: unterminated \"\"\" string");
}

TEST(RulesGrammar, RecoversAtTheNextRule) {
  auto p = parse("rule A1 a {\n  where +\n}\nrule A2 b {\n  at\n}\nrule A3 c {\n  where x\n}\n");
  ASSERT_EQ(p->errors.size(), 2u);
  EXPECT_EQ(where(*p, 0), "2:9: expected an expression, found `+`");
  EXPECT_EQ(where(*p, 1), "6:1: expected an expression, found `}`");
  ASSERT_EQ(p->file.rules.size(), 1u);
  EXPECT_EQ(p->file.rules[0].id, "A3");
}

TEST(RulesGrammar, InterpolationErrors) {
  auto p = parse("rule X1 x {\n  message en \"a {i.} b\"\n}\n");
  EXPECT_EQ(where(*p), "2:20: expected a field name, found `}`");
  p = parse("rule X1 x {\n  message en \"a {i b\"\n}\n");
  EXPECT_EQ(where(*p), "2:17: unclosed '{' in text (write '{{' for a brace)");
  p = parse("rule X1 x {\n  message en \"a } b\"\n}\n");
  EXPECT_EQ(where(*p), "2:17: unmatched '}' in text (write '}}' for a brace)");
  p = parse("rule X1 x {\n  help en \"{a b}\"\n}\n");
  EXPECT_EQ(where(*p), "2:15: expected '}', found `b`");
}

TEST(RulesGrammar, DeepNestingIsAnErrorNotACrash) {
  for (std::string open : {"(", "not ", "-", "[", "f("}) {
    std::string close = open == "(" || open == "f(" ? ")" : open == "[" ? "]" : "";
    std::string e;
    for (int i = 0; i < 100000; ++i) e += open;
    e += "x";
    for (int i = 0; i < 100000; ++i) e += close;
    auto p = parse("rule X1 x {\n  where " + e + "\n}\n");
    ASSERT_EQ(p->errors.size(), 1u) << open;
    EXPECT_EQ(p->errors[0].message.in(Lang::en), "expression nested too deeply (limit 64 levels)") << open;
  }
  std::string ok = "x";
  for (int i = 0; i < 60; ++i) ok = "(" + ok + ")";
  EXPECT_EQ(expr_of(ok), "x");
}

TEST(RulesGrammar, TooManyErrorsStops) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "rule A" + std::to_string(i) + " a {\n  where +\n}\n";
  auto p = parse(text);
  ASSERT_EQ(p->errors.size(), 51u);
  EXPECT_EQ(p->errors.back().message.in(Lang::en), "too many syntax errors; stopping");
}

// The run's limits reach the rules parser (pipeline/rule_loader.hpp): a file
// above --max-file-size is refused whole, not parsed cut short where the
// reader stopped.
TEST(RulesGrammar, FileAboveTheSizeLimitIsRefused) {
  std::string text = "rule T1 t {\n  summary en \"s\"\n  when true\n  message en \"m\"\n}\n";
  SourceSet sources;
  uint32_t id = sources.add("t.rules", text);
  std::vector<rules_ast::SyntaxError> errors;
  rules_ast::File f = parse_rules(sources, id, Limits{.max_file_bytes = 20}, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message.in(Lang::en), "file size is above the limit of 20 bytes");
  EXPECT_EQ(errors[0].message.in(Lang::zh), "文件大小超过上限 20 字节");
  EXPECT_TRUE(f.rules.empty());
  errors.clear();
  EXPECT_EQ(parse_rules(sources, id, Limits{.max_file_bytes = text.size()}, errors).rules.size(), 1u);
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace jf
