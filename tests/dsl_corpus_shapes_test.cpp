// The wording shapes the real-document corpus showed (tests/corpus,
// docs/corpus.md), one test each: words the lexicon lacked, a 考核内容 cell
// that carries its own scoring, sub-items listed with 、, and the Chinese
// name of a deduction event in a Chinese message.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_util.hpp"
#include "base/lexicon.hpp"
#include "dsl/lexicon_reader.hpp"
#include "base/source.hpp"
#include "dsl/table_import.hpp"
#include "dsl/table_phrases.hpp"
#include "base/clauses.hpp"

namespace jf {
namespace {

// The built-in words are read by the dsl; base's lexicon() is empty without it.
const bool kBuiltinWords = (use_builtin_lexicon(), true);

using jf::testing::run_jianfu;
using jf::testing::TempDir;

// The rule ids `check --format json` reports on a table, with their rows.
std::vector<std::pair<std::string, int>> findings(const std::string& table, const std::string& lang = "en") {
  auto r = run_jianfu("--lang " + lang + " check --format json --fail-on never " + table);
  std::vector<std::pair<std::string, int>> out;
  EXPECT_EQ(r.code, 0) << r.err;  // --fail-on never: 0 unless the tool failed
  const nlohmann::json doc = nlohmann::json::parse(r.out);  // kept alive for the loop
  for (auto& d : doc["diagnostics"])
    if (d["severity"] != "info") out.emplace_back(d["rule"].get<std::string>(), d["line"].get<int>());
  return out;
}

ImportResult import_text(SourceSet& sources, const std::string& csv) {
  uint32_t id = sources.add("t.csv", csv);
  return import_table(sources, id, {});
}

bool fires(const std::vector<std::pair<std::string, int>>& f, const std::string& rule, int row) {
  return std::find(f.begin(), f.end(), std::make_pair(rule, row)) != f.end();
}

TEST(CorpusShapes, RegistersMinutesPlansPostsAndPlaques) {
  auto lex = lexicon();
  EXPECT_EQ(classify("有信访登记本和处理结果", *lex), "paperwork");      // gucheng-xinfang
  EXPECT_EQ(classify("查看支部会议录", *lex), "paperwork");              // village-party-2012
  EXPECT_EQ(classify("无计划不得分", *lex), "paperwork");                // village-party-2012
  EXPECT_EQ(classify("按要求编制河湖水库保护计划", *lex), "paperwork");  // zhongshan-river-chief
  EXPECT_EQ(classify("设立河长公示牌", *lex), "body_setup");
  EXPECT_EQ(classify("有信访信息员和信访调解员", *lex), "body_setup");
  EXPECT_EQ(classify("明确分管负责人", *lex), "body_setup");
  EXPECT_EQ(classify("正式成立群众工作站", *lex), "body_setup");
  EXPECT_EQ(classify("完成水环境功能区达标率年度计划", *lex), "result");  // a plan to meet is a target
  EXPECT_EQ(classify("计划生育", *lex), "");
}

TEST(CorpusShapes, PointsInBracketsAtTheEndOfAClause) {
  auto cs = read_criteria("村（居）委会、各单位有信访登记本和处理结果（4分）", "content", 4, *lexicon());
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_TRUE(cs[0].understood);
  EXPECT_EQ(cs[0].kind, PointsKind::award);
  EXPECT_EQ(cs[0].amounts, std::vector<double>{4});
  EXPECT_EQ(cs[0].klass, "paperwork");
  // 共 before the number is a heading's total, not a clause's points.
  auto total = read_criteria("（共60分", "standard", 60, *lexicon());
  ASSERT_EQ(total.size(), 1u);
  EXPECT_FALSE(total[0].understood);
}

TEST(CorpusShapes, KaoHeBanFaIsTheMethodColumn) {
  SourceSet sources;
  ImportResult r = import_text(sources, "序号,指标名称,分值,考核要点,考核办法\n1,民主生活会,2,召开民主生活会，未召开不得分。,查看会议录\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.scheme.indicators.size(), 1u);
  EXPECT_EQ(r.scheme.indicators[0].wording.method, "查看会议录");
}

TEST(CorpusShapes, ContentCellWithItsOwnScoring) {
  SourceSet sources;
  ImportResult r = import_text(sources,
                               "序号,指标名称,分值,考核内容,考核单位\n"
                               "1,矛盾排查,40,每周排查一次并上报，少报一次扣2分，迟报一次扣1分。,镇信访办\n"
                               "2,信息员,3,有信访信息员（3分）,镇信访办\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.scheme.indicators.size(), 2u);
  const Indicator& a = r.scheme.indicators[0];
  EXPECT_EQ(a.score.mode, ScoreMode::deduction);
  ASSERT_EQ(a.deductions.size(), 2u);
  EXPECT_EQ(a.deductions[1], (Deduction{1, "late_report", std::nullopt, {}}));
  EXPECT_EQ(a.wording.content, "每周排查一次并上报，少报一次扣2分，迟报一次扣1分。");  // kept as written
  EXPECT_EQ(r.scheme.indicators[1].score.mode, ScoreMode::threshold);
}

TEST(CorpusShapes, SubItemsListedWithCommasBoundAPerItemDeduction) {
  TempDir dir;
  const std::string listed = dir.write("listed.csv",
                                       "序号,指标名称,分值,评分标准,考核责任单位\n"
                                       "1,糖蔗生产,10,完成糖蔗种植面积、进厂产量、良种种植及示范片建设任务计10分。每小项不完成任务扣1分。,市糖业局\n");
  EXPECT_FALSE(fires(findings(listed), "JF504", 2));
  // An open list (…等) names no number of items: the deduction stays unbounded.
  const std::string open = dir.write("open.csv",
                                     "序号,指标名称,分值,评分标准,考核责任单位\n"
                                     "1,重点工作,10,研究部署打非治违、四大三基等重点工作，每项不落实扣1分。,县应急局\n");
  EXPECT_TRUE(fires(findings(open), "JF504", 2));
}

TEST(CorpusShapes, RulesReadTheseShapes) {
  TempDir dir;
  const std::string head = "序号,指标名称,分值,考核内容,评分标准,考核单位\n";
  // 成立群众工作站 … 有专职人员 … 有工作台帐 … 记30分 (row 2) is classed paperwork,
  // its first trace; its body set-up still counts for JF207. Row 3: 设立信访信息员.
  auto station = findings(std::string(JIANFU_SOURCE_DIR) + "/tests/corpus/xinfang-2014-township.csv");
  EXPECT_TRUE(fires(station, "JF207", 2));
  EXPECT_TRUE(fires(station, "JF207", 3));
  // Points and no scoring clause: the item pays for a plan being written.
  auto plan = findings(dir.write("plan.csv", head + "1,保护计划,2,按要求编制河湖水库保护计划。,,县水利局\n"));
  EXPECT_TRUE(fires(plan, "JF310", 2));
  auto target = findings(dir.write("target.csv", head + "1,达标,4,完成水环境功能区达标率年度计划。,,县水利局\n"));
  EXPECT_FALSE(fires(target, "JF310", 2));
  // 每次 after the piece that names the event: a report not filed.
  auto unfiled = findings(dir.write("unfiled.csv", head + "1,信息预警,20,,发生集体上访但没有报送信息预警的，每次扣5分，扣完为止。,县信访局\n"));
  EXPECT_TRUE(fires(unfiled, "JF204", 2));
}

// The reporting frequency of an indicator, when the table has it in 考核内容 or
// 评分标准 and not in 考核方式 (gucheng-xinfang, row 7).
std::optional<Reporting> report_of(const std::string& row, const std::string& head = "序号,指标名称,分值,考核内容,考核单位\n") {
  SourceSet sources;
  ImportResult r = import_text(sources, head + row);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.scheme.indicators.size(), 1u);
  if (r.scheme.indicators.size() != 1) return std::nullopt;
  return r.scheme.indicators[0].report;
}

TEST(CorpusShapes, ReportingFrequencyInTheContentCell) {
  const Reporting weekly{Frequency::weekly, 1, std::nullopt, {}};
  // The two published shapes: a weekly check reported on, and a weekly reporting day.
  EXPECT_EQ(report_of("1,矛盾排查,40,在本辖区内每周要对矛盾纠纷进行一次排查，并经村信访信息员签字后上报镇信访办，并加盖印鉴。,镇信访办\n"),
            weekly);
  EXPECT_EQ(report_of("1,矛盾排查,40,每周一为固定上报日，突发事件及时上报。,镇信访办\n"), weekly);
  // The frequency of an activity alone is not reporting, nor is a report on an
  // event (及时上报), nor a report at another time than the activity's.
  EXPECT_EQ(report_of("1,巡查,10,每周开展巡查，发现问题及时处理。,县水利局\n"), std::nullopt);
  EXPECT_EQ(report_of("1,巡查,10,每周开展巡查，发现问题及时上报。,县水利局\n"), std::nullopt);
  EXPECT_EQ(report_of("1,巡查,10,每月开展一次巡查，年底上报工作总结。,县水利局\n"), std::nullopt);
  // The nearest frequency before the verb is the report's, and 份 gives the forms.
  EXPECT_EQ(report_of("1,巡查,10,每周开展巡查，每月填报巡查表2份。,县水利局\n"),
            (Reporting{Frequency::monthly, 2, std::nullopt, {}}));
  // 评分标准 too; 考核方式 comes first when it names a frequency.
  const std::string four = "序号,指标名称,分值,考核内容,评分标准,考核方式,考核单位\n";
  EXPECT_EQ(report_of("1,进度,10,推进项目建设,每月10日前报送进度表，迟报一次扣1分,,县发改局\n", four),
            (Reporting{Frequency::monthly, 1, std::nullopt, {}}));
  EXPECT_EQ(report_of("1,进度,10,每周一上报项目进度,,每月报送进展表1份,县发改局\n", four),
            (Reporting{Frequency::monthly, 1, std::nullopt, {}}));
  // The published table: JF206 on the weekly report to a line department.
  EXPECT_TRUE(fires(findings(std::string(JIANFU_SOURCE_DIR) + "/tests/corpus/gucheng-xinfang.csv"), "JF206", 7));
}

TEST(CorpusShapes, DeductionEventsHaveOneChineseName) {
  EXPECT_EQ(event_id("每迟报一次"), "late_report");
  EXPECT_EQ(event_name_zh("late_report"), "迟报");
  EXPECT_EQ(event_name_zh("missing_form"), "缺报表格");
  EXPECT_EQ(event_name_zh("发生安全事故"), "发生安全事故");  // an id in Chinese is its own name
  TempDir dir;
  const std::string table = dir.write("late.csv",
                                      "序号,指标名称,分值,评分标准,考核责任单位\n"
                                      "1,信息报送,5,每迟报一次扣1分，扣完为止。,县委办\n");
  auto r = run_jianfu("--lang zh check --format json --fail-on never " + table);
  bool seen = false;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  for (auto& d : doc["diagnostics"]) {
    if (d["rule"] != "JF204") continue;
    seen = true;
    const std::string message = d["message"];
    EXPECT_NE(message.find("迟报"), std::string::npos) << message;
    EXPECT_EQ(message.find("late_report"), std::string::npos) << message;
  }
  EXPECT_TRUE(seen) << r.out;
}

}  // namespace
}  // namespace jf
