// The source reader's one-pass index (line starts, the first invalid UTF-8
// sequence, the first control byte), which steps over printable ASCII up to
// eight bytes and over CJK three bytes at a time, held to a byte-at-a-time
// oracle on random and hostile text; and the eight-byte ASCII run counter
// held to a loop over the bytes.
#include <gtest/gtest.h>

#include "tests/random_input.hpp"

#include <string>
#include <vector>

#include "base/source.hpp"
#include "base/utf8.hpp"

namespace jf {
namespace {

struct Index {
  std::vector<uint32_t> starts{0};
  std::optional<uint32_t> invalid, control;
};

// One byte (or one decoded sequence) at a time, as the reader did before it
// learnt to skip runs.
Index oracle(std::string_view s) {
  Index x;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto n = static_cast<uint32_t>(s.size());
  for (uint32_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c >= 0x80) {
      size_t len;
      if (utf8::decode(p + i, n - i, len) >= 0) {
        i += static_cast<uint32_t>(len);
        continue;
      }
      if (!x.invalid) x.invalid = i;
    } else if (c == '\n') {
      x.starts.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < n && p[i + 1] == '\n') ++i;
      x.starts.push_back(i + 1);
    } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
      if (!x.control) x.control = i;
    }
    ++i;
  }
  return x;
}

const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      "a", "abcdefgh", "    indicator \"x\" {", "0123456789abcdefghij", " ", "~", "秸", "秆禁烧", "，", "（", "：", "。",
      "“", "”", "…", "ｆ", "😀", "é", "\u3000", "\u4E00", "\u9FFF", "\uA000", "\uFFFD",
      // line ends and controls
      "\n", "\r", "\r\n", "\n\r", "\t", "\x1b[31m", "\x7f", std::string(1, '\0'), "\x01", "\x1f",
      "\xC2\x85", "\u202E", "\u2066",
      // invalid UTF-8: stray continuation, overlong, surrogate, past U+10FFFF, truncated, bad leads
      "\x80", "\xBF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",
      "\xE7\xA7", "\xE7", "\xE4\xB8\x41", "\xE4\x41\x80", "\xF0\x9F\x98", "\xC2", "\xE2\x80"};
  return p;
}

std::vector<std::string> samples() { return test::random_texts(pieces(), 1919, 60); }

TEST(SourceIndex, MatchesTheByteAtATimeOracle) {
  for (const std::string& s : samples()) {
    SourceFile f("a.assess", s);
    Index want = oracle(s);
    ASSERT_EQ(f.line_count(), want.starts.size()) << testing::PrintToString(s);
    ASSERT_EQ(f.first_invalid_utf8(), want.invalid) << testing::PrintToString(s);
    ASSERT_EQ(f.first_control_byte(), want.control) << testing::PrintToString(s);
    // Every offset lands on the line the oracle's starts put it on.
    for (uint32_t o = 0, line = 1; o <= s.size(); ++o) {
      while (line < want.starts.size() && want.starts[line] <= o) ++line;
      ASSERT_EQ(f.locate(o).line, line) << o << " in " << testing::PrintToString(s);
    }
  }
}

TEST(SourceIndex, PrintableAsciiRunCountsTheLeadingPrintableBytes) {
  for (const std::string& s : samples())
    for (size_t at = 0; at + 8 <= s.size(); ++at) {
      const auto* p = reinterpret_cast<const unsigned char*>(s.data() + at);
      size_t want = 0;
      while (want < 8 && p[want] >= 0x20 && p[want] < 0x7F) ++want;
      ASSERT_EQ(utf8::printable_ascii_run8(p), want) << testing::PrintToString(s.substr(at, 8));
    }
}

TEST(SourceIndex, CjkRunStopsAtTheFirstSequenceItCannotVouchFor) {
  for (const std::string& s : samples())
    for (size_t at = 0; at < s.size(); ++at) {
      const auto* p = reinterpret_cast<const unsigned char*>(s.data() + at);
      size_t n = s.size() - at, want = 0;
      // Oracle: whole valid three-byte sequences, U+1000 and above, not
      // U+2000–2FFF (punctuation, bidi controls) nor U+D000–DFFF (surrogates).
      for (size_t len; want + 3 <= n; want += 3) {
        int32_t cp = utf8::decode(p + want, n - want, len);
        if (cp < 0x1000 || len != 3 || (cp >= 0x2000 && cp <= 0x2FFF) || (cp >= 0xD000 && cp <= 0xDFFF)) break;
      }
      ASSERT_EQ(utf8::cjk_run(p, n), want) << testing::PrintToString(s.substr(at));
    }
}

}  // namespace
}  // namespace jf
