#include "engine/display_width.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

namespace jf {
namespace {

// Calls f(code point, byte length) for each character; an invalid byte is
// reported as code point -1 of length 1.
template <typename F>
void each_char(std::string_view text, F f) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len <= 0) {
      f(-1, text.substr(i, 1));
      ++i;
    } else {
      f(cp, text.substr(i, static_cast<size_t>(len)));
      i += static_cast<size_t>(len);
    }
  }
}

bool is_unsafe(utf8proc_int32_t cp) {
  return cp < 0 || (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

size_t display_width(std::string_view text, size_t tab_width) {
  size_t w = 0;
  each_char(text, [&](utf8proc_int32_t cp, std::string_view) {
    if (cp == '\t') w += tab_width;
    else if (cp < 0) w += 1;
    else w += static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)));
  });
  return w;
}

std::string sanitize_for_terminal(std::string_view text, size_t tab_width) {
  std::string out;
  out.reserve(text.size());
  each_char(text, [&](utf8proc_int32_t cp, std::string_view bytes) {
    if (cp == '\t') out.append(tab_width, ' ');
    else if (cp < 0) out += fmt::format("\\x{:02X}", static_cast<unsigned char>(bytes[0]));
    else if (is_unsafe(cp)) out += fmt::format("\\u{{{:X}}}", cp);
    else out.append(bytes);
  });
  return out;
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
