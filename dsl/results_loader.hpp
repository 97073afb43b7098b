// Unit results for `jianfu score`: read from CSV (libcsv), and
// checked against a scheme, every problem reported with its row.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/model.hpp"
#include "engine/scorer.hpp"

namespace jf {

/// A problem with a data file, at a row (CSV: 1-based line where the record
/// starts, the header being line 1; YAML: the line of the entry); 0 means
/// the file as a whole.
struct DataIssue {
  uint32_t row = 0;
  Text message;
};

struct LoadedResults {
  ResultTable table;
  std::vector<DataIssue> issues;  // empty when the file is usable
};

/// Parses CSV text (RFC 4180: quoted fields, embedded newlines; a UTF-8 BOM is
/// skipped). The header names the columns `unit`, `indicator`, `value`,
/// `events` (any order; `value` or `events` may be left out). A value is a
/// number or pass/fail (pass, fail, yes, no, true, false, 达标, 未达标, 是, 否);
/// events are `name=count` separated by `;`. See docs/score.md.
LoadedResults parse_results_csv(std::string_view text);

/// Validates UTF-8, then parses the CSV, or the YAML form for `.yaml`/`.yml`
/// paths: `results:` a list of `{unit, indicator, value, events: {name: count}}`.
LoadedResults load_results(const std::string& path, const std::string& bytes);

/// Checks results against the scheme: unknown units, indicators and events,
/// missing rows, values of the wrong kind. Every unit needs a row for every
/// indicator except bonus items (no row = no bonus).
/// Without `report_missing` (the file had rows that could not be read, and
/// they are reported already) missing rows are not listed.
std::vector<DataIssue> validate_results(const Scheme&, const ResultTable&, bool report_missing = true);

/// Parses a cell value into `r` (number or pass/fail); false when it is neither
/// (full-width digits such as `７０．４` included: the message names them).
bool parse_value(std::string_view cell, UnitResult& r);

}  // namespace jf
