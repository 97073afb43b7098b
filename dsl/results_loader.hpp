// Unit results for `jianfu score`: read from CSV (libcsv) or YAML, every
// problem reported with its row (engine/results_validate checks them against
// a scheme).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/model.hpp"
#include "base/results.hpp"

namespace jf {

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

/// Parses a cell value into `r` (number or pass/fail); false when it is neither
/// (full-width digits such as `７０．４` included: the message names them).
bool parse_value(std::string_view cell, UnitResult& r);

}  // namespace jf
