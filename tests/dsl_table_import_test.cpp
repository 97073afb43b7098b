// The phrase table of docs/import.md, one phrase at a time, and the table reader.
#include <gtest/gtest.h>

#include "dsl/table_phrases.hpp"
#include "dsl/table_reader.hpp"

namespace jf {
namespace {

Span no_span(size_t, size_t) { return {}; }

Indicator standard(std::string_view text, std::optional<double> points = 50) {
  Indicator ind;
  bool set = false;
  read_standard(text, points, ind, set, no_span);
  return ind;
}

TEST(TablePhrases, Ranking) {
  Indicator a = standard("按排名赋分，第一名得70分，每后一名递减2分");
  EXPECT_EQ(a.score.mode, ScoreMode::rank);
  EXPECT_EQ(a.score.top, 70);
  EXPECT_EQ(a.score.step, 2);
  EXPECT_TRUE(a.penalties.empty());  // 每后一名 is not a bottom trigger
  Indicator b = standard("按名次赋分，第一名得100分，依次递减5分，最低得60分");
  EXPECT_EQ(b.score.step, 5);
  EXPECT_EQ(b.score.floor, 60);
  EXPECT_EQ(standard("以第一名为满分，其余按与第一名的比例计分").score.mode, ScoreMode::rank);
}

TEST(TablePhrases, ThresholdDeductionVetoBonus) {
  EXPECT_EQ(standard("按实绩赋分，达到目标得满分，未达到不得分。").score.mode, ScoreMode::threshold);
  EXPECT_EQ(standard("基础分为满分，按扣分项扣分").score.mode, ScoreMode::deduction);
  EXPECT_EQ(standard("发生问题的实行一票否决。").score.mode, ScoreMode::veto);
  Indicator bonus = standard("加分项，最高加5分。", std::nullopt);
  EXPECT_EQ(bonus.score.mode, ScoreMode::bonus);
  EXPECT_EQ(bonus.points, 5);
}

TEST(TablePhrases, Deductions) {
  Indicator a = standard("每迟报一次扣0.5分，最多扣5分；每数据差错一次扣2分；每发现火点一次扣2分；每逾期办结一次扣1分");
  ASSERT_EQ(a.deductions.size(), 4u);
  EXPECT_EQ(a.deductions[0], (Deduction{0.5, "late_report", 5, {}}));
  EXPECT_EQ(a.deductions[1], (Deduction{2, "data_error", std::nullopt, {}}));
  EXPECT_EQ(a.deductions[2].event, "fire_spot");
  EXPECT_EQ(a.deductions[3].event, "late_submission");
  Indicator b = standard("每迟报、漏报一次扣1分，扣完为止", 20);
  ASSERT_EQ(b.deductions.size(), 2u);
  EXPECT_EQ(b.deductions[1], (Deduction{1, "missing_report", 20, {}}));  // capped at the item's points
  EXPECT_EQ(standard("每发生安全事故一次扣5分").deductions[0].event, "发生安全事故");
}

TEST(TablePhrases, Penalties) {
  auto one = [](std::string_view text) {
    Indicator i = standard(text);
    EXPECT_EQ(i.penalties.size(), 1u) << text;
    return i.penalties.empty() ? Penalty{} : i.penalties[0];
  };
  Penalty a = one("排名后3位的，约谈党政主要负责人、在全县大会上作表态发言、全县通报批评。");
  EXPECT_EQ(a.trigger, (Trigger{TriggerKind::bottom, 3, {}}));
  EXPECT_EQ(a.actions.size(), 3u);
  EXPECT_EQ(one("排名末位的，年度考核实行一票否决。").actions[0].kind, ActionKind::veto);
  EXPECT_EQ(one("排名末位的，年度考核实行一票否决。").trigger.kind, TriggerKind::last);
  EXPECT_EQ(one("排名倒数第2名的，取消年度评先评优资格").trigger, (Trigger{TriggerKind::bottom, 2, {}}));
  EXPECT_EQ(one("排名倒数第2名的，取消年度评先评优资格").actions[0].kind, ActionKind::disqualify);
  EXPECT_EQ(one("得分低于30分的，约谈分管负责人").trigger, (Trigger{TriggerKind::below, 30, {}}));
  EXPECT_EQ(one("排名末位的，启动问责程序").actions[0].kind, ActionKind::accountability);
  EXPECT_EQ(one("排名后10%的，扣2分").actions[0], (Action{ActionKind::deduct, 2, {}}));
  EXPECT_EQ(one("排名后三位的，通报").trigger.value, 3);
}

TEST(TablePhrases, MethodReportEvidenceProofKey) {
  Indicator ind;
  std::vector<ProofRef> proofs;
  Reading r = read_method("每周报送工作进展表2份；查阅台账资料、影像资料（照片）、佐证材料、会议记录；系统录入；核查人居环境、秸秆禁烧等工作的台账及落实情况",
                          ind, proofs, no_span);
  ASSERT_TRUE(ind.report);
  EXPECT_EQ(*ind.report, (Reporting{Frequency::weekly, 2, std::nullopt, {}}));
  std::vector<EvidenceKind> kinds;
  for (auto& e : ind.evidence) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<EvidenceKind>{EvidenceKind::ledger, EvidenceKind::photo, EvidenceKind::materials,
                                              EvidenceKind::minutes, EvidenceKind::system_entry}));
  ASSERT_EQ(proofs.size(), 2u);
  EXPECT_EQ(proofs[0].name, "人居环境");
  EXPECT_EQ(proofs[1].name, "秸秆禁烧");
  EXPECT_TRUE(r.unread.empty());
  Indicator k;
  read_key("（重点工作）", k, no_span);
  EXPECT_TRUE(k.key);
  Indicator adhoc;
  read_method("不定期报送工作进展表1份", adhoc, proofs, no_span);
  EXPECT_EQ(adhoc.report->frequency, Frequency::adhoc);
}

