// sanitize_for_terminal, display_width and sanitized_width scan for the
// first character that needs a change and copy the rest in runs; these tests
// hold them to a per-character oracle (the algorithm they replaced, written
// again here) on random and hostile text: C0/C1 controls, DEL, tabs, bidi
// overrides, invalid UTF-8 of every kind, wide CJK and emoji.
#include <gtest/gtest.h>

#include "tests/random_input.hpp"
#include <fmt/format.h>
#include <utf8proc.h>

#include <string>
#include <vector>

#include "base/display_width.hpp"
#include "base/utf8.hpp"

namespace jf {
namespace {

// One character (code point or, for an invalid byte, -1) at a time, the
// decoder written out with utf8proc's own: a second opinion on base/utf8.hpp.
struct Char {
  int32_t cp;
  size_t len;
};

Char next(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 1) return {-1, 1};
  return {cp, static_cast<size_t>(n)};
}

bool unsafe(int32_t cp) {
  return cp < 0 || (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

std::string oracle_sanitize(std::string_view s, size_t tab) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    Char ch = next(s, i);
    if (ch.cp == '\t') out.append(tab, ' ');
    else if (ch.cp < 0) out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
    else if (unsafe(ch.cp)) out += fmt::format("\\u{{{:X}}}", ch.cp);
    else out.append(s.substr(i, ch.len));
    i += ch.len;
  }
  return out;
}

size_t width_of(int32_t cp) { return static_cast<size_t>(std::max(0, utf8proc_charwidth(cp))); }

size_t oracle_display_width(std::string_view s, size_t tab) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    Char ch = next(s, i);
    w += ch.cp == '\t' ? tab : ch.cp < 0 ? 1 : width_of(ch.cp);
    i += ch.len;
  }
  return w;
}

std::string utf8_of(int32_t cp) {
  utf8proc_uint8_t buf[4];
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(utf8proc_encode_char(cp, buf)));
}

// Pieces random text is made of: the ordinary (ASCII runs long enough for
// the eight-byte step, CJK, fullwidth punctuation, emoji, combining marks)
// and the hostile.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      "a", "abcdefgh", "scheme \"x\" {", "0123456789abcdefghij", " ", "~", "秸", "秆禁烧", "，", "（", "）", "：", "。",
      "ｆ", "😀", "é", "e\u0301", "\u00A0", "\u3000", "\u4E00", "\u9FFF", "\uA000", "\u2029", "\u2069x",
      // hostile: controls, DEL, tab, escapes, C1, bidi overrides and isolates
      "\t", "\x1b[31m", "\x7f", std::string(1, '\0'), "\r", "\n", "\x01", "\x1f", "\xC2\x80", "\xC2\x85", "\xC2\x9F",
      "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
      // invalid UTF-8: stray continuation, overlong, surrogate, past U+10FFFF, truncated, bad leads
      "\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
      "\xFF", "\xFE", "\xE7\xA7", "\xE7", "\xF0\x9F\x98", "\xC2", "\xE2\x80", "\xE2\x80\xAE\xE2"};
  return p;
}

std::vector<std::string> samples() { return test::random_texts(pieces(), 19, 40); }

TEST(TerminalText, SanitizeMatchesThePerCharacterOracle) {
  for (const std::string& s : samples())
    for (size_t tab : {size_t{4}, size_t{2}}) {
      ASSERT_EQ(sanitize_for_terminal(s, tab), oracle_sanitize(s, tab)) << fmt::format("{:02X}", fmt::join(s, " "));
      std::string out = "kept ";
      append_for_terminal(out, s, tab);
      ASSERT_EQ(out, std::string("kept ").append(oracle_sanitize(s, tab)));
    }
}

TEST(TerminalText, WidthsMatchThePerCharacterOracle) {
  for (const std::string& s : samples()) {
    ASSERT_EQ(display_width(s), oracle_display_width(s, 4)) << fmt::format("{:02X}", fmt::join(s, " "));
    ASSERT_EQ(sanitized_width(s), oracle_display_width(oracle_sanitize(s, 4), 4)) << fmt::format("{:02X}", fmt::join(s, " "));
  }
}

TEST(TerminalText, EveryCodePointHasUtf8procsWidthAndEscaping) {
  // The shortcuts (eight ASCII bytes a step, CJK ideographs wide without a
  // table lookup) must agree with utf8proc on every scalar value.
  for (int32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s = utf8_of(cp);
    ASSERT_EQ(display_width(s), cp == '\t' ? 4 : width_of(cp)) << fmt::format("U+{:04X}", cp);
    if (cp < 0x3000 || (cp >= 0x4E00 && cp <= 0xA000)) {
      ASSERT_EQ(sanitize_for_terminal(s), oracle_sanitize(s, 4)) << cp;
    }
  }
}

TEST(TerminalText, ValidLengthAgreesWithDecodeOnEveryThreeBytePrefix) {
  // The CJK shortcut of utf8::valid_length (also used by the source reader
  // and the JSON writer) against the full decoder, every lead and two bytes.
  unsigned char b[4] = {0, 0, 0, 0x80};
  for (int c0 = 0x80; c0 < 0x100; ++c0)
    for (int c1 = 0; c1 < 0x100; ++c1)
      for (int c2 = 0; c2 < 0x100; ++c2) {
        b[0] = static_cast<unsigned char>(c0), b[1] = static_cast<unsigned char>(c1), b[2] = static_cast<unsigned char>(c2);
        for (size_t n : {size_t{3}, size_t{4}}) {
          size_t len;
          size_t want = utf8::decode(b, n, len) < 0 ? 0 : len;
          ASSERT_EQ(utf8::valid_length(b, n), want) << c0 << " " << c1 << " " << c2 << " n=" << n;
        }
      }
}

TEST(TerminalText, SafeTextIsReturnedAsItIs) {
  std::string long_line = std::string(1000, 'x') + "秸秆禁烧，（）" + std::string(7, 'y');
  EXPECT_EQ(sanitize_for_terminal(long_line), long_line);
  EXPECT_EQ(display_width(long_line), 1000u + 14u + 7u);
  // The eight-byte step must still stop at a control in any position.
  for (size_t at = 0; at < 24; ++at) {
    std::string s(24, 'a');
    s[at] = '\x1b';
    EXPECT_EQ(sanitize_for_terminal(s), oracle_sanitize(s, 4)) << at;
    s[at] = '\x7f';
    EXPECT_EQ(sanitize_for_terminal(s), oracle_sanitize(s, 4)) << at;
    s[at] = '\x1f';
    EXPECT_EQ(sanitize_for_terminal(s), oracle_sanitize(s, 4)) << at;
  }
}

}  // namespace
}  // namespace jf
