#include "engine/facts.hpp"

#include <algorithm>
#include <cmath>

#include "engine/scorer.hpp"

namespace jf {

double periods_per_year(Frequency f) {
  switch (f) {
    case Frequency::daily: return 365;
    case Frequency::weekly: return 52;
    case Frequency::monthly: return 12;
    case Frequency::quarterly: return 4;
    case Frequency::semiannual: return 2;
    case Frequency::yearly: return 1;
    case Frequency::adhoc: return 12;
  }
  return 0;
}

double inspections_per_year(const Inspection& i) {
  if (i.times) return *i.times;
  switch (i.frequency) {
    case InspectionFrequency::annual: return 1;
    case InspectionFrequency::semiannual: return 2;
    case InspectionFrequency::quarterly: return 4;
    case InspectionFrequency::monthly: return 12;
    case InspectionFrequency::spot: return 1;
  }
  return 0;
}

double hits_under_full_compliance(const Trigger& t, double units) {
  switch (t.kind) {
    case TriggerKind::bottom: return std::max(0.0, std::min(t.value, units));
    case TriggerKind::bottom_percent:
      return std::max(0.0, std::min(units, std::ceil(t.value / 100.0 * units - 1e-9)));
    case TriggerKind::last: return units > 0 ? 1 : 0;
    case TriggerKind::below: return 0;
  }
  return 0;
}

namespace {

// Proof depth by iterative DFS (no recursion, so a long `proves` chain cannot
// overflow the stack). Nodes on a cycle, or that reach one, get no depth.
void compute_proof_depths(Facts& f) {
  const int n = static_cast<int>(f.indicators.size());
  enum State : char { unvisited, active, done };
  std::vector<State> state(n, unvisited);
  std::vector<char> tainted(n, 0);  // on or behind a cycle
  std::vector<int> depth(n, 0);
  for (int root = 0; root < n; ++root) {
    if (state[root] != unvisited) continue;
    std::vector<std::pair<int, size_t>> stack{{root, 0}};
    state[root] = active;
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      const auto& succ = f.indicators[v].proves;
      if (next < succ.size()) {
        int w = succ[next++];
        if (state[w] == unvisited) {
          state[w] = active;
          stack.push_back({w, 0});
        } else if (state[w] == active) {
          std::vector<int> cycle;  // from w to v along the stack
          auto it = std::find_if(stack.begin(), stack.end(), [w](auto& e) { return e.first == w; });
          for (; it != stack.end(); ++it) cycle.push_back(it->first);
          for (int c : cycle) tainted[c] = 1;
          f.proof_cycles.push_back(std::move(cycle));
        }
        continue;
      }
      int d = 0;
      for (int w : succ) {
        if (tainted[w]) tainted[v] = 1;
        d = std::max(d, depth[w] + 1);
      }
      depth[v] = d;
      state[v] = done;
      stack.pop_back();
    }
  }
  for (int i = 0; i < n; ++i)
    if (!tainted[i]) f.indicators[i].proof_depth = depth[i];
}

// Penalty hits under full compliance come from the scorer's counterfactual
// (`jianfu score --compliant`), so rules and that command always agree; it
// also settles `below X` (ranked places under X points, totals under X).
// Past a size budget the closed form above stands in.
void use_compliant_scoring(const Scheme& s, Facts& f) {
  if (f.unit_count * (static_cast<double>(s.indicators.size()) + 1) > 5e6) return;
  std::vector<std::string> units = unit_names(s);
  if (units.size() != f.unit_count) return;
  const CompliantHits r = compliant_penalty_hits(s, static_cast<int>(units.size()));
  for (size_t i = 0; i < s.indicators.size(); ++i)
    for (size_t p = 0; p < s.indicators[i].penalties.size(); ++p)
      f.indicators[i].penalty_hits[p] = r.indicator_hits[i][p];
  for (size_t p = 0; p < s.overall_penalties.size(); ++p) f.overall_penalty_hits[p] = r.overall_hits[p];
}

}  // namespace

