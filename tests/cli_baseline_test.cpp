// The baseline reader (cli/baseline_reader.hpp): fingerprints from parser
// events, every refusal named with its place, bounded nesting.
#include <gtest/gtest.h>

#include <string>

#include "cli/baseline_reader.hpp"

using jf::cli::BaselineRead;
using jf::cli::parse_baseline;

TEST(BaselineReader, KeepsEveryFingerprintAndIgnoresOtherKeys) {
  BaselineRead r = parse_baseline(R"({"jianfu_baseline": 1, "other": [{"fingerprint": "no"}],
    "findings": [{"file": "a", "fingerprint": "JF102:aa", "message": {"nested": [1]}},
                 {"fingerprint": "JF\u0033\u00301:\u4e00"}]})");
  ASSERT_FALSE(r.error) << r.error->in(jf::Lang::en);
  EXPECT_EQ(r.fingerprints, (std::set<std::string>{"JF102:aa", "JF301:一"}));
}

TEST(BaselineReader, SyntaxErrorsGiveLineAndColumnInBothLanguages) {
  BaselineRead r = parse_baseline("{\"jianfu_baseline\": 1,\n  \"findings\": [}\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.line, 2u);
  EXPECT_EQ(r.column, 16u);
  EXPECT_EQ(r.error->in(jf::Lang::en), "unreadable baseline: line 2, column 16: not valid JSON");
  EXPECT_EQ(r.error->in(jf::Lang::zh), "无法读取基线：第 2 行第 16 列不是有效的 JSON");
  EXPECT_TRUE(r.fingerprints.empty());
  EXPECT_EQ(parse_baseline("").line, 1u);
  EXPECT_EQ(parse_baseline("{\"a\": \"\xff\"}").column, 8u);  // the invalid UTF-8 byte itself
}

TEST(BaselineReader, StructureErrorsNameTheFindingAsAJsonPointer) {
  EXPECT_EQ(parse_baseline(R"({"jianfu_baseline": 1, "findings": [{"fingerprint": "a"}, {"rule": "x"}]})").error->in(jf::Lang::en),
            "unreadable baseline: /findings/1 has no fingerprint");
  EXPECT_EQ(parse_baseline(R"({"jianfu_baseline": 1, "findings": [{"fingerprint": ["a"]}]})").error->in(jf::Lang::zh),
            "无法读取基线：/findings/0/fingerprint 不是字符串");
  EXPECT_EQ(parse_baseline(R"({"jianfu_baseline": 1, "findings": ["a"]})").error->in(jf::Lang::en),
            "not a jianfu baseline: /findings/0 is not an object");
  for (const char* not_baseline : {"[]", "7", R"({"findings": []})", R"({"jianfu_baseline": 1})",
                                   R"({"jianfu_baseline": 1, "findings": {}})"})
    EXPECT_EQ(parse_baseline(not_baseline).error->in(jf::Lang::en), "not a jianfu baseline (write one with --write-baseline)")
        << not_baseline;
}

// A tree of 10 million arrays cost gigabytes with nlohmann::json::parse; the
// reader stops at the nesting bound having kept nothing.
TEST(BaselineReader, DeepNestingIsRefusedAtTheBound) {
  std::string deep = R"({"jianfu_baseline": 1, "findings": [], "x": )" + std::string(10'000'000, '[');
  BaselineRead r = parse_baseline(deep);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->in(jf::Lang::en), "unreadable baseline: nested more than 64 levels deep");
  EXPECT_EQ(r.line, 0u);
  std::string ok = R"({"jianfu_baseline": 1, "findings": [], "x": )" + std::string(60, '[') + std::string(60, ']') + "}";
  EXPECT_FALSE(parse_baseline(ok).error);
}
