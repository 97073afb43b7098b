// "Did you mean …?": the closest known word to a misspelt one.
#pragma once
#include <string_view>
#include <vector>

namespace jf {

/// The word of `words` closest to `word` by edit distance (at most 1 for
/// words under 4 bytes, 2 otherwise), or empty when none is that close.
std::string_view did_you_mean(std::string_view word, const std::vector<std::string_view>& words);

/// The one declared name closest to a misspelt reference, counted in
/// characters (code points), so that a Chinese homophone or single-character
/// slip (农业农村句 → 农业农村局, 督察室 → 督查室) is one edit: at most 1 edit
/// for names up to 4 characters, 2 for longer ones. Empty when none is that
/// close or two are equally close: a suggestion must be clear to be given
/// (and applied by `check --fix`).
std::string_view nearest_name(std::string_view word, const std::vector<std::string_view>& names);

}  // namespace jf
