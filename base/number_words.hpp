// A number as assessment wording writes it: `3`, `0.5`, or in Chinese numerals
// up to 九十九 (`三`, `十二`, `两`). Shared by the table reader and the clause
// reader so both read `扣三分` and `扣3分` alike.
#pragma once
#include <optional>
#include <string_view>

namespace jf {

/// The value, or nothing when `s` is not one number (no sign, no exponent
/// beyond what std::from_chars reads, finite only).
std::optional<double> parse_number(std::string_view s);

}  // namespace jf
