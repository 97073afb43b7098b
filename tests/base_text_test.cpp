// The shared text helpers of base/: the one trim and the one number parser.
#include <gtest/gtest.h>

#include <string>

#include "base/decimal.hpp"
#include "base/text_util.hpp"
#include "base/utf8.hpp"

namespace jf {
namespace {

TEST(Trim, StripsAsciiBlanksAndTheIdeographicSpaceAtBothEnds) {
  EXPECT_EQ(trim(" \t考核\r\n"), "考核");
  EXPECT_EQ(trim("\u3000\u3000秸秆禁烧\u3000"), "秸秆禁烧");
  EXPECT_EQ(trim("a b"), "a b");  // blanks inside stay
  EXPECT_EQ(trim(" \u3000 "), "");
  EXPECT_EQ(trim(""), "");
  // A partial U+3000 (its first two bytes) is text, not a blank.
  EXPECT_EQ(trim("x\xE3\x80"), "x\xE3\x80");
}

TEST(Utf8, StepsAndCutsAtCharacterBoundaries) {
  const std::string_view s = "a考核b";  // 1 + 3 + 3 + 1 bytes
  EXPECT_EQ(utf8::next_char(s, 0), 1u);
  EXPECT_EQ(utf8::next_char(s, 1), 4u);
  EXPECT_EQ(utf8::char_start(s, 5), 4u);
  EXPECT_EQ(utf8::prefix(s, 3), "a");  // 考 does not fit whole
  EXPECT_EQ(utf8::prefix(s, 4), "a考");
  EXPECT_EQ(utf8::prefix(s, 99), s);
  EXPECT_EQ(utf8::count_chars(s), 4u);
  EXPECT_EQ(utf8::next_char("\xE8", 0), 1u);   // a cut sequence never steps past the end
  EXPECT_EQ(utf8::sequence_length(0x80), 1u);  // a stray continuation byte is one step
}

TEST(Decimal, ReadsWrittenNumbers) {
  EXPECT_EQ(decimal_value("41.5"), 41.5);
  EXPECT_EQ(decimal_value("+3"), 3);
  EXPECT_EQ(decimal_value("-0.25"), -0.25);
  EXPECT_EQ(decimal_value(".5"), 0.5);
  EXPECT_EQ(decimal_value("2.5e2", {.allow_exponent = true}), 250);
}

TEST(Decimal, SaysWhyATextIsNotANumber) {
  auto problem = [](std::string_view s, DecimalRules r = {}) {
    Decimal d = parse_decimal(s, r);
    EXPECT_FALSE(d.value) << s;
    EXPECT_FALSE(d.problem.zh.empty()) << s;
    return d.problem.en;
  };
  EXPECT_EQ(problem(""), "an empty value is not a number");
  EXPECT_EQ(problem(std::string(33, '1')), "the number is too long");
  EXPECT_EQ(problem("-1", {.allow_sign = false}), "a sign is not allowed here");
  EXPECT_EQ(problem("1e3"), "an exponent is not allowed here");
  // What strtod would have read: blanks, hexadecimal, inf and nan, a tail.
  for (std::string_view s : {" 5", "0x10", "inf", "nan", "-nan", "5分", "1,000", "1e"})
    EXPECT_EQ(problem(s, {.allow_exponent = true}), "not a number");
  EXPECT_EQ(problem("1e999", {.allow_exponent = true}), "the number is out of range");
}

}  // namespace
}  // namespace jf
