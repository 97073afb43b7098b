// `jianfu rules` (the catalogue) and `jianfu explain ID` (one rule in full).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "engine/display_width.hpp"

namespace jf::cli {
namespace {

struct RulesOptions {
  std::vector<std::string> rule_paths;
  std::string format = "text";
};

std::string pad_to(const std::string& s, size_t width) {
  size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

int run_rules(const RulesOptions& o, const Globals& g) {
  Lang lang = resolve_lang(g.lang);
  SourceSet sources;
  RuleSet rules = load_rules(sources, o.rule_paths, true, g);
  if (o.format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const RuleMeta& r : rules.rules()) {
      nlohmann::ordered_json params = nlohmann::ordered_json::object();
      for (const RuleParam& p : r.params) params[p.name] = p.default_text;
      out.push_back({{"id", r.id},
                     {"name", r.name},
                     {"category", r.category},
                     {"severity", to_string(r.severity)},
                     {"summary", r.summary.in(lang)},
                     {"builtin", r.builtin},
                     {"parameters", params}});
    }
    fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return kClean;
  }
  fmt::print("{}  {}  {}  {}  {}\n", pad_to("ID", 6), pad_to("NAME", 30), pad_to("CATEGORY", 14),
             pad_to("SEVERITY", 8), "SUMMARY");
  for (const RuleMeta& r : rules.rules())
    fmt::print("{}  {}  {}  {}  {}\n", pad_to(r.id, 6), pad_to(r.name, 30), pad_to(r.category, 14),
               pad_to(std::string(to_string(r.severity)), 8), r.summary.in(lang));
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
  if (!r) throw ToolError(fmt::format("no rule `{}` (see `jianfu rules`)", o.id));
  const bool zh = lang == Lang::zh;
  fmt::print("{} {} ({}, {})\n\n{}\n\n", r->id, r->name, r->category, to_string(r->severity), r->summary.in(lang));
  if (!r->explain.in(lang).empty()) fmt::print("{}\n\n", r->explain.in(lang));
  if (!r->params.empty()) {
    fmt::print("{}\n", zh ? "参数（可在 .jianfu.yaml 中覆盖）：" : "Parameters (override in .jianfu.yaml):");
    for (const RuleParam& p : r->params) fmt::print("  {} = {}\n", p.name, p.default_text);
    fmt::print("\n");
  }
  if (!r->example.empty()) fmt::print("{}\n{}\n", zh ? "触发示例：" : "Example that fires:", r->example);
  return kClean;
}

}  // namespace

Action setup_rules(CLI::App& app, Globals& g) {
  auto o = std::make_shared<RulesOptions>();
  CLI::App* cmd = app.add_subcommand("rules", "List the rules: id, name, category, severity, summary");
  cmd->add_option("--rules", o->rule_paths, "Also list rules from these files or directories");
  cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [o, &g] { return run_rules(*o, g); };
}

Action setup_explain(CLI::App& app, Globals& g) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Explain a rule: what it flags, why, what to do instead");
  cmd->add_option("id", o->id, "Rule id or name, e.g. JF302")->required();
  cmd->add_option("--rules", o->rule_paths, "Also load rules from these files or directories");
  return [o, &g] { return run_explain(*o, g); };
}

}  // namespace jf::cli
