// `jianfu config [PATH]`: the effective settings for a file or directory —
// which config governs it, and every rule's state, severity and parameters.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/project_config.hpp"

namespace jf::cli {
namespace {

struct ConfigOptions {
  std::string path = ".";
  RuleFlags rules;
  std::string config;
  bool no_config = false;
  std::string format = "text";
};

// A parameter value as a config file would write it.
template <typename V>
std::string value_text(const V& v) {
  if (auto* d = std::get_if<double>(&v)) return format_number(*d);
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return nlohmann::json(std::get<std::string>(v)).dump();
}

std::string param_text(const ParamValue& p) {
  auto* list = std::get_if<std::vector<ParamValue::Scalar>>(&p.value);
  if (!list) return value_text(p.value);
  std::string out;
  for (const auto& s : *list) out += (out.empty() ? "" : ", ") + value_text(s);
  return "[" + out + "]";
}

int run_config(const ConfigOptions& o, const Globals& g) {
  SourceSet sources;
  ProjectConfig project(sources, g, o.rules, o.config, o.no_config);
  std::string config_path = std::filesystem::is_directory(o.path) ? project.config_for_directory(o.path)
                                                                  : project.config_for(o.path);
  const Config* c = project.config(config_path);
  const RuleSet& rules = project.rules_for(config_path);
  std::string lang = !g.lang.empty() ? g.lang : c && c->lang ? c->lang->text : std::string(resolve_lang("") == Lang::zh ? "zh" : "en");
  std::string fail_on = c && c->fail_on ? c->fail_on->text : "error";

  std::vector<const RuleMeta*> sorted;
  for (const RuleMeta& r : rules.rules()) sorted.push_back(&r);
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });

  if (o.format == "json") {
    nlohmann::ordered_json out = {{"config", config_path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(config_path)},
                                  {"lang", lang},
                                  {"fail_on", fail_on},
                                  {"rules", nlohmann::ordered_json::array()}};
    for (const RuleMeta* r : sorted) {
      nlohmann::ordered_json params = nlohmann::ordered_json::object();
      for (const RuleParam& p : r->params) params[p.name] = param_text(p.default_value);
      out["rules"].push_back({{"id", r->id}, {"enabled", rules.enabled(r->id)},
                              {"severity", to_string(r->severity)}, {"parameters", params}});
    }
    fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return kClean;
  }
  fmt::print("config:  {}\nlang:    {}\nfail-on: {}\n\n", config_path.empty() ? "(none)" : config_path, lang, fail_on);
  for (const RuleMeta* r : sorted) {
    std::string params;
    for (const RuleParam& p : r->params) params += fmt::format("  {}={}", p.name, param_text(p.default_value));
    fmt::print("{:<6} {:<3} {:<7}{}\n", r->id, rules.enabled(r->id) ? "on" : "off", to_string(r->severity), params);
  }
  return kClean;
}

}  // namespace

Action setup_config(CLI::App& app, Globals& g) {
  auto o = std::make_shared<ConfigOptions>();
  CLI::App* cmd = app.add_subcommand("config", "Show the effective settings for a file or directory");
  cmd->add_option("path", o->path, "A scheme file or directory (default: the current directory)");
  cmd->add_option("--rules", o->rules.rule_paths, "Extra rule files or directories (.rules)")
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  cmd->add_option("--select", o->rules.select, "As for check")->delimiter(',')
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  cmd->add_option("--ignore", o->rules.ignore, "As for check")->delimiter(',')
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  cmd->add_option("--config", o->config, "Use this config file");
  cmd->add_flag("--no-config", o->no_config, "Ignore .jianfu.yaml files");
  cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [o, &g] { return run_config(*o, g); };
}

}  // namespace jf::cli
