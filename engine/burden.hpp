// Burden: what a scheme asks of each unit in a year, by department and in
// total, counted exactly as the derived facts say (language.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/facts.hpp"
#include "base/model.hpp"

namespace jf {

/// One department's load on a unit per year (or the totals, or the items
/// whose owner is not declared).
struct BurdenRow {
  std::string id, name;            // name: display name, else id
  std::optional<DeptKind> kind;
  int indicators = 0;              // indicators owned
  double points = 0;               // owned points, bonus items aside
  double share = 0;                // points / scheme total
  double ranked_points = 0;        // points of owned items scored by rank
  double ranked_share = 0;         // ranked_points / points (0 without points)
  double forms = 0;                // forms a unit files a year
  double evidence = 0;             // evidence items a unit produces a year
  double inspections = 0;          // inspections it runs, per unit-year
  int proof_depth = 0;             // deepest proof layer among its items
  int vetoes = 0;                  // veto items plus veto actions
  double offered_points = 0;       // owned points, bonus items included
  double trace_points = 0;         // of those, points rewarding traces (留痕分)
  double trace_share = 0;          // trace_points / offered_points (0 without points)
};

/// One indicator whose points reward traces, with what its criteria reward.
struct TraceItem {
  std::string id, name;
  double points = 0, trace_points = 0, trace_share = 0;
  std::vector<std::string> classes;  // the trace classes its criteria or words name
};

struct Burden {
  std::vector<BurdenRow> departments;  // by points, then forms, descending; ties in declaration order
  std::optional<BurdenRow> undeclared; // items whose owner is not a declared department
  BurdenRow total;                     // id "total"
  double units = 0;
  std::vector<TraceItem> traces;       // indicators with trace points, in scheme order
};

/// Computes the burden from the facts of `scheme` (compute_facts(scheme)).
Burden compute_burden(const Scheme& scheme, const Facts& facts);

}  // namespace jf
