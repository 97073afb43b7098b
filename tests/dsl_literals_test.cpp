// Number and string literals read by both grammars (dsl/literal_scan.hpp):
// one table of literals, each put where the `.assess` language and the
// `.rules` language take a literal; both must read the same value, or refuse
// it with the same message, help, column and underline.
#include <gtest/gtest.h>

#include <string>

#include "dsl/literal_scan.hpp"
#include "dsl/rules_grammar.hpp"
#include "dsl/scheme_grammar.hpp"

namespace jf {
namespace {

/// What a grammar made of a literal: its value ("12.5", "\"a\"b\"") or its
/// error, "error @COL-COL: en message | zh message | en help", the columns
/// counted in bytes from the literal's first byte (1).
std::string number_text(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string error_text(uint32_t at, Span span, const std::string& en, const std::string& zh,
                       const std::string& help) {
  return "error @" + std::to_string(span.begin - at + 1) + "-" + std::to_string(span.end - at) + ": " + en + " | " +
         zh + " | " + help;
}

enum class Place { number, percent, string };

/// The `.assess` reading: a number after `points`, a percentage after
/// `bottom` (the one place that takes one), a string after `content`.
std::string assess_reads(const std::string& lit, Place place) {
  std::string head = place == Place::number    ? "indicator x {\n  points "
                     : place == Place::percent ? "indicator x {\n  penalty bottom "
                                               : "indicator x {\n  content ";
  std::string tail = place == Place::percent ? " -> notice\n}\n" : "\n}\n";
  std::string text = head + lit + tail;
  ast::File f = parse_scheme_ast(text, 0, Limits{});
  auto at = static_cast<uint32_t>(head.size());
  if (!f.errors.empty()) {
    const ast::Error& e = f.errors.front();
    return error_text(at, e.span, e.message.in(Lang::en), e.message.in(Lang::zh), e.help.in(Lang::en));
  }
  const ast::Indicator& ind = f.indicators.at(0);
  if (place == Place::string) return "\"" + ind.texts.at(0).value.text + "\"";
  const ast::Number& n = place == Place::number ? ind.points->value : *ind.penalties.at(0).trigger.value;
  return number_text(n.value) + (n.percent ? " percent" : "");
}

/// The `.rules` reading: a parameter's default (`param v = LITERAL`).
std::string rules_reads(const std::string& lit) {
  std::string head = "rule X1 x {\n  param v = ";
  SourceSet sources;
  uint32_t id = sources.add("t.rules", head + lit + "\n}\n");
  std::vector<rules_ast::SyntaxError> errors;
  rules_ast::File f = parse_rules(sources, id, Limits{}, errors);
  auto at = static_cast<uint32_t>(head.size());
  if (!errors.empty()) {
    const rules_ast::SyntaxError& e = errors.front();
    return error_text(at, e.span, e.message.in(Lang::en), e.message.in(Lang::zh), e.help.in(Lang::en));
  }
  const rules_ast::ParamLiteral& p = f.rules.at(0).clauses.at(0).param;
  if (p.kind == rules_ast::ParamLiteral::Kind::string) return "\"" + p.text + "\"";
  return number_text(p.number);
}

struct Row {
  std::string literal;
  Place place;
  std::string both;  // what both languages read, or the error both report
};

const std::string kNotNumber =
    " | write digits with at most one decimal point, such as `30` or `12.5`: no exponent, nothing right after the "
    "digits";
const std::string kBadEscapeHelp = R"(only \", \\ and \n are escapes; write \\ for a backslash)";

const Row kRows[] = {
    {"12.5", Place::number, "12.5"},
    {"30", Place::number, "30"},
    {"0.05", Place::number, "0.05"},
    {"007", Place::number, "7"},
    {"-2", Place::number, "-2"},
    {"\"a\\\"b\"", Place::string, "\"a\"b\""},
    {"\"a\\\\b\"", Place::string, "\"a\\b\""},
    {"\"a\\nb\"", Place::string, "\"a\nb\""},
    {"\"中文 # not a comment\"", Place::string, "\"中文 # not a comment\""},
    {"\"\"", Place::string, "\"\""},
    // Refused the same way, at the same byte.
    {"3x", Place::number, "error @1-2: `3x` is not a number | `3x` 不是数字" + kNotNumber},
    {"1e3", Place::number, "error @1-3: `1e3` is not a number | `1e3` 不是数字" + kNotNumber},
    {"1.", Place::number, "error @1-2: `1.` is not a number | `1.` 不是数字" + kNotNumber},
    {"1.2.3", Place::number, "error @1-5: `1.2.3` is not a number | `1.2.3` 不是数字" + kNotNumber},
    {"12点5", Place::number, "error @1-6: `12点5` is not a number | `12点5` 不是数字" + kNotNumber},
    {std::string("1").append(400, '0'), Place::number,
     "error @1-401: number `" + std::string(40, '0').replace(0, 1, "1") + "…` is out of range | 数字 `" +
         std::string(40, '0').replace(0, 1, "1") + "…` 超出范围 | "},
    {"\"\\u4e2d\"", Place::string,
     "error @2-3: unknown escape `\\u` in a string | 字符串中有未知的转义 `\\u` | " + kBadEscapeHelp},
    {"\"a\\tb\"", Place::string,
     "error @3-4: unknown escape `\\t` in a string | 字符串中有未知的转义 `\\t` | " + kBadEscapeHelp},
    {"\"\\中\"", Place::string,
     "error @2-5: unknown escape `\\中` in a string | 字符串中有未知的转义 `\\中` | " + kBadEscapeHelp},
    {"\"abc", Place::string,
     "error @1-4: unterminated string: the closing `\"` is missing on this line | 字符串没有结束：本行缺少结尾的 `\"` | "
     "a string ends on its line; write \\n for a line break"},
    {"\"abc\\", Place::string,
     "error @1-5: unterminated string: the closing `\"` is missing on this line | 字符串没有结束：本行缺少结尾的 `\"` | "
     "a string ends on its line; write \\n for a line break"},
};

TEST(Literals, BothGrammarsReadTheTableAlike) {
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.literal);
    EXPECT_EQ(assess_reads(row.literal, row.place), row.both);
    EXPECT_EQ(rules_reads(row.literal), row.both);
  }
}

// A percentage is the same token in both; what it means is each language's
// (docs/scheme-language.md: the model keeps 50; docs/rule-language.md: 0.5).
TEST(Literals, PercentScansAlikeAndMeansWhatEachLanguageSays) {
  EXPECT_EQ(assess_reads("50%", Place::percent), "50 percent");
  EXPECT_EQ(rules_reads("50%"), "0.5");
  EXPECT_EQ(assess_reads("12.5%", Place::percent), "12.5 percent");
  EXPECT_EQ(rules_reads("12.5%"), "0.125");
  // Where `.assess` takes no percentage, the token is refused whole.
  EXPECT_EQ(assess_reads("50%", Place::number),
            "error @1-3: a percentage is not allowed here | 此处不能写百分数 | ");
  // A word right after the `%` is no number in either.
  EXPECT_EQ(assess_reads("50%x", Place::percent), "error @1-4: `50%x` is not a number | `50%x` 不是数字" + kNotNumber);
  EXPECT_EQ(rules_reads("50%x"), "error @1-4: `50%x` is not a number | `50%x` 不是数字" + kNotNumber);
}

TEST(Literals, ScannerAlone) {
  auto number = [](std::string_view s, literal::NumberSyntax syntax) {
    return literal::scan_number(s.data(), s.data() + s.size(), syntax);
  };
  // No number starts here: the grammar tries its other alternatives.
  std::string_view word = "x1";
  EXPECT_EQ(number(word, {}).end, word.data());
  std::string_view minus = "-2";
  EXPECT_EQ(number(minus, {}).end, minus.data());
  EXPECT_EQ(number(minus, {}).problem, literal::Problem::none);
  EXPECT_EQ(number(minus, {.sign = true}).value, -2);
  EXPECT_EQ(number("+1", {.sign = true}).value, 1);
  std::string_view arrow = "->";
  EXPECT_EQ(number(arrow, {.sign = true}).end, arrow.data());
  // `30 %` is a number and the remainder operator.
  std::string_view rem = "30 % 7";
  auto r = number(rem, {.percent = true});
  EXPECT_EQ(r.end, rem.data() + 2);
  EXPECT_FALSE(r.percent);

  std::string_view triple = "\"\"\"\n  a\n   b\n  \"\"\" rest";
  auto t = literal::scan_string(triple.data(), triple.data() + triple.size(), true);
  EXPECT_EQ(t.problem, literal::Problem::none);
  EXPECT_EQ(t.value.text, "a\n b");
  // Without `triple` (the `.assess` language) `""` is an empty string.
  auto e = literal::scan_string(triple.data(), triple.data() + triple.size(), false);
  EXPECT_EQ(e.end, triple.data() + 2);
  EXPECT_EQ(e.value.text, "");
}

}  // namespace
}  // namespace jf
