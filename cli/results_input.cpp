#include "cli/results_input.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "base/display_width.hpp"
#include "base/message.hpp"
#include "dsl/results_loader.hpp"
#include "engine/results_validate.hpp"

namespace jf::cli {
namespace {

// Data problems are the tool failing to do its job: every one is listed
// (escaped: the file is untrusted), then exit 2.
[[noreturn]] void fail(const std::string& path, const std::vector<DataIssue>& issues, Lang lang) {
  for (const DataIssue& i : issues) {
    std::string where = !i.row ? path : msg("cli.data_row", {arg("path", path), arg("row", i.row)}).in(lang);
    const std::string line = msg("cli.path_error", {arg("path", where), arg("error", i.message.in(lang))}).in(lang);
    std::fputs((sanitize_lines(line) + "\n").c_str(), stderr);
  }
  throw ToolError(msg("cli.arg.results_problems", {arg("path", path), arg("n", issues.size())}));
}

}  // namespace

ResultTable load_results_or_fail(const std::string& path, const Scheme& scheme, const Globals& g, Lang lang) {
  LoadedResults data = load_results(path, read_source_file(path, g.limits.max_file_bytes));
  // Rows that were read are still validated, so one run lists every
  // problem; a file unreadable as a whole (no rows) is not. Missing rows
  // are listed only when every row could be read: a row that could not is
  // reported already, and would be "missing" too.
  std::vector<DataIssue> issues = std::move(data.issues);
  if (!data.table.units.empty())
    for (DataIssue& i : validate_results(scheme, data.table, issues.empty())) issues.push_back(std::move(i));
  std::stable_sort(issues.begin(), issues.end(), [](const DataIssue& a, const DataIssue& b) {
    return (a.row ? a.row : UINT32_MAX) < (b.row ? b.row : UINT32_MAX);
  });
  if (!issues.empty()) fail(path, issues, lang);
  return std::move(data.table);
}

}  // namespace jf::cli
