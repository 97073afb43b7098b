#include "engine/scorer.hpp"
#include "base/message.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/facts.hpp"

namespace jf {
namespace {

// Results compare after rounding to 1e-6, so 0.1 + 0.2 ties with 0.3.
double key_of(double v) { return std::round(v * 1e6) / 1e6; }

// Places and "units strictly worse" for keys where higher is better. With
// `by_order`, equal keys are broken by unit index (earlier = better), so no
// two units tie: the full-compliance rule.
struct Ranking {
  std::vector<int> place, worse;
};

Ranking rank_units(const std::vector<double>& keys, bool by_order) {
  const int n = static_cast<int>(keys.size());
  std::vector<int> idx(n);
  std::iota(idx.begin(), idx.end(), 0);
  auto better = [&](int a, int b) { return key_of(keys[a]) > key_of(keys[b]); };
  // Under full compliance every unit has the same key: nothing to sort (and
  // stable_sort would allocate), which is most of what `check` ranks.
  if (!std::is_sorted(idx.begin(), idx.end(), better)) std::stable_sort(idx.begin(), idx.end(), better);
  Ranking r{std::vector<int>(n), std::vector<int>(n)};
  for (int pos = 0; pos < n;) {
    int end = pos + 1;  // [pos, end): one tied group (a single unit with by_order)
    while (!by_order && end < n && key_of(keys[idx[end]]) == key_of(keys[idx[pos]])) ++end;
    for (int k = pos; k < end; ++k) {
      r.place[idx[k]] = pos + 1;
      r.worse[idx[k]] = n - end;
    }
    pos = end;
  }
  return r;
}

// Units a rank-triggered penalty reaches: those with fewer than N units below.
int bottom_count(const Trigger& t, int n) {
  return static_cast<int>(hits_under_full_compliance(t, n));
}

bool hits(const Trigger& t, int worse, double points, int n) {
  if (t.kind == TriggerKind::below) return key_of(points) < key_of(t.value);
  return worse < bottom_count(t, n);
}

double deducted(const Indicator& ind, const UnitResult* r) {
  if (!r) return 0;
  double lost = 0;
  for (const Deduction& d : ind.deductions) {
    auto it = r->events.find(d.event);
    if (it == r->events.end()) continue;
    double x = it->second * d.points;
    lost += d.cap ? std::min(x, *d.cap) : x;
  }
  return lost;
}

bool meets(const Indicator& ind, const UnitResult* r) {
  if (!r) return false;
  const Scoring& s = ind.score;
  if (s.target_number && r->value && !r->pass)
    return s.lower_better ? *r->value <= *s.target_number : *r->value >= *s.target_number;
  if (r->pass) return *r->pass;
  return r->value && *r->value != 0;
}

struct Context {
  const Scheme& scheme;
  std::vector<const std::map<std::string, UnitResult>*> rows;  // per unit, may be null
  bool compliant;
};

const UnitResult* result_of(const Context& c, size_t unit, const Indicator& ind) {
  if (c.compliant || !c.rows[unit]) return nullptr;
  auto it = c.rows[unit]->find(ind.id.text);
  return it == c.rows[unit]->end() ? nullptr : &it->second;
}

void apply_actions(UnitScore& u, const std::vector<Action>& actions, PenaltyHit from) {
  for (const Action& a : actions) {
    if (a.kind == ActionKind::veto) {
      u.vetoed = true;
      u.vetoes.push_back({.indicator = from.indicator, .penalty = from.penalty});
    }
    if (a.kind == ActionKind::deduct) u.penalty_deducted += a.amount;
    if (a.kind == ActionKind::disqualify) u.disqualified = true;
  }
}

void score_indicator(const Context& c, size_t i, std::vector<UnitScore>& out, ScoreReport& rep) {
  const Indicator& ind = c.scheme.indicators[i];
  const int n = static_cast<int>(out.size());
  const double full = ind.points.value_or(0);
  std::vector<double> order_keys(n);
  for (int u = 0; u < n; ++u) {
    const UnitResult* r = result_of(c, u, ind);
    ItemScore& it = out[u].items[i];
    switch (ind.score.mode) {
      case ScoreMode::rank:
        order_keys[u] = r && r->value ? (ind.score.lower_better ? -*r->value : *r->value) : 0;
        break;
      case ScoreMode::threshold:
      case ScoreMode::veto:
        it.failed = !c.compliant && !meets(ind, r);
        it.points = it.failed ? 0 : full;
        if (it.failed && ind.score.mode == ScoreMode::veto) {
          out[u].vetoed = true;
          std::string written = !r ? "" : r->pass ? (*r->pass ? "pass" : "fail") : r->value ? format_number(*r->value) : "";
          out[u].vetoes.push_back({.indicator = static_cast<int>(i), .result = written, .row = r ? r->row : 0});
        }
        break;
      case ScoreMode::deduction: it.points = full; break;
      case ScoreMode::bonus: it.points = r && r->value ? std::clamp(*r->value, 0.0, full) : 0; break;
    }
  }
  if (ind.score.mode == ScoreMode::rank) {
    Ranking rk = rank_units(order_keys, c.compliant);
    for (int u = 0; u < n; ++u) {
      out[u].items[i].place = rk.place[u];
      out[u].items[i].points = rank_points(ind.score, full, rk.place[u], n);
    }
  }
  for (int u = 0; u < n; ++u) {
    ItemScore& it = out[u].items[i];
    it.deducted = std::min(it.points, deducted(ind, result_of(c, u, ind)));
    it.points -= it.deducted;
    if (ind.score.mode != ScoreMode::rank) order_keys[u] = it.points;
  }
  // Rank items keep their results' order for penalties; other items order by points.
  Ranking rk = rank_units(order_keys, c.compliant);
  rep.indicator_hits[i].assign(ind.penalties.size(), 0);
  for (size_t p = 0; p < ind.penalties.size(); ++p)
    for (int u = 0; u < n; ++u)
      if (hits(ind.penalties[p].trigger, rk.worse[u], out[u].items[i].points, n)) {
        out[u].penalties.push_back({static_cast<int>(i), static_cast<int>(p)});
        apply_actions(out[u], ind.penalties[p].actions, {static_cast<int>(i), static_cast<int>(p)});
        ++rep.indicator_hits[i][p];
      }
}

void score_overall(const Context& c, std::vector<UnitScore>& out, ScoreReport& rep) {
  const int n = static_cast<int>(out.size());
  std::vector<double> totals(n);
  for (int u = 0; u < n; ++u) {
    UnitScore& s = out[u];
    s.subtotal = 0;
    for (const ItemScore& it : s.items) s.subtotal += it.points;
    s.total = s.vetoed ? 0 : std::max(0.0, s.subtotal - s.penalty_deducted);
    totals[u] = s.total;
  }
  Ranking rk = rank_units(totals, c.compliant);
  const auto& ops = c.scheme.overall_penalties;
  rep.overall_hits.assign(ops.size(), 0);
  for (int u = 0; u < n; ++u) {
    UnitScore& s = out[u];
    s.place = rk.place[u];
    for (size_t p = 0; p < ops.size(); ++p)
      if (hits(ops[p].trigger, rk.worse[u], totals[u], n)) {
        s.penalties.push_back({-1, static_cast<int>(p)});
        apply_actions(s, ops[p].actions, {-1, static_cast<int>(p)});
        ++rep.overall_hits[p];
      }
    // Overall actions change the final total but not the ranking they came from.
    s.total = s.vetoed ? 0 : std::max(0.0, s.subtotal - s.penalty_deducted);
  }
}

ScoreReport run(const Context& c, const std::vector<std::string>& units) {
  ScoreReport rep;
  rep.compliant = c.compliant;
  std::vector<UnitScore> out(units.size());
  for (size_t u = 0; u < units.size(); ++u) {
    out[u].unit = units[u];
    out[u].items.resize(c.scheme.indicators.size());
  }
  rep.indicator_hits.resize(c.scheme.indicators.size());
  for (size_t i = 0; i < c.scheme.indicators.size(); ++i) score_indicator(c, i, out, rep);
  score_overall(c, out, rep);
  std::vector<size_t> idx(out.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return out[a].place < out[b].place; });
  for (size_t k : idx) rep.units.push_back(std::move(out[k]));
  return rep;
}

}  // namespace