TEST(TablePhrases, UnreadPiecesAreReported) {
  Indicator ind;
  bool set = false;
  Reading r = read_standard("据实评定，每迟报一次扣1分", 10, ind, set, no_span);
  ASSERT_EQ(r.unread.size(), 1u);
  EXPECT_EQ(r.unread[0], (std::pair<size_t, size_t>{0, std::string_view("据实评定").size()}));
  EXPECT_FALSE(set);
}

TEST(TablePhrases, DepartmentKinds) {
  EXPECT_EQ(guess_dept_kind("县委办、县政府办"), DeptKind::office);
  EXPECT_EQ(guess_dept_kind("县考核办"), DeptKind::assessment);
  EXPECT_EQ(guess_dept_kind("县委督查室"), DeptKind::supervision);
  EXPECT_EQ(guess_dept_kind("县效能办"), DeptKind::efficiency);
  EXPECT_EQ(guess_dept_kind("第三方评估机构"), DeptKind::third_party);
  EXPECT_EQ(guess_dept_kind("县卫生健康委员会"), DeptKind::line);
  EXPECT_EQ(guess_dept_kind("某某中心"), std::nullopt);
}

TEST(TableReader, HeaderSynonymsCarryDownAndPositions) {
  Table t = read_table("\xEF\xBB\xBF标题,,\n考核项目,考核指标,分值（分）\n经济,甲,10\n,乙,20\n", {});
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t.bom);
  EXPECT_EQ(t.header_row, 2u);
  EXPECT_EQ(t.preamble, std::vector<std::string>{"标题"});
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1].row, 4u);
  EXPECT_EQ(t.rows[1].at(TableField::group).text, "经济");
  EXPECT_TRUE(t.rows[1].at(TableField::group).carried);
  EXPECT_EQ(t.rows[1].at(TableField::points).text, "20");
  EXPECT_EQ(t.column_letters[static_cast<int>(TableField::points)], 'C');
}

TEST(TableReader, CrlfRowsAndQuotedLineBreaks) {
  Table t = read_table("二级指标,分值\r\n\"甲\n乙\",10\r\n丙,5\r\n", {});
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].row, 2u);
  EXPECT_EQ(t.rows[1].row, 3u);  // spreadsheet rows, not file lines
}

