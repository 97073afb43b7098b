#include "dsl/results_loader.hpp"
#include "engine/results_validate.hpp"

#include <gtest/gtest.h>

namespace jf {
namespace {

std::vector<std::string> messages(const std::vector<DataIssue>& issues) {
  std::vector<std::string> out;
  for (const DataIssue& i : issues) out.push_back("row " + std::to_string(i.row) + ": " + i.message.in(Lang::en));
  return out;
}

TEST(ResultsCsv, ReadsValuesPassFailAndEvents) {
  LoadedResults r = parse_results_csv(
      "\xEF\xBB\xBFunit,indicator,value,events\r\n"
      "城关镇,财政收入,95.5,\r\n"
      "城关镇,防止返贫,达标,\r\n"
      "\"河口乡\",统计数据,,\"late_report=2; data_error=1\"\r\n");
  ASSERT_TRUE(r.issues.empty()) << messages(r.issues)[0];
  const UnitResult& a = r.table.units.at("城关镇").at("财政收入");
  EXPECT_EQ(a.value, 95.5);
  EXPECT_EQ(a.row, 2u);
  EXPECT_EQ(r.table.units.at("城关镇").at("防止返贫").pass, true);
  const UnitResult& c = r.table.units.at("河口乡").at("统计数据");
  EXPECT_EQ(c.events, (std::map<std::string, double>{{"data_error", 1}, {"late_report", 2}}));
  EXPECT_EQ(c.row, 4u);
}

TEST(ResultsCsv, RowNumbersCountEmbeddedNewlinesAndBlankLines) {
  LoadedResults r = parse_results_csv(
      "indicator,unit,value\n"
      "\"a\nb\",甲,1\n"
      "\n"
      "x,乙,abc\n");
  EXPECT_EQ(messages(r.issues),
            (std::vector<std::string>{"row 5: value `abc` is neither a number nor pass/fail"}));
  EXPECT_EQ(r.table.units.at("甲").at("a\nb").row, 2u);
}

TEST(ResultsCsv, BadInputIsReportedWithRows) {
  LoadedResults r = parse_results_csv(
      "unit,indicator,value,events\n"
      "甲,x,1,\n"
      "甲,x,2,\n"
      "乙,x,1\n"
      "丙,x,,late=-1\n"
      ",x,1,\n");
  EXPECT_EQ(messages(r.issues), (std::vector<std::string>{
                                    "row 3: duplicate result for 甲 / x (first at row 2)",
                                    "row 4: 3 fields where the header has 4",
                                    "row 5: event `late=-1` must be written name=count with a whole count ≥ 0",
                                    "row 6: the unit is empty",
                                }));
}

TEST(ResultsCsv, HeaderProblems) {
  EXPECT_EQ(messages(parse_results_csv("unit,score\n甲,1\n").issues),
            (std::vector<std::string>{
                "row 1: unknown column `score` (use unit, indicator, value, events)",
                "row 1: the header needs the columns `unit` and `indicator`",
                "row 1: the header needs a `value` or an `events` column",
            }));
  EXPECT_EQ(messages(parse_results_csv("").issues),
            (std::vector<std::string>{"row 0: the file is empty: expected a header and result rows"}));
  EXPECT_EQ(messages(parse_results_csv("unit,indicator,value\n").issues),
            (std::vector<std::string>{"row 0: the file has a header but no results"}));
}

TEST(ResultsCsv, MalformedQuotingIsAnIssue) {
  LoadedResults r = parse_results_csv("unit,indicator,value\n甲,\"x,1\n");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].message.in(Lang::en).rfind("malformed CSV: ", 0), 0u);
}

TEST(ResultsCsv, InvalidUtf8IsAnIssue) {
  LoadedResults r = load_results("r.csv", "unit,indicator,value\n\xff,x,1\n");
  EXPECT_EQ(messages(r.issues), (std::vector<std::string>{"row 2: invalid UTF-8 at byte 21"}));
}

TEST(ResultsValidate, UnknownMissingAndWrongKinds) {
  Scheme s;
  s.info.units = {{"甲"}, {"乙"}};
  Indicator rank;
  rank.id.text = "r";
  rank.score.mode = ScoreMode::rank;
  Indicator veto;
  veto.id.text = "v";
  veto.score.mode = ScoreMode::veto;
  veto.deductions = {{1, "late", std::nullopt, {}}};
  s.indicators = {rank, veto};
  LoadedResults r = parse_results_csv(
      "unit,indicator,value,events\n"
      "甲,r,pass,\n"
      "甲,v,0.5,late=1\n"
      "乙,r,3,\n"
      "乙,v,1,fire=2\n"
      "丁,r,1,\n"
      "乙,w,1,\n");
  ASSERT_TRUE(r.issues.empty());
  EXPECT_EQ(messages(validate_results(s, r.table)),
            (std::vector<std::string>{
                "row 2: 甲 / r: a ranked item needs a numeric value",
                "row 3: 甲 / v: a veto item needs pass or fail",
                "row 5: 乙 / v: the indicator has no deduction for event `fire`",
                "row 6: unknown unit `丁`",
                "row 7: unknown indicator `w`",
            }));
}

TEST(ResultsValidate, MissingRows) {
  Scheme s;
  s.info.units = {{"甲"}, {"乙"}};
  Indicator t;
  t.id.text = "t";
  Indicator b;
  b.id.text = "b";
  b.score.mode = ScoreMode::bonus;
  s.indicators = {t, b};
  LoadedResults r = parse_results_csv("unit,indicator,value\n甲,t,pass\n");
  EXPECT_EQ(messages(validate_results(s, r.table)), (std::vector<std::string>{"row 0: no result for 乙 / t"}));
}

}  // namespace
}  // namespace jf

namespace jf {
namespace {

TEST(ResultsYaml, ReadsEntriesWithLines) {
  LoadedResults r = load_results("r.yaml",
                                 "results:\n"
                                 "  - {unit: 甲, indicator: a, value: 95.5}\n"
                                 "  - unit: 甲\n    indicator: b\n    value: 达标\n"
                                 "  - {unit: 乙, indicator: c, events: {late_report: 2, data_error: 1}}\n");
  ASSERT_TRUE(r.issues.empty()) << r.issues[0].message.in(Lang::en);
  EXPECT_EQ(*r.table.units["甲"]["a"].value, 95.5);
  EXPECT_EQ(r.table.units["甲"]["a"].row, 2u);
  EXPECT_EQ(*r.table.units["甲"]["b"].pass, true);
  EXPECT_EQ(r.table.units["甲"]["b"].row, 3u);
  EXPECT_EQ(r.table.units["乙"]["c"].events.at("late_report"), 2);
}

TEST(ResultsYaml, ProblemsHaveLines) {
  LoadedResults r = load_results("r.yaml",
                                 "results:\n"
                                 "  - {unit: 甲, indicator: a, vlaue: 1}\n"
                                 "  - {unit: 甲, indicator: a, value: many}\n"
                                 "  - {unit: 乙, indicator: b, events: {late: -1}}\n");
  ASSERT_EQ(r.issues.size(), 3u);
  EXPECT_EQ(r.issues[0].row, 3u);
  EXPECT_EQ(r.issues[0].message.in(Lang::en), "value `many` is neither a number nor pass/fail");
  EXPECT_EQ(r.issues[1].row, 4u);
  EXPECT_EQ(r.issues[2].row, 2u);
  EXPECT_EQ(r.issues[2].message.in(Lang::en), "unknown key `vlaue` in a result; did you mean `value`?");
}

}  // namespace
}  // namespace jf
