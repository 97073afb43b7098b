#include "base/display_width.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "base/utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jf {
namespace {

#if defined(__SSE2__)
// Printable ASCII bytes (0x20–0x7E) leading the sixteen at p, 16 when all
// are: one compare each way on signed bytes (those of 0x80 and above are
// negative), a mask and its lowest clear bit. SSE2 is in every x86-64.
size_t printable_ascii_run16(const unsigned char* p) {
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i ok = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
  unsigned bad = ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xFFFFu;
  return bad ? static_cast<size_t>(__builtin_ctz(bad)) : 16;
}
#endif

// Columns of a printable character. The CJK Unified Ideographs (most of a
// Chinese scheme) are all wide: answered without utf8proc's table lookups;
// tests/base_terminal_text_test.cpp checks every code point against utf8proc.
size_t char_width(utf8proc_int32_t cp) {
  if (cp >= 0x4E00 && cp <= 0x9FFF) return 2;
  return static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)));
}

// Bytes from the start of `text` that sanitize_for_terminal keeps as they
// are: printable ASCII and valid UTF-8 other than C1 controls and bidi
// overrides, checked in one pass without building anything. Ends at the
// first character (or invalid byte) that needs a change.
size_t safe_prefix(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      // Printable ASCII up to sixteen (or eight) bytes a step; the loop looks again at
      // the byte that stopped the run (a control, or the lead of a CJK run).
#if defined(__SSE2__)
      if (i + 16 <= n) {
        if (size_t k = printable_ascii_run16(p + i)) {
          i += k;
          continue;
        }
      } else
#endif
      if (i + 8 <= n) {
        if (size_t k = utf8::printable_ascii_run8(p + i)) {
          i += k;
          continue;
        }
      }
      if (p[i] < 0x20 || p[i] == 0x7F) return i;
      ++i;
      continue;
    }
    // Chinese text: whole runs of three-byte CJK sequences, which need no
    // change, at three bytes a step without decoding.
    if (size_t run = utf8::cjk_run(p + i, n - i)) {
      i += run;
      continue;
    }
    size_t len;
    utf8proc_int32_t cp = utf8::decode(p + i, n - i, len);
    if (cp < 0xA0 || (cp >= 0x202A && cp <= 0x2069 && (cp <= 0x202E || cp >= 0x2066))) return i;  // invalid, C1, bidi
    i += len;
  }
  return n;
}

// Display width of a prefix returned by safe_prefix: every character printable.
size_t safe_width(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0, w = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++w, ++i;
      continue;
    }
    size_t len;
    w += char_width(utf8::decode(p + i, n - i, len));
    i += len;
  }
  return w;
}

/// What sanitize_for_terminal changes at one character.
enum class Change { tab, ascii_control, invalid_byte, code_point };

/// Walks `text` as sanitize_for_terminal sees it: `keep(run)` for each run
/// printed as it is (possibly empty), `change(kind, value)` for each
/// character it changes (value: the byte, or the code point).
template <class Keep, class OnChange>
void walk_for_terminal(std::string_view text, Keep keep, OnChange change) {
  while (!text.empty()) {
    size_t safe = safe_prefix(text);
    keep(text.substr(0, safe));
    if (safe == text.size()) return;
    text.remove_prefix(safe);
    auto c = static_cast<unsigned char>(text[0]);
    size_t len = 1;
    if (c == '\t') change(Change::tab, c);
    else if (c < 0x80) change(Change::ascii_control, c);  // C0 control or DEL
    else if (utf8proc_int32_t cp = utf8::decode(reinterpret_cast<const unsigned char*>(text.data()), text.size(), len);
             cp < 0)
      change(Change::invalid_byte, c), len = 1;
    else change(Change::code_point, cp);  // C1 control or bidi override
    text.remove_prefix(len);
  }
}

}  // namespace

size_t display_width(std::string_view text, size_t tab_width) {
  // A character sanitize_for_terminal would change is counted as printed raw.
  size_t w = 0;
  walk_for_terminal(
      text, [&](std::string_view run) { w += safe_width(run); },
      [&](Change kind, utf8proc_int32_t v) {
        w += kind == Change::tab ? tab_width : kind == Change::invalid_byte ? 1 : char_width(v);
      });
  return w;
}

void append_for_terminal(std::string& out, std::string_view text, size_t tab_width) {
  walk_for_terminal(
      text, [&](std::string_view run) { out.append(run); },
      [&](Change kind, utf8proc_int32_t v) {
        if (kind == Change::tab) out.append(tab_width, ' ');
        else if (kind == Change::invalid_byte) fmt::format_to(std::back_inserter(out), "\\x{:02X}", v);
        else fmt::format_to(std::back_inserter(out), "\\u{{{:X}}}", v);
      });
}

std::string sanitize_for_terminal(std::string_view text, size_t tab_width) {
  if (size_t safe = safe_prefix(text); safe == text.size()) return std::string(text);  // the usual case: one copy
  std::string out;
  out.reserve(text.size() + 16);
  append_for_terminal(out, text, tab_width);
  return out;
}

std::string sanitize_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0;;) {
    size_t nl = text.find('\n', at);
    append_for_terminal(out, text.substr(at, nl == std::string_view::npos ? nl : nl - at));
    if (nl == std::string_view::npos) return out;
    out += '\n';
    at = nl + 1;
  }
}

size_t sanitized_width(std::string_view text, size_t tab_width) {
  // Width of what append_for_terminal prints.
  size_t w = 0;
  walk_for_terminal(
      text, [&](std::string_view run) { w += safe_width(run); },
      [&](Change kind, utf8proc_int32_t v) {
        w += kind == Change::tab            ? tab_width
             : kind == Change::invalid_byte ? 4                                    // \xHH
                                            : 4 + fmt::formatted_size("{:X}", v);  // \u{…}
      });
  return w;
}

std::string pad_right(std::string_view text, size_t width) {
  std::string t = sanitize_for_terminal(text);
  size_t w = display_width(t);
  return t + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view text, size_t width) {
  std::string t = sanitize_for_terminal(text);
  size_t w = display_width(t);
  return std::string(w < width ? width - w : 0, ' ') + t;
}

}  // namespace jf
