#include "engine/sub_items.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "base/number_words.hpp"
#include "base/utf8.hpp"
#include "base/vocabulary.hpp"

namespace jf {
namespace {

// The part after the numbered lists: 完成糖蔗种植面积、进厂产量、良种种植及示范片建设任务计10分，
// 每小项不完成任务扣1分 lists its sub-items with 、 and 及/以及/和 before the
// per-item deduction; each joiner adds one.
int joined_items(std::string_view text) {
  static const auto per_item = vocabulary("wording.per_item");
  static const auto joiner_words = vocabulary("wording.joiners");
  static const std::string_view open_list = vocabulary_text("wording.open_list");
  size_t at = std::string_view::npos;
  for (std::string_view w : per_item)
    if (at == std::string_view::npos) at = text.find(w);
  if (at == std::string_view::npos) return 0;
  const std::string_view before = text.substr(0, at);
  if (before.find(open_list) != std::string_view::npos) return 0;  // 、…等: an open list bounds nothing
  int joiners = 0;
  for (std::string_view j : joiner_words)
    for (size_t k = before.find(j); k != std::string_view::npos; k = before.find(j, k + j.size())) ++joiners;
  return joiners > 0 ? joiners + 1 : 0;
}

// ---- The scan: the vocabulary's patterns read into character lists. ----

// Reads `[ab…]` (whole UTF-8 characters, no ranges, escapes or negation)
// from the front of `p`.
bool read_class(std::string_view& p, std::vector<std::string_view>& out) {
  if (p.empty() || p.front() != '[') return false;
  p.remove_prefix(1);
  while (!p.empty() && p.front() != ']') {
    const unsigned char c = static_cast<unsigned char>(p.front());
    if (c == '\\' || c == '^' || c == '-' || c == '[' || (c >= '0' && c <= '9') || utf8::is_continuation(p.front()))
      return false;
    const size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (len > p.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if (!utf8::is_continuation(p[k])) return false;
    out.push_back(p.substr(0, len));
    p.remove_prefix(len);
  }
  if (p.empty() || out.empty()) return false;
  p.remove_prefix(1);
  return true;
}

bool literal(std::string_view s) {
  return !s.empty() && s.find_first_of("\\.[](){}*+?|^$") == std::string_view::npos;
}

struct Shapes {
  bool ok = false;
  std::vector<std::string_view> opens, closes;  // numbered: [opens](\d{1,2})[closes]
  std::vector<std::string_view> numerals;       // said: ([numerals])tail
  std::vector<int> numeral_values;
  std::string_view tail;
  std::span<const std::string_view> circles;    // circled: (①|②|…), value = place
  std::array<bool, 256> first{};                // bytes some match starts with
};

Shapes read_shapes() {
  Shapes s;
  std::string_view numbered = vocabulary_text("wording.numbered");
  std::string_view said = vocabulary_text("wording.said");
  s.circles = vocabulary("wording.circled");
  constexpr std::string_view digits = "(\\d{1,2})";
  if (!read_class(numbered, s.opens) || !numbered.starts_with(digits)) return s;
  numbered.remove_prefix(digits.size());
  if (!read_class(numbered, s.closes) || !numbered.empty()) return s;
  if (!said.starts_with('(')) return s;
  said.remove_prefix(1);
  if (!read_class(said, s.numerals) || !said.starts_with(')')) return s;
  s.tail = said.substr(1);
  if (!literal(s.tail)) return s;
  for (std::string_view n : s.numerals) {
    const std::optional<double> v = parse_number(n);
    if (!v) return s;
    s.numeral_values.push_back(static_cast<int>(*v));
  }
  for (std::string_view c : s.circles)
    if (c.empty()) return s;
  for (const auto* list : {&s.opens, &s.numerals})
    for (std::string_view c : *list) s.first[static_cast<unsigned char>(c[0])] = true;
  for (std::string_view c : s.circles) s.first[static_cast<unsigned char>(c[0])] = true;
  s.ok = true;
  return s;
}

const Shapes& shapes() {
  static const Shapes s = read_shapes();
  return s;
}

// The place in `list` of the first character `text` starts with at `at`
// (the first listed wins, as in a regex alternation), or -1.
int starts_one_of(std::string_view text, size_t at, std::span<const std::string_view> list) {
  for (size_t k = 0; k < list.size(); ++k)
    if (text.substr(at).starts_with(list[k])) return static_cast<int>(k);
  return -1;
}

bool digit(std::string_view text, size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; }

// Each pattern is searched as RE2::FindAndConsume does: the leftmost match
// from where the last one ended, at any byte (an unanchored search starts
// anywhere), the preferred alternative first (two digits before one).
int scan(std::string_view text, const Shapes& s) {
  int most = 0;
  size_t next_numbered = 0, next_circled = 0, next_said = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if (!s.first[static_cast<unsigned char>(text[at])]) continue;
    if (at >= next_numbered) {
      const int open = starts_one_of(text, at, s.opens);
      if (open >= 0) {
        const size_t d = at + s.opens[open].size();
        for (size_t len : {size_t{2}, size_t{1}}) {
          if (!digit(text, d) || (len == 2 && !digit(text, d + 1))) continue;
          const int close = starts_one_of(text, d + len, s.closes);
          if (close < 0) continue;
          const int v = len == 2 ? (text[d] - '0') * 10 + (text[d + 1] - '0') : text[d] - '0';
          most = std::max(most, v);
          next_numbered = d + len + s.closes[close].size();
          break;
        }
      }
    }
    if (at >= next_circled) {
      const int k = starts_one_of(text, at, s.circles);
      if (k >= 0) {
        // The value is the last place the matched text is listed at (duplicates).
        int place = k;
        for (size_t j = k; j < s.circles.size(); ++j)
          if (s.circles[j] == s.circles[k]) place = static_cast<int>(j);
        most = std::max(most, place + 1);
        next_circled = at + s.circles[k].size();
      }
    }
    if (at >= next_said) {
      const int k = starts_one_of(text, at, s.numerals);
      if (k >= 0 && text.substr(at + s.numerals[k].size()).starts_with(s.tail)) {
        most = std::max(most, s.numeral_values[k]);
        next_said = at + s.numerals[k].size() + s.tail.size();
      }
    }
  }
  return most;
}

}  // namespace

int count_sub_items_by_regex(std::string_view text) {
  static const re2::RE2 numbered(std::string(vocabulary_text("wording.numbered")));
  static const auto circles = vocabulary("wording.circled");
  static const re2::RE2 circled([] {
    std::string p = "(";  // appended piece by piece: GCC 12 -Wrestrict misreads "(" + a returned string
    p += vocabulary_alternation("wording.circled");
    p += ')';
    return p;
  }());
  static const re2::RE2 said(std::string(vocabulary_text("wording.said")));
  int most = 0;
  re2::StringPiece in(text.data(), text.size());
  std::string n;
  while (RE2::FindAndConsume(&in, numbered, &n)) most = std::max(most, std::stoi(n));
  in = re2::StringPiece(text.data(), text.size());
  while (RE2::FindAndConsume(&in, circled, &n))
    for (size_t k = 0; k < circles.size(); ++k)
      if (n == circles[k]) most = std::max(most, static_cast<int>(k) + 1);
  in = re2::StringPiece(text.data(), text.size());
  while (RE2::FindAndConsume(&in, said, &n))
    if (auto v = parse_number(n)) most = std::max(most, static_cast<int>(*v));
  return most > 0 ? most : joined_items(text);
}

bool sub_items_scanned() { return shapes().ok; }

int count_sub_items(std::string_view text) {
  const Shapes& s = shapes();
  if (!s.ok) return count_sub_items_by_regex(text);
  const int most = scan(text, s);
  return most > 0 ? most : joined_items(text);
}

}  // namespace jf
