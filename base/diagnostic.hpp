// Findings: what every check, parser and rule reports, before rendering.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/message.hpp"
#include "base/span.hpp"
#include "base/text.hpp"

namespace jf {

enum class Severity { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity);
/// "error", "warning", "info" (also "note" for info); false when unknown.
bool parse_severity(std::string_view, Severity&);

/// A mechanical repair `check --fix` may apply: replace the bytes of `span`
/// with `text`. Only for fixes that cannot change what the scheme means.
struct Edit {
  Span span;
  std::string text;
};

/// One finding. Positions are spans; lines and columns are computed at render
/// time from the SourceSet.
struct Diagnostic {
  std::string rule;      // e.g. "JF102"
  std::string name;      // e.g. "guaranteed-penalty"
  std::string category;  // e.g. "ranking"
  Severity severity = Severity::error;
  Span span;
  /// What is wrong and what to do, as catalogue keys with arguments
  /// (base/message.hpp), rendered in the run's language by the renderer.
  Message message;
  Message help;
  /// Identity that survives unrelated edits (engine/fingerprint.hpp); empty
  /// until the pipeline assigns it.
  std::string fingerprint;
  /// Set when the fix is mechanical and has one clear answer (full-width
  /// punctuation, a misspelt keyword or reference, a stale suppression).
  std::vector<Edit> fix;
};

/// Stable order of the output contract: file, offset, rule.
void sort_diagnostics(std::vector<Diagnostic>&);

}  // namespace jf

namespace jf {
/// A number as messages show it: integers without a decimal point, others
/// with up to two decimals (0.5, 0.33).
std::string format_number(double v);
}  // namespace jf
