// Unit results as `jianfu score` reads them (dsl/results_loader) and scores
// them (engine/scorer): the table both sides share.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"

namespace jf {

/// One unit's result on one indicator, as read from a data file.
struct UnitResult {
  std::optional<double> value;          // a number (rank, numeric threshold, bonus)
  std::optional<bool> pass;             // pass/fail (threshold, veto)
  std::map<std::string, double> events; // deduction events, by name
  uint32_t row = 0;                     // row (CSV) or line (YAML) in the data file
};

/// All results of a data file: unit → indicator id → result.
struct ResultTable {
  std::map<std::string, std::map<std::string, UnitResult>> units;
};

/// A problem with a data file, at a row (CSV: 1-based line where the record
/// starts, the header being line 1; YAML: the line of the entry); 0 means
/// the file as a whole.
struct DataIssue {
  uint32_t row = 0;
  Text message;
};

}  // namespace jf
