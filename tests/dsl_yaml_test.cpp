// The YAML form of schemes: the example loads, every schema problem is a JF001
// at its position, and hostile inputs return promptly.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "dsl/scheme_loader.hpp"

namespace jf {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Loaded {
  SourceSet sources;
  LoadResult result;
  uint32_t file = 0;
  /// "line:col message" for each diagnostic, in English.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : result.diagnostics) {
      LineCol lc = sources[file].locate(d.span.begin);
      out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.column) + " " + d.message.in(Lang::en));
    }
    return out;
  }
  LineCol at(Span s) const { return sources[file].locate(s.begin); }
  std::string_view text(Span s) const {
    return std::string_view(sources[file].text()).substr(s.begin, s.end - s.begin);
  }
};

std::unique_ptr<Loaded> load(std::string text, Limits limits = {}) {
  auto l = std::make_unique<Loaded>();
  l->file = l->sources.add("test.yaml", std::move(text));
  l->result = load_scheme(l->sources, l->file, limits);
  return l;
}

const char* kMinimal = "scheme: {name: 测试}\n";

TEST(YamlLoader, HuaxiExampleLoadsClean) {
  auto l = load(read_file(JIANFU_SOURCE_DIR "/examples/huaxi-2025.yaml"));
  EXPECT_TRUE(l->result.ok);
  EXPECT_TRUE(l->result.diagnostics.empty()) << ::testing::PrintToString(l->messages());
  const Scheme& s = l->result.scheme;
  EXPECT_EQ(s.info.name, "花溪县2025年度乡镇综合考核");
  EXPECT_EQ(s.info.year, 2025);
  EXPECT_EQ(s.info.total, 200);
  ASSERT_EQ(s.info.units.size(), 10u);
  EXPECT_EQ(s.info.units[9].text, "麦坪镇");
  ASSERT_EQ(s.departments.size(), 9u);
  EXPECT_EQ(s.departments[0].display, "县委办、县政府办");
  EXPECT_EQ(s.departments[2].kind, DeptKind::supervision);
  EXPECT_EQ(s.departments[3].display, "");
  ASSERT_EQ(s.indicators.size(), 10u);
  const Indicator& i2 = s.indicators[2];
  EXPECT_EQ(i2.id.text, "人居环境");
  EXPECT_EQ(i2.group, "乡村振兴");
  EXPECT_EQ(i2.owner.text, "农业农村局");
  EXPECT_EQ(i2.points, 18);
  EXPECT_EQ(i2.score.mode, ScoreMode::rank);
  ASSERT_TRUE(i2.report.has_value());
  EXPECT_EQ(i2.report->frequency, Frequency::monthly);
  ASSERT_EQ(i2.evidence.size(), 2u);
  EXPECT_EQ(i2.evidence[1].kind, EvidenceKind::photo);
  ASSERT_EQ(i2.deductions.size(), 1u);
  EXPECT_EQ(i2.deductions[0].event, "late_report");
  ASSERT_EQ(i2.penalties.size(), 1u);
  EXPECT_EQ(i2.penalties[0].trigger.kind, TriggerKind::bottom);
  EXPECT_EQ(i2.penalties[0].trigger.value, 2);
  EXPECT_EQ(i2.penalties[0].actions[0].kind, ActionKind::interview);
  EXPECT_TRUE(s.indicators[0].key);
  EXPECT_EQ(s.indicators[0].score.target_text, "增速不低于全县平均");
  EXPECT_EQ(s.indicators[7].score.mode, ScoreMode::veto);
  ASSERT_EQ(s.inspections.size(), 3u);
  EXPECT_EQ(s.inspections[2].by.text, "督查室");
  EXPECT_EQ(s.inspections[1].frequency, InspectionFrequency::semiannual);
  // Groups are implicit, in order of first use.
  ASSERT_EQ(s.groups.size(), 6u);
  EXPECT_EQ(s.groups[0].id.text, "发展");
  EXPECT_EQ(s.groups[5].id.text, "党建");
  EXPECT_FALSE(s.groups[0].points.has_value());
}

