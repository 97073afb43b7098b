#include "base/number_words.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>

#include "base/decimal.hpp"

namespace jf {

std::optional<double> parse_number(std::string_view s) {
  static const std::string_view digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (s.empty()) return std::nullopt;
  if (s == "两") return 2;
  if (static_cast<unsigned char>(s[0]) >= 0x80) {  // 一 … 九十九
    double tens = 0, units = 0;
    for (size_t i = 0; i < s.size(); i += 3) {
      std::string_view c = s.substr(i, 3);
      if (c == "十") tens = units == 0 ? 1 : units, units = 0;
      else {
        auto it = std::find(std::begin(digits), std::end(digits), c);
        if (it == std::end(digits)) return std::nullopt;
        units = static_cast<double>(it - std::begin(digits));
      }
    }
    return tens * 10 + units;
  }
  return decimal_value(s, {.allow_exponent = true});
}

}  // namespace jf
