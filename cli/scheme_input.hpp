// Reading the one scheme a command applies (score, burden, diff).
#pragma once
#include <string>

#include "cli/common.hpp"
#include "dsl/document.hpp"
#include "pipeline/check_pipeline.hpp"

namespace jf::cli {

/// Loads and checks `path` with `rules` (may be null); a document is read
/// with `doc` (its units and total: cli/document_options.hpp). A scheme with
/// syntax errors cannot be applied: its JF001 findings go to stderr and
/// ToolError is thrown.
FileCheck load_checked_scheme(SourceSet& sources, const std::string& path, const RuleSet* rules,
                              const Globals& g, Lang lang, const DocumentOptions& doc = {});

/// load_checked_scheme without rules, keeping only the model.
Scheme load_scheme_or_fail(SourceSet& sources, const std::string& path, const Globals& g, Lang lang,
                           const DocumentOptions& doc = {});

}  // namespace jf::cli