TEST(YamlLoader, SpansLocateLineAndColumnWithAndWithoutBom) {
  std::string text = read_file(JIANFU_SOURCE_DIR "/examples/huaxi-2025.yaml");
  for (std::string prefix : {"", "\xEF\xBB\xBF"}) {
    auto l = load(prefix + text);
    ASSERT_TRUE(l->result.diagnostics.empty());
    const Scheme& s = l->result.scheme;
    // `  - {id: 督查室, name: 县委督查室, kind: supervision}` on line 13.
    const Department& d = s.departments[2];
    EXPECT_EQ(l->at(d.id.span).line, 13u);
    EXPECT_EQ(l->at(d.id.span).column, 10u);
    EXPECT_EQ(l->text(d.id.span), "督查室");
    EXPECT_EQ(l->at(d.kind_span).column, 34u);
    EXPECT_EQ(l->text(d.kind_span), "supervision");
    // `    points: 18` of 人居环境 on line 39.
    const Indicator& i = s.indicators[2];
    EXPECT_EQ(l->at(i.points_span).line, 39u);
    EXPECT_EQ(l->at(i.points_span).column, 13u);
    EXPECT_EQ(l->text(i.points_span), "18");
    EXPECT_EQ(l->at(i.span).line, 36u);
    EXPECT_EQ(l->at(i.span).column, 5u);
    EXPECT_EQ(l->text(s.info.units[0].span), "花溪镇");
    EXPECT_EQ(l->text(i.penalties[0].trigger.span), "bottom 2");
  }
}

TEST(YamlLoader, QuotedScalarSpanCoversTheQuotes) {
  auto l = load("scheme: {name: \"a \\\"b\\\" c\", units: ['x''y', z]}\n");
  ASSERT_TRUE(l->result.diagnostics.empty()) << ::testing::PrintToString(l->messages());
  EXPECT_EQ(l->result.scheme.info.name, "a \"b\" c");
  EXPECT_EQ(l->text(l->result.scheme.info.units[0].span), "'x''y'");
  EXPECT_EQ(l->result.scheme.info.units[0].text, "x'y");
}

TEST(YamlLoader, UnknownKeyWithSuggestion) {
  auto l = load("scheme: {name: x}\ndepartments:\n  - {id: a, nmae: b}\n");
  EXPECT_EQ(l->messages(),
            std::vector<std::string>{"3:13 unknown key `nmae` in department; did you mean `name`?"});
  EXPECT_EQ(l->result.diagnostics[0].message.in(Lang::zh), "部门中有未知的键 `nmae`；是否想写 `name`？");
  EXPECT_EQ(l->result.diagnostics[0].rule, "JF001");
  // The department itself is kept.
  EXPECT_EQ(l->result.scheme.departments.size(), 1u);
}

TEST(YamlLoader, UnknownKeyWithoutSuggestionListsValidKeys) {
  auto l = load("scheme: {name: x}\nfoo: 1\n");
  EXPECT_EQ(l->messages(),
            std::vector<std::string>{"2:1 unknown key `foo` in the document; valid keys: scheme, "
                                     "departments, groups, indicators, inspections, overall_penalties"});
}

TEST(YamlLoader, WrongTypes) {
  auto l = load(
      "scheme: {name: x}\n"
      "indicators:\n"
      "  - id: a\n"
      "    points: [1, 2]\n"
      "    key: maybe\n"
      "    score: {mode: rank, top: \"30\"}\n"
      "    evidence: ledger\n");
  EXPECT_EQ(l->messages(), (std::vector<std::string>{
                               "4:13 `points` must be a number, got a list",
                               "5:10 `key` must be true or false, got `maybe`",
                               "6:30 `top` must be a number, got a string",
                               "7:15 `evidence` must be a list, got `ledger`",
                           }));
  EXPECT_EQ(l->result.diagnostics[0].message.in(Lang::zh), "`points` 必须是数字，实际是列表");
  ASSERT_EQ(l->result.scheme.indicators.size(), 1u);  // the bad fields are skipped
  EXPECT_EQ(l->result.scheme.indicators[0].score.mode, ScoreMode::rank);
}

TEST(YamlLoader, DuplicateKeyNamesTheFirstLine) {
  auto l = load("scheme:\n  name: x\n  year: 2025\n  name: y\n");
  EXPECT_EQ(l->messages(),
            std::vector<std::string>{"4:3 duplicate key `name` in scheme (first at line 2)"});
  EXPECT_EQ(l->result.scheme.info.name, "x");
}

TEST(YamlLoader, MissingRequiredFields) {
  auto l = load(
      "scheme: {year: 2025}\n"
      "departments: [{name: 县委办}]\n"
      "indicators: [{points: 3}]\n"
      "inspections:\n"
      "  - {id: 年终, frequency: annual}\n"
      "  - {id: 季度, by: 考核办}\n");
  EXPECT_EQ(l->messages(), (std::vector<std::string>{
                               "1:9 scheme is missing the required key `name`",
                               "2:15 department is missing the required key `id`",
                               "3:14 indicator is missing the required key `id`",
                               "5:5 inspection is missing the required key `by`",
                               "6:5 inspection is missing the required key `frequency`",
                           }));
  EXPECT_TRUE(l->result.scheme.departments.empty());
  EXPECT_TRUE(l->result.scheme.inspections.empty());
}

