// The sub-item scan (engine/sub_items.cpp) against the RE2 search it
// replaced, on wording built from the patterns' own pieces and on hostile
// bytes: broken UTF-8, three-digit numbers, brackets half open, repeats.
#include "engine/sub_items.hpp"

#include <gtest/gtest.h>

#include "tests/random_input.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace jf {
namespace {

using Rng = test::SplitMix;

// Pieces of real wording and of the patterns (U+FF08/U+FF09 are the
// full-width brackets, U+2460… the circled numbers), and bytes that cut them.
const std::vector<std::string> kPieces = {
    "(", ")", "\xEF\xBC\x88", "\xEF\xBC\x89", "1", "2", "9", "0", "12", "99", "100", "\xE2\x91\xA0",
    "\xE2\x91\xA2", "\xE2\x91\xA9", "\xE2\x91\xAA", "\xE2\x91", "\xEF\xBC", "\xE4\xB8\x80", "\xE4\xB8\x89",
    "\xE5\x8D\x81", "\xE6\x98\xAF", "\xE4\xB8\x83\xE6\x98\xAF", "\xE6\xAF\x8F\xE5\xB0\x8F\xE9\xA1\xB9",
    "\xE6\xAF\x8F\xE9\xA1\xB9", "\xE3\x80\x81", "\xE5\x8F\x8A", "\xE5\x92\x8C", "\xE7\xAD\x89",
    "\xE6\x89\xA3", "\xE5\x88\x86", " ", "\n", "a", "\x80", "\xFF", std::string(1, '\0'), "\xE6\x98",
    "\xE5\xB7\xA5\xE4\xBD\x9C", "\xEF\xBC\x88\x31\xEF\xBC\x89", "(3)", "(10)", "\xE2\x91\xA4\xE2\x91\xA5"};

std::string random_text(Rng& r, size_t pieces) {
  std::string t;
  for (size_t k = 0; k < pieces; ++k) t += kPieces[r.below(kPieces.size())];
  return t;
}

TEST(SubItems, TheVocabularyHasTheScannedShapes) { EXPECT_TRUE(sub_items_scanned()); }

TEST(SubItems, ScanEqualsRegexOnGeneratedWording) {
  Rng r{42};
  for (int n = 0; n < 20000; ++n) {
    const std::string t = random_text(r, 1 + r.below(24));
    ASSERT_EQ(count_sub_items(t), count_sub_items_by_regex(t)) << "text: " << t;
  }
}

TEST(SubItems, ScanEqualsRegexOnRandomBytes) {
  Rng r{7};
  for (int n = 0; n < 5000; ++n) {
    std::string t;
    for (size_t k = r.below(64); k > 0; --k) t += static_cast<char>(r.below(256));
    ASSERT_EQ(count_sub_items(t), count_sub_items_by_regex(t));
  }
}

TEST(SubItems, CountsEachListStyle) {
  EXPECT_EQ(count_sub_items("（1）台账（2）方案(3)总结"), 3);
  EXPECT_EQ(count_sub_items("(12)①"), 12);
  EXPECT_EQ(count_sub_items("(123)"), 0);  // three digits: no enumerator
  EXPECT_EQ(count_sub_items("③④"), 4);
  EXPECT_EQ(count_sub_items("一是…三是"), 3);
  EXPECT_EQ(count_sub_items("甲、乙及丙，每小项扣1分"), 3);
  EXPECT_EQ(count_sub_items("甲、乙等，每小项扣1分"), 0);  // an open list bounds nothing
  EXPECT_EQ(count_sub_items(""), 0);
  EXPECT_EQ(count_sub_items("\n"), 0);
}

}  // namespace
}  // namespace jf
