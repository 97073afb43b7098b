// Characters a Chinese input method types where the syntax wants ASCII:
// full-width digits and punctuation (５０ ， ： ％), curly quotes and the
// arrow →. Used to name them in diagnostics and by `check --fix`.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jf {

/// One such character in a text: its bytes and the ASCII that replaces it.
struct FullWidthChar {
  std::string_view found;  // the UTF-8 bytes as written
  std::string ascii;       // what the syntax expects: "," for "，", "->" for "→"
};

/// The full-width character starting at byte `offset` of `text`, if any.
std::optional<FullWidthChar> fullwidth_at(std::string_view text, size_t offset);

/// `text` with every such character replaced by its ASCII form (for values
/// such as `７０．４` in a results file, never for a whole scheme: quoted
/// texts keep their Chinese punctuation).
std::string to_halfwidth(std::string_view text);

}  // namespace jf
