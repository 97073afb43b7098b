#include "dsl/literal_scan.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <utility>

#include "base/decimal.hpp"
#include "base/utf8.hpp"
#include "dsl/lexical.hpp"

namespace jf::literal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }

/// The end of the number-like token at p (sign, digits, letters, points,
/// `%`), for underlining and quoting a refused number whole.
It number_token_end(It p, It end) {
  It i = p;
  if (i != end && (*i == '-' || *i == '+')) ++i;
  while (i != end) {
    if (size_t n = lexical::ident_char(i, end)) i += n;
    else if (*i == '.' || *i == '%') ++i;
    else break;
  }
  return i;
}

/// A quoted piece of user text, at most 40 bytes and cut at a character boundary.
std::string shorten(std::string_view s) {
  constexpr size_t kMax = 40;
  if (s.size() <= kMax) return std::string(s);
  return std::string(utf8::prefix(s, kMax)) + "…";
}

// Appends the offsets from, from + 1, …, from + n - 1: one per byte copied as written.
void append_offsets(std::vector<uint32_t>& offsets, uint32_t from, size_t n) {
  size_t at = offsets.size();
  offsets.resize(at + n);
  for (size_t k = 0; k < n; ++k) offsets[at + k] = from + static_cast<uint32_t>(k);
}

/// The value of [sign] digits [. digits] with at most 15 digits in all,
/// without std::from_chars: the digits as an integer (below 2^53, so exact)
/// divided by an exact power of ten is the correctly rounded value, the same
/// double from_chars gives (Clinger's fast path). Longer numbers: nothing.
std::optional<double> short_decimal(It p, It end) {
  static constexpr double kTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  uint64_t mantissa = 0;
  int digits = 0, fraction = -1;  // digits after the point, -1 before it
  for (; p != end; ++p) {
    if (*p == '.') {
      fraction = 0;
      continue;
    }
    mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
    if (++digits > 15) return std::nullopt;
    if (fraction >= 0) ++fraction;
  }
  double v = static_cast<double>(mantissa);
  if (fraction > 0) v /= kTen[fraction];
  return negative ? -v : v;
}

constexpr std::pair<Problem, const char*> kTags[] = {
    {Problem::not_a_number, "@literal:not-a-number"},
    {Problem::percent_not_allowed, "@literal:percent-not-allowed"},
    {Problem::out_of_range, "@literal:out-of-range"},
    {Problem::unterminated, "@literal:unterminated"},
    {Problem::unterminated_triple, "@literal:unterminated-triple"},
    {Problem::bad_escape, "@literal:bad-escape"},
};

}  // namespace

NumberScan scan_number(It p, It end, NumberSyntax syntax) {
  NumberScan out;
  out.end = p;
  It i = p;
  if (syntax.sign && i != end && (*i == '-' || *i == '+')) ++i;
  if (i == end || !is_digit(*i)) return out;  // no number starts here: the grammar tries something else
  while (i != end && is_digit(*i)) ++i;
  if (i != end && *i == '.' && i + 1 != end && is_digit(i[1])) {
    ++i;
    while (i != end && is_digit(*i)) ++i;
  }
  It digits_end = i;
  if (i != end && *i == '%') {
    if (!syntax.percent) return out.problem = Problem::percent_not_allowed, out;
    out.percent = true;
    ++i;
  }
  // Nothing that could continue a word or a decimal may touch a number:
  // `30abc`, `1e3`, `1.`, `1.2.3` are refused whole rather than read in part.
  if (i != end && (lexical::ident_char_at(i, end) || *i == '.')) return out.problem = Problem::not_a_number, out;
  // The digits are already checked; only their size can fail here.
  if (auto exact = short_decimal(p, digits_end)) {
    out.value = *exact;
    out.end = i;
    return out;
  }
  DecimalRules rules;
  rules.max_chars = std::numeric_limits<size_t>::max();
  auto value = decimal_value(std::string_view(p, static_cast<size_t>(digits_end - p)), rules);
  if (!value) return out.problem = Problem::out_of_range, out;
  out.value = *value;
  out.end = i;
  return out;
}

