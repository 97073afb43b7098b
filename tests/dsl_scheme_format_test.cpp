// The canonical layout (dsl/scheme_format.hpp): idempotent on every shipped
// scheme, comments kept where they were, files that do not parse refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "dsl/comments.hpp"
#include "dsl/scheme_format.hpp"
#include "dsl/scheme_loader.hpp"
#include "dsl/scheme_writer.hpp"
#include "tests/cli_test_util.hpp"

namespace jf {
namespace {

namespace fs = std::filesystem;
using testing::slurp;

FormatResult format_text(const std::string& name, const std::string& text) {
  SourceSet sources;
  uint32_t id = sources.add(name, text);
  return format_scheme(sources, id, Limits{});
}

std::string why(const FormatResult& r) {
  if (!r.syntax_errors.empty()) return r.syntax_errors[0].message.in(Lang::en);
  return r.refused.in(Lang::en);
}

std::vector<fs::path> scheme_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    auto ext = e.path().extension();
    if (ext == ".assess" || ext == ".yaml" || ext == ".yml") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  if (out.empty()) ADD_FAILURE() << dir << " holds no schemes: the loop over them would pass unseen";
  return out;
}

TEST(SchemeFormat, EveryExampleFormatsAndFormattingAgainChangesNothing) {
  auto files = scheme_files(JIANFU_SOURCE_DIR "/examples");
  ASSERT_FALSE(files.empty()) << "no scheme in examples/";
  for (const fs::path& p : files) {
    FormatResult once = format_text(p.string(), slurp(p));
    ASSERT_TRUE(once.ok()) << p << ": " << why(once);
    FormatResult twice = format_text(p.string(), once.text);
    ASSERT_TRUE(twice.ok()) << p << ": " << why(twice);
    EXPECT_EQ(twice.text, once.text) << p;
  }
}

// `convert` writes the same text: a formatted file taken to the other syntax
// and back, comments and all, is the formatted file again.
std::string convert(const std::string& name, const std::string& text, bool to_yaml) {
  SourceSet sources;
  uint32_t id = sources.add(name, text);
  LoadResult r = load_scheme(sources, id, Limits{});
  EXPECT_TRUE(r.diagnostics.empty()) << name;
  CommentMap comments = collect_comments(sources[id], r.scheme, !to_yaml);
  return to_yaml ? write_yaml(r.scheme, &comments) : write_assess(r.scheme, &comments).text;
}

TEST(SchemeFormat, ExamplesAreStableUnderConvertRoundTrips) {
  auto files = scheme_files(JIANFU_SOURCE_DIR "/examples");
  ASSERT_FALSE(files.empty());
  for (const fs::path& p : files) {
    const bool yaml = p.extension() != ".assess";
    std::string formatted = format_text(p.string(), slurp(p)).text;
    std::string other = convert(yaml ? "f.yaml" : "f.assess", formatted, !yaml);
    EXPECT_EQ(convert(yaml ? "o.assess" : "o.yaml", other, yaml), formatted) << p;
  }
}

TEST(SchemeFormat, RuleFixturesAreIdempotentWhenTheyParse) {
  auto files = scheme_files(JIANFU_SOURCE_DIR "/rules/fixtures");
  ASSERT_FALSE(files.empty());
  size_t formatted = 0;
  for (const fs::path& p : files) {
    FormatResult once = format_text(p.string(), slurp(p));
    if (!once.syntax_errors.empty()) continue;  // JF001 fixtures
    ASSERT_TRUE(once.ok()) << p << ": " << why(once);
    EXPECT_EQ(format_text(p.string(), once.text).text, once.text) << p;
    ++formatted;
  }
  EXPECT_GT(formatted, files.size() / 2);
}

TEST(SchemeFormat, AssessLayoutKeepsEveryCommentAtItsElement) {
  const std::string messy =
      "# 方案说明：首行注释\n"
      "scheme   \"s\"{ year 2025\n"
      "  total 100   # 百分制\n"
      "units 甲,乙 }\n"
      "department 两办 kind office\n"
      "department   农业农村局    \"县农业农村局\"   kind line\n"
      "\n\n"
      "# jianfu: allow JF102 -- 省定指标，2026 年前保留\n"
      "indicator a \"甲\" { owner 两办 points 50\n"
      "      score rank    # 排名\n"
      "  penalty bottom 1 -> interview  # jianfu: allow JF103 -- 同上\n"
      "}\n"
      "# 文末注释\n";
  const std::string want =
      "# 方案说明：首行注释\n"
      "scheme \"s\" {\n"
      "  year 2025\n"
      "  total 100  # 百分制\n"
      "  units 甲, 乙\n"
      "}\n"
      "\n"
      "department 两办                      kind office\n"
      "department 农业农村局 \"县农业农村局\" kind line\n"
      "\n"
      "# jianfu: allow JF102 -- 省定指标，2026 年前保留\n"
      "indicator a \"甲\" {\n"
      "  owner 两办\n"
      "  points 50\n"
      "  score rank  # 排名\n"
      "  penalty bottom 1 -> interview  # jianfu: allow JF103 -- 同上\n"
      "}\n"
      "\n"
      "# 文末注释\n";
  FormatResult r = format_text("s.assess", messy);
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, want);
  EXPECT_EQ(format_text("s.assess", r.text).text, want);
}

