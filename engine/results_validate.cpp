// Results checked against the scheme they are scored with.
#include "engine/results_validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "base/message.hpp"
#include "engine/scorer.hpp"

namespace jf {
namespace {

constexpr size_t kMaxIssues = 50;

struct Sink {
  std::vector<DataIssue> issues;
  size_t dropped = 0;
  // DataIssue still holds both languages (base/results.hpp, shared with the
  // results loader): the message is rendered in each here.
  void add(uint32_t row, const Message& m) {
    if (issues.size() < kMaxIssues) issues.push_back({row, {m.in(Lang::en), m.in(Lang::zh)}});
    else ++dropped;
  }
};

bool pass_like(const UnitResult& r) { return r.pass || (r.value && (*r.value == 0 || *r.value == 1)); }

void check_value(const Indicator& ind, const std::string& unit, const UnitResult& r, Sink& s) {
  const std::string& id = ind.id.text;
  switch (ind.score.mode) {
    case ScoreMode::rank:
      if (!r.value) s.add(r.row, msg("results.rank_needs_value", {arg("unit", unit), arg("id", id)}));
      break;
    case ScoreMode::threshold:
      if (ind.score.target_number ? !(r.value || r.pass) : !pass_like(r))
        s.add(r.row, msg(ind.score.target_number ? "results.threshold_needs_number_or_pass"
                                                 : "results.threshold_needs_pass",
                         {arg("unit", unit), arg("id", id)}));
      break;
    case ScoreMode::veto:
      if (!pass_like(r)) s.add(r.row, msg("results.veto_needs_pass", {arg("unit", unit), arg("id", id)}));
      break;
    case ScoreMode::deduction:
      if (r.value || r.pass)
        s.add(r.row, msg("results.deduction_takes_events", {arg("unit", unit), arg("id", id)}));
      break;
    case ScoreMode::bonus:
      if (!r.value || *r.value < 0)
        s.add(r.row, msg("results.bonus_needs_number", {arg("unit", unit), arg("id", id)}));
      break;
  }
  for (const auto& [event, count] : r.events) {
    bool known = false;
    for (const Deduction& d : ind.deductions) known = known || d.event == event;
    if (!known)
      s.add(r.row, msg("results.unknown_event", {arg("unit", unit), arg("id", id), arg("event", event)}));
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
        s.add(r.row, msg("results.unknown_unit", {arg("unit", unit)}));
        continue;
      }
      auto it = inds.find(id);
      if (it == inds.end()) s.add(r.row, msg("results.unknown_indicator", {arg("id", id)}));
      else check_value(*it->second, unit, r, s);
    }
  }
  for (const std::string& unit : report_missing ? units : std::vector<std::string>{})
    for (const Indicator& ind : scheme.indicators) {
      if (ind.score.mode == ScoreMode::bonus) continue;
      auto u = t.units.find(unit);
      if (u == t.units.end() || !u->second.count(ind.id.text))
        s.add(0, msg("results.missing", {arg("unit", unit), arg("id", ind.id.text)}));
    }
  // Row order reads like the file; whole-file problems (row 0) come last.
  std::stable_sort(s.issues.begin(), s.issues.end(), [](const DataIssue& a, const DataIssue& b) {
    return (a.row ? a.row : UINT32_MAX) < (b.row ? b.row : UINT32_MAX);
  });
  if (s.dropped)
    s.issues.push_back({0, {msg("results.more_problems", {arg("n", s.dropped)}).in(Lang::en),
                            msg("results.more_problems", {arg("n", s.dropped)}).in(Lang::zh)}});
  return s.issues;
}

}  // namespace jf
