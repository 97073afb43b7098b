#include "base/spelling.hpp"

#include <algorithm>
#include <string>

#include "base/utf8.hpp"

namespace jf {
namespace {

// A text's code points (an invalid byte counts as one).
std::u32string code_points(std::string_view s) {
  std::u32string out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0, len; i < s.size(); i += len) {
    len = 1;
    int32_t cp = p[i];
    if (p[i] >= 0x80 && (cp = utf8::decode(p + i, s.size() - i, len)) < 0) cp = p[i], len = 1;
    out.push_back(static_cast<char32_t>(cp));
  }
  return out;
}

template <typename Str>
size_t edit_distance(const Str& a, const Str& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string_view did_you_mean(std::string_view word, const std::vector<std::string_view>& words) {
  if (word.size() > 64) return {};  // no quadratic work on a crafted long word
  size_t limit = word.size() >= 4 ? 2 : 1, best = limit + 1;
  std::string_view pick;
  for (std::string_view w : words) {
    size_t d = edit_distance<std::string_view>(word, w);
    if (d < best) best = d, pick = w;
  }
  return pick;
}

std::string_view nearest_name(std::string_view word, const std::vector<std::string_view>& names) {
  if (word.size() > 256) return {};  // no quadratic work on a crafted long word
  const std::u32string w = code_points(word);
  const size_t limit = w.size() > 4 ? 2 : 1;
  size_t best = limit + 1;
  std::string_view pick;
  bool tie = false;
  for (std::string_view n : names) {
    if (n.size() > 256 || n == word) continue;
    size_t d = edit_distance(w, code_points(n));
    if (d < best) best = d, pick = n, tie = false;
    else if (d == best && n != pick) tie = true;
  }
  return tie ? std::string_view() : pick;
}

}  // namespace jf
