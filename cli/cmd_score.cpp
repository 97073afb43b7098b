// `jianfu score SCHEME --data FILE | --compliant`: apply a scheme to results.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/document_options.hpp"
#include "cli/results_input.hpp"
#include "cli/scheme_input.hpp"
#include "render/render_score.hpp"

namespace jf::cli {
namespace {

struct ScoreOptions {
  std::string scheme, data, format = "text";
  bool compliant = false;
  DocumentFlags documents;  // --units, --total: for a document
};

int run_score(const ScoreOptions& o, const Globals& g) {
  const Lang lang = resolve_lang(g.lang);
  if (o.data.empty() == !o.compliant) throw ToolError(msg("cli.arg.score_input"));
  SourceSet sources;
  // A document's units and total: the flags, else the nearest .jianfu.yaml.
  ProjectConfig project(sources, g, {}, "", false);
  Scheme scheme = load_scheme_or_fail(sources, o.scheme, g, lang, document_options(o.scheme, o.documents, project));
  std::vector<std::string> units = unit_names(scheme);
  if (units.empty()) throw ToolError(msg("cli.arg.no_units", {arg("path", o.scheme)}));
  const ScoreReport report =
      o.compliant ? score_compliant(scheme, units) : score(scheme, load_results_or_fail(o.data, scheme, g, lang));
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
