// The one UTF-8 walker: decoding for code that looks at every character
// (validating every file read, rendering every quoted line), stepping and
// cutting at character boundaries. Inline, no library call per character.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace jf::utf8 {

/// The code point of the multi-byte sequence at p[0..n) (p[0] >= 0x80) and
/// its length, or -1 and length 0 when invalid: bad lead or continuation
/// bytes, truncation, overlong forms, surrogates, values past U+10FFFF.
inline int32_t decode(const unsigned char* p, size_t n, size_t& len) {
  unsigned char c = p[0];
  len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (c < 0xC2 || c > 0xF4 || n < len) return len = 0, -1;
  for (size_t k = 1; k < len; ++k)
    if ((p[k] & 0xC0) != 0x80) return len = 0, -1;
  int32_t cp = len == 2   ? (c & 0x1F) << 6 | (p[1] & 0x3F)
               : len == 3 ? (c & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F)
                          : (c & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 | (p[3] & 0x3F);
  static constexpr int32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return len = 0, -1;
  return cp;
}

/// Bytes of the valid sequence at p[0..n) (p[0] >= 0x80), 0 when invalid:
/// decode's answer, with the three-byte sequences of CJK text (leads E1–EC,
/// EE, EF, where no overlong form or surrogate can occur) checked by their
/// continuation bytes alone.
inline size_t valid_length(const unsigned char* p, size_t n) {
  unsigned char c = p[0];
  if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && n >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
    return 3;
  size_t len;
  return decode(p, n, len) < 0 ? 0 : len;
}

/// How many of the eight bytes at p, from the first, are printable ASCII
/// (0x20–0x7E): 8 when all are. One word's bit tricks: a high bit, a byte
/// below 0x20 (it borrows) or a DEL (zero after xor with 0x7F) each set a
/// mark; a borrow only ever marks bytes after a genuinely bad one, so the
/// lowest mark is the first bad byte (bytes are read little-endian).
inline size_t printable_ascii_run8(const unsigned char* p) {
  uint64_t w;
  __builtin_memcpy(&w, p, 8);
  if constexpr (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) {
    size_t k = 0;
    while (k < 8 && p[k] >= 0x20 && p[k] < 0x7F) ++k;
    return k;
  } else {
    constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t below_space = (w - 0x20 * ones) & ~w & highs;
    uint64_t del = w ^ (0x7F * ones);
    uint64_t bad = (w & highs) | below_space | ((del - ones) & ~del & highs);
    return bad == 0 ? 8 : static_cast<size_t>(__builtin_ctzll(bad)) >> 3;
  }
}

/// Bytes at the start of p[0..n) that are whole three-byte sequences led by
/// E1, E3–EC, EE or EF (U+1000–1FFF, U+3000–CFFF, U+E000–FFFF: CJK, kana,
/// fullwidth forms), stepped three bytes at a time. Such a sequence is valid
/// whenever its two continuation bytes are (no overlong form, no surrogate
/// under these leads) and holds no C1 control and no bidi control (those are
/// under C2 and E2), so a terminal and the source reader pass it unchanged.
inline size_t cjk_run(const unsigned char* p, size_t n) {
  size_t i = 0;
  while (i + 3 <= n) {
    unsigned c = p[i];
    if (c < 0xE1 || c == 0xE2 || c == 0xED || c > 0xEF) break;
    if (((p[i + 1] ^ 0x80u) | (p[i + 2] ^ 0x80u)) & 0xC0u) break;  // either not 10xxxxxx
    i += 3;
  }
  return i;
}

/// True for the 10xxxxxx bytes inside a multi-byte sequence.
inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Bytes of the sequence a lead byte starts: 1 for ASCII and for a stray
/// continuation byte, so a walk passes every byte exactly once.
inline size_t sequence_length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

/// The position after the character starting at `at` (< s.size()), never past the end.
inline size_t next_char(std::string_view s, size_t at) {
  size_t n = at + sequence_length(static_cast<unsigned char>(s[at]));
  return n < s.size() ? n : s.size();
}

/// `at` moved back to the start of the character holding it (`at` itself at
/// or past the end).
inline size_t char_start(std::string_view s, size_t at) {
  while (at > 0 && at < s.size() && is_continuation(s[at])) --at;
  return at;
}

/// The longest prefix of `s` of at most `max_bytes` that ends between characters.
inline std::string_view prefix(std::string_view s, size_t max_bytes) {
  return max_bytes >= s.size() ? s : s.substr(0, char_start(s, max_bytes));
}

/// Code points in `s` (bytes that do not continue a sequence).
inline size_t count_chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !is_continuation(c);
  return n;
}

/// True when `s` is valid UTF-8.
inline bool valid(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0, len; i < s.size(); i += len) {
    if (p[i] < 0x80) {
      len = 1;
      continue;
    }
    if (decode(p + i, s.size() - i, len) < 0) return false;
  }
  return true;
}

}  // namespace jf::utf8
