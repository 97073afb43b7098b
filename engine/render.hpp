// Renderers: diagnostics to text for people and to formats for machines.
#pragma once
#include <string>
#include <vector>

#include "dsl/source.hpp"
#include "engine/diagnostic.hpp"

namespace jf {

struct RenderOptions {
  Lang lang = Lang::en;
  bool color = false;  // ANSI colours; the CLI decides (terminal, NO_COLOR)
};

/// Compiler-style text: `file:line:col: severity[ID] name: message`, the
/// source line with a gutter, carets under the span aligned by display width
/// (CJK = 2 columns), and `= help:`.
std::string render_text(const std::vector<Diagnostic>&, const SourceSet&, const RenderOptions&);

/// One line summarising counts by severity, in the chosen language.
std::string render_summary(const std::vector<Diagnostic>&, size_t files, const RenderOptions&);

/// The JSON contract of the design README: version, files, diagnostics, summary.
std::string render_json(const std::vector<Diagnostic>&, const SourceSet&,
                        const std::vector<std::string>& files, Lang lang);

}  // namespace jf
