// The output formats of `check`: one row each (render/output_format.hpp).
#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "base/rule_meta.hpp"
#include "base/text.hpp"
#include "render/output_format.hpp"
#include "render/report.hpp"

namespace jf {

/// What a `check` format may need besides the findings it is given per file.
struct CheckFormatArgs {
  Lang lang = Lang::en;
  bool color = false;                            // ANSI colours (text only); the CLI decides
  const std::vector<RuleMeta>* rules = nullptr;  // the loaded rules (SARIF lists them); null: none
  std::string_view version = "dev";              // the tool's version (SARIF)
};

using CheckFormatMaker = std::unique_ptr<ReportFormat> (*)(const CheckFormatArgs&);
using CheckFormat = OutputFormat<CheckFormatMaker>;

/// Every `check --format`, the default (text) first.
FormatList<CheckFormatMaker> check_formats();

}  // namespace jf
