// "Did you mean …?": the closest known word to a misspelt one.
#pragma once
#include <string_view>
#include <vector>

namespace jf {

/// The word of `words` closest to `word` by edit distance (at most 1 for
/// words under 4 bytes, 2 otherwise), or empty when none is that close.
std::string_view did_you_mean(std::string_view word, const std::vector<std::string_view>& words);

}  // namespace jf
