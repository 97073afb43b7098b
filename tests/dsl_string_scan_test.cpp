// scan_string copies runs of plain bytes at once and dedent moves whole lines;
// both must give what the byte-at-a-time scan gave (written again here as the
// oracle): text, offsets, end, problem and its place, on random literals
// with escapes, bad escapes, line ends, triple quotes and indentation.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "dsl/literal_scan.hpp"

namespace jf::literal {
namespace {

bool line_end(char c) { return c == '\n' || c == '\r'; }

StringScan oracle(It p, It end, bool triple) {
  StringScan out;
  out.end = p;
  out.bad = p;
  StringLiteral& lit = out.value;
  if (triple && end - p >= 3 && std::string_view(p, 3) == "\"\"\"") {
    lit.triple = true;
    for (It i = p + 3; i + 3 <= end; ++i)
      if (std::string_view(i, 3) == "\"\"\"") {
        lit.text.assign(p + 3, i);
        for (It j = p + 3; j != i; ++j) lit.offsets.push_back(static_cast<uint32_t>(j - p));
        // dedent, byte by byte
        std::vector<std::pair<size_t, size_t>> lines;
        std::string& text = lit.text;
        size_t b = 0;
        for (size_t k = 0; k <= text.size(); ++k)
          if (k == text.size() || text[k] == '\n') lines.push_back({b, k}), b = k + 1;
        auto blank = [&](std::pair<size_t, size_t> l) {
          for (size_t k = l.first; k < l.second; ++k)
            if (text[k] != ' ' && text[k] != '\t' && text[k] != '\r') return false;
          return true;
        };
        if (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
        if (!lines.empty() && blank(lines.back())) lines.pop_back();
        size_t indent = std::string::npos;
        for (auto l : lines) {
          if (blank(l)) continue;
          size_t n = 0;
          while (l.first + n < l.second && (text[l.first + n] == ' ' || text[l.first + n] == '\t')) ++n;
          indent = std::min(indent, n);
        }
        if (indent == std::string::npos) indent = 0;
        std::string t;
        std::vector<uint32_t> o;
        for (size_t k = 0; k < lines.size(); ++k) {
          size_t from = blank(lines[k]) ? lines[k].second : lines[k].first + indent;
          if (k) t.push_back('\n'), o.push_back(lit.offsets[lines[k].first - 1]);
          for (size_t x = from; x < lines[k].second; ++x) t.push_back(text[x]), o.push_back(lit.offsets[x]);
        }
        lit.text = t, lit.offsets = o;
        out.end = i + 3;
        return out;
      }
    out.problem = Problem::unterminated_triple;
    return out;
  }
  for (It i = p + 1; i != end; ++i) {
    char c = *i;
    if (c == '"') return out.end = i + 1, out;
    if (line_end(c)) break;
    auto at = static_cast<uint32_t>(i - p);
    if (c == '\\') {
      if (i + 1 == end || line_end(i[1])) break;
      char e = i[1];
      if (e != '"' && e != '\\' && e != 'n') {
        out.problem = Problem::bad_escape, out.bad = i, lit = {};
        return out;
      }
      lit.text.push_back(e == 'n' ? '\n' : e);
      lit.offsets.push_back(at);
      ++i;
      continue;
    }
    lit.text.push_back(c);
    lit.offsets.push_back(at);
  }
  out.problem = Problem::unterminated;
  lit = {};
  return out;
}

TEST(StringScan, MatchesTheByteAtATimeScan) {
  const std::vector<std::string> pieces = {"a", "abc def", "秸秆禁烧", "\"", "\"\"\"", "\\\"", "\\\\", "\\n", "\\t",
                                           "\\", "\n", "\r", "\r\n", "  ", "\t", "\n    ", "\n  x", "{i.text}", "，"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), count(0, 25), coin(0, 2);
  for (int k = 0; k < 20000; ++k) {
    std::string s = coin(rng) == 0 ? "\"\"\"" : "\"";
    for (size_t n = count(rng); n > 0; --n) s += pieces[pick(rng)];
    for (bool triple : {false, true}) {
      StringScan got = scan_string(s.data(), s.data() + s.size(), triple);
      StringScan want = oracle(s.data(), s.data() + s.size(), triple);
      ASSERT_EQ(got.problem, want.problem) << s;
      ASSERT_EQ(got.end - s.data(), want.end - s.data()) << s;
      ASSERT_EQ(got.bad - s.data(), want.bad - s.data()) << s;
      ASSERT_EQ(got.value.text, want.value.text) << s;
      ASSERT_EQ(got.value.offsets, want.value.offsets) << s;
      ASSERT_EQ(got.value.triple, want.value.triple) << s;
    }
  }
}

}  // namespace
}  // namespace jf::literal
