// append_json_string skips plain ASCII eight bytes a step and validates UTF-8
// in the same pass; it must write exactly what nlohmann's dump writes (with
// ensure_ascii off and invalid UTF-8 replaced), on random and hostile text.
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "render/json_text.hpp"

namespace jf {
namespace {

std::string nlohmann_literal(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonString, MatchesNlohmannOnRandomAndHostileText) {
  const std::vector<std::string> pieces = {
      "a", "abcdefgh", "scheme \"x\" {", "path\\to\\file", "0123456789abcdefghij", " ", "秸", "秆禁烧", "，", "（", "ｆ",
      "😀", "é", "\u00A0", "\u2028", "\u202E", "\u9FFF", "\uE000", "\uFFFD", "\uFFFF", "\t", "\n", "\r", "\b", "\f",
      std::string(1, '\0'), "\x01", "\x1f", "\x7f", "\"", "\\", "\x80", "\xBF", "\xC0\xAF", "\xC2", "\xE0\x80\xAF",
      "\xE0\xA0\x80", "\xED\x9F\xBF", "\xED\xA0\x80", "\xEF\xBF", "\xE7\xA7", "\xF0\x9F\x98", "\xF4\x90\x80\x80",
      "\xF5\x80\x80\x80", "\xFF", "\xE1\x80\xC0"};
  std::mt19937 rng(19);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), count(0, 40), byte(0, 255), coin(0, 9);
  std::vector<std::string> samples(pieces);
  for (int k = 0; k < 5000; ++k) {
    std::string s;
    for (size_t n = count(rng); n > 0; --n) s += coin(rng) == 0 ? std::string(1, static_cast<char>(byte(rng))) : pieces[pick(rng)];
    samples.push_back(s);
  }
  for (const std::string& s : samples) {
    std::string out = "[";
    append_json_string(out, s);
    ASSERT_EQ(out, std::string("[").append(nlohmann_literal(s))) << fmt::format("{:02X}", fmt::join(s, " "));
  }
}

TEST(JsonString, EveryCodePointAndEveryOffsetOfASpecialByte) {
  for (uint32_t cp = 1; cp <= 0x10FFFF; cp += (cp < 0x10000 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s = nlohmann::json::parse(fmt::format("\"\\u{:04X}\"", cp < 0x10000 ? cp : 0x41)).get<std::string>();
    std::string text = fmt::format("ab{}cdefghij", s), out;
    append_json_string(out, text);
    ASSERT_EQ(out, nlohmann_literal(text)) << cp;
  }
  for (char special : {'"', '\\', '\x1f', '\n', '\x80'})
    for (size_t at = 0; at < 24; ++at) {
      std::string s(24, 'a');
      s[at] = special;
      std::string out;
      append_json_string(out, s);
      ASSERT_EQ(out, nlohmann_literal(s)) << at;
    }
}

}  // namespace
}  // namespace jf
