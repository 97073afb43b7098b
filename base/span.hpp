// A region of a source file: file id plus half-open byte offsets.
#pragma once
#include <cstdint>

namespace jf {

/// Byte range [begin, end) in the file with id `file` (an index into a
/// SourceSet). Lines and columns are computed only when rendering.
struct Span {
  uint32_t file = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

/// The smallest span covering both (same file assumed).
inline Span merge(Span a, Span b) {
  return {a.file, a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
}

}  // namespace jf
