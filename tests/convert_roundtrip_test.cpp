// `jianfu convert`: every example survives writing in either syntax and reading
// back as an equal model; the writers quote, escape and refuse correctly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dsl/scheme_loader.hpp"
#include "dsl/scheme_writer.hpp"

// Model literals below leave spans out on purpose: spans never compare.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace jf {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Loads `text` as file `name` (the extension picks the syntax).
LoadResult load_text(SourceSet& sources, std::string name, std::string text) {
  uint32_t id = sources.add(std::move(name), std::move(text));
  return load_scheme(sources, id, Limits{});
}

std::string first_message(const LoadResult& r) {
  return r.diagnostics.empty() ? "" : r.diagnostics[0].message.in(Lang::en);
}

void expect_yaml_roundtrip(const Scheme& original, const std::string& label) {
  SourceSet sources;
  std::string yaml = write_yaml(original);
  LoadResult back = load_text(sources, "out.yaml", yaml);
  EXPECT_TRUE(back.diagnostics.empty()) << label << ": " << first_message(back) << "\n" << yaml;
  EXPECT_TRUE(back.scheme == original) << label << "\n" << yaml;
}

std::vector<fs::path> examples(std::string_view ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(JIANFU_SOURCE_DIR "/examples"))
    if (e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  if (out.empty()) ADD_FAILURE() << "examples/ holds no " << ext << " files: the loop over them would pass unseen";
  return out;
}

TEST(ConvertRoundtrip, YamlExamplesToYaml) {
  auto files = examples(".yaml");
  ASSERT_FALSE(files.empty());
  for (const fs::path& p : files) {
    SourceSet sources;
    LoadResult r = load_text(sources, p.string(), read_file(p));
    ASSERT_TRUE(r.diagnostics.empty()) << p << ": " << first_message(r);
    expect_yaml_roundtrip(r.scheme, p.filename().string());
  }
}

void expect_assess_roundtrip(const Scheme& original, const std::string& label) {
  SourceSet sources;
  AssessText text = write_assess(original);
  ASSERT_TRUE(text.ok()) << label << ": " << text.error.in(Lang::en);
  LoadResult back = load_text(sources, "out.assess", text.text);
  EXPECT_TRUE(back.diagnostics.empty()) << label << ": " << first_message(back) << "\n" << text.text;
  EXPECT_TRUE(back.scheme == original) << label << "\n" << text.text;
}

TEST(ConvertRoundtrip, YamlExamplesToAssess) {
  for (const fs::path& p : examples(".yaml")) {
    SourceSet sources;
    LoadResult r = load_text(sources, p.string(), read_file(p));
    ASSERT_TRUE(r.diagnostics.empty()) << p << ": " << first_message(r);
    expect_assess_roundtrip(r.scheme, p.filename().string());
  }
}

TEST(ConvertRoundtrip, AssessExamplesToBothSyntaxes) {
  auto files = examples(".assess");
  ASSERT_GE(files.size(), 3u);
  for (const fs::path& p : files) {
    SourceSet sources;
    LoadResult r = load_text(sources, p.string(), read_file(p));
    ASSERT_TRUE(r.ok) << p << ": " << first_message(r);
    expect_assess_roundtrip(r.scheme, p.filename().string());
    expect_yaml_roundtrip(r.scheme, p.filename().string());
  }
}

Department dept(std::string id, std::string display, std::optional<DeptKind> kind) {
  Department d;
  d.id.text = std::move(id);
  d.display = std::move(display);
  d.kind = kind;
  return d;
}

