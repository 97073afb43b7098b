// Derived facts: what the engine counts about a scheme, computed once and
// shared by every rule and command (language.md, "Derived facts").
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/clauses.hpp"
#include "base/model.hpp"

namespace jf {

/// Periods a year of a reporting frequency (daily 365 … adhoc 12).
double periods_per_year(Frequency);
/// Count a year of an inspection frequency (spot defaults to 1).
double inspections_per_year(const Inspection&);
/// Units a rank-triggered penalty hits when every unit meets every standard:
/// bottom N → min(N, units), bottom N% → ceil(N% × units), last → 1 (0 with
/// no units); `below X` → 0, since compliant units keep their full points.
/// This is the closed form; compute_facts refines each penalty's count with
/// the scorer's full-compliance run (engine/scorer.hpp, score_compliant).
double hits_under_full_compliance(const Trigger&, double units);

struct IndicatorFacts {
  int owner = -1;                // index into departments, -1 when undeclared or missing
  std::vector<int> co_owners;    // the other departments sharing it (Indicator::co_owners)
  std::vector<int> proves;       // indices of the declared indicators it proves
  double periods = 0;            // reporting periods a year (0 without `report`)
  double forms_per_year = 0;     // periods × forms
  double evidence_per_year = 0;  // evidence kinds × (periods, or 1 without `report`)
  std::optional<int> proof_depth;  // nullopt when on or behind a `proves` cycle
  std::vector<double> penalty_hits;  // per penalty: units hit under full compliance (score_compliant)
  std::vector<Criterion> criteria;   // read from the kept wording (engine/wording_facts.cpp)
  std::string klass;                 // the reward class of its own words (id, name, target, content)
  double offered_points = 0;         // its points, or for an item without points what its criteria award
  double trace_points = 0;           // points that reward traces rather than results (docs/burden.md)
  double trace_share = 0;            // trace_points / points (0 without points)
  std::vector<Penalty> sanctions;    // its penalties, and for a `score veto` item the veto itself
  int sub_items = 0;                 // sub-items its wording lists: （1）… （2）…, ①…, 一是…
};

struct DepartmentFacts {
  std::vector<int> indicators;   // owned indicators
  std::vector<int> inspections;  // inspections it runs
  double points = 0;             // owned indicators' points (bonus items aside)
  double share = 0;              // points / scheme total (0 without a total)
  double forms_per_year = 0;
  double evidence_per_year = 0;
};

/// Everything derived from one scheme. Indices refer to the Scheme's vectors;
/// where ids repeat, the first declaration wins.
struct Facts {
  double unit_count = 0;          // named units, or the `units N` count
  double points_sum = 0;          // all indicator points except bonus items
  double forms_per_year = 0;      // per unit
  double evidence_per_year = 0;   // per unit
  double inspections_per_year = 0;
  double trace_points = 0;        // over every indicator with points, bonus items included
  double offered_points = 0;      // the points those indicators offer
  double trace_share = 0;         // trace_points / offered_points (0 without points)
  std::vector<IndicatorFacts> indicators;
  std::vector<DepartmentFacts> departments;
  std::vector<int> inspection_by;          // department index per inspection, -1 unknown
  std::vector<double> inspection_counts;   // per inspection, a year
  std::vector<double> overall_penalty_hits;
  std::vector<std::vector<int>> proof_cycles;  // each cycle once, as indicator indices
  std::unordered_map<std::string, int> indicator_index;
  std::unordered_map<std::string, int> department_index;
};

Facts compute_facts(const Scheme&);

/// The criteria, classes and trace share of every indicator (part of compute_facts).
void compute_wording_facts(const Scheme&, Facts&);

}  // namespace jf
