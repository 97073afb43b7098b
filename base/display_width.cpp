#include "base/display_width.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include "base/utf8.hpp"

namespace jf {
namespace {

// Calls f(code point, bytes) for each character; an invalid byte is
// reported as code point -1 of length 1.
template <typename F>
void each_char(std::string_view text, F f) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    if (p[i] < 0x80) {  // ASCII: most of every scheme and message
      f(static_cast<utf8proc_int32_t>(p[i]), text.substr(i, 1));
      ++i;
      continue;
    }
    size_t len;
    utf8proc_int32_t cp = utf8::decode(p + i, n - i, len);
    if (cp < 0) {
      f(-1, text.substr(i, 1));
      ++i;
    } else {
      f(cp, text.substr(i, len));
      i += len;
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
    if (cp >= 0x20 && cp < 0x7F) w += 1;
    else if (cp == '\t') w += tab_width;
    else if (cp < 0) w += 1;
    else w += static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)));
  });
  return w;
}

std::string sanitize_for_terminal(std::string_view text, size_t tab_width) {
  std::string out;
  out.reserve(text.size());
  // Printable ASCII and safe characters are copied in runs.
  size_t run = 0, at = 0;
  auto flush = [&] { out.append(text.substr(run, at - run)); };
  each_char(text, [&](utf8proc_int32_t cp, std::string_view bytes) {
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && !is_unsafe(cp))) {
      at += bytes.size();
      return;
    }
    flush();
    at += bytes.size();
    run = at;
    if (cp == '\t') out.append(tab_width, ' ');
    else if (cp < 0) out += fmt::format("\\x{:02X}", static_cast<unsigned char>(bytes[0]));
    else out += fmt::format("\\u{{{:X}}}", cp);  // controls, DEL, C1, bidi overrides
  });
  flush();
  return out;
}

std::string sanitize_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0;;) {
    size_t nl = text.find('\n', at);
    out += sanitize_for_terminal(text.substr(at, nl == std::string_view::npos ? nl : nl - at));
    if (nl == std::string_view::npos) return out;
    out += '\n';
    at = nl + 1;
  }
}

size_t sanitized_width(std::string_view text, size_t tab_width) {
  size_t w = 0;
  each_char(text, [&](utf8proc_int32_t cp, std::string_view) {
    if (cp >= 0x20 && cp < 0x7F) w += 1;
    else if (cp == '\t') w += tab_width;
    else if (cp < 0) w += 4;  // \xHH
    else if (is_unsafe(cp)) w += 4 + fmt::formatted_size("{:X}", cp);  // \u{…}
    else w += static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)));
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
