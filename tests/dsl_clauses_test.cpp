// The lexicon (lexicon/*.yaml, docs/lexicon.md) and the clause reader
// (docs/import.md, "Clauses"): the real shapes of 评分标准 wording.
#include <gtest/gtest.h>

#include "base/clauses.hpp"
#include "base/lexicon.hpp"
#include "base/source.hpp"
#include "dsl/lexicon_reader.hpp"
#include "dsl/table_import.hpp"

namespace jf {
namespace {

// The built-in words are read by the dsl; base's lexicon() is empty without it.
const bool kBuiltinWords = (use_builtin_lexicon(), true);

std::vector<Criterion> read(std::string_view text, std::optional<double> points = 10) {
  return read_criteria(text, "standard", points, *lexicon());
}

Criterion one(const std::vector<Criterion>& cs, std::string_view text) {
  EXPECT_EQ(cs.size(), 1u) << text;
  return cs.empty() ? Criterion{} : cs.front();
}

TEST(Lexicon, BuiltinClassesAndVariants) {
  auto lex = lexicon();
  EXPECT_EQ(lex->words("建立工作台帐和台账", "paperwork"), (std::vector<std::string>{"工作台帐", "台账"}));
  EXPECT_EQ(lex->words("按要求填写日志", "paperwork"), (std::vector<std::string>{"填写日志"}));
  EXPECT_EQ(lex->words("按时报送实施方案并按时报送", "paperwork"), (std::vector<std::string>{"实施方案并按时报送"}));
  EXPECT_EQ(lex->words("按时报送实施方案并按时报送", "reporting"), (std::vector<std::string>{"按时报送"}));
  EXPECT_EQ(lex->words("列入月通报", "reporting"), (std::vector<std::string>{"月通报"}));
  EXPECT_EQ(lex->words("下载“XX通”APP并完成注册并使用", "app").front(), "APP并完成注册并使用");
  EXPECT_EQ(lex->words("成立村级巡河小组", "body_setup"), (std::vector<std::string>{"成立村级巡河小组"}));
  EXPECT_EQ(lex->words("被省、市、县简报宣传推介的", "publicity"), (std::vector<std::string>{"简报", "宣传推介"}));
  EXPECT_EQ(classify("工作小结按时报送", *lex), "paperwork");  // the summary decides, not the filing
  EXPECT_EQ(classify("迟报", *lex), "reporting");
  EXPECT_EQ(classify("在我镇召开现场会", *lex), "publicity");
  EXPECT_EQ(classify("完成年度目标任务", *lex), "result");
  EXPECT_EQ(classify("计划生育", *lex), "");  // 计划 alone is not a plan written for the assessor
}

TEST(Lexicon, UserEntriesExtendTheRun) {
  EXPECT_EQ(classify("晒工作", *lexicon()), "");
  add_user_lexicon({{.klass = "publicity", .word = "晒…工作", .variants = {"亮晒"}, .en = "showing off", .zh = "晒"}});
  EXPECT_EQ(classify("晒工作", *lexicon()), "publicity");
  EXPECT_EQ(lexicon()->words("亮晒成绩", "publicity"), std::vector<std::string>{"亮晒"});
}

TEST(Clauses, AwardAfterACondition) {
  Criterion a = one(read("按要求填写日志，得3分"), "日志");
  EXPECT_EQ(a.kind, PointsKind::award);
  EXPECT_EQ(a.amounts, std::vector<double>{3});
  EXPECT_EQ(a.condition, "按要求填写日志");
  EXPECT_EQ(a.klass, "paperwork");
  EXPECT_TRUE(a.understood);
  EXPECT_FALSE(a.deducts);
  EXPECT_EQ(one(read("建立工作台帐，得1分"), "台帐").klass, "paperwork");
  EXPECT_EQ(one(read("开展农村生活垃圾分类试点，得2分。"), "试点").klass, "activity");
}

TEST(Clauses, AwardAndDeductionInOneCell) {
  auto cs = read("完成任务计10分，不完成任务扣2分");
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].kind, PointsKind::award);
  EXPECT_EQ(cs[0].amounts, std::vector<double>{10});
  EXPECT_EQ(cs[0].klass, "result");
  EXPECT_EQ(cs[1].kind, PointsKind::deduction);
  EXPECT_TRUE(cs[1].deducts);
  EXPECT_EQ(cs[1].amounts, std::vector<double>{2});
  EXPECT_EQ(cs[1].condition, "不完成任务");
}

TEST(Clauses, NoneAndLateReport) {
  auto cs = read("未报送方案不计分，迟报扣0.1分。", 1);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].kind, PointsKind::none);
  EXPECT_EQ(cs[0].klass, "paperwork");
  EXPECT_EQ(cs[0].weight(1), 1);  // the whole item hangs on it
  EXPECT_EQ(cs[1].kind, PointsKind::deduction);
  EXPECT_EQ(cs[1].amounts, std::vector<double>{0.1});
  EXPECT_EQ(cs[1].condition, "迟报");
  EXPECT_EQ(cs[1].klass, "reporting");
  Criterion q = one(read("年内无案例不得分"), "案例");
  EXPECT_EQ(q.kind, PointsKind::none);
  EXPECT_EQ(q.condition, "年内无案例");
}