Facts compute_facts(const Scheme& s) {
  Facts f;
  f.unit_count = s.info.units.empty() ? s.info.unit_count.value_or(0)
                                      : static_cast<double>(s.info.units.size());
  for (size_t i = 0; i < s.departments.size(); ++i)
    f.department_index.emplace(s.departments[i].id.text, static_cast<int>(i));
  for (size_t i = 0; i < s.indicators.size(); ++i)
    f.indicator_index.emplace(s.indicators[i].id.text, static_cast<int>(i));
  f.departments.resize(s.departments.size());
  const double total = s.info.total.value_or(0);

  f.indicators.resize(s.indicators.size());
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const Indicator& ind = s.indicators[i];
    IndicatorFacts& x = f.indicators[i];
    if (auto it = f.department_index.find(ind.owner.text); it != f.department_index.end())
      x.owner = it->second;
    for (const Name& p : ind.proves)
      if (auto it = f.indicator_index.find(p.text); it != f.indicator_index.end())
        x.proves.push_back(it->second);
    if (ind.report) {
      x.periods = ind.report->times ? *ind.report->times : periods_per_year(ind.report->frequency);
      x.forms_per_year = x.periods * ind.report->forms;
    }
    x.evidence_per_year =
        static_cast<double>(ind.evidence.size()) * (ind.report ? x.periods : 1.0);
    for (const Penalty& p : ind.penalties)
      x.penalty_hits.push_back(hits_under_full_compliance(p.trigger, f.unit_count));
    // A veto item is a sanction in itself: where it is, the whole year is lost.
    x.sanctions = ind.penalties;
    if (ind.score.mode == ScoreMode::veto)
      x.sanctions.push_back({{TriggerKind::below, ind.points.value_or(0), ind.score.span},
                             {{ActionKind::veto, 0, ind.score.span}},
                             ind.score.span});
    const double pts = ind.score.mode == ScoreMode::bonus ? 0 : ind.points.value_or(0);
    f.points_sum += pts;
    f.forms_per_year += x.forms_per_year;
    f.evidence_per_year += x.evidence_per_year;
    for (const Name& c : ind.co_owners)
      if (auto it = f.department_index.find(c.text); it != f.department_index.end() && it->second != x.owner)
        x.co_owners.push_back(it->second);
    // A shared item is each owner's item (its forms and evidence are asked
    // for by each); its points are split, so the shares still add up.
    const double split = 1.0 + static_cast<double>(x.co_owners.size());
    auto own = [&](int k) {
      DepartmentFacts& d = f.departments[k];
      d.indicators.push_back(static_cast<int>(i));
      d.points += pts / split;
      d.forms_per_year += x.forms_per_year;
      d.evidence_per_year += x.evidence_per_year;
    };
    if (x.owner >= 0) own(x.owner);
    for (int k : x.co_owners) own(k);
  }
  for (DepartmentFacts& d : f.departments) d.share = total > 0 ? d.points / total : 0;

  for (size_t i = 0; i < s.inspections.size(); ++i) {
    const Inspection& in = s.inspections[i];
    int by = -1;
    if (auto it = f.department_index.find(in.by.text); it != f.department_index.end()) {
      by = it->second;
      f.departments[by].inspections.push_back(static_cast<int>(i));
    }
    f.inspection_by.push_back(by);
    f.inspection_counts.push_back(inspections_per_year(in));
    f.inspections_per_year += f.inspection_counts.back();
  }
  for (const Penalty& p : s.overall_penalties)
    f.overall_penalty_hits.push_back(hits_under_full_compliance(p.trigger, f.unit_count));
  compute_proof_depths(f);
  compute_wording_facts(s, f);
  use_compliant_scoring(s, f);
  return f;
}

}  // namespace jf