StringScan scan_string(It p, It end, bool triple, bool offsets) {
  StringScan out;
  out.end = p;
  out.bad = p;
  StringLiteral& lit = out.value;
  if (triple && end - p >= 3 && std::string_view(p, 3) == "\"\"\"") {
    lit.triple = true;
    std::string_view body(p + 3, static_cast<size_t>(end - (p + 3)));
    if (size_t close = body.find("\"\"\""); close != std::string_view::npos) {
      It i = p + 3 + close;
      lit.text.assign(p + 3, i);
      append_offsets(lit.offsets, 3, static_cast<size_t>(i - (p + 3)));
      dedent(lit.text, lit.offsets);
      if (!offsets) lit.offsets = {};
      out.end = i + 3;
      return out;
    }
    out.problem = Problem::unterminated_triple;
    return out;
  }
  for (It i = p + 1; i != end;) {
    // A run of plain bytes (most of every literal) is copied at once.
    It run = i;
    while (i != end && *i != '"' && *i != '\\' && !is_line_end(*i)) ++i;
    if (i != run) {
      lit.text.append(run, i);
      if (offsets) append_offsets(lit.offsets, static_cast<uint32_t>(run - p), static_cast<size_t>(i - run));
    }
    if (i == end) break;
    char c = *i;
    if (c == '"') {
      out.end = i + 1;
      return out;
    }
    if (is_line_end(c)) break;
    // A backslash: \" \\ \n are the escapes.
    if (i + 1 == end || is_line_end(i[1])) break;
    char e = i[1];
    if (e != '"' && e != '\\' && e != 'n') {
      out.problem = Problem::bad_escape;
      out.bad = i;
      lit = {};
      return out;
    }
    lit.text.push_back(e == 'n' ? '\n' : e);
    if (offsets) lit.offsets.push_back(static_cast<uint32_t>(i - p));
    i += 2;
  }
  out.problem = Problem::unterminated;
  lit = {};
  return out;
}

const char* problem_tag(Problem problem) {
  for (const auto& [p, tag] : kTags)
    if (p == problem) return tag;
  return "";
}

Problem problem_of_tag(std::string_view tag) {
  for (const auto& [p, t] : kTags)
    if (tag == t) return p;
  return Problem::none;
}

Described describe(Problem problem, It at, It end) {
  Described d;
  d.from = at;
  d.to = at;
  switch (problem) {
    case Problem::none:
      break;
    case Problem::not_a_number:
    case Problem::percent_not_allowed:
    case Problem::out_of_range: {
      d.to = number_token_end(at, end);
      std::string number = shorten(std::string_view(at, static_cast<size_t>(d.to - at)));
      if (problem == Problem::not_a_number) {
        d.message = msg("parse.literal.not_a_number", {arg("number", number)});
        d.help = msg("parse.literal.not_a_number.help");
      } else if (problem == Problem::percent_not_allowed) {
        d.message = msg("parse.literal.percent_not_allowed");
      } else {
        d.message = msg("parse.literal.out_of_range", {arg("number", number)});
      }
      break;
    }
    case Problem::unterminated:
      while (d.to != end && !is_line_end(*d.to)) ++d.to;
      d.message = msg("parse.literal.unterminated");
      d.help = msg("parse.literal.unterminated.help");
      break;
    case Problem::unterminated_triple:
      d.to = at + std::min<std::ptrdiff_t>(3, end - at);
      d.message = msg("parse.literal.unterminated_triple");
      break;
    case Problem::bad_escape: {
      d.to = at + std::min<std::ptrdiff_t>(2, end - at);
      while (d.to != end && (static_cast<unsigned char>(*d.to) & 0xC0) == 0x80) ++d.to;  // the whole character
      d.message = msg("parse.literal.bad_escape", {arg("escape", std::string_view(at, d.to - at))});
      d.help = msg("parse.literal.bad_escape.help");
      break;
    }
  }
  return d;
}

void dedent(std::string& text, std::vector<uint32_t>& offsets) {
  // Split into lines, find the common indentation of the non-blank ones.
  std::vector<std::pair<size_t, size_t>> lines;  // [begin, end) without '\n'
  size_t b = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') lines.push_back({b, i}), b = i + 1;
  auto blank = [&](std::pair<size_t, size_t> l) {
    for (size_t i = l.first; i < l.second; ++i)
      if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
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
  std::string out;
  std::vector<uint32_t> offs;
  out.reserve(text.size());
  offs.reserve(offsets.size());
  for (size_t k = 0; k < lines.size(); ++k) {
    auto [lb, le] = lines[k];
    size_t from = blank(lines[k]) ? le : lb + indent;
    if (k) out.push_back('\n'), offs.push_back(offsets[lb - 1]);
    out.append(text, from, le - from);  // the line past its indentation, with its offsets
    offs.insert(offs.end(), offsets.begin() + static_cast<std::ptrdiff_t>(from), offsets.begin() + static_cast<std::ptrdiff_t>(le));
  }
  text = std::move(out);
  offsets = std::move(offs);
}

}  // namespace jf::literal