TEST(Clauses, TiersPerEventAndCaps) {
  Criterion t = one(read("被省、市、县简报宣传推介的，每次分别得1分、0.6分、0.4分"), "简报");
  EXPECT_EQ(t.kind, PointsKind::tiers);
  EXPECT_EQ(t.amounts, (std::vector<double>{1, 0.6, 0.4}));
  EXPECT_EQ(t.klass, "publicity");
  EXPECT_EQ(one(read("获国家级、省级表彰的，分别奖20、10分"), "奖").amounts, (std::vector<double>{20, 10}));
  Criterion p = one(read("每迟报一次扣1分，扣完为止", 5), "扣完为止");
  EXPECT_EQ(p.kind, PointsKind::per_event);
  EXPECT_TRUE(p.deducts);
  EXPECT_EQ(p.cap, 5);
  EXPECT_EQ(p.weight(5), 5);
  Criterion m = one(read("每上访一次扣0.5分，最多扣3分"), "上访");
  EXPECT_EQ(m.cap, 3);
  EXPECT_EQ(m.condition, "每上访一次");
}

TEST(Clauses, ProportionDowngradeVeto) {
  EXPECT_EQ(one(read("按比例计分"), "比例").kind, PointsKind::proportion);
  EXPECT_EQ(one(read("发生较大事故的，降一个等级"), "等级").kind, PointsKind::downgrade);
  EXPECT_EQ(one(read("发生重大安全事故的，实行一票否决"), "否决").kind, PointsKind::veto);
}

TEST(Clauses, DescriptionIsNoCriterionAndUnreadScoringIs) {
  EXPECT_TRUE(read("加强农村人居环境整治，建立长效机制").empty());
  auto cs = read("据实评定，酌情扣分");
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_FALSE(cs[0].understood);
  EXPECT_TRUE(looks_like_scoring("酌情扣分"));
  EXPECT_FALSE(looks_like_scoring("开展垃圾分类"));  // 分 inside 分类 is not points
}

ImportResult import_text(SourceSet& sources, const std::string& csv) {
  uint32_t id = sources.add("t.csv", csv);
  return import_table(sources, id, {});
}

TEST(ImportWording, EveryModeKeepsItsWords) {
  SourceSet sources;
  ImportResult r = import_text(sources,
                               "序号,指标名称,分值,考核内容,评分标准,考核方式,责任单位\n"
                               "1,财政收入,30,完成年度目标任务,按排名赋分，第一名得30分,查阅报表,县财政局\n"
                               "2,安全生产,0,不发生较大及以上生产安全事故,发生较大事故的实行一票否决,,县应急局\n"
                               "3,经验推广,,经验做法被市级以上推广,加分项，最高加5分,,县委办\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.scheme.indicators.size(), 3u);
  const Indicator& rank = r.scheme.indicators[0];
  EXPECT_EQ(rank.score.mode, ScoreMode::rank);
  EXPECT_EQ(rank.score.target_text, "完成年度目标任务");
  EXPECT_EQ(rank.wording.content, "完成年度目标任务");
  EXPECT_EQ(rank.wording.standard, "按排名赋分，第一名得30分");
  EXPECT_EQ(rank.wording.method, "查阅报表");
  EXPECT_EQ(rank.wording.from, "row 2");
  EXPECT_EQ(r.scheme.indicators[1].score.mode, ScoreMode::veto);
  EXPECT_EQ(r.scheme.indicators[1].score.target_text, "不发生较大及以上生产安全事故");
  EXPECT_EQ(r.scheme.indicators[2].score.mode, ScoreMode::bonus);
  EXPECT_EQ(r.scheme.indicators[2].wording.content, "经验做法被市级以上推广");
  for (const Diagnostic& d : r.notes) ADD_FAILURE() << "unexpected note: " << d.message.in(Lang::en);
}

TEST(ImportWording, LateReportWithoutEachIsADeduction) {
  SourceSet sources;
  ImportResult r = import_text(sources, "序号,指标名称,分值,评分标准,责任单位\n1,信息报送,1,迟报扣0.1分,县委办\n");
  ASSERT_EQ(r.scheme.indicators.size(), 1u);
  ASSERT_EQ(r.scheme.indicators[0].deductions.size(), 1u);
  EXPECT_EQ(r.scheme.indicators[0].deductions[0], (Deduction{0.1, "late_report", std::nullopt, {}}));
}

TEST(ImportWording, Jf099OnlyForScoringNotUnderstood) {
  SourceSet sources;
  ImportResult r = import_text(sources,
                               "序号,指标名称,分值,评分标准,责任单位\n"
                               "1,社会救助,10,据实评定，酌情扣分,县民政局\n"
                               "2,人居环境,10,加强整治，建立长效机制,县农业农村局\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].message.in(Lang::en).find("酌情扣分"), std::string::npos);
  EXPECT_EQ(r.scheme.indicators[1].wording.standard, "加强整治，建立长效机制");
}

}  // namespace
}  // namespace jf
