// `jianfu score SCHEME --data FILE | --compliant`: apply a scheme to results.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/document_options.hpp"
#include "cli/scheme_input.hpp"
#include "dsl/results_loader.hpp"
#include "base/display_width.hpp"
#include "render/render_score.hpp"
#include "engine/results_validate.hpp"

namespace jf::cli {
namespace {

struct ScoreOptions {
  std::string scheme, data, format = "text";
  bool compliant = false;
  DocumentFlags documents;  // --units, --total: for a document
};

// Data problems are the tool failing to do its job: every one is listed,
// then exit 2. Nothing is scored from data that needed a guess.
void report_data_issues(const std::string& path, const std::vector<DataIssue>& issues, Lang lang) {
  for (const DataIssue& i : issues) {
    std::string where = !i.row ? path : msg("cli.data_row", {arg("path", path), arg("row", i.row)}).in(lang);
    std::fputs(fmt::format("{}: {}\n", sanitize_lines(where), sanitize_lines(i.message.in(lang))).c_str(), stderr);
  }
  throw ToolError(fmt::format("{}: {} problem{} in the results", path, issues.size(), issues.size() == 1 ? "" : "s"));
}

int run_score(const ScoreOptions& o, const Globals& g) {
  const Lang lang = resolve_lang(g.lang);
  if (o.data.empty() == !o.compliant)
    throw ToolError("give either --data FILE (unit results) or --compliant (the full-compliance counterfactual)");
  SourceSet sources;
  // A document's units and total: the flags, else the nearest .jianfu.yaml.
  ProjectConfig project(sources, g, {}, "", false);
  Scheme scheme = load_scheme_or_fail(sources, o.scheme, g, lang, document_options(o.scheme, o.documents, project));
  std::vector<std::string> units = unit_names(scheme);
  if (units.empty()) throw ToolError(fmt::format("{}: the scheme names no units to score", o.scheme));
  ScoreReport report;
  if (o.compliant) {
    report = score_compliant(scheme, units);
  } else {
    LoadedResults data = load_results(o.data, read_source_file(o.data, g.limits.max_file_bytes));
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
    if (!issues.empty()) report_data_issues(o.data, issues, lang);
    report = score(scheme, data.table);
  }
  std::string out = chosen_format(score_formats(), o.format).make(scheme, report, lang);
  write_output("", out);
  return kClean;
}

}  // namespace

Action setup_score(CLI::App& app, Globals& g) {
  auto o = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand("score", "Apply a scheme to unit results: points, ranking, penalties");
  cmd->add_option("scheme", o->scheme, "Scheme file (.assess or .yaml)")->required();
  cmd->add_option("--data", o->data, "Unit results (CSV, see docs/score.md)");
  cmd->add_flag("--compliant", o->compliant, "Score the case where every unit meets every standard");
  add_format_option(cmd, o->format, score_formats());
  add_document_flags(cmd, o->documents);
  return [o, &g] { return run_score(*o, g); };
}

}  // namespace jf::cli
