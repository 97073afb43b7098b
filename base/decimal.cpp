#include "base/decimal.hpp"

#include <charconv>
#include <cmath>

#include "base/message.hpp"

namespace jf {
namespace {

// Why a text is no number, in both languages (messages/number.yaml).
Text reason(std::string_view key) {
  return {std::string(catalogue_text(key, Lang::en)), std::string(catalogue_text(key, Lang::zh))};
}

}  // namespace

Decimal parse_decimal(std::string_view s, const DecimalRules& rules) {
  Decimal out;
  if (s.empty()) return out.problem = reason("number.empty"), out;
  if (s.size() > rules.max_chars) return out.problem = reason("number.too_long"), out;
  std::string_view digits = s;
  if (digits.front() == '+' || digits.front() == '-') {
    if (!rules.allow_sign) return out.problem = reason("number.sign"), out;
    if (digits.front() == '+') digits.remove_prefix(1);  // from_chars reads '-' only
  }
  // from_chars would read `inf`, `nan` and hexadecimal-looking prefixes as
  // something; a written number starts with a digit or a point.
  std::string_view body = digits.substr(digits.starts_with('-') ? 1 : 0);
  if (body.empty() || !((body.front() >= '0' && body.front() <= '9') || body.front() == '.'))
    return out.problem = reason("number.not_a_number"), out;
  if (!rules.allow_exponent && body.find_first_of("eE") != std::string_view::npos)
    return out.problem = reason("number.exponent"), out;
  double v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && !std::isfinite(v)))
    return out.problem = reason("number.out_of_range"), out;
  if (ec != std::errc() || end != digits.data() + digits.size()) return out.problem = reason("number.not_a_number"), out;
  out.value = v;
  return out;
}

}  // namespace jf