TEST(TableLayout, PublishedHeaderNamesAnywhereInTheFirstRows) {
  Table t = read_table("县考核细则,,,\n（千分制）,,,\n,,,\n序号,评估指标,评估内容与计分方法,分值,考评单位\n"
                       "1,甲,按实绩赋分,10,县委办\n", {});
  ASSERT_TRUE(t.ok()) << t.problems.front().message.in(Lang::en);
  EXPECT_EQ(t.header_row, 4u);
  EXPECT_EQ(t.header_names[static_cast<int>(TableField::indicator)], "评估指标");
  EXPECT_EQ(t.header_names[static_cast<int>(TableField::standard)], "评估内容与计分方法");
  EXPECT_EQ(t.header_names[static_cast<int>(TableField::owner)], "考评单位");
  Table u = read_table("序号,考核指标,计分方法,分值,责任部门\n1,甲,按实绩赋分,10,县委办\n", {});
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u.header_names[static_cast<int>(TableField::standard)], "计分方法");
  EXPECT_EQ(u.header_names[static_cast<int>(TableField::owner)], "责任部门");
}

TEST(TableLayout, ProjectAndIndicatorColumnsReadByContent) {
  // 考核指标 repeats, 考核项目 differs on each row: 考核项目 names the indicators.
  Table t = read_table("考核指标,考核项目,分值\n经济,甲,10\n经济,乙,10\n民生,丙,5\n", {});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.rows[0].at(TableField::indicator).text, "甲");
  EXPECT_EQ(t.rows[0].at(TableField::group).text, "经济");
}

TEST(TableLayout, HeadingsTotalsAndNotes) {
  Table t = read_table("序号,二级指标,分值,评分标准,牵头单位\n"
                       "一、发展类指标（41.5分）,,,,\n"
                       "（一）经济,,,,\n"
                       "1,甲,20,按实绩赋分,县委办\n"
                       ",项目建设,21.5,,\n"
                       "2,乙,21.5,按实绩赋分,\n"
                       "合计,,41.5,,\n"
                       "备注：由县考核办解释。,,,,\n", {});
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t.rows.size(), 7u);
  EXPECT_EQ(t.rows[0].kind, RowKind::group);
  EXPECT_EQ(t.rows[0].heading, "发展类指标");
  EXPECT_EQ(t.rows[0].heading_points, 41.5);
  EXPECT_EQ(t.rows[0].level, 1);
  EXPECT_EQ(t.rows[1].kind, RowKind::group);
  EXPECT_EQ(t.rows[1].level, 2);
  EXPECT_EQ(t.rows[2].kind, RowKind::item);
  EXPECT_EQ(t.rows[3].kind, RowKind::group);  // only a name and points, and the items below add up
  EXPECT_EQ(t.rows[3].heading_points, 21.5);
  EXPECT_EQ(t.rows[4].at(TableField::owner).text, "");  // not carried past the heading
  EXPECT_EQ(t.rows[5].kind, RowKind::total);
  EXPECT_EQ(t.rows[5].heading_points, 41.5);
  EXPECT_EQ(t.rows[6].kind, RowKind::note);
}

TEST(TableLayout, ChineseNumberInSeqWithTheNameBeside) {
  Table t = read_table("序号,二级指标,分值,评分标准\n一,经济发展,30,\n1,甲,30,按实绩赋分\n", {});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.rows[0].kind, RowKind::group);
  EXPECT_EQ(t.rows[0].heading, "经济发展");
  EXPECT_EQ(t.rows[0].heading_points, 30);
  EXPECT_EQ(t.rows[1].kind, RowKind::item);
}

TEST(TableLayout, NameAndPointsRowsWithoutItemsBelowAreItems) {
  Table t = read_table("二级指标,分值,评分标准\n甲,10,\n乙,5,\n丙,3,按实绩赋分\n", {});
  ASSERT_TRUE(t.ok());
  for (const TableRow& r : t.rows) EXPECT_EQ(r.kind, RowKind::item) << r.row;
}

TEST(TableLayout, Utf16WithBomIsRead) {
  std::string utf16 = "\xFF\xFE";
  for (char16_t c : std::u16string(u"二级指标,分值\r\n甲,10\r\n")) utf16 += static_cast<char>(c & 0xFF), utf16 += static_cast<char>(c >> 8);
  std::string text;
  Table t = read_table(utf16, {}, &text);
  ASSERT_TRUE(t.ok()) << t.problems.front().message.in(Lang::en);
  EXPECT_EQ(t.encoding, TableEncoding::utf16le);
  EXPECT_EQ(t.rows[0].at(TableField::indicator).text, "甲");
  EXPECT_EQ(text.substr(t.rows[0].at(TableField::indicator).text_begin, 3), "甲");  // offsets into the UTF-8 text
}

}  // namespace
}  // namespace jf
