// The reader vocabulary (base/vocabulary.hpp): lexicon/vocabulary/*.yaml as
// compiled into the binary, read by key.
#include <gtest/gtest.h>

#include <stdexcept>

#include "base/event_words.hpp"
#include "base/number_words.hpp"
#include "base/vocabulary.hpp"

namespace jf {
namespace {

TEST(Vocabulary, ListsKeepTheFilesOrder) {
  auto digits = vocabulary("numbers.digits");
  ASSERT_EQ(digits.size(), 10u);
  EXPECT_EQ(digits[0], "零");
  EXPECT_EQ(digits[9], "九");
  EXPECT_TRUE(vocabulary_has("clauses.deduct_verbs", "扣除"));
  EXPECT_FALSE(vocabulary_has("clauses.deduct_verbs", "加"));
}

TEST(Vocabulary, PatternsTakeTheNumber) {
  const std::string p = vocabulary_pattern("table_phrases.scoring.rank_top");
  EXPECT_EQ(p.find("{N}"), std::string::npos);
  EXPECT_NE(p.find(std::string(vocabulary_text("numbers.pattern"))), std::string::npos);
  EXPECT_EQ(vocabulary_alternation("table_phrases.frequency.daily"), "每日|每天");
}

TEST(Vocabulary, PairsReadWordAndName) {
  auto pairs = vocabulary_pairs("events.imported");
  ASSERT_FALSE(pairs.empty());
  EXPECT_EQ(pairs[0].first, "迟报");
  EXPECT_EQ(pairs[0].second, "late_report");
  EXPECT_EQ(event_name_zh("missing_form"), "缺报表格");
}

TEST(Vocabulary, AMissingOrMisusedKeyIsADefect) {
  EXPECT_THROW(vocabulary("numbers.no_such_key"), std::logic_error);
  EXPECT_THROW(vocabulary_text("numbers.digits"), std::logic_error);  // ten words, not one
  EXPECT_THROW(vocabulary_pairs("numbers.digits"), std::logic_error);
  EXPECT_THROW(vocabulary("events.imported"), std::logic_error);
}

TEST(Vocabulary, NumberWordsReadFromData) {
  EXPECT_EQ(parse_number("两"), 2);
  EXPECT_EQ(parse_number("二十三"), 23);
  EXPECT_EQ(parse_number("十"), 10);
  EXPECT_EQ(parse_number("零点"), std::nullopt);
}

}  // namespace
}  // namespace jf
