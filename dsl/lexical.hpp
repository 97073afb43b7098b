// The lexical layer both languages share (language.md): blanks and `#`
// comments, and identifiers of letters (CJK included), digits and `_`.
// Plain functions over bytes, no Spirit, so both grammars and their error
// reporters scan text the same way.
#pragma once
#include <utf8proc.h>

#include <cstddef>

namespace jf::lexical {

using It = const char*;

/// Length of U+3000 IDEOGRAPHIC SPACE at p (3), else 0: Chinese input methods
/// type it where an ASCII space was meant.
inline size_t wide_space_len(It p, It end) {
  return end - p >= 3 && static_cast<unsigned char>(p[0]) == 0xE3 &&
                 static_cast<unsigned char>(p[1]) == 0x80 &&
                 static_cast<unsigned char>(p[2]) == 0x80
             ? 3
             : 0;
}

/// Skips blanks, line ends and `#` comments.
inline It skip_blank(It p, It end) {
  for (;;) {
    if (p == end) return p;
    char c = *p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++p;
    } else if (c == '#') {
      while (p != end && *p != '\n' && *p != '\r') ++p;
    } else if (size_t n = wide_space_len(p, end)) {
      p += n;
    } else {
      return p;
    }
  }
}

/// Bytes of the identifier character at p (a letter, mark, digit or `_`), 0 if none.
/// `digit` tells whether it was a digit, which cannot start an identifier.
inline size_t ident_char(It p, It end, bool* digit = nullptr) {
  auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) {
    bool d = c >= '0' && c <= '9';
    if (digit) *digit = d;
    return (d || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') ? 1 : 0;
  }
  // Fast path: U+5000–U+9FFF are all CJK ideographs (category Lo).
  if (c >= 0xE5 && c <= 0xE9 && end - p >= 3 && (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80 &&
      (static_cast<unsigned char>(p[2]) & 0xC0) == 0x80) {
    if (digit) *digit = false;
    return 3;
  }
  utf8proc_int32_t cp;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(p), end - p, &cp);
  if (n <= 0) return 0;
  auto cat = utf8proc_category(cp);
  if (digit) *digit = cat == UTF8PROC_CATEGORY_ND;
  switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return static_cast<size_t>(n);
    default:
      return 0;
  }
}

/// Is p the start of a three-byte CJK ideograph U+4E00–U+9FFF (E4 B8–BF xx,
/// E5–E9 xx xx)? All of them are category Lo, so no table is needed.
inline bool common_cjk_at(It p, It end) {
  auto c = static_cast<unsigned char>(p[0]);
  if (c < 0xE4 || c > 0xE9 || end - p < 3) return false;
  auto c1 = static_cast<unsigned char>(p[1]), c2 = static_cast<unsigned char>(p[2]);
  if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return false;
  return c != 0xE4 || c1 >= 0xB8;
}

/// ASCII bytes that continue an identifier (letters, digits, `_`).
inline constexpr auto kIdentAscii = [] {
  struct Table {
    bool on[128] = {};
  } t;
  for (int c = 0; c < 128; ++c)
    t.on[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return t;
}();

/// Does an identifier character start at p (p != end)? ident_char's answer,
/// with a blank, a line end or an ASCII letter settled without a call.
inline bool ident_char_at(It p, It end) {
  auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) return kIdentAscii.on[c];
  return common_cjk_at(p, end) || ident_char(p, end) != 0;
}

/// End of the identifier starting at p, or p when none starts there. Same
/// result as stepping with ident_char, but ASCII and common CJK (most of every
/// name) go without a call or a decode; other characters ask ident_char.
inline It scan_ident(It p, It end) {
  if (p == end) return p;
  size_t n;
  if (auto c = static_cast<unsigned char>(*p); c < 0x80) {
    if (!kIdentAscii.on[c] || (c >= '0' && c <= '9')) return p;
    ++p;
  } else if (common_cjk_at(p, end)) {
    p += 3;
  } else {
    bool digit = false;
    n = ident_char(p, end, &digit);
    if (n == 0 || digit) return p;
    p += n;
  }
  while (p != end) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      if (!kIdentAscii.on[c]) return p;
      ++p;
    } else if (common_cjk_at(p, end)) {
      p += 3;
    } else if ((n = ident_char(p, end)) != 0) {
      p += n;
    } else {
      return p;
    }
  }
  return p;
}

}  // namespace jf::lexical
