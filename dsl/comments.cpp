#include "dsl/comments.hpp"

#include <fmt/format.h>

#include <optional>

namespace jf {
namespace {

// Where `#` starts a comment on this line, outside quoted texts; npos if none.
size_t comment_start(std::string_view line, bool yaml) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || (yaml && c == '\'' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '[' ||
                                           line[i - 1] == '{' || line[i - 1] == ',' || line[i - 1] == ':')))
      quote = c;
    else if (c == '#' && (!yaml || i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
      return i;
  }
  return std::string_view::npos;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The slots whose element starts on a line: the innermost one wins.
class Slots {
 public:
  Slots(const SourceFile& src, const Scheme& s) : src_(src) {
    add(s.info.span, "scheme");
    add(s.info.year_span, "scheme/year");
    add(s.info.total_span, "scheme/total");
    add(s.info.units_span, "scheme/units");
    for (const Department& d : s.departments) add(d.span, "department:" + d.id.text);
    for (const Group& g : s.groups) add(g.span, "group:" + g.id.text);
    for (const Indicator& i : s.indicators) {
      const std::string k = "indicator:" + i.id.text;
      add(i.span, k);
      add(i.owner.span, k + "/owner");
      add(i.points_span, k + "/points");
      add(i.key_span, k + "/key");
      add(i.score.span, k + "/score");
      if (i.report) add(i.report->span, k + "/report");
      if (!i.evidence.empty()) add(i.evidence.front().span, k + "/evidence");
      if (!i.proves.empty()) add(i.proves.front().span, k + "/proves");
      for (size_t n = 0; n < i.deductions.size(); ++n) add(i.deductions[n].span, fmt::format("{}/deduct:{}", k, n + 1));
      for (size_t n = 0; n < i.penalties.size(); ++n) add(i.penalties[n].span, fmt::format("{}/penalty:{}", k, n + 1));
    }
    for (const Inspection& in : s.inspections) add(in.span, "inspection:" + in.id.text);
    for (size_t n = 0; n < s.overall_penalties.size(); ++n)
      add(s.overall_penalties[n].span, fmt::format("overall:{}", n + 1));
  }

  const std::string* at_line(uint32_t line) const {
    auto it = by_line_.find(line);
    return it == by_line_.end() ? nullptr : &it->second.key;
  }

 private:
  struct Best {
    std::string key;
    uint32_t size;
  };
  void add(Span span, std::string key) {
    if (span.end <= span.begin || span.begin >= src_.text().size()) return;
    uint32_t line = src_.locate(span.begin).line, size = span.end - span.begin;
    auto it = by_line_.find(line);
    if (it == by_line_.end() || size < it->second.size) by_line_[line] = {std::move(key), size};
  }
  const SourceFile& src_;
  std::map<uint32_t, Best> by_line_;
};

}  // namespace

CommentMap collect_comments(const SourceFile& src, const Scheme& scheme, bool yaml) {
  CommentMap out;
  Slots slots(src, scheme);
  std::vector<std::string> waiting;  // whole-line comments, until a line with an element
  for (uint32_t n = 1; n <= src.line_count(); ++n) {
    std::string_view line = src.line_text(n);
    size_t hash = comment_start(line, yaml);
    std::string_view code = trim_right(line.substr(0, hash));
    const bool blank = code.find_first_not_of(" \t") == std::string_view::npos;
    std::optional<std::string> comment;
    if (hash != std::string_view::npos) comment = std::string(trim_right(line.substr(hash)));
    if (blank) {
      if (comment) waiting.push_back(std::move(*comment));
      continue;
    }
    const std::string* slot = slots.at_line(n);
    if (!slot) {  // `}` or a YAML section key: its comments wait for the next element
      if (comment) waiting.push_back(std::move(*comment));
      continue;
    }
    SlotComments& c = out[*slot];
    for (std::string& w : waiting) c.before.push_back(std::move(w));
    waiting.clear();
    if (comment) c.trailing = std::move(*comment);
  }
  for (std::string& w : waiting) out["end"].before.push_back(std::move(w));
  return out;
}

}  // namespace jf
