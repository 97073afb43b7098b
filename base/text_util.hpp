// Small text helpers shared by the line-oriented readers (fixtures, suppressions).
#pragma once
#include <string_view>

namespace jf {

/// `s` without leading and trailing spaces, tabs and a trailing CR.
inline std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace jf
