// Tests of the `.assess` grammar and its lowering to the model.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "base/model_fields.hpp"
#include "dsl/scheme_loader.hpp"

namespace jf {
namespace {

struct Parsed {
  SourceSet sources;
  LoadResult result;
  const SourceFile& file() const { return sources[0]; }
  /// "LINE:COL: message" for each diagnostic, in order.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics) {
      LineCol lc = file().locate(d.span.begin);
      out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + d.message.in(Lang::en));
    }
    return out;
  }
  /// The source text a span covers.
  std::string_view text(Span s) const {
    return std::string_view(file().text()).substr(s.begin, s.end - s.begin);
  }
};

std::unique_ptr<Parsed> parse(std::string text, Limits limits = {}) {
  auto p = std::make_unique<Parsed>();
  uint32_t id = p->sources.add("t.assess", std::move(text));
  p->result = parse_assess(p->sources, id, limits);
  return p;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::unique_ptr<Parsed> parse_example(const std::string& name) {
  std::string text = read_file(std::string(JIANFU_SOURCE_DIR) + "/examples/" + name);
  EXPECT_FALSE(text.empty()) << name;
  return parse(std::move(text));
}

const Indicator* find(const Scheme& s, std::string_view id) {
  for (const auto& i : s.indicators)
    if (i.id.text == id) return &i;
  return nullptr;
}

using Errors = std::vector<std::string>;
constexpr const char* kHeader = "scheme \"S\" { year 2025 total 100 units 甲, 乙, 丙 }\n";

// ---- the acceptance corpus ----

TEST(SchemeExamples, QingshanParsesCompletely) {
  auto p = parse_example("qingshan-2025.assess");
  EXPECT_EQ(p->errors(), Errors{});
  EXPECT_TRUE(p->result.ok);
  const Scheme& s = p->result.scheme;
  EXPECT_EQ(s.info.name, "青山县2025年度乡镇综合考核");
  EXPECT_EQ(s.info.year, 2025);
  EXPECT_EQ(s.info.total, 1000);
  ASSERT_EQ(s.info.units.size(), 12u);
  EXPECT_EQ(s.info.units[11].text, "南岗镇");
  EXPECT_EQ(s.departments.size(), 18u);
  EXPECT_EQ(s.groups.size(), 6u);
  EXPECT_EQ(s.indicators.size(), 22u);
  EXPECT_EQ(s.inspections.size(), 5u);
  ASSERT_EQ(s.overall_penalties.size(), 1u);
  EXPECT_EQ(s.overall_penalties[0].trigger.kind, TriggerKind::bottom);
  EXPECT_EQ(s.overall_penalties[0].trigger.value, 3);
  EXPECT_EQ(s.overall_penalties[0].actions.size(), 2u);

  EXPECT_EQ(s.departments[0].id.text, "两办");
  EXPECT_EQ(s.departments[0].display, "县委办、县政府办");
  EXPECT_EQ(s.departments[0].kind, DeptKind::office);
  EXPECT_EQ(s.departments[3].kind, DeptKind::efficiency);

  const Indicator* straw = find(s, "秸秆禁烧");
  ASSERT_NE(straw, nullptr);
  EXPECT_EQ(straw->group, "生态环保");
  EXPECT_EQ(straw->owner.text, "生态环境局");
  EXPECT_EQ(straw->points, 40);
  EXPECT_TRUE(straw->key);
  EXPECT_EQ(straw->score.mode, ScoreMode::rank);
  EXPECT_EQ(straw->score.top, 40);
  EXPECT_EQ(straw->score.step, 2);
  ASSERT_TRUE(straw->report);
  EXPECT_EQ(straw->report->frequency, Frequency::daily);
  EXPECT_EQ(straw->report->forms, 1);
  ASSERT_EQ(straw->evidence.size(), 2u);
  EXPECT_EQ(straw->evidence[1].kind, EvidenceKind::photo);
  ASSERT_EQ(straw->deductions.size(), 2u);
  EXPECT_EQ(straw->deductions[0], (Deduction{2, "fire_spot", std::nullopt, {}}));
  EXPECT_EQ(straw->deductions[1], (Deduction{0.5, "late_report", std::nullopt, {}}));
  ASSERT_EQ(straw->penalties.size(), 2u);
  EXPECT_EQ(straw->penalties[0].trigger, (Trigger{TriggerKind::bottom, 3, {}}));
  EXPECT_EQ(straw->penalties[0].actions,
            (std::vector<Action>{{ActionKind::interview, 0, {}}, {ActionKind::statement, 0, {}}}));
  EXPECT_EQ(straw->penalties[1].trigger.kind, TriggerKind::last);
  EXPECT_EQ(straw->penalties[1].actions, (std::vector<Action>{{ActionKind::veto, 0, {}}}));

  const Indicator* project = find(s, "项目建设");
  ASSERT_NE(project, nullptr);
  EXPECT_EQ(project->deductions[0].cap, 5);
  const Indicator* audit = find(s, "督查落实");
  ASSERT_NE(audit, nullptr);
  ASSERT_EQ(audit->proves.size(), 3u);
  EXPECT_EQ(audit->proves[2].text, "信访稳定");
  const Indicator* party = find(s, "基层党建");
  ASSERT_NE(party, nullptr);
  EXPECT_EQ(party->score.target_text, "完成年度党建任务清单");
  EXPECT_FALSE(party->report);
  EXPECT_EQ(s.inspections[3].frequency, InspectionFrequency::spot);
  EXPECT_EQ(s.inspections[4].kind, InspectionKind::third_party);
  EXPECT_EQ(s.inspections[4].by.text, "考核办");
}

TEST(SchemeExamples, ReformedAndErrorsParseWithoutSyntaxErrors) {
  auto reformed = parse_example("reformed-2025.assess");
  EXPECT_EQ(reformed->errors(), Errors{});
  EXPECT_EQ(reformed->result.scheme.indicators.size(), 8u);
  EXPECT_EQ(reformed->result.scheme.info.units.size(), 8u);
  auto errors = parse_example("errors-2025.assess");
  EXPECT_EQ(errors->errors(), Errors{});
  const Scheme& s = errors->result.scheme;
  EXPECT_EQ(s.indicators.size(), 5u);  // the duplicate is kept for JF003
  EXPECT_EQ(s.indicators[1].id.text, "产业发展");
  EXPECT_EQ(s.indicators[0].group, "");
  EXPECT_EQ(s.departments[0].display, "");
  EXPECT_EQ(s.indicators[2].penalties[0].trigger, (Trigger{TriggerKind::below, 40, {}}));
}

TEST(SchemeExamples, EveryAssessExampleParsesCleanly) {
  for (const char* name : {"qingshan-2025.assess", "reformed-2025.assess", "errors-2025.assess"}) {
    auto p = parse_example(name);
    EXPECT_EQ(p->errors(), Errors{}) << name;
    EXPECT_TRUE(p->result.ok) << name;
  }
}

// ---- spans ----

TEST(SchemeSpans, PointAtTheWrittenText) {
  auto p = parse_example("qingshan-2025.assess");
  const Scheme& s = p->result.scheme;
  const Indicator* straw = find(s, "秸秆禁烧");
  ASSERT_NE(straw, nullptr);
  EXPECT_EQ(p->text(straw->id.span), "秸秆禁烧");
  EXPECT_EQ(straw->id.span.file, 0u);
  LineCol lc = p->file().locate(straw->span.begin);
  EXPECT_EQ(p->file().line_text(lc.line), "  indicator 秸秆禁烧 {");
  EXPECT_EQ(lc.column, 3u);
  EXPECT_EQ(p->text(straw->points_span), "points 40");
  EXPECT_EQ(p->text(straw->key_span), "key");
  EXPECT_EQ(p->text(straw->score.span), "score rank top 40 step 2");
  EXPECT_EQ(p->text(straw->report->span), "report daily forms 1");
  EXPECT_EQ(p->text(straw->evidence[0].span), "ledger");
  EXPECT_EQ(p->text(straw->deductions[1].span), "deduct 0.5 per late_report");
  EXPECT_EQ(p->text(straw->penalties[0].span), "penalty bottom 3 -> interview, statement");
  EXPECT_EQ(p->text(straw->penalties[0].trigger.span), "bottom 3");
  EXPECT_EQ(p->text(straw->penalties[0].actions[1].span), "statement");
  EXPECT_EQ(p->text(straw->owner.span), "生态环境局");
  EXPECT_EQ(p->text(straw->span).substr(p->text(straw->span).size() - 1), "}");
  LineCol owner = p->file().locate(straw->owner.span.begin);
  EXPECT_EQ(owner.column, 11u);  // "    owner " is 10 characters

  EXPECT_EQ(p->text(s.info.total_span), "total 1000");
  EXPECT_EQ(p->text(s.info.year_span), "year 2025");
  EXPECT_EQ(p->text(s.info.units_span).substr(0, 6), "units ");
  EXPECT_EQ(p->text(s.departments[1].kind_span), "assessment");
  EXPECT_EQ(p->text(s.departments[1].span), "department 考核办     \"县考核办\"          kind assessment");
  EXPECT_EQ(p->text(s.inspections[4].span), "inspection 第三方评估 by 考核办 annual kind third_party");
  EXPECT_EQ(p->text(s.inspections[4].by.span), "考核办");
  EXPECT_EQ(p->text(s.overall_penalties[0].span), "penalty overall bottom 3 -> interview, statement");
  EXPECT_EQ(p->file().locate(s.groups[0].span.begin).line, 31u);
}

TEST(SchemeSpans, GroupPointsSpan) {
  auto p = parse(std::string(kHeader) + "group G points 30 { indicator I { points 30 } }\n");
  EXPECT_EQ(p->errors(), Errors{});
  ASSERT_EQ(p->result.scheme.groups.size(), 1u);
  EXPECT_EQ(p->result.scheme.groups[0].points, 30);
  EXPECT_EQ(p->text(p->result.scheme.groups[0].points_span), "points 30");
  EXPECT_EQ(p->text(p->result.scheme.groups[0].span), "group G points 30 { indicator I { points 30 } }");
  EXPECT_EQ(p->result.scheme.indicators[0].group, "G");
}

TEST(SchemeSpans, BomAndCrLfKeepFileOffsets) {
  auto p = parse("\xEF\xBB\xBFscheme \"S\" {\r\n  year 2025\r\n}\r\ndepartment 两办 kind office\r\n");
  EXPECT_EQ(p->errors(), Errors{});
  const Scheme& s = p->result.scheme;
  EXPECT_EQ(s.info.span.begin, 3u);
  EXPECT_EQ(p->text(s.info.year_span), "year 2025");
  ASSERT_EQ(s.departments.size(), 1u);
  LineCol lc = p->file().locate(s.departments[0].id.span.begin);
  EXPECT_EQ(lc.line, 4u);
  EXPECT_EQ(lc.column, 12u);
  EXPECT_EQ(p->text(s.departments[0].kind_span), "office");
}

// ---- the language's details ----

TEST(SchemeSyntax, ScoreOptionsInAnyOrderAndUnitCount) {
  auto p = parse(
      "scheme \"S\" { units 12 }\n"
      "indicator A \"显示 \\\"名\\\"\\n\" {\n"
      "  score rank ties share lower_better floor 5 target 90\n"
      "  report adhoc times 6 forms 2\n"
      "  penalty bottom 10% -> deduct 5, disqualify\n"
      "  penalty below -2.5 -> accountability\n"
      "}\n"
      "indicator B { score threshold target \"达标\" ties \"并列取高\" }\n"
      "inspection X by D spot kind third_party times 3\n");
  EXPECT_EQ(p->errors(), Errors{});
  const Scheme& s = p->result.scheme;
  EXPECT_EQ(s.info.unit_count, 12);
  EXPECT_TRUE(s.info.units.empty());
  const Indicator& a = s.indicators[0];
  EXPECT_EQ(a.display, "显示 \"名\"\n");
  EXPECT_EQ(a.score.ties, "share");
  EXPECT_TRUE(a.score.lower_better);
  EXPECT_EQ(a.score.floor, 5);
  EXPECT_EQ(a.score.target_number, 90);
  EXPECT_EQ(a.report->frequency, Frequency::adhoc);
  EXPECT_EQ(a.report->times, 6);
  EXPECT_EQ(a.report->forms, 2);
  EXPECT_EQ(a.penalties[0].trigger, (Trigger{TriggerKind::bottom_percent, 10, {}}));
  EXPECT_EQ(a.penalties[0].actions,
            (std::vector<Action>{{ActionKind::deduct, 5, {}}, {ActionKind::disqualify, 0, {}}}));
  EXPECT_EQ(a.penalties[1].trigger, (Trigger{TriggerKind::below, -2.5, {}}));
  EXPECT_EQ(s.indicators[1].score.ties, "并列取高");
  EXPECT_EQ(s.indicators[1].score.target_text, "达标");
  EXPECT_EQ(s.inspections[0].times, 3);
  EXPECT_EQ(s.inspections[0].kind, InspectionKind::third_party);
}

TEST(SchemeSyntax, NegativeNumbersParseForTheEngineToJudge) {
  auto p = parse(std::string(kHeader) + "indicator A { points -5 deduct -1 per x cap -2 }\n");
  EXPECT_EQ(p->errors(), Errors{});
  EXPECT_EQ(p->result.scheme.indicators[0].points, -5);
  EXPECT_EQ(p->result.scheme.indicators[0].deductions[0].cap, -2);
}

TEST(SchemeSyntax, AnnualAndYearlyAreTheSameFrequency) {
  auto p = parse(std::string(kHeader) + "indicator A { report annual }\n");
  EXPECT_EQ(p->errors(), Errors{});
  EXPECT_EQ(p->result.scheme.indicators[0].report->frequency, Frequency::yearly);
}

TEST(SchemeSyntax, CommentsAndWideSpacesAreBlank) {
  auto p = parse(std::string(kHeader) + "# c\ndepartment\u3000两办 # tail \"x\n  kind line\n");
  EXPECT_EQ(p->errors(), Errors{});
  ASSERT_EQ(p->result.scheme.departments.size(), 1u);
  EXPECT_EQ(p->result.scheme.departments[0].kind, DeptKind::line);
}

// ---- errors ----

TEST(SchemeErrors, MissingNumber) {
  auto p = parse(std::string(kHeader) + "indicator A {\n  points\n}\n");
  EXPECT_EQ(p->errors(), Errors{"4:1: expected a number after `points`"});
  EXPECT_EQ(p->result.diagnostics[0].rule, "JF001");
  EXPECT_EQ(p->result.diagnostics[0].message.in(Lang::zh), "期望 `points` 后面是数字");
  EXPECT_EQ(p->result.scheme.indicators.size(), 1u);  // the item is kept, partial
}

TEST(SchemeErrors, MissingNumberAfterCommentedLine) {
  auto p = parse(std::string(kHeader) + "indicator A {\n  points # how many?\n    x\n}\n");
  EXPECT_EQ(p->errors(), Errors{"4:5: expected a number after `points`"});
}

TEST(SchemeErrors, UnknownScoreModeListsTheValidWords) {
  auto p = parse(std::string(kHeader) + "indicator A {\n  score ranking\n}\n");
  EXPECT_EQ(p->errors(), Errors{"3:9: unknown score mode `ranking`; expected one of: threshold, "
                                "rank, deduction, veto, bonus"});
  EXPECT_EQ(p->result.diagnostics[0].message.in(Lang::zh),
            "未知的计分方式 `ranking`；应为以下之一：threshold, rank, deduction, veto, bonus");
}

TEST(SchemeErrors, MisspeltEnumWordGetsASuggestion) {
  auto p = parse(std::string(kHeader) + "indicator A {\n  score threshhold\n}\n");
  EXPECT_EQ(p->errors(), Errors{"3:9: unknown score mode `threshhold` (did you mean `threshold`?); expected one of: "
                                "threshold, rank, deduction, veto, bonus"});
}

TEST(SchemeErrors, UnknownEnumWordsEverywhere) {
  auto p = parse(std::string(kHeader) +
                 "department D kind boss\n"
                 "indicator A { report hourly evidence ledger, selfie penalty last -> shame }\n"
                 "inspection I by D weekly kind surprise\n");
  EXPECT_EQ(p->errors(),
            (Errors{"2:19: unknown department kind `boss`; expected one of: office, line, "
                    "assessment, supervision, efficiency, third_party",
                    "3:22: unknown report frequency `hourly`; expected one of: daily, weekly, "
                    "monthly, quarterly, semiannual, yearly, adhoc",
                    "3:46: unknown evidence kind `selfie`; expected one of: ledger, photo, "
                    "materials, minutes, system_entry",
                    "3:69: unknown penalty action `shame`; expected one of: interview, statement, "
                    "notice, veto, deduct, disqualify, accountability",
                    "4:19: unknown inspection frequency `weekly`; expected one of: annual, "
                    "semiannual, quarterly, monthly, spot",
                    "4:31: unknown inspection kind `surprise`; expected one of: regular, third_party"}));
}

TEST(SchemeErrors, UnterminatedString) {
  auto p = parse("scheme \"S {\n  year 2025\n}\ndepartment D kind line\n");
  EXPECT_EQ(p->errors(),
            Errors{"1:8: unterminated string: the closing `\"` is missing on this line"});
  EXPECT_EQ(p->text(p->result.diagnostics[0].span), "\"S {");
  EXPECT_EQ(p->result.scheme.departments.size(), 1u);  // recovered at `department`
}

TEST(SchemeErrors, BadEscape) {
  auto p = parse("scheme \"a\\tb\" { }\n");
  EXPECT_EQ(p->errors(), Errors{"1:10: unknown escape `\\t` in a string"});
}

TEST(SchemeErrors, GarbageBetweenItemsRecoversAndReportsEach) {
  auto p = parse(std::string(kHeader) +
                 "department 两办 kind office\n"
                 "这是一段说明文字\n"
                 "department 考核办 kind assessment\n"
                 "indicator A {\n  points x\n  owner 两办\n}\n"
                 "@@@ ???\n"
                 "indicator B {\n  points 5\n  score rank top\n  owner 考核办\n}\n"
                 "inspection I by 两办\n"
                 "penalty overall bottom -> notice\n"
                 "department 末尾 kind line\n");
  EXPECT_EQ(p->errors(),
            (Errors{"3:1: expected a top-level item (`scheme`, `department`, `group`, `indicator`, "
                    "`inspection` or `penalty overall`), found `这是一段说明文字`",
                    "6:10: expected a number after `points`",
                    "9:1: expected a top-level item (`scheme`, `department`, `group`, `indicator`, "
                    "`inspection` or `penalty overall`), found `@`",
                    "13:3: expected a number after `top`",
                    "16:1: expected a frequency (annual, semiannual, quarterly, monthly, spot) after "
                    "`两办`",
                    "16:24: expected a number or a percentage such as `10%` after `bottom`"}));
  const Scheme& s = p->result.scheme;
  EXPECT_EQ(s.departments.size(), 3u);
  ASSERT_EQ(s.indicators.size(), 2u);
  EXPECT_EQ(s.indicators[0].owner.text, "两办");  // statements after the error still count
  EXPECT_EQ(s.indicators[1].owner.text, "考核办");
  EXPECT_EQ(s.departments[2].id.text, "末尾");
}

TEST(SchemeErrors, RecoveryInsideAGroupContinuesAtTheNextIndicator) {
  auto p = parse(std::string(kHeader) +
                 "group G {\n"
                 "  indicator A {\n    points ?\n    score rank\n  }\n"
                 "  indicator 2B { points 1 }\n"
                 "  indicator C { points 3 }\n"
                 "}\n");
  EXPECT_EQ(p->errors(), (Errors{"4:12: expected a number after `points`",
                                 "7:13: expected a name after `indicator`"}));
  const Scheme& s = p->result.scheme;
  ASSERT_EQ(s.indicators.size(), 2u);
  EXPECT_EQ(s.indicators[0].score.mode, ScoreMode::rank);
  EXPECT_EQ(s.indicators[1].id.text, "C");
  EXPECT_EQ(s.indicators[1].group, "G");
  ASSERT_EQ(s.groups.size(), 1u);
}

TEST(SchemeErrors, CrLfPositionsAndABrokenGroupHeader) {
  auto p = parse("scheme \"S\" { units 3 }\r\n"
                 "group G points x {\r\n  indicator A { points 1 }\r\n}\r\n"
                 "indicator B {\r\n  points\r\n}\r\n");
  // The broken group is skipped whole: its `}` and indicator raise nothing more.
  EXPECT_EQ(p->errors(), (Errors{"2:16: expected a number after `points`",
                                 "7:1: expected a number after `points`"}));
  ASSERT_EQ(p->result.scheme.indicators.size(), 1u);
  EXPECT_EQ(p->result.scheme.indicators[0].id.text, "B");
}

TEST(SchemeErrors, MissingClosingBrace) {
  auto p = parse(std::string(kHeader) + "indicator A {\n  points 1\nindicator B { points 2 }\n");
  EXPECT_EQ(p->errors(), Errors{"4:1: expected `}` to close indicator `A` before `indicator`"});
  EXPECT_EQ(p->result.scheme.indicators.size(), 2u);
  auto q = parse(std::string(kHeader) + "group G {\n  indicator A { points 1 }\n");
  EXPECT_EQ(q->errors(), Errors{"4:1: expected `}` to close group `G` before the end of the file"});
}

TEST(SchemeErrors, DuplicateStatementAndSecondHeader) {
  auto p = parse(std::string(kHeader) + "indicator A { points 1 points 2 }\nscheme \"T\" { }\n");
  EXPECT_EQ(p->errors(), (Errors{"2:24: `points` is given twice in indicator `A`",
                                 "3:1: a second `scheme` header; a file holds one scheme"}));
  EXPECT_EQ(p->result.scheme.indicators[0].points, 2);
  EXPECT_EQ(p->result.scheme.info.name, "S");
}

TEST(SchemeErrors, ActionAmounts) {
  auto p = parse(std::string(kHeader) + "indicator A { penalty last -> deduct, notice 3 }\n");
  EXPECT_EQ(p->errors(), (Errors{"2:37: expected a number after `deduct`",
                                 "2:46: `notice` takes no number"}));
}

TEST(SchemeErrors, PercentOnlyAfterBottom) {
  auto p = parse(std::string(kHeader) + "indicator A { points 10% }\n");
  // The literal scanner names the percent (dsl/literal_scan.hpp); same column as before.
  EXPECT_EQ(p->errors(), Errors{"2:22: a percentage is not allowed here"});
}

TEST(SchemeErrors, EmptyFileAndNoHeader) {
  auto empty = parse("");
  EXPECT_EQ(empty->errors(), Errors{"1:1: the file has no `scheme` header"});
  EXPECT_FALSE(empty->result.ok);
  auto comments = parse("# only a comment\n\n");
  EXPECT_FALSE(comments->result.ok);
  auto headless = parse("department D kind line\n");
  EXPECT_EQ(headless->errors(), Errors{"1:1: the file has no `scheme` header"});
  EXPECT_TRUE(headless->result.ok);
  EXPECT_EQ(headless->result.scheme.departments.size(), 1u);
}

TEST(SchemeErrors, ErrorsAreCapped) {
  Limits limits;
  limits.max_syntax_errors = 3;
  std::string text(kHeader);
  for (int i = 0; i < 10; ++i) text += "department 1\n";
  auto p = parse(text, limits);
  ASSERT_EQ(p->result.diagnostics.size(), 4u);
  EXPECT_EQ(p->result.diagnostics[2].message.in(Lang::en), "expected a name after `department`");
  EXPECT_EQ(p->result.diagnostics[3].message.in(Lang::en), "too many syntax errors; stopped after 3");
}

// ---- hostile input ----

TEST(SchemeLimits, HundredThousandBracesDoNotRecurse) {
  for (char c : {'{', '[', '}', '('}) {
    auto p = parse(std::string(kHeader) + std::string(100000, c));
    EXPECT_FALSE(p->result.diagnostics.empty());
    EXPECT_LE(p->result.diagnostics.size(), Limits{}.max_syntax_errors + 1u);
  }
  auto p = parse(std::string(kHeader) + "indicator A " + std::string(100000, '{'));
  const std::string e = p->errors().at(0);
  EXPECT_TRUE(e.starts_with("2:14: expected an indicator statement (`owner`, `points`, `key`, `score`, ")) << e;
  EXPECT_TRUE(e.ends_with("`) or `}`, found `{`")) << e;
  // The list is the field table's: every keyword of an indicator or its
  // wording is named, a text field added to the table included.
  for (Part part : {Part::indicator, Part::wording})
    for (const ModelField& f : model_fields(part))
      if (!f.assess.empty()) {
        std::string quoted = "`";  // appended piece by piece: GCC 12's -Wrestrict false positive (CMakeLists.txt)
        quoted += f.assess;
        quoted += '`';
        EXPECT_NE(e.find(quoted), std::string::npos) << f.assess;
      }
}

TEST(SchemeLimits, LongIdentifierAndString) {
  std::string id(100000, 'a');
  auto p = parse(std::string(kHeader) + "department " + id + " \"" + std::string(70000, 'x') +
                 "\"\n");
  EXPECT_EQ(p->errors(), (Errors{"2:12: name is 100000 bytes long, above the limit of 1024 bytes",
                                 "2:100013: text is 70000 bytes long, above the limit of 65536 bytes"}));
}

TEST(SchemeLimits, TenMegabyteSchemeParses) {
  std::string text = "scheme \"大\" { year 2025 total 1000 units 甲, 乙, 丙 }\n";
  int n = 0;
  while (text.size() < (10u << 20)) {
    text += "indicator 指标" + std::to_string(n++) +
            " \"显示名称\" {\n  owner 两办\n  points 1.5\n  score rank top 30 step 2\n"
            "  report monthly forms 2\n  evidence ledger, photo\n"
            "  deduct 0.5 per late_report cap 5\n  penalty bottom 3 -> interview, statement\n}\n";
  }
  auto start = std::chrono::steady_clock::now();
  auto p = parse(std::move(text));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(p->result.diagnostics.size(), 0u);
  EXPECT_EQ(p->result.scheme.indicators.size(), static_cast<size_t>(n));
  EXPECT_LT(secs, 10.0);  // a hang guard, not a benchmark
}

}  // namespace
}  // namespace jf
