#include "engine/burden.hpp"

#include <algorithm>

#include "base/lexicon.hpp"

namespace jf {
namespace {

int veto_count(const Indicator& ind) {
  int n = ind.score.mode == ScoreMode::veto ? 1 : 0;
  for (const Penalty& p : ind.penalties)
    for (const Action& a : p.actions) n += a.kind == ActionKind::veto;
  return n;
}

// `share`: the part of the item's points this row holds (an item shared by
// several owners counts for each, with its points split among them).
void add_indicator(BurdenRow& row, const Indicator& ind, const IndicatorFacts& f, double share = 1) {
  const double pts = (ind.score.mode == ScoreMode::bonus ? 0 : ind.points.value_or(0)) * share;
  row.indicators += 1;
  row.points += pts;
  if (ind.score.mode == ScoreMode::rank) row.ranked_points += pts;
  row.forms += f.forms_per_year;
  row.evidence += f.evidence_per_year;
  row.proof_depth = std::max(row.proof_depth, f.proof_depth.value_or(0));
  row.vetoes += veto_count(ind);
  row.offered_points += f.offered_points;
  row.trace_points += f.trace_points;
}

void finish(BurdenRow& row, double total) {
  row.share = total > 0 ? row.points / total : 0;
  row.ranked_share = row.points > 0 ? row.ranked_points / row.points : 0;
  row.trace_share = row.offered_points > 0 ? row.trace_points / row.offered_points : 0;
}

TraceItem trace_item(const Indicator& ind, const IndicatorFacts& f) {
  TraceItem t{ind.id.text, ind.name(), f.offered_points, f.trace_points, f.trace_share, {}};
  auto add = [&](const std::string& k) {
    if (is_trace_class(k) && std::find(t.classes.begin(), t.classes.end(), k) == t.classes.end()) t.classes.push_back(k);
  };
  for (const Criterion& c : f.criteria)
    if (c.understood) add(c.klass);
  if (t.classes.empty()) add(f.klass);
  return t;
}

}  // namespace

Burden compute_burden(const Scheme& s, const Facts& f) {
  Burden b;
  b.units = f.unit_count;
  const double total = s.info.total.value_or(0);
  for (const Department& d : s.departments) {
    BurdenRow row;
    row.id = d.id.text;
    row.name = d.display.empty() ? d.id.text : d.display;
    row.kind = d.kind;
    b.departments.push_back(row);
  }
  b.total.id = "total";
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const int owner = f.indicators[i].owner;
    BurdenRow* row = owner >= 0 ? &b.departments[owner] : nullptr;
    if (!row) {
      if (!b.undeclared) b.undeclared = BurdenRow{};
      row = &*b.undeclared;
      row->id = row->name = "?";
    }
    const double share = 1.0 / (1.0 + static_cast<double>(f.indicators[i].co_owners.size()));
    add_indicator(*row, s.indicators[i], f.indicators[i], share);
    for (int k : f.indicators[i].co_owners) add_indicator(b.departments[k], s.indicators[i], f.indicators[i], share);
    add_indicator(b.total, s.indicators[i], f.indicators[i]);
    if (f.indicators[i].trace_points > 0) b.traces.push_back(trace_item(s.indicators[i], f.indicators[i]));
  }
  for (size_t i = 0; i < s.inspections.size(); ++i) {
    if (f.inspection_by[i] >= 0) b.departments[f.inspection_by[i]].inspections += f.inspection_counts[i];
    b.total.inspections += f.inspection_counts[i];
  }
  for (const Penalty& p : s.overall_penalties)
    for (const Action& a : p.actions) b.total.vetoes += a.kind == ActionKind::veto;
  for (BurdenRow& r : b.departments) finish(r, total);
  if (b.undeclared) finish(*b.undeclared, total);
  finish(b.total, total);
  std::stable_sort(b.departments.begin(), b.departments.end(), [](const BurdenRow& a, const BurdenRow& c) {
    return a.points != c.points ? a.points > c.points : a.forms > c.forms;
  });
  return b;
}

}  // namespace jf
