#include <gtest/gtest.h>

#include "dsl/suppressions.hpp"
#include "pipeline/suppress.hpp"

namespace jf {
namespace {

Diagnostic at_line(const SourceFile& src, const std::string& rule, uint32_t line) {
  Diagnostic d;
  d.rule = rule;
  uint32_t off = static_cast<uint32_t>(src.line_text(line).data() - src.text().data());
  d.span = {0, off, off + 1};
  return d;
}

std::vector<std::string> rules_of(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (auto& d : ds) out.push_back(d.rule + (d.message.in(Lang::en).empty() ? "" : ": " + d.message.in(Lang::en)));
  return out;
}

const char* kText =
    "# jianfu: allow-file JF101 -- the county keeps ranking this year\n"  // 1
    "indicator a {\n"                                                      // 2
    "  # jianfu: allow JF102, JF103 -- agreed with the province\n"        // 3
    "\n"                                                                   // 4
    "  penalty bottom 3 -> interview\n"                                    // 5
    "  # jianfu: allow JF304\n"                                            // 6
    "  evidence photo\n"                                                   // 7
    "  key  # jianfu: allow JF205 -- trailing form\n"                      // 8
    "}\n";

TEST(Suppressions, ParseTargetsAndReasons) {
  SourceFile src("s.assess", kText);
  auto s = parse_suppressions(src, 0);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_TRUE(s[0].file_level);
  EXPECT_EQ(s[0].reason, "the county keeps ranking this year");
  EXPECT_EQ(s[1].rules, (std::vector<std::string>{"JF102", "JF103"}));
  EXPECT_EQ(s[1].line, 5u);
  EXPECT_EQ(s[2].line, 7u);
  EXPECT_EQ(s[2].reason, "");
  EXPECT_EQ(s[3].line, 8u);
}

TEST(Suppressions, ApplyAndReportBadOnes) {
  SourceFile src("s.assess", kText);
  std::vector<Diagnostic> ds = {at_line(src, "JF101", 2), at_line(src, "JF102", 5), at_line(src, "JF304", 7),
                                at_line(src, "JF205", 8), at_line(src, "JF102", 7)};
  apply_suppressions(ds, parse_suppressions(src, 0), src, nullptr);
  EXPECT_EQ(rules_of(ds), (std::vector<std::string>{
                              "JF102",  // on line 7, not covered by the allow for line 5
                              "JF009: suppression of JF103 suppresses nothing",
                              "JF009: suppression of JF304 gives no reason",
                          }));
}


// parse_suppressions skips a file without the word `jianfu` whole;
// parse_suppressions_walk walks every line. Both must find the same, on
// texts built from comment pieces, some of them suppressions and some only
// near ones (full-width letters, a space in the word, a full-width colon).
TEST(Suppressions, SkippingFilesWithoutTheWordFindsTheSame) {
  const char* pieces[] = {"indicator a {\n", "# note\n", "  # jianfu: allow JF102 -- agreed\n", "# jianfu：allow-file JF101\n",
                          "key # jianfu: allow JF205\n", "# ｊｉａｎｆｕ: allow JF103\n", "# jian fu: allow JF104\n",
                          "\n", "}\n", "  penalty bottom 3 -> interview\n", "#jianfu:allow JF301,JF302\n", "# jianfu\n"};
  const size_t n = sizeof pieces / sizeof *pieces;
  uint32_t x = 7;
  int with_any = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    for (int k = 0; k < 8; ++k) {
      x = x * 1103515245u + 12345u;
      text += pieces[(x >> 16) % n];
    }
    SourceFile src("s.assess", text);
    auto fast = parse_suppressions(src, 0);
    auto walked = parse_suppressions_walk(src, 0);
    ASSERT_EQ(fast.size(), walked.size()) << text;
    for (size_t i = 0; i < fast.size(); ++i) {
      EXPECT_EQ(fast[i].rules, walked[i].rules) << text;
      EXPECT_EQ(fast[i].line, walked[i].line) << text;
      EXPECT_EQ(fast[i].file_level, walked[i].file_level) << text;
      EXPECT_EQ(fast[i].reason, walked[i].reason) << text;
      EXPECT_EQ(fast[i].span.begin, walked[i].span.begin) << text;
      EXPECT_EQ(fast[i].span.end, walked[i].span.end) << text;
    }
    with_any += !fast.empty();
  }
  EXPECT_GT(with_any, 100);  // the texts do hold suppressions
}

}  // namespace
}  // namespace jf
