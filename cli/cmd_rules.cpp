// `jianfu rules` (the catalogue) and `jianfu explain ID` (one rule in full);
// both render with render/render_catalogue.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "render/render_catalogue.hpp"

namespace jf::cli {
namespace {

struct RulesOptions {
  std::vector<std::string> rule_paths;
  std::string format = "text";
};

int run_rules(const RulesOptions& o, const Globals& g) {
  SourceSet sources;
  RuleSet rules = load_rules(sources, o.rule_paths, true, g);
  fmt::print("{}", chosen_format(rules_formats(), o.format).make(rules.rules(), resolve_lang(g.lang)));
  return kClean;
}

struct ExplainOptions {
  std::string id;
  std::vector<std::string> rule_paths;
};

int run_explain(const ExplainOptions& o, const Globals& g) {
  Lang lang = resolve_lang(g.lang);
  SourceSet sources;
  RuleSet rules = load_rules(sources, o.rule_paths, true, g);
  const RuleMeta* r = rules.find(o.id);
  if (!r) {
    for (const RuleMeta& m : rules.rules())
      if (m.name == o.id) r = &m;
  }
  if (!r) throw ToolError(msg("cli.arg.no_rule", {arg("id", o.id)}));
  fmt::print("{}", explanation(*r, lang));
  return kClean;
}

}  // namespace

Action setup_rules(CLI::App& app, Globals& g) {
  auto o = std::make_shared<RulesOptions>();
  CLI::App* cmd = app.add_subcommand("rules", "List the rules: id, name, category, severity, summary");
  cmd->add_option("--rules", o->rule_paths, "Also list rules from these files or directories")
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  add_format_option(cmd, o->format, rules_formats());
  return [o, &g] { return run_rules(*o, g); };
}

Action setup_explain(CLI::App& app, Globals& g) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Explain a rule: what it flags, why, what to do instead");
  cmd->add_option("id", o->id, "Rule id or name, e.g. JF302")->required();
  cmd->add_option("--rules", o->rule_paths, "Also load rules from these files or directories")
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  return [o, &g] { return run_explain(*o, g); };
}

}  // namespace jf::cli
