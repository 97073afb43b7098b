#include "cli/lsp_positions.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace jf::cli {
namespace {

// Bytes of the UTF-8 sequence that starts with `lead` (1 for a stray
// continuation byte, so every byte is passed exactly once).
uint32_t sequence_length(unsigned char lead) {
  return static_cast<uint32_t>(utf8::sequence_length(lead));
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') starts_.push_back(i + 1);
  }
}

uint32_t LineIndex::line_end(uint32_t line) const {
  if (line + 1 >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = starts_[line + 1] - 1;  // the LF or lone CR
  if (end > starts_[line] && text_[end] == '\n' && text_[end - 1] == '\r') --end;
  return end;
}

Position LineIndex::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts_.begin()) - 1;
  uint32_t end = std::min(offset, line_end(line));
  uint32_t units = 0;
  for (uint32_t i = starts_[line]; i < end;) {
    uint32_t n = sequence_length(static_cast<unsigned char>(text_[i]));
    if (i + n > end) break;  // the offset is inside this character
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return {line, units};
}

uint32_t LineIndex::offset(Position p) const {
  if (p.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = line_end(p.line);
  uint32_t i = starts_[p.line], units = 0;
  while (i < end) {
    uint32_t n = sequence_length(static_cast<unsigned char>(text_[i]));
    uint32_t w = n == 4 ? 2 : 1;
    if (units + w > p.character) break;
    units += w;
    i = std::min(i + n, end);
  }
  return i;
}

}  // namespace jf::cli
