// Baselines: record today's findings, then report only new ones.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "dsl/source.hpp"
#include "engine/diagnostic.hpp"

namespace jf::cli {

/// The JSON text of a baseline: version and, per finding, file, rule,
/// fingerprint and message (the message only helps people reading it).
std::string baseline_json(const std::vector<Diagnostic>& ds, const SourceSet& sources);

/// The fingerprints recorded in a baseline file; ToolError when it cannot be
/// read or is not a baseline.
std::set<std::string> read_baseline(const std::string& path);

/// Removes findings whose fingerprint is in `known`; returns how many.
size_t drop_known(std::vector<Diagnostic>& ds, const std::set<std::string>& known);

}  // namespace jf::cli
