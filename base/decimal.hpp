// The one parser of written numbers (`41.5`, `-3`, `1e3` where allowed):
// bounded in length, locale-free (std::from_chars, never strtod/stod), finite
// only, and saying why a text is not a number so callers can report it.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "base/text.hpp"

namespace jf {

/// What a caller accepts besides plain digits with one optional point.
struct DecimalRules {
  size_t max_chars = 32;        // longer texts are refused before parsing
  bool allow_sign = true;       // a leading '-' or '+'
  bool allow_exponent = false;  // `1e3`, `2.5E-4`
};

/// The value of `s`, or nothing and `problem` (English and Chinese) saying
/// why: empty, too long, a sign or exponent not allowed, not a number
/// (spaces, `0x10`, `inf`, `nan`, text after the digits), or out of range.
struct Decimal {
  std::optional<double> value;
  Text problem;
};

Decimal parse_decimal(std::string_view s, const DecimalRules& rules = {});

/// parse_decimal's value alone, for callers that only ask "is it a number".
inline std::optional<double> decimal_value(std::string_view s, const DecimalRules& rules = {}) {
  return parse_decimal(s, rules).value;
}

}  // namespace jf