TEST(YamlLoader, UnknownEnumWordListsTheValidOnes) {
  auto l = load("scheme: {name: x}\ndepartments: [{id: a, kind: lnie}]\n");
  EXPECT_EQ(l->messages(), std::vector<std::string>{
                               "2:29 unknown kind `lnie` (did you mean `line`?); expected one of: "
                               "office, line, assessment, supervision, efficiency, third_party"});
}

TEST(YamlLoader, PenaltiesTriggersAndActions) {
  auto l = load(
      "scheme: {name: x}\n"
      "overall_penalties:\n"
      "  - {when: bottom 10%, actions: [interview, deduct 5]}\n"
      "  - {when: below 60, actions: [notice]}\n"
      "  - {when: top 3, actions: [notice]}\n"
      "  - {when: last, actions: [deduct, intervew]}\n");
  EXPECT_EQ(l->messages(),
            (std::vector<std::string>{
                "5:12 `when` must be `bottom N`, `bottom N%`, `last` or `below X`, got `top 3`",
                "6:28 `deduct` needs the points, e.g. `deduct 5`, got `deduct`",
                "6:36 unknown action `intervew` (did you mean `interview`?); expected one of: "
                "interview, statement, notice, veto, deduct, disqualify, accountability",
            }));
  const auto& p = l->result.scheme.overall_penalties;
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].trigger.kind, TriggerKind::bottom_percent);
  EXPECT_EQ(p[0].trigger.value, 10);
  EXPECT_EQ(p[0].actions[1].kind, ActionKind::deduct);
  EXPECT_EQ(p[0].actions[1].amount, 5);
  EXPECT_EQ(p[1].trigger.kind, TriggerKind::below);
}

TEST(YamlLoader, UnitsAsCountAndDeclaredGroupsFirst) {
  auto l = load(
      "scheme: {name: x, units: 12}\n"
      "groups: [{id: 乙, points: 40}]\n"
      "indicators:\n"
      "  - {id: a, group: 甲}\n"
      "  - {id: b, group: 乙}\n"
      "  - {id: c, group: 甲}\n");
  ASSERT_TRUE(l->result.diagnostics.empty()) << ::testing::PrintToString(l->messages());
  EXPECT_EQ(l->result.scheme.info.unit_count, 12);
  const auto& g = l->result.scheme.groups;
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].id.text, "乙");
  EXPECT_EQ(g[0].points, 40);
  EXPECT_EQ(g[1].id.text, "甲");
  EXPECT_EQ(l->at(g[1].span).line, 4u);
}

TEST(YamlLoader, SecondDocument) {
  auto l = load("scheme: {name: x}\n---\nscheme: {name: y}\n");
  EXPECT_EQ(l->messages(),
            std::vector<std::string>{"2:1 a second YAML document; a scheme file holds exactly one"});
  EXPECT_EQ(l->result.scheme.info.name, "x");
}

TEST(YamlLoader, EmptyFile) {
  for (const char* text : {"", "# only a comment\n", "\xEF\xBB\xBF"}) {
    auto l = load(text);
    EXPECT_FALSE(l->result.ok);
    EXPECT_EQ(l->messages(), std::vector<std::string>{"1:1 the file holds no YAML document"}) << text;
  }
}

TEST(YamlLoader, TopLevelMustBeAMapping) {
  auto l = load("- a\n- b\n");
  EXPECT_EQ(l->messages(),
            std::vector<std::string>{"1:1 the top level must be a mapping with a `scheme` key, got a list"});
  EXPECT_FALSE(l->result.ok);
}

TEST(YamlLoader, SyntaxErrorAtItsMark) {
  auto l = load("scheme: {name: x\n");
  ASSERT_EQ(l->result.diagnostics.size(), 1u);
  EXPECT_EQ(l->result.diagnostics[0].rule, "JF001");
  EXPECT_EQ(l->result.diagnostics[0].message.in(Lang::en).rfind("YAML syntax error: ", 0), 0u);
  EXPECT_FALSE(l->result.ok);
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(YamlLoader, DeepSequencesStopAtTheDepthLimit) {
  auto l = load(repeat("[", 100000) + repeat("]", 100000));
  EXPECT_EQ(l->messages(), std::vector<std::string>{"1:65 nesting deeper than 64 levels"});
  EXPECT_EQ(l->result.diagnostics[0].message.in(Lang::zh), "嵌套超过 64 层");
}

TEST(YamlLoader, DeepMappingsStopAtTheDepthLimit) {
  auto l = load(repeat("{a: ", 100000) + "1" + repeat("}", 100000));
  EXPECT_EQ(l->messages(), std::vector<std::string>{"1:257 nesting deeper than 64 levels"});
}

TEST(YamlLoader, BillionLaughsIsCutShort) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    text += std::string(1, c) + ": &" + c + " [" + repeat("*" + prev + ", ", 8) + "*" + prev + "]\n";
  }
  text += "scheme: {name: *j}\n";
  auto start = std::chrono::steady_clock::now();
  auto l = load(text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(l->messages(), std::vector<std::string>{
                               "6:8 aliases expand to more than 100000 nodes (a billion-laughs guard)"});
}