Scheme tricky_scheme() {
  Scheme s;
  s.info.name = "a \"quoted\" name: with # and \\ and\nnewline";
  s.info.year = 2025;
  s.info.total = 100.5;
  s.info.units = {{"true"}, {"123"}, {" 前后空格 "}, {"-dash"}, {"甲镇"}};
  s.departments.push_back(dept("两办", "县委办、县政府办", DeptKind::office));
  s.departments.push_back(dept("null", "", std::nullopt));
  s.groups.push_back({{"乙组"}, 40, {}, {}});
  s.groups.push_back({{"甲组"}, std::nullopt, {}, {}});
  Indicator i;
  i.id = {"指标一"};
  i.display = "[brackets], {braces}";
  i.group = "乙组";
  i.owner = {"两办"};
  i.points = 0.25;
  i.key = true;
  i.score.mode = ScoreMode::rank;
  i.score.target_text = "90";
  i.score.top = 30;
  i.score.step = 1.5;
  i.score.lower_better = true;
  i.score.ties = "并列取平均: 见附件";
  i.report = Reporting{Frequency::adhoc, 2, 6, {}};
  i.evidence = {{EvidenceKind::ledger, {}}, {EvidenceKind::system_entry, {}}};
  i.deductions.push_back({0.5, "late_report", 5, {}});
  i.penalties.push_back({{TriggerKind::bottom_percent, 10, {}},
                         {{ActionKind::interview, 0, {}}, {ActionKind::deduct, 2.5, {}}},
                         {}});
  i.proves = {{"指标二"}};
  // The kept wording: quotes, a backslash, line breaks and a colon in each field.
  i.wording.content = "完成“三清一改”: 村庄清洁\n（重点工作）";
  i.wording.standard = "按要求填写日志，得3分；迟报扣0.1分。\n\"扣完为止\" \\ 见附件";
  i.wording.method = "查阅台帐: 每月报送";
  i.wording.from = "细则.csv row 4";
  s.indicators.push_back(i);
  Indicator j;
  j.id = {"指标二"};
  j.group = "甲组";
  j.score.mode = ScoreMode::threshold;
  j.score.target_number = 95;
  s.indicators.push_back(j);
  s.inspections.push_back({{"暗访"}, {"两办"}, InspectionFrequency::spot, 3, InspectionKind::third_party, {}});
  s.overall_penalties.push_back({{TriggerKind::below, 60, {}}, {{ActionKind::notice, 0, {}}}, {}});
  s.overall_penalties.push_back({{TriggerKind::last, 0, {}}, {{ActionKind::veto, 0, {}}}, {}});
  return s;
}

TEST(ConvertRoundtrip, TrickyTextsSurviveBothSyntaxes) {
  Scheme s = tricky_scheme();
  expect_yaml_roundtrip(s, "tricky");
  // `.assess` units and department ids must be identifiers.
  s.info.units = {{"甲镇"}, {"乙镇"}};
  s.departments[1].id = {"办公室"};
  expect_assess_roundtrip(s, "tricky");
}

