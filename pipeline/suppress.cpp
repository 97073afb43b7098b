#include "pipeline/suppress.hpp"

#include <fmt/format.h>

namespace jf {
namespace {

Diagnostic jf009(Span span, Text message, Text help) {
  return {.rule = "JF009", .name = "suppression-without-reason", .category = "structure",
          .severity = Severity::error, .span = span, .message = std::move(message), .help = std::move(help)};
}

}  // namespace

void apply_suppressions(std::vector<Diagnostic>& ds, const std::vector<Suppression>& sups, const SourceFile& src,
                        const RuleSet* rules) {
  if (sups.empty()) return;
  std::vector<std::vector<char>> used(sups.size());
  for (size_t i = 0; i < sups.size(); ++i) used[i].assign(sups[i].rules.size(), 0);
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : ds) {
    bool suppressed = false;
    uint32_t line = src.locate(d.span.begin).line;
    for (size_t i = 0; i < sups.size(); ++i) {
      const Suppression& s = sups[i];
      if (!s.file_level && s.line != line) continue;
      for (size_t r = 0; r < s.rules.size(); ++r)
        if (s.rules[r] == d.rule && d.rule != "JF009") {
          used[i][r] = 1;
          suppressed = true;
        }
    }
    if (!suppressed) kept.push_back(std::move(d));
  }
  for (size_t i = 0; i < sups.size(); ++i) {
    const Suppression& s = sups[i];
    if (s.rules.empty())
      kept.push_back(jf009(s.span, {"the suppression names no rule", "该豁免注释没有写明规则编号"},
                           {"write `# jianfu: allow JF102 -- reason`", "请写成 `# jianfu: allow JF102 -- 理由`"}));
    if (s.reason.empty() && !s.rules.empty())
      kept.push_back(jf009(s.span,
                           {fmt::format("suppression of {} gives no reason", fmt::join(s.rules, ", ")),
                            fmt::format("对 {} 的豁免没有说明理由", fmt::join(s.rules, "、"))},
                           {"add `-- reason` so reviewers know why the finding is accepted",
                            "请加上 `-- 理由`，让审核者知道为何接受该问题"}));
    for (size_t r = 0; r < s.rules.size(); ++r) {
      const std::string& id = s.rules[r];
      if (rules && !rules->find(id))
        kept.push_back(jf009(s.span, {fmt::format("suppression names unknown rule `{}`", id),
                                      fmt::format("豁免注释中的规则“{}”不存在", id)},
                             {"see `jianfu rules` for the ids", "规则编号见 `jianfu rules`"}));
      else if (!used[i][r] && (!rules || rules->enabled(id)))
        kept.push_back(jf009(s.span, {fmt::format("suppression of {} suppresses nothing", id),
                                      fmt::format("对 {} 的豁免没有抑制任何问题", id)},
                             {"remove the stale suppression", "请删除这条过时的豁免注释"}));
    }
  }
  ds = std::move(kept);
}

}  // namespace jf
