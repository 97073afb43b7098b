#include "base/source.hpp"

#include <gtest/gtest.h>

namespace jf {
namespace {

TEST(SourceFile, ColumnsCountCodePointsNotBytes) {
  SourceFile f("a.assess", "ab\n中文x = 1\n");
  EXPECT_EQ(f.line_count(), 3u);
  LineCol lc = f.locate(3 + 6);  // the `x` after two 3-byte characters
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 3u);
  EXPECT_EQ(f.line_text(2), "中文x = 1");
}

TEST(SourceFile, BomIsSkippedButOffsetsStayFileOffsets) {
  SourceFile f("a.assess", "\xEF\xBB\xBFscheme");
  EXPECT_EQ(f.bom_size(), 3u);
  EXPECT_EQ(f.body(), "scheme");
  EXPECT_EQ(f.locate(3).column, 1u);
  EXPECT_EQ(f.locate(4).column, 2u);
  EXPECT_EQ(f.line_text(1), "scheme");
}

TEST(SourceFile, CrLfAndLoneCrEndLines) {
  SourceFile f("a", "a\r\nb\rc\n");
  EXPECT_EQ(f.locate(3).line, 2u);
  EXPECT_EQ(f.locate(5).line, 3u);
  EXPECT_EQ(f.line_text(1), "a");
  EXPECT_EQ(f.line_text(2), "b");
}

TEST(SourceFile, FindsInvalidUtf8AndControlBytes) {
  EXPECT_EQ(SourceFile("a", "ok 中").first_invalid_utf8(), std::nullopt);
  EXPECT_EQ(SourceFile("a", "ab\xC0\xAF").first_invalid_utf8(), 2u);  // overlong
  EXPECT_EQ(SourceFile("a", "ab\xE4\xB8").first_invalid_utf8(), 2u);  // truncated
  EXPECT_EQ(SourceFile("a", std::string("a\0b", 3)).first_control_byte(), 1u);
  EXPECT_EQ(SourceFile("a", "a\tb\r\n").first_control_byte(), std::nullopt);
}

}  // namespace
}  // namespace jf