TEST(ConvertRoundtrip, YamlQuotesWhatYamlWouldMisread) {
  Scheme s = tricky_scheme();
  std::string yaml = write_yaml(s);
  EXPECT_NE(yaml.find("units: [\"true\", \"123\", \" 前后空格 \", \"-dash\", 甲镇]"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("name: \"a \\\"quoted\\\" name: with # and \\\\ and\\nnewline\""), std::string::npos);
  EXPECT_NE(yaml.find("target: \"90\""), std::string::npos);  // text, not the number 90
  EXPECT_NE(yaml.find("{id: 两办, name: 县委办、县政府办, kind: office}"), std::string::npos);
  EXPECT_NE(yaml.find("groups:\n  - {id: 乙组, points: 40}\n  - {id: 甲组}\n"), std::string::npos);
}

TEST(ConvertRoundtrip, WordingIsWrittenInBothSyntaxes) {
  Scheme s = tricky_scheme();
  s.info.units = {{"甲镇"}, {"乙镇"}};
  s.departments[1].id = {"办公室"};
  std::string yaml = write_yaml(s);
  EXPECT_NE(yaml.find("    wording:\n      content: "), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("      from: 细则.csv row 4\n"), std::string::npos) << yaml;
  std::string assess = write_assess(s).text;
  EXPECT_NE(assess.find("  standard \"按要求填写日志，得3分；迟报扣0.1分。\\n"), std::string::npos) << assess;
  EXPECT_NE(assess.find("  from \"细则.csv row 4\"\n"), std::string::npos) << assess;
  // An indicator with no wording writes none.
  EXPECT_EQ(yaml.find("wording", yaml.find("id: 指标二")), std::string::npos);
}

TEST(ConvertRoundtrip, YamlOmitsImplicitGroups) {
  Scheme s;
  s.info.name = "x";
  Indicator i;
  i.id = {"a"};
  i.group = "g";
  s.indicators.push_back(i);
  s.groups.push_back({{"g"}, std::nullopt, {}, {}});
  std::string yaml = write_yaml(s);
  EXPECT_EQ(yaml,
            "scheme:\n  name: x\n\nindicators:\n  - id: a\n    group: g\n    score: {mode: threshold}\n");
  expect_yaml_roundtrip(s, "implicit groups");
}

TEST(ConvertRoundtrip, AssessIdentifiers) {
  EXPECT_TRUE(is_assess_identifier("秸秆禁烧"));
  EXPECT_TRUE(is_assess_identifier("late_report2"));
  EXPECT_TRUE(is_assess_identifier("_x"));
  EXPECT_FALSE(is_assess_identifier("2号"));
  EXPECT_FALSE(is_assess_identifier("县委办、县政府办"));
  EXPECT_FALSE(is_assess_identifier("a b"));
  EXPECT_FALSE(is_assess_identifier(""));
}

TEST(ConvertRoundtrip, AssessRefusesAnIdThatIsNotAnIdentifier) {
  Scheme s;
  s.info.name = "x";
  s.departments.push_back(dept("县委办、县政府办", "", DeptKind::office));
  AssessText out = write_assess(s);
  EXPECT_FALSE(out.ok());
  EXPECT_EQ(out.error.in(Lang::en),
            "cannot write department `县委办、县政府办` in .assess: an identifier is letters, digits and "
            "`_`, not starting with a digit");
  EXPECT_EQ(out.error.in(Lang::zh),
            "无法以 .assess 写出部门 `县委办、县政府办`：标识符只能由字母、数字和 `_` 组成，且不能以数字开头");
}

TEST(ConvertRoundtrip, AssessTextIsAligned) {
  Scheme s;
  s.info.name = "青山县";
  s.info.year = 2025;
  s.info.units = {{"甲镇"}, {"乙乡"}};
  s.departments.push_back(dept("两办", "县委办、县政府办", DeptKind::office));
  s.departments.push_back(dept("生态环境局", "县生态环境局", DeptKind::line));
  s.groups.push_back({{"生态环保"}, 40, {}, {}});
  Indicator i;
  i.id = {"秸秆禁烧"};
  i.group = "生态环保";
  i.owner = {"生态环境局"};
  i.points = 30;
  i.key = true;
  i.score.mode = ScoreMode::rank;
  i.score.top = 30;
  i.score.step = 2;
  i.report = Reporting{Frequency::monthly, 2, std::nullopt, {}};
  i.evidence = {{EvidenceKind::ledger, {}}, {EvidenceKind::photo, {}}};
  i.deductions.push_back({0.5, "late_report", 5, {}});
  i.penalties.push_back({{TriggerKind::bottom, 3, {}}, {{ActionKind::interview, 0, {}}}, {}});
  s.indicators.push_back(i);
  Indicator top;
  top.id = {"减负成效"};
  top.display = "基层\"减负\"成效";
  top.proves = {{"秸秆禁烧"}};
  s.indicators.push_back(top);
  s.inspections.push_back({{"年终考核"}, {"两办"}, InspectionFrequency::annual, std::nullopt,
                           InspectionKind::regular, {}});
  s.inspections.push_back({{"暗访"}, {"生态环境局"}, InspectionFrequency::spot, 3,
                           InspectionKind::third_party, {}});
  s.overall_penalties.push_back({{TriggerKind::bottom_percent, 10, {}},
                                 {{ActionKind::interview, 0, {}}, {ActionKind::deduct, 5, {}}},
                                 {}});
  AssessText out = write_assess(s);
  ASSERT_TRUE(out.ok()) << out.error.in(Lang::en);
  EXPECT_EQ(out.text,
            "scheme \"青山县\" {\n"
            "  year 2025\n"
            "  units 甲镇, 乙乡\n"
            "}\n"
            "\n"
            "department 两办       \"县委办、县政府办\" kind office\n"
            "department 生态环境局 \"县生态环境局\"     kind line\n"
            "\n"
            "group 生态环保 points 40 {\n"
            "  indicator 秸秆禁烧 {\n"
            "    owner 生态环境局\n"
            "    points 30\n"
            "    key\n"
            "    score rank top 30 step 2\n"
            "    report monthly forms 2\n"
            "    evidence ledger, photo\n"
            "    deduct 0.5 per late_report cap 5\n"
            "    penalty bottom 3 -> interview\n"
            "  }\n"
            "}\n"
            "\n"
            "indicator 减负成效 \"基层\\\"减负\\\"成效\" {\n"
            "  score threshold\n"
            "  proves 秸秆禁烧\n"
            "}\n"
            "\n"
            "inspection 年终考核 by 两办       annual\n"
            "inspection 暗访     by 生态环境局 spot times 3 kind third_party\n"
            "\n"
            "penalty overall bottom 10% -> interview, deduct 5\n");
}

}  // namespace
}  // namespace jf

