#include "base/decimal.hpp"

#include <charconv>
#include <cmath>

namespace jf {

Decimal parse_decimal(std::string_view s, const DecimalRules& rules) {
  Decimal out;
  if (s.empty()) return out.problem = {"an empty value is not a number", "空值不是数字"}, out;
  if (s.size() > rules.max_chars) return out.problem = {"the number is too long", "数字过长"}, out;
  std::string_view digits = s;
  if (digits.front() == '+' || digits.front() == '-') {
    if (!rules.allow_sign) return out.problem = {"a sign is not allowed here", "此处不能带正负号"}, out;
    if (digits.front() == '+') digits.remove_prefix(1);  // from_chars reads '-' only
  }
  // from_chars would read `inf`, `nan` and hexadecimal-looking prefixes as
  // something; a written number starts with a digit or a point.
  std::string_view body = digits.substr(digits.starts_with('-') ? 1 : 0);
  if (body.empty() || !((body.front() >= '0' && body.front() <= '9') || body.front() == '.'))
    return out.problem = {"not a number", "不是数字"}, out;
  if (!rules.allow_exponent && body.find_first_of("eE") != std::string_view::npos)
    return out.problem = {"an exponent is not allowed here", "此处不能用科学计数法"}, out;
  double v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && !std::isfinite(v)))
    return out.problem = {"the number is out of range", "数字超出范围"}, out;
  if (ec != std::errc() || end != digits.data() + digits.size()) return out.problem = {"not a number", "不是数字"}, out;
  out.value = v;
  return out;
}

}  // namespace jf
