#include "dsl/fullwidth.hpp"

#include "base/utf8.hpp"

namespace jf {

std::optional<FullWidthChar> fullwidth_at(std::string_view text, size_t offset) {
  if (offset >= text.size()) return std::nullopt;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + offset;
  if (p[0] < 0x80) return std::nullopt;
  size_t len = 0;
  const int32_t cp = utf8::decode(p, text.size() - offset, len);
  if (cp < 0) return std::nullopt;
  std::string_view found = text.substr(offset, len);
  // U+FF01–U+FF5E mirror ASCII 0x21–0x7E at a fixed distance.
  if (cp >= 0xFF01 && cp <= 0xFF5E) return FullWidthChar{found, std::string(1, static_cast<char>(cp - 0xFEE0))};
  switch (cp) {
    case 0x3000: return FullWidthChar{found, " "};    // ideographic space
    case 0x201C:                                      // “
    case 0x201D: return FullWidthChar{found, "\""};   // ”
    case 0x2018:                                      // ‘
    case 0x2019: return FullWidthChar{found, "'"};    // ’
    case 0x2192: return FullWidthChar{found, "->"};   // →
    default: return std::nullopt;
  }
}

std::string to_halfwidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (auto c = fullwidth_at(text, i)) {
      out += c->ascii;
      i += c->found.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace jf