namespace jf {
namespace {

// An item several departments share (`县委办、县政府办` in a table): both
// syntaxes name all of them, read them back, and keep one owner as before.
TEST(ConvertRoundtrip, SeveralOwnersInBothSyntaxes) {
  const std::string assess =
      "scheme \"s\" {\n  total 10\n}\n\n"
      "department 县委办\ndepartment 县政府办\ndepartment 督查室\n\n"
      "indicator 督查落实 {\n  owner 县委办, 县政府办, 督查室\n  points 10\n  score threshold\n}\n";
  SourceSet sources;
  LoadResult r = load_text(sources, "s.assess", assess);
  ASSERT_TRUE(r.diagnostics.empty()) << first_message(r);
  const Indicator& i = r.scheme.indicators.at(0);
  EXPECT_EQ(i.owner.text, "县委办");
  ASSERT_EQ(i.co_owners.size(), 2u);
  EXPECT_EQ(i.co_owners[0].text, "县政府办");
  EXPECT_EQ(i.co_owners[1].text, "督查室");
  EXPECT_NE(write_yaml(r.scheme).find("    owner: [县委办, 县政府办, 督查室]\n"), std::string::npos) << write_yaml(r.scheme);
  EXPECT_NE(write_assess(r.scheme).text.find("  owner 县委办, 县政府办, 督查室\n"), std::string::npos);
  expect_yaml_roundtrip(r.scheme, "several owners");
  expect_assess_roundtrip(r.scheme, "several owners");

  // One owner is written as before: a name, not a list of one.
  Scheme one = r.scheme;
  one.indicators[0].co_owners.clear();
  EXPECT_NE(write_yaml(one).find("    owner: 县委办\n"), std::string::npos) << write_yaml(one);
  EXPECT_NE(write_assess(one).text.find("  owner 县委办\n"), std::string::npos);
}

TEST(ConvertRoundtrip, AnOwnerNamedTwiceIsAnError) {
  SourceSet sources;
  LoadResult a = load_text(sources, "s.assess",
                           "scheme \"s\" {\n}\ndepartment a\nindicator x {\n  owner a, a\n  score threshold\n}\n");
  ASSERT_EQ(a.diagnostics.size(), 1u);
  EXPECT_EQ(a.diagnostics[0].message.in(Lang::en), "`a` is named twice in `owner`");
  LoadResult y = load_text(sources, "s.yaml",
                           "scheme: {name: s}\ndepartments: [{id: a}]\n"
                           "indicators:\n  - {id: x, owner: [a, a], score: {mode: threshold}}\n");
  ASSERT_EQ(y.diagnostics.size(), 1u) << first_message(y);
  EXPECT_EQ(y.diagnostics[0].message.in(Lang::en), "`a` is named twice in `owner`");
  EXPECT_EQ(y.scheme.indicators.at(0).owner.text, "a");
  EXPECT_TRUE(y.scheme.indicators.at(0).co_owners.empty());
}

}  // namespace
}  // namespace jf
