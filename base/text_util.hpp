// Small text helpers shared by every reader: the one `trim`.
#pragma once
#include <string_view>

namespace jf {

/// `s` without the blanks at either end: spaces, tabs, CR, LF and the
/// ideographic space U+3000 that Chinese documents indent with.
inline std::string_view trim(std::string_view s) {
  constexpr std::string_view kIdeographicSpace = "\u3000";
  auto ascii_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  for (;;) {
    if (!s.empty() && ascii_blank(s.front())) s.remove_prefix(1);
    else if (s.starts_with(kIdeographicSpace)) s.remove_prefix(kIdeographicSpace.size());
    else break;
  }
  for (;;) {
    if (!s.empty() && ascii_blank(s.back())) s.remove_suffix(1);
    else if (s.ends_with(kIdeographicSpace)) s.remove_suffix(kIdeographicSpace.size());
    else break;
  }
  return s;
}

}  // namespace jf
