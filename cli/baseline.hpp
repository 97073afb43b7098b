// Baselines: record today's findings, then report only new ones.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "render/report.hpp"

namespace jf::cli {

/// A baseline file as a report: version and, per finding, file, rule,
/// fingerprint and message (the message only helps people reading it).
std::unique_ptr<ReportFormat> baseline_report();

/// The fingerprints recorded in a baseline file (cli/baseline_reader.hpp);
/// ToolError, in `lang`, when it cannot be read or is not a baseline.
std::set<std::string> read_baseline(const std::string& path, Lang lang);

/// Removes findings whose fingerprint is in `known`; returns how many.
size_t drop_known(std::vector<Diagnostic>& ds, const std::set<std::string>& known);

}  // namespace jf::cli
