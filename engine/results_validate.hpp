// Results checked against the scheme they are scored with (`jianfu score`):
// judging values by score mode is the engine's job, reading them the dsl's.
#pragma once
#include <vector>

#include "base/model.hpp"
#include "base/results.hpp"

namespace jf {

/// Checks results against the scheme: unknown units, indicators and events,
/// missing rows, values of the wrong kind. Every unit needs a row for every
/// indicator except bonus items (no row = no bonus).
/// Without `report_missing` (the file had rows that could not be read, and
/// they are reported already) missing rows are not listed.
std::vector<DataIssue> validate_results(const Scheme&, const ResultTable&, bool report_missing = true);

}  // namespace jf
