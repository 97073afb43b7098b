// `jianfu report SCHEME [--data FILE] [--against OLD] -o report.html`: one
// self-contained HTML page for the people who decide on a scheme.
#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/document_options.hpp"
#include "cli/project_config.hpp"
#include "cli/results_input.hpp"
#include "cli/scheme_input.hpp"
#include "render/render_html.hpp"

#ifndef JIANFU_VERSION
#define JIANFU_VERSION "dev"
#endif

namespace jf::cli {
namespace {

struct ReportOptions {
  std::string scheme, data, against, output;
  RuleFlags rules;
  std::string config;
  bool no_config = false;
  DocumentFlags documents;  // --units, --total: for documents
};

// The page replaces -o's file: it must not be one the report is made from.
void refuse_overwriting_inputs(const ReportOptions& o) {
  if (o.output.empty() || o.output == "-") return;
  std::vector<std::string> inputs = {o.scheme, o.data, o.against};
  inputs.insert(inputs.end(), o.rules.rule_paths.begin(), o.rules.rule_paths.end());
  if (!o.config.empty()) inputs.push_back(o.config);
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!in.empty() && std::filesystem::equivalent(o.output, in, ec))
      throw ToolError(msg("cli.out.is_report_input", {arg("path", o.output), arg("input", in)}));
  }
}

// --lang, else the config's language, else the scheme's: a Chinese scheme
// gets a Chinese report whatever the terminal's locale.
Lang report_lang(const std::string& flag, const Config* config, const Scheme& scheme) {
  if (!flag.empty()) return resolve_lang(flag);
  if (config && config->lang) return resolve_lang(config->lang->text);
  return scheme_is_chinese(scheme) ? Lang::zh : resolve_lang("");
}

int run_report(const ReportOptions& o, const Globals& g) {
  refuse_overwriting_inputs(o);
  const Lang message_lang = resolve_lang(g.lang);
  SourceSet sources;
  ProjectConfig project(sources, g, o.rules, o.config, o.no_config);
  const std::string config_path = project.config_for(o.scheme);
  const RuleSet& rules = project.rules_for(config_path);
  FileCheck now = load_checked_scheme(sources, o.scheme, &rules, g, message_lang,
                                      document_options(o.scheme, o.documents, project));

  HtmlReportInput in;
  in.path = o.scheme;
  in.sources = &sources;
  const CheckedScheme checked = now.view();
  in.check = &checked;
  in.rules = &rules;
  in.version = JIANFU_VERSION;
  in.lang = report_lang(g.lang, project.config(config_path), now.scheme);
  in.burden = compute_burden(now.scheme, now.facts);
  std::vector<std::string> units = unit_names(now.scheme);
  if (!units.empty()) in.compliant = score_compliant(now.scheme, units);
  if (!o.data.empty()) {
    if (units.empty()) throw ToolError(msg("cli.arg.no_units", {arg("path", o.scheme)}));
    in.scores = score(now.scheme, load_results_or_fail(o.data, now.scheme, g, message_lang));
    in.data_path = o.data;
  }
  std::optional<FileCheck> before;
  if (!o.against.empty()) {
    before = load_checked_scheme(sources, o.against, &project.rules_for(project.config_for(o.against)), g, message_lang,
                                 document_options(o.against, o.documents, project));
    in.diff = diff_schemes(before->view(), now.view());
    apply_rule_settings(in.diff->introduced, rules);  // JF406 follows the rule set like any native rule
    in.against_path = o.against;
  }
  write_output(o.output, render_report_html(in));
  return kClean;
}

}  // namespace

Action setup_report(CLI::App& app, Globals& g) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "One self-contained HTML page on a scheme, to read, print and send");
  cmd->add_option("scheme", o->scheme, "Scheme file (.assess, .yaml) or table (.csv, .tsv)")->required();
  cmd->add_option("--data", o->data, "Unit results (CSV, see docs/score.md): adds scores, places and penalties");
  cmd->add_option("--against", o->against, "The previous version: adds what this draft adds and removes");
  cmd->add_option("-o,--output", o->output, "Write the page to FILE (atomically) instead of stdout");
  cmd->add_option("--rules", o->rules.rule_paths, "Extra rule files or directories (.rules)");
  cmd->add_option("--config", o->config, "Use this config file (default: nearest .jianfu.yaml)");
  cmd->add_flag("--no-config", o->no_config, "Ignore .jianfu.yaml files");
  add_document_flags(cmd, o->documents);
  return [o, &g] { return run_report(*o, g); };
}

}  // namespace jf::cli