TEST(SchemeFormat, CommentsOnAnIndicatorsWordingStayThere) {
  const std::string assess =
      "scheme \"s\" {\n"
      "}\n"
      "\n"
      "indicator a {\n"
      "  score rank\n"
      "  # 原文\n"
      "  content \"考核内容\"  # 照录\n"
      "  from \"细则.csv row 4\"  # 来源\n"
      "}\n";
  FormatResult r = format_text("s.assess", assess);
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, assess);
  const std::string yaml =
      "scheme:\n"
      "  name: s\n"
      "\n"
      "indicators:\n"
      "  - id: a\n"
      "    score: {mode: rank}\n"
      "    wording:\n"
      "      content: 考核内容  # 照录\n"
      "      # 来源\n"
      "      from: 细则.csv row 4\n";
  r = format_text("s.yaml", yaml);
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, yaml);
}

TEST(SchemeFormat, CommentsOfAnIdUsedTwiceStayWithTheirCopy) {
  const std::string text =
      "scheme \"s\" {\n  units 2\n}\n"
      "\n"
      "# 第一个\n"
      "indicator a {\n  score threshold\n}\n"
      "\n"
      "indicator a {  # 重复的编号\n  score rank\n}\n";
  FormatResult r = format_text("s.assess", text);
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, text);
}

TEST(SchemeFormat, YamlLayoutKeepsComments) {
  const std::string messy =
      "scheme: {name: s, year: 2025}   # 年度\n"
      "indicators:\n"
      "    - id: a\n"
      "      # jianfu: allow JF102 -- 省定\n"
      "      score:   {mode: rank}\n";
  const std::string want =
      "scheme:\n"
      "  name: s\n"
      "  year: 2025  # 年度\n"  // after the last element its line starts
      "\n"
      "indicators:\n"
      "  - id: a\n"
      "    # jianfu: allow JF102 -- 省定\n"
      "    score: {mode: rank}\n";
  FormatResult r = format_text("s.yaml", messy);
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, want);
  EXPECT_EQ(format_text("s.yaml", r.text).text, want);
}

TEST(SchemeFormat, KeepsTheByteOrderMarkAndWindowsLineEnds) {
  FormatResult r = format_text("s.assess", "\xEF\xBB\xBFscheme \"s\" { year 2025 }\r\n# 注\r\n");
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, "\xEF\xBB\xBFscheme \"s\" {\r\n  year 2025\r\n}\r\n\r\n# 注\r\n");
}

TEST(SchemeFormat, RefusesAFileThatDoesNotParse) {
  FormatResult r = format_text("s.assess", "scheme \"s\" {\n  year\n}\n");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.text.empty());
  ASSERT_FALSE(r.syntax_errors.empty());
  EXPECT_EQ(r.syntax_errors[0].rule, "JF001");
}

TEST(SchemeFormat, RefusesALayoutThatWouldReadAsAnotherScheme) {
  // The writer puts a group's indicators in one block: b would move after c.
  FormatResult r = format_text("s.assess",
                               "scheme \"s\" {\n  units 2\n}\n"
                               "group A {\n  indicator a {\n    score rank\n  }\n}\n"
                               "group B {\n  indicator b {\n    score rank\n  }\n}\n"
                               "group A {\n  indicator c {\n    score rank\n  }\n}\n");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.text.empty());
  EXPECT_TRUE(r.syntax_errors.empty());
  EXPECT_NE(r.refused.in(Lang::en).find("would read as a different scheme"), std::string::npos) << r.refused.in(Lang::en);
}

TEST(SchemeFormat, RefusesTables) {
  FormatResult r = format_text("t.csv", "考核内容,分值\n");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.refused.in(Lang::en).find("jianfu import"), std::string::npos) << r.refused.in(Lang::en);
  EXPECT_NE(r.refused.in(Lang::zh).find("jianfu import"), std::string::npos) << r.refused.in(Lang::zh);
}

}  // namespace
}  // namespace jf
