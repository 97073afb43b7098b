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
      add(i.wording.content_span, k + "/content");
      add(i.wording.standard_span, k + "/standard");
      add(i.wording.method_span, k + "/method");
      add(i.wording.from_span, k + "/from");
    }
    for (const Inspection& in : s.inspections) add(in.span, "inspection:" + in.id.text);
    for (size_t n = 0; n < s.overall_penalties.size(); ++n)
      add(s.overall_penalties[n].span, fmt::format("overall:{}", n + 1));
  }

  /// The elements starting on a line: the first (outermost) one, which the
  /// comments above the line annotate, and the last (innermost) one, which a
  /// comment after the code annotates. Null when none starts there.
  struct OnLine {
    std::string first, last;
  };
  const OnLine* at_line(uint32_t line) const {
    auto it = by_line_.find(line);
    return it == by_line_.end() ? nullptr : &it->second.keys;
  }

 private:
  struct Found {
    OnLine keys;
    uint32_t first_begin, first_size, last_begin, last_size;
  };
  void add(Span span, std::string key) {
    if (span.end <= span.begin || span.begin >= src_.text().size()) return;
    // An id used twice (JF003): each copy has its own slots, numbered in the
    // order the writers meet them (slot_key in comments.hpp).
    key = slot_key(key, ++seen_[key]);
    uint32_t line = src_.locate(span.begin).line, size = span.end - span.begin;
    auto it = by_line_.find(line);
    if (it == by_line_.end()) {
      by_line_[line] = {{key, key}, span.begin, size, span.begin, size};
      return;
    }
    Found& f = it->second;
    if (span.begin < f.first_begin || (span.begin == f.first_begin && size > f.first_size))
      f.keys.first = key, f.first_begin = span.begin, f.first_size = size;
    if (span.begin > f.last_begin || (span.begin == f.last_begin && size < f.last_size))
      f.keys.last = key, f.last_begin = span.begin, f.last_size = size;
  }
  const SourceFile& src_;
  std::map<uint32_t, Found> by_line_;
  std::map<std::string, size_t> seen_;
};

}  // namespace

std::string slot_key(const std::string& slot, size_t nth) {
  return nth <= 1 ? slot : fmt::format("{}#{}", slot, nth);
}

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
      // A blank line after a comment (a file's heading, a note above a
      // section) stays: an empty entry, written as an empty line.
      else if (!waiting.empty() && !waiting.back().empty()) waiting.emplace_back();
      continue;
    }
    const Slots::OnLine* slot = slots.at_line(n);
    if (!slot) {  // `}` or a YAML section key: its comments wait for the next element
      if (comment) waiting.push_back(std::move(*comment));
      continue;
    }
    SlotComments& above = out[slot->first];
    for (std::string& w : waiting) above.before.push_back(std::move(w));
    waiting.clear();
    if (comment) out[slot->last].trailing = std::move(*comment);
  }
  while (!waiting.empty() && waiting.back().empty()) waiting.pop_back();
  for (std::string& w : waiting) out["end"].before.push_back(std::move(w));
  return out;
}

}  // namespace jf
