// The `.assess` parse's shortcuts must give what the general path gives:
// scan_ident and ident_char_at step over ASCII and U+4E00–U+9FFF without
// utf8proc, so they are compared with a scan that decodes every character and
// asks utf8proc for its category (written again here as the oracle);
// scan_number computes short
// decimals without std::from_chars, so its value is compared bit for bit with
// decimal_value's on the same text.
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "base/decimal.hpp"
#include "dsl/lexical.hpp"
#include "dsl/literal_scan.hpp"

namespace jf {
namespace {

using lexical::It;

/// Bytes of the identifier character at p by decoding it, 0 if none; `digit` as in ident_char.
size_t oracle_char(It p, It end, bool& digit) {
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(p), end - p, &cp);
  if (n <= 0) return 0;
  if (cp == '_') return digit = false, 1;
  auto cat = utf8proc_category(cp);
  digit = cat == UTF8PROC_CATEGORY_ND;
  switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      // ASCII identifiers are letters, digits and `_` only (no other ASCII is L*/N*/M*).
      return static_cast<size_t>(n);
    default:
      return 0;
  }
}

It oracle_scan(It p, It end) {
  if (p == end) return p;
  bool digit = false;
  size_t n = oracle_char(p, end, digit);
  if (n == 0 || digit) return p;
  p += n;
  while (p != end && (n = oracle_char(p, end, digit)) != 0) p += n;
  return p;
}

void expect_same_scan(const std::string& s) {
  for (size_t from = 0; from <= s.size(); ++from) {
    It b = s.data() + from, e = s.data() + s.size();
    ASSERT_EQ(lexical::scan_ident(b, e) - b, oracle_scan(b, e) - b) << "at " << from << " of [" << s << "]";
    bool digit = false;
    if (b != e) {
      ASSERT_EQ(lexical::ident_char_at(b, e), oracle_char(b, e, digit) != 0) << "at " << from << " of [" << s << "]";
    }
  }
}

TEST(LexicalScan, IdentifiersMatchTheDecodingScan) {
  const std::vector<std::string> pieces = {
      "a", "Z", "_", "0", "9", "abc", "财政", "收入", "一", "丁", "\xE4\xBF\xBF" /* U+4FFF */,
      "\xE4\xB7\x80" /* U+4DC0, a symbol (So) */, "\xE4\xB6\xB5" /* U+4DB5, ext. A */,
      "\xE9\xBF\xBF" /* U+9FFF */, "\xEA\x80\x80" /* U+A000 */, "\xE3\x80\x80" /* U+3000 */,
      "，", "（", "１" /* fullwidth digit */, "é", "e\xCC\x81" /* combining */, "😀", "Ⅻ", " ", "\t",
      "\n", "-", ".", "%", "\"", "#", "\xE4\xB8" /* truncated */, "\xE5" /* truncated */,
      "\xE5\x41\x80" /* bad continuation */, "\xE5\x80\x41", "\xFF", "\x80", "\xC0\xAF" /* overlong */,
      "\xED\xA0\x80" /* a surrogate */, "\xEF\xBB\xBF"};
  std::mt19937 rng(19);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), count(0, 12);
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    for (size_t n = count(rng); n > 0; --n) s += pieces[pick(rng)];
    expect_same_scan(s);
  }
}

TEST(LexicalScan, EveryThreeByteLeadMatchesTheDecodingScan) {
  // Every lead E0–EF with every second byte and a few third bytes, alone and
  // after a letter (the loop and the first character take different paths).
  for (int a = 0xE0; a <= 0xEF; ++a)
    for (int b = 0x00; b <= 0xFF; ++b)
      for (int c : {0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0}) {
        std::string ch{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        expect_same_scan(ch);
        expect_same_scan("x" + ch + "y");
      }
}

TEST(LexicalScan, ShortDecimalsAreTheValueFromChars) {
  std::mt19937 rng(6);
  std::uniform_int_distribution<int> digit(0, 9), len(1, 18), frac(0, 18), coin(0, 3);
  for (int k = 0; k < 50000; ++k) {
    std::string s;
    if (int c = coin(rng); c == 1) s += '-';
    else if (c == 2) s += '+';
    for (int n = len(rng); n > 0; --n) s += static_cast<char>('0' + digit(rng));
    if (int f = coin(rng) == 0 ? 0 : frac(rng); f > 0) {
      s += '.';
      for (; f > 0; --f) s += static_cast<char>('0' + digit(rng));
    }
    literal::NumberScan got = literal::scan_number(s.data(), s.data() + s.size(), {.sign = true});
    ASSERT_EQ(got.problem, literal::Problem::none) << s;
    ASSERT_EQ(got.end, s.data() + s.size()) << s;
    DecimalRules rules;
    rules.max_chars = 1000;
    std::optional<double> want = decimal_value(s, rules);
    ASSERT_TRUE(want) << s;
    double g = got.value, w = *want;
    ASSERT_EQ(std::memcmp(&g, &w, sizeof g), 0) << s << ": " << g << " != " << w;  // -0 and 0 differ
  }
}

}  // namespace
}  // namespace jf