TEST(YamlLoader, AliasUsesAreCounted) {
  Limits limits;
  limits.max_yaml_aliases = 3;
  auto l = load("x: &x 1\nscheme: {name: *x}\nunits: [*x, *x, *x]\n", limits);
  EXPECT_EQ(l->messages(), std::vector<std::string>{"3:17 more than 3 alias uses in one document"});
}

TEST(YamlLoader, AliasesToClosedNodesAreShared) {
  auto l = load("scheme: {name: &n 测试, units: [*n, 乙]}\n");
  EXPECT_TRUE(l->result.diagnostics.empty()) << ::testing::PrintToString(l->messages());
  EXPECT_EQ(l->result.scheme.info.units[0].text, "测试");
}

TEST(YamlLoader, SelfAliasIsACycle) {
  auto l = load("root: &a [*a]\n");
  EXPECT_EQ(l->messages(),
            std::vector<std::string>{"1:11 alias `*a` refers to a node that contains it (a cycle)"});
  auto m = load("root: &a {b: {c: *a}}\n");
  EXPECT_EQ(m->messages(),
            std::vector<std::string>{"1:18 alias `*a` refers to a node that contains it (a cycle)"});
}

TEST(YamlLoader, AliasCannotDeepenPastTheLimit) {
  std::string deep = repeat("[", 40) + repeat("]", 40);
  auto l = load("a: &a " + deep + "\nb: " + repeat("[", 30) + "*a" + repeat("]", 30) + "\n");
  EXPECT_EQ(l->messages(), std::vector<std::string>{"2:34 nesting deeper than 64 levels"});
}

// The inputs on which YAML::LoadAll loops forever (jbeder/yaml-cpp#1040).
TEST(YamlLoader, InputsThatHangLoadAllReturnPromptly) {
  auto start = std::chrono::steady_clock::now();
  auto comma = load(",");
  EXPECT_EQ(comma->messages(), std::vector<std::string>{"1:1 YAML syntax error: unexpected `,`"});
  auto tagged = load("!,");
  EXPECT_EQ(tagged->messages(),
            (std::vector<std::string>{"1:2 YAML syntax error: unexpected `,`",
                                      "1:1 the top level must be a mapping with a `scheme` key, got a string"}));
  auto colon = load("scheme: {name: x}\nnote: a multi-line\n  plain value: with a colon\n");
  ASSERT_EQ(colon->result.diagnostics.size(), 1u);
  EXPECT_EQ(colon->messages()[0], "3:14 YAML syntax error: illegal map value");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(YamlLoader, TagsOtherThanCoreOnesAreReported) {
  auto l = load("scheme: {name: !foo x, year: !!int 2025, total: !!str 100}\n");
  EXPECT_EQ(l->messages(), (std::vector<std::string>{
                               "1:21 unsupported tag `!foo`; scheme files use no tags",
                               "1:55 `total` must be a number, got a string",
                           }));
  EXPECT_EQ(l->result.scheme.info.name, "x");
  EXPECT_EQ(l->result.scheme.info.year, 2025);
}

TEST(YamlLoader, ManyErrorsAreCapped) {
  Limits limits;
  limits.max_syntax_errors = 3;
  auto l = load("scheme: {name: x, a: 1, b: 2, c: 3, d: 4, e: 5}\n", limits);
  ASSERT_EQ(l->result.diagnostics.size(), 4u);
  EXPECT_EQ(l->result.diagnostics[3].message.in(Lang::en), "too many errors; stopped after 3");
}

TEST(YamlLoader, MinimalSchemeIsClean) {
  auto l = load(kMinimal);
  EXPECT_TRUE(l->result.ok);
  EXPECT_TRUE(l->result.diagnostics.empty());
  EXPECT_EQ(l->result.scheme.info.name, "测试");
}

}  // namespace
}  // namespace jf
