// Scoring: applies a scheme to unit results (points, places, deductions,
// vetoes, bonuses, penalties) and the full-compliance counterfactual.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/model.hpp"
#include "base/results.hpp"

namespace jf {

/// A penalty that fell on a unit: `indicator` indexes Scheme::indicators
/// (-1 for an overall penalty), `penalty` that element's penalty list.
struct PenaltyHit {
  int indicator = -1;
  int penalty = 0;
};

/// Why a unit was vetoed: a veto item it did not meet (`penalty` < 0; its
/// result as written and the data row), or a penalty with a `veto` action
/// (`indicator` -1 for an overall one).
struct VetoCause {
  int indicator = -1;
  int penalty = -1;
  std::string result;  // "fail", "0", "" when the unit has no result
  uint32_t row = 0;
};

struct ItemScore {
  double points = 0;          // after deductions, before penalty actions
  double deducted = 0;        // points lost to deduction events (capped)
  std::optional<int> place;   // rank items: 1-based, ties share the best place
  bool failed = false;        // threshold not reached, veto item failed
};

struct UnitScore {
  std::string unit;
  std::vector<ItemScore> items;    // parallel to Scheme::indicators
  double subtotal = 0;             // Σ items (bonus included)
  double penalty_deducted = 0;     // `deduct X` actions
  double total = 0;                // final; 0 when vetoed
  bool vetoed = false;
  bool disqualified = false;
  int place = 0;                   // on the overall ranking, ties share
  std::vector<PenaltyHit> penalties;
  std::vector<VetoCause> vetoes;   // empty unless vetoed
};

/// The outcome for every unit, best first, and how many units each penalty hit.
struct ScoreReport {
  std::vector<UnitScore> units;                    // sorted by place, then scheme order
  std::vector<std::vector<int>> indicator_hits;    // [indicator][penalty] → units hit
  std::vector<int> overall_hits;                   // [overall penalty] → units hit
  bool compliant = false;
};

/// Points for place `place` (1-based) of `n` on a ranked item worth `points`:
/// `top`/`step` → top − step × (place − 1); otherwise a linear spread from
/// `points` (1st) to `floor` (last, default 0). Never below `floor` or 0.
double rank_points(const Scoring&, double points, int place, int n);

/// Scores `results` (already validated) with the scheme's units in scheme order.
ScoreReport score(const Scheme&, const ResultTable& results);

/// The full-compliance counterfactual: every unit reaches every standard,
/// passes every veto, has no deduction events and earns no bonus; units are
/// still ordered on every item (however little their results differ) in
/// scheme declaration order, so no two units tie anywhere. `units` names the
/// units (for a `units N` scheme the caller passes "#1" … "#N").
ScoreReport score_compliant(const Scheme&, const std::vector<std::string>& units);

/// How many units each penalty hits under full compliance: exactly
/// score_compliant(scheme, units).indicator_hits / overall_hits for `n`
/// units, without building the report (no names, no per-unit item lists).
/// Every fact computation asks this (engine/facts.cpp); the report's other
/// parts are only for `jianfu score --compliant` and the HTML report.
struct CompliantHits {
  std::vector<std::vector<int>> indicator_hits;  // [indicator][penalty]
  std::vector<int> overall_hits;                 // [overall penalty]
};
CompliantHits compliant_penalty_hits(const Scheme&, int n);

/// The unit names of a scheme: named units, or "#1" … "#N" for `units N`
/// (empty when N is not a whole number in [0, max_units]).
std::vector<std::string> unit_names(const Scheme&, double max_units = 100000);

/// Human names of the actions, e.g. "interview, statement" / "约谈、表态发言".
std::string describe_actions(const std::vector<Action>&, Lang);
/// A trigger as written: "bottom 3", "bottom 10%", "last", "below 60".
std::string describe_trigger(const Trigger&, Lang);

}  // namespace jf
