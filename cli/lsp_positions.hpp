// LSP positions: a line and a column counted in UTF-16 code units, as the
// protocol requires, converted to and from byte offsets in UTF-8 text.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace jf::cli {

/// 0-based line and UTF-16 column (a CJK character is 1 unit, a character
/// outside the Basic Multilingual Plane 2).
struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
};

/// The line starts of one text. Lines end at LF, CRLF or a lone CR, as the
/// protocol says. The text must outlive the index.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// The position of byte `offset` (clamped to the text; an offset inside a
  /// character counts from that character's start).
  Position position(uint32_t offset) const;
  /// The byte offset of `p`: a line past the end gives the end of the text,
  /// a column past the line's end the end of that line (before its line
  /// break), a column inside a surrogate pair the start of that character.
  uint32_t offset(Position p) const;

 private:
  uint32_t line_end(uint32_t line) const;  // before the line break
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

}  // namespace jf::cli
