#include "pipeline/suppress.hpp"

#include <fmt/format.h>

#include <string_view>
#include <unordered_map>

namespace jf {
namespace {

Diagnostic jf009(Span span, Message message, Message help) {
  return {.rule = "JF009", .name = "stale-suppression", .category = "structure",
          .severity = Severity::error, .span = span, .message = std::move(message), .help = std::move(help)};
}

// The comment rewritten with only `keep` of its ids, as `check --fix` writes
// it; with none left, the comment goes (and its line, when it holds nothing
// else).
Edit rewrite(const Suppression& s, const std::vector<std::string>& keep, const SourceFile& src) {
  if (keep.empty()) {
    std::string_view text = src.text();
    uint32_t b = s.span.begin, e = s.span.end;
    size_t line_start = text.rfind('\n', b == 0 ? 0 : b - 1);
    line_start = (b == 0 || line_start == std::string_view::npos) ? 0 : line_start + 1;
    bool alone = text.substr(line_start, b - line_start).find_first_not_of(" \t") == std::string_view::npos;
    if (alone) {
      b = static_cast<uint32_t>(line_start);
      if (e < text.size() && text[e] == '\r') ++e;
      if (e < text.size() && text[e] == '\n') ++e;
    } else {
      while (b > line_start && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
    }
    return {{s.span.file, b, e}, ""};
  }
  std::string out = fmt::format("# jianfu: {} {}", s.file_level ? "allow-file" : "allow", fmt::join(keep, ", "));
  if (!s.reason.empty()) out += " -- " + s.reason;
  return {s.span, out};
}

std::string upper(std::string id) {
  for (char& c : id)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return id;
}

}  // namespace

void apply_suppressions(std::vector<Diagnostic>& ds, const std::vector<Suppression>& sups, const SourceFile& src,
                        const RuleSet* rules) {
  if (sups.empty()) return;
  std::vector<std::vector<char>> used(sups.size());
  for (size_t i = 0; i < sups.size(); ++i) used[i].assign(sups[i].rules.size(), 0);
  // Names looked up by hash, per file or per (line, rule): an `allow-file`
  // list of a million names costs linear time, not names × findings.
  struct Bucket {
    std::vector<std::pair<size_t, size_t>> names;  // (suppression, index in its rules)
    bool marked = false;                           // every name in it marked used
  };
  std::unordered_map<std::string_view, Bucket> file_level;
  std::unordered_map<std::string, Bucket> by_line;  // "line rule"
  auto line_key = [](uint32_t line, std::string_view rule) { return fmt::format("{} {}", line, rule); };
  for (size_t i = 0; i < sups.size(); ++i)
    for (size_t r = 0; r < sups[i].rules.size(); ++r) {
      std::string_view id = sups[i].rules[r];
      if (id == "JF009") continue;  // JF009 cannot be suppressed: it is about suppressions
      Bucket& b = sups[i].file_level ? file_level[id] : by_line[line_key(sups[i].line, id)];
      b.names.emplace_back(i, r);
    }
  auto take = [&](Bucket* b) {
    if (!b) return false;
    if (!b->marked)
      for (auto [i, r] : b->names) used[i][r] = 1;
    b->marked = true;
    return true;
  };
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : ds) {
    Bucket* whole = nullptr;
    Bucket* here = nullptr;
    if (auto it = file_level.find(d.rule); it != file_level.end()) whole = &it->second;
    if (!by_line.empty())
      if (auto it = by_line.find(line_key(src.locate(d.span.begin).line, d.rule)); it != by_line.end())
        here = &it->second;
    bool suppressed = take(whole);
    suppressed = take(here) || suppressed;
    if (!suppressed) kept.push_back(std::move(d));
  }
  for (size_t i = 0; i < sups.size(); ++i) {
    const Suppression& s = sups[i];
    if (s.rules.empty())
      kept.push_back(jf009(s.span, msg("suppress.no_rule"), msg("suppress.no_rule.help")));
    if (s.reason.empty() && !s.rules.empty())
      kept.push_back(jf009(s.span, msg("suppress.no_reason", {list("rules", s.rules)}), msg("suppress.no_reason.help")));
    bool stale_fixed = false, case_fixed = false;  // one fix of each kind per comment and pass
    for (size_t r = 0; r < s.rules.size(); ++r) {
      const std::string& id = s.rules[r];
      if (rules && !rules->find(id)) {
        // `jf203`: the id in capitals is the one clear correction.
        const bool cased = upper(id) != id && rules->find(upper(id));
        kept.push_back(jf009(s.span, msg("suppress.unknown_rule", {arg("rule", id)}),
                             cased ? msg("suppress.unknown_rule.capitals", {arg("rule", upper(id))})
                                   : msg("suppress.unknown_rule.help")));
        if (cased && !case_fixed) {
          std::vector<std::string> fixed = s.rules;
          fixed[r] = upper(id);
          kept.back().fix.push_back(rewrite(s, fixed, src));
          case_fixed = true;
        }
      } else if (!used[i][r] && (!rules || rules->enabled(id))) {
        kept.push_back(jf009(s.span, msg("suppress.stale", {arg("rule", id)}), msg("suppress.stale.help")));
        // One rewrite per comment, dropping every stale id at once, on its
        // first stale finding: linear however many ids the comment names.
        if (!stale_fixed) {
          std::vector<std::string> keep;
          for (size_t k = 0; k < s.rules.size(); ++k)
            if (used[i][k] || (rules && (!rules->find(s.rules[k]) || !rules->enabled(s.rules[k]))))
              keep.push_back(s.rules[k]);
          kept.back().fix.push_back(rewrite(s, keep, src));
          stale_fixed = true;
        }
      }
    }
  }
  ds = std::move(kept);
}

}  // namespace jf
