#include "render/html_escape.hpp"

namespace jf {

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': case '\n': case '\r': out += c; break;
      default:
        if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)) out += c;
    }
  }
  return out;
}

}  // namespace jf
