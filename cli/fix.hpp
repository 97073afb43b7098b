// `check --fix` and `check --diff`: the mechanical repairs findings carry
// (Diagnostic::fix), applied to a scheme's text until none is left.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace jf::cli {

/// `text` with the fixes of `ds` applied, from the end backwards; a fix that
/// overlaps one already taken, or would touch a quoted text, is left for
/// the next pass. `applied` counts the edits made.
std::string apply_fixes(std::string_view text, const std::vector<Diagnostic>& ds, size_t& applied);

/// A unified diff (`--- PATH`, `+++ PATH`, hunks with 3 lines of context)
/// from `before` to `after`; empty when they are equal.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after);

}  // namespace jf::cli
