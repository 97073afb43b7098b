#include "cli/results_input.hpp"

#include <fmt/format.h>

#include "base/message.hpp"

#include "dsl/results_loader.hpp"
#include "engine/results_validate.hpp"

namespace jf::cli {
namespace {

[[noreturn]] void fail(const std::string& path, const std::vector<DataIssue>& issues, Lang lang) {
  for (const DataIssue& i : issues) {
    std::string where = !i.row ? path : msg("cli.data_row", {arg("path", path), arg("row", i.row)}).in(lang);
    fmt::print(stderr, "{}: {}\n", where, i.message.in(lang));
  }
  throw ToolError(fmt::format("{}: {} problem{} in the results", path, issues.size(), issues.size() == 1 ? "" : "s"));
}

}  // namespace

ResultTable load_results_or_fail(const std::string& path, const Scheme& scheme, const Globals& g, Lang lang) {
  LoadedResults data = load_results(path, read_source_file(path, g.limits.max_file_bytes));
  if (!data.issues.empty()) fail(path, data.issues, lang);
  std::vector<DataIssue> issues = validate_results(scheme, data.table);
  if (!issues.empty()) fail(path, issues, lang);
  return std::move(data.table);
}

}  // namespace jf::cli