double rank_points(const Scoring& s, double points, int place, int n) {
  const double floor = s.floor.value_or(0);
  double v;
  if (s.top || s.step) {
    v = s.top.value_or(points) - s.step.value_or(0) * (place - 1);
  } else {
    v = n <= 1 ? points : points - (points - floor) * (place - 1) / (n - 1);
  }
  return std::max({v, floor, 0.0});
}

ScoreReport score(const Scheme& s, const ResultTable& results) {
  std::vector<std::string> units = unit_names(s);
  Context c{s, {}, false};
  for (const std::string& u : units) {
    auto it = results.units.find(u);
    c.rows.push_back(it == results.units.end() ? nullptr : &it->second);
  }
  return run(c, units);
}

ScoreReport score_compliant(const Scheme& s, const std::vector<std::string>& units) {
  Context c{s, std::vector<const std::map<std::string, UnitResult>*>(units.size(), nullptr), true};
  return run(c, units);
}

// The same run as score_compliant (score_indicator, then score_overall, with
// no results and units ordered by declaration), keeping per unit only what a
// later penalty or the overall ranking reads: the subtotal, the `deduct X`
// actions and whether a veto action fell. Without results every unit earns
// the same points on a non-ranked item and the rank items' keys are all 0,
// so each item's ranking is declaration order (unit u has n-1-u units
// below it); only the overall totals need rank_units.
CompliantHits compliant_penalty_hits(const Scheme& s, int n) {
  CompliantHits h;
  n = std::max(n, 0);
  std::vector<double> subtotal(n, 0.0), penalty_deducted(n, 0.0), points(n, 0.0);
  std::vector<char> vetoed(n, 0);
  h.indicator_hits.resize(s.indicators.size());
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const Indicator& ind = s.indicators[i];
    const double full = ind.points.value_or(0);
    for (int u = 0; u < n; ++u) {
      double p = 0;
      switch (ind.score.mode) {
        case ScoreMode::rank: p = rank_points(ind.score, full, u + 1, n); break;
        case ScoreMode::threshold:
        case ScoreMode::veto:
        case ScoreMode::deduction: p = full; break;
        case ScoreMode::bonus: p = 0; break;
      }
      p -= std::min(p, 0.0);  // no deduction events: score_indicator's min(points, 0)
      points[u] = p;
      subtotal[u] += p;
    }
    std::vector<int>& hit = h.indicator_hits[i];
    hit.assign(ind.penalties.size(), 0);
    for (size_t k = 0; k < ind.penalties.size(); ++k)
      for (int u = 0; u < n; ++u)
        if (hits(ind.penalties[k].trigger, n - 1 - u, points[u], n)) {
          for (const Action& a : ind.penalties[k].actions) {
            if (a.kind == ActionKind::veto) vetoed[u] = 1;
            if (a.kind == ActionKind::deduct) penalty_deducted[u] += a.amount;
          }
          ++hit[k];
        }
  }
  std::vector<double> totals(n);
  for (int u = 0; u < n; ++u) totals[u] = vetoed[u] ? 0 : std::max(0.0, subtotal[u] - penalty_deducted[u]);
  const Ranking rk = rank_units(totals, true);
  const auto& ops = s.overall_penalties;
  h.overall_hits.assign(ops.size(), 0);
  for (int u = 0; u < n; ++u)
    for (size_t k = 0; k < ops.size(); ++k)
      if (hits(ops[k].trigger, rk.worse[u], totals[u], n)) ++h.overall_hits[k];
  return h;
}

