#include "base/number_words.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>

#include "base/decimal.hpp"
#include "base/vocabulary.hpp"

namespace jf {

std::optional<double> parse_number(std::string_view s) {
  // The words are data: lexicon/vocabulary/numbers.yaml.
  static const std::span<const std::string_view> digits = vocabulary("numbers.digits");
  static const std::string_view two = vocabulary_text("numbers.two"), ten = vocabulary_text("numbers.ten");
  if (s.empty()) return std::nullopt;
  if (s == two) return 2;
  if (static_cast<unsigned char>(s[0]) >= 0x80) {  // 一 … 九十九
    double tens = 0, units = 0;
    for (size_t i = 0; i < s.size(); i += 3) {
      std::string_view c = s.substr(i, 3);
      if (c == ten) tens = units == 0 ? 1 : units, units = 0;
      else {
        auto it = std::find(digits.begin(), digits.end(), c);
        if (it == digits.end()) return std::nullopt;
        units = static_cast<double>(it - digits.begin());
      }
    }
    return tens * 10 + units;
  }
  return decimal_value(s, {.allow_exponent = true});
}

}  // namespace jf
