// Reading a scheme file (either syntax) into the model, with JF001 diagnostics.
#pragma once
#include <cstdint>
#include <vector>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "base/model.hpp"

namespace jf {

/// What reading one file produced: the model (possibly partial after syntax
/// errors) and the JF001 findings. `ok` is false when nothing usable was read.
struct LoadResult {
  Scheme scheme;
  std::vector<Diagnostic> diagnostics;
  bool ok = true;
};

/// Parses the `.assess` syntax of file `file` (grammar: docs/scheme-language.md).
/// Recovers after each error at the next top-level keyword.
LoadResult parse_assess(const SourceSet& sources, uint32_t file, const Limits& limits);

/// Loads the YAML syntax of file `file` from yaml-cpp parser events (never a
/// node tree), bounding depth and aliases.
LoadResult load_yaml(const SourceSet& sources, uint32_t file, const Limits& limits);

/// Checks bytes (size, UTF-8, control characters), then dispatches on the
/// extension: `.yaml`/`.yml` to load_yaml, anything else to parse_assess.
LoadResult load_scheme(const SourceSet& sources, uint32_t file, const Limits& limits);

/// A JF001 finding at `span`.
Diagnostic syntax_error(Span span, Message message, Message help = {});

}  // namespace jf
