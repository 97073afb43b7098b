#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/display_width.hpp"
#include "render/render.hpp"

namespace jf {
namespace {

Diagnostic finding(uint32_t file, uint32_t begin, uint32_t end) {
  Diagnostic d;
  d.rule = "JF304";
  d.name = "photo-trail";
  d.category = "proof";
  d.severity = Severity::warning;
  d.span = {file, begin, end};
  d.message = Text{"photo evidence is required", "要求拍照留痕"};
  d.help = Text{"judge the result", "看结果"};
  return d;
}

TEST(DisplayWidth, CjkIsTwoColumns) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("秸秆禁烧"), 8u);
  EXPECT_EQ(display_width("a\tb", 4), 6u);
}

TEST(DisplayWidth, SanitizeEscapesControlsAndBidiOverrides) {
  EXPECT_EQ(sanitize_for_terminal("a\x1b[31mb"), "a\\u{1B}[31mb");
  EXPECT_EQ(sanitize_for_terminal("x\u202Ey"), "x\\u{202E}y");
  EXPECT_EQ(sanitize_for_terminal("a\tb", 2), "a  b");
}

TEST(DisplayWidth, InvalidUtf8IsEscapedByteByByte) {
  // Overlong, surrogate, truncated, past U+10FFFF, stray continuation, C1 control.
  EXPECT_EQ(sanitize_for_terminal("\xC0\xAFx"), "\\xC0\\xAFx");
  EXPECT_EQ(sanitize_for_terminal("\xED\xA0\x80"), "\\xED\\xA0\\x80");
  EXPECT_EQ(sanitize_for_terminal("秸\xE7\xA7"), "秸\\xE7\\xA7");
  EXPECT_EQ(sanitize_for_terminal("\xF4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");
  EXPECT_EQ(sanitize_for_terminal("\x80" "a"), "\\x80a");
  EXPECT_EQ(sanitize_for_terminal("\xC2\x85"), "\\u{85}");
  EXPECT_EQ(sanitize_for_terminal("😀é"), "😀é");
  EXPECT_EQ(display_width("\xE7\xA7秸"), 4u);  // two escaped bytes count one each
}

TEST(DisplayWidth, SanitizedWidthIsTheWidthOfTheSanitizedText) {
  for (std::string_view s : {"", "abc", "秸秆 禁烧", "a\tb", "\x1b[31m", "x\u202Ey\u2066", "\xC2\x85\x7f",
                             "\xE7\xA7秸", "\xF4\x90\x80\x80 😀 é", "ｆｕｌｌ"})
    EXPECT_EQ(sanitized_width(s), display_width(sanitize_for_terminal(s))) << s;
}

TEST(RenderText, CaretAlignsUnderChineseText) {
  SourceSet src;
  std::string line = "  indicator 秸秆禁烧 { evidence photo }";
  uint32_t f = src.add("s.assess", "# 方案\n" + line + "\n");
  uint32_t start = static_cast<uint32_t>(std::string("# 方案\n").size() + line.find("photo"));
  std::string out = render_text({finding(f, start, start + 5)}, src, {Lang::en, false});
  // 12 ASCII columns, 4 CJK characters of 2 columns, 12 more: the caret
  // starts at display column 32, though `photo` is code point 29.
  EXPECT_EQ(out,
            std::string("s.assess:2:29: warning[JF304] photo-trail: photo evidence is required\n"
            "  |\n"
            "2 |   indicator 秸秆禁烧 { evidence photo }\n") +
            "  | " + std::string(32, ' ') + "^^^^^\n"
            "  = help: judge the result\n\n");
}

TEST(RenderText, ChineseMessagesAndSummary) {
  SourceSet src;
  uint32_t f = src.add("s.assess", "evidence photo\n");
  std::vector<Diagnostic> ds = {finding(f, 9, 14)};
  std::string out = render_text(ds, src, {Lang::zh, false});
  EXPECT_NE(out.find("警告[JF304]：要求拍照留痕"), std::string::npos) << out;  // Chinese throughout
  EXPECT_EQ(out.find("photo-trail"), std::string::npos) << out;
  EXPECT_NE(out.find("= 帮助：看结果"), std::string::npos);
  EXPECT_EQ(render_summary(ds, 1, {Lang::en, false}), "Checked 1 file: 1 problem (0 errors, 1 warning, 0 info).\n");
  EXPECT_EQ(render_summary({}, 2, {Lang::en, false}), "Checked 2 files: no problems found.\n");
}

TEST(RenderJson, FollowsTheContract) {
  SourceSet src;
  uint32_t f = src.add("s.assess", "中文 photo\n");
  std::string json = render_json({finding(f, 7, 12)}, src, {"s.assess"}, Lang::en);
  auto doc = nlohmann::json::parse(json);
  EXPECT_EQ(doc["version"], 1);
  EXPECT_EQ(doc["files"][0], "s.assess");
  auto d = doc["diagnostics"][0];
  EXPECT_EQ(d["file"], "s.assess");
  EXPECT_EQ(d["line"], 1);
  EXPECT_EQ(d["column"], 4);  // code points, not bytes
  EXPECT_EQ(d["end_column"], 9);
  EXPECT_EQ(d["rule"], "JF304");
  EXPECT_EQ(d["severity"], "warning");
  EXPECT_EQ(d["category"], "proof");
  EXPECT_EQ(d["help"], "judge the result");
  EXPECT_EQ(doc["summary"]["by_severity"]["warning"], 1);
  EXPECT_EQ(doc["summary"]["by_rule"]["JF304"], 1);
}

}  // namespace
}  // namespace jf
