// The canonical layout of a scheme file (`jianfu fmt`, and an editor's
// "format document"): the file read into the model, then written back in its
// own syntax by the writers of dsl/scheme_writer.hpp, comments carried as
// `convert` carries them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "base/diagnostic.hpp"

namespace jf {

/// What formatting one file gave.
struct FormatResult {
  /// The file in canonical layout; set only when `ok()`.
  std::string text;
  /// The file does not load (JF001 findings): nothing may be written.
  std::vector<Diagnostic> syntax_errors;
  /// The file loads but cannot be written back unchanged in meaning (an id
  /// the writer refuses, a layout that would read as another scheme, a
  /// comment that would be lost or doubled): nothing may be written.
  Message refused;
  bool ok() const { return syntax_errors.empty() && refused.empty(); }
};

/// Formats file `file` of `sources`, an `.assess` or YAML scheme (by its
/// extension, as load_scheme decides). The result keeps a leading BOM and
/// CRLF line ends when the file has them, and every comment; reading it
/// gives a model equal to the file's, which is checked before it is returned.
/// Formatting the result again gives the same text.
FormatResult format_scheme(const SourceSet& sources, uint32_t file, const Limits& limits);

}  // namespace jf
