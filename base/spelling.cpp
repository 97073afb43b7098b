#include "base/spelling.hpp"

#include <algorithm>
#include <string>

namespace jf {
namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
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
    size_t d = edit_distance(word, w);
    if (d < best) best = d, pick = w;
  }
  return pick;
}

}  // namespace jf