std::vector<std::string> unit_names(const Scheme& s, double max_units) {
  std::vector<std::string> out;
  if (!s.info.units.empty()) {
    for (const Name& n : s.info.units) out.push_back(n.text);
    return out;
  }
  double n = s.info.unit_count.value_or(0);
  if (!(n >= 0 && n <= max_units) || n != std::floor(n)) return out;
  for (int i = 1; i <= static_cast<int>(n); ++i) out.push_back("#" + std::to_string(i));
  return out;
}

}  // namespace jf

namespace jf {
namespace {

Message action_text(const Action& a) {
  switch (a.kind) {
    case ActionKind::interview: return msg("scorer.action.interview");
    case ActionKind::statement: return msg("scorer.action.statement");
    case ActionKind::notice: return msg("scorer.action.notice");
    case ActionKind::veto: return msg("scorer.action.veto");
    case ActionKind::deduct: return msg("scorer.action.deduct", {arg("points", a.amount)});
    case ActionKind::disqualify: return msg("scorer.action.disqualify");
    case ActionKind::accountability: return msg("scorer.action.accountability");
  }
  return Message(Text{"?", "?"});
}

}  // namespace

std::string describe_actions(const std::vector<Action>& actions, Lang lang) {
  std::string out;
  for (const Action& a : actions) {
    if (!out.empty()) out += catalogue_text("list.separator", lang);
    out += action_text(a).in(lang);
  }
  return out;
}

std::string describe_trigger(const Trigger& t, Lang lang) {
  const char* key = nullptr;
  switch (t.kind) {
    case TriggerKind::bottom: key = "scorer.trigger.bottom"; break;
    case TriggerKind::bottom_percent: key = "scorer.trigger.bottom_percent"; break;
    case TriggerKind::last: key = "scorer.trigger.last"; break;
    case TriggerKind::below: key = "scorer.trigger.below"; break;
  }
  if (key) return msg(key, {arg("n", t.value)}).in(lang);
  return "?";
}

}  // namespace jf
