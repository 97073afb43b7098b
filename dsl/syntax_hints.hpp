// Making syntax errors say what was typed and what to write: full-width
// punctuation and digits typed with a Chinese input method, `95%` where a
// number or a text is expected, a misspelt statement keyword, `owner：X` in
// YAML. Also attaches the mechanical fixes `check --fix` applies.
#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "base/source.hpp"
#include "base/diagnostic.hpp"

namespace jf {

/// The `.assess` statement keywords a misspelling is matched against (the
/// language server also completes them).
std::span<const std::string_view> statement_keywords();

/// Rewrites the JF001 findings of one file (`yaml`: the YAML syntax) in place.
void add_syntax_hints(const SourceFile& src, uint32_t file, bool yaml, std::vector<Diagnostic>& ds);

/// The line of `.assess` text `line` with full-width punctuation and digits
/// outside quoted texts replaced by their ASCII forms (`“…”` become `"…"`,
/// `：` a space, `→` `->`); texts inside quotes are kept as written.
std::string halfwidth_assess_line(std::string_view line);

}  // namespace jf
