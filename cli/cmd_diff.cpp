// `jianfu diff OLD NEW`: what a draft's change adds or removes, findings and load.
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/document_options.hpp"
#include "cli/project_config.hpp"
#include "cli/run_policy.hpp"
#include "cli/scheme_input.hpp"
#include "render/render_scheme_diff.hpp"

namespace jf::cli {
namespace {

struct DiffOptions {
  std::string old_path, new_path, format = "text", fail_on;  // fail_on "": the config's, else error
  RuleFlags rules;
  std::string config;
  bool no_config = false;
  DocumentFlags documents;  // --units, --total: for documents (both versions)
};

int run_diff(const DiffOptions& o, Globals g) {
  SourceSet sources;
  // Both versions are checked with the rules `check` would give the new one
  // (its .jianfu.yaml), so a finding the config turns off is not "new"; its
  // `lang` and `fail-on` apply unless given as flags, as for check.
  ProjectConfig project(sources, g, o.rules, o.config, o.no_config);
  const std::string config_path = project.config_for(o.new_path);
  const RuleSet& rules = project.rules_for(config_path);
  const RunPolicy policy = run_policy(project.config(config_path), g, o.fail_on);
  const Lang lang = policy.lang;
  FileCheck before = load_checked_scheme(sources, o.old_path, &rules, g, lang,
                                         document_options(o.old_path, o.documents, project));
  FileCheck after = load_checked_scheme(sources, o.new_path, &rules, g, lang,
                                        document_options(o.new_path, o.documents, project));
  SchemeDiff d = diff_schemes(before.view(), after.view());
  apply_rule_settings(d.introduced, rules);  // JF406 follows the rule set like any native rule
  const DiffReportInput input{d, sources, o.old_path, o.new_path, lang, use_color(stdout)};
  write_output("", chosen_format(diff_formats(), o.format).make(input));
  bool fail = std::any_of(d.introduced.begin(), d.introduced.end(), [&](const Diagnostic& x) { return policy.fails_on(x.severity); });
  return fail ? kFindings : kClean;
}

}  // namespace

Action setup_diff(CLI::App& app, Globals& g) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "What a draft's change adds or removes: findings, indicators and load");
  cmd->add_option("old", o->old_path, "The old version (.assess or .yaml)")->required();
  cmd->add_option("new", o->new_path, "The new version (.assess or .yaml)")->required();
  add_format_option(cmd, o->format, diff_formats());
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when an introduced finding is at or above: error|warning|info|never");
  cmd->add_option("--select", o->rules.select, "As for check")->delimiter(',')->allow_extra_args(false);
  cmd->add_option("--ignore", o->rules.ignore, "As for check")->delimiter(',')->allow_extra_args(false);
  cmd->add_option("--config", o->config, "Use this config file (default: the nearest .jianfu.yaml of NEW)");
  cmd->add_flag("--no-config", o->no_config, "Ignore .jianfu.yaml files");
  cmd->add_option("--rules", o->rules.rule_paths, "Extra rule files or directories (.rules)")
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  add_document_flags(cmd, o->documents);
  return [o, &g] { return run_diff(*o, g); };  // a copy of g: the config may set the language
}

}  // namespace jf::cli
