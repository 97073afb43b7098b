// Results checked against the scheme they are scored with.
#include "engine/results_validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "engine/scorer.hpp"

namespace jf {
namespace {

constexpr size_t kMaxIssues = 50;

struct Sink {
  std::vector<DataIssue> issues;
  size_t dropped = 0;
  void add(uint32_t row, std::string en, std::string zh) {
    if (issues.size() < kMaxIssues) issues.push_back({row, {std::move(en), std::move(zh)}});
    else ++dropped;
  }
};

bool pass_like(const UnitResult& r) { return r.pass || (r.value && (*r.value == 0 || *r.value == 1)); }

void check_value(const Indicator& ind, const std::string& unit, const UnitResult& r, Sink& s) {
  const std::string& id = ind.id.text;
  switch (ind.score.mode) {
    case ScoreMode::rank:
      if (!r.value) s.add(r.row, fmt::format("{} / {}: a ranked item needs a numeric value", unit, id),
                          fmt::format("{} / {}：排名指标需要数值", unit, id));
      break;
    case ScoreMode::threshold:
      if (ind.score.target_number ? !(r.value || r.pass) : !pass_like(r))
        s.add(r.row,
              fmt::format("{} / {}: needs {}", unit, id,
                          ind.score.target_number ? "a number or pass/fail" : "pass or fail (the target is text)"),
              fmt::format("{} / {}：需要{}", unit, id, ind.score.target_number ? "数值或达标/未达标" : "达标或未达标（目标为文字）"));
      break;
    case ScoreMode::veto:
      if (!pass_like(r)) s.add(r.row, fmt::format("{} / {}: a veto item needs pass or fail", unit, id),
                               fmt::format("{} / {}：一票否决项需要达标或未达标", unit, id));
      break;
    case ScoreMode::deduction:
      if (r.value || r.pass)
        s.add(r.row, fmt::format("{} / {}: a deduction item takes events, not a value", unit, id),
              fmt::format("{} / {}：扣分制指标只填事件次数，不填值", unit, id));
      break;
    case ScoreMode::bonus:
      if (!r.value || *r.value < 0)
        s.add(r.row, fmt::format("{} / {}: a bonus item needs a number ≥ 0", unit, id),
              fmt::format("{} / {}：加分项需要非负数值", unit, id));
      break;
  }
  for (const auto& [event, count] : r.events) {
    bool known = false;
    for (const Deduction& d : ind.deductions) known = known || d.event == event;
    if (!known)
      s.add(r.row, fmt::format("{} / {}: the indicator has no deduction for event `{}`", unit, id, event),
            fmt::format("{} / {}：该指标没有针对事件 `{}` 的扣分规则", unit, id, event));
  }
}

}  // namespace

std::vector<DataIssue> validate_results(const Scheme& scheme, const ResultTable& t, bool report_missing) {
  Sink s;
  std::vector<std::string> units = unit_names(scheme);
  std::set<std::string> known_units(units.begin(), units.end());
  std::map<std::string, const Indicator*> inds;
  for (const Indicator& i : scheme.indicators) inds.emplace(i.id.text, &i);
  for (const auto& [unit, rows] : t.units) {
    const bool unit_ok = known_units.count(unit) > 0;
    for (const auto& [id, r] : rows) {
      if (!unit_ok) {
        s.add(r.row, fmt::format("unknown unit `{}`", unit), fmt::format("未知的单位 `{}`", unit));
        continue;
      }
      auto it = inds.find(id);
      if (it == inds.end()) s.add(r.row, fmt::format("unknown indicator `{}`", id), fmt::format("未知的指标 `{}`", id));
      else check_value(*it->second, unit, r, s);
    }
  }
  for (const std::string& unit : report_missing ? units : std::vector<std::string>{})
    for (const Indicator& ind : scheme.indicators) {
      if (ind.score.mode == ScoreMode::bonus) continue;
      auto u = t.units.find(unit);
      if (u == t.units.end() || !u->second.count(ind.id.text))
        s.add(0, fmt::format("no result for {} / {}", unit, ind.id.text),
              fmt::format("缺少 {} / {} 的结果", unit, ind.id.text));
    }
  // Row order reads like the file; whole-file problems (row 0) come last.
  std::stable_sort(s.issues.begin(), s.issues.end(), [](const DataIssue& a, const DataIssue& b) {
    return (a.row ? a.row : UINT32_MAX) < (b.row ? b.row : UINT32_MAX);
  });
  if (s.dropped)
    s.issues.push_back({0, {fmt::format("… and {} more problems", s.dropped), fmt::format("……另有 {} 个问题", s.dropped)}});
  return s.issues;
}

}  // namespace jf
