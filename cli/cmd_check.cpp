// `jianfu check PATH...`: lint schemes with the built-in pack and user packs.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/check_pipeline.hpp"
#include "engine/render.hpp"

namespace jf::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> rule_paths;
  std::vector<std::string> select, ignore;
  std::string format = "text";
  std::string fail_on = "error";
  bool no_builtin = false;
};

// `JF2` (prefix), `JF203` (id) or `ranking` (category) matches a rule.
bool matches(const RuleMeta& r, const std::string& sel) {
  return r.category == sel || r.id.rfind(sel, 0) == 0;
}

void apply_selection(RuleSet& rules, const CheckOptions& o) {
  for (const std::string& s : o.select)
    if (std::none_of(rules.rules().begin(), rules.rules().end(), [&](auto& r) { return matches(r, s); }))
      throw ToolError(fmt::format("--select {}: no rule id, prefix or category matches", s));
  for (const std::string& s : o.ignore)
    if (std::none_of(rules.rules().begin(), rules.rules().end(), [&](auto& r) { return matches(r, s); }))
      throw ToolError(fmt::format("--ignore {}: no rule id, prefix or category matches", s));
  for (const RuleMeta& r : rules.rules()) {
    bool on = o.select.empty() ||
              std::any_of(o.select.begin(), o.select.end(), [&](auto& s) { return matches(r, s); });
    if (std::any_of(o.ignore.begin(), o.ignore.end(), [&](auto& s) { return matches(r, s); })) on = false;
    rules.set_enabled(r.id, on);
  }
}

int run_check(const CheckOptions& o, const Globals& g) {
  const Lang lang = resolve_lang(g.lang);
  Severity fail_level = Severity::error;
  const bool never_fail = o.fail_on == "never";
  if (!never_fail && !parse_severity(o.fail_on, fail_level))
    throw ToolError(fmt::format("--fail-on {}: use error, warning, info or never", o.fail_on));
  SourceSet sources;
  RuleSet rules = load_rules(sources, o.rule_paths, !o.no_builtin, g);
  apply_selection(rules, o);

  std::vector<std::string> errors;
  std::vector<std::string> files = collect_schemes(o.paths, errors);
  std::vector<Diagnostic> all;
  std::vector<std::string> checked;
  for (const std::string& path : files) {
    std::string text;
    try {
      text = read_source_file(path, g.limits.max_file_bytes);
    } catch (const ToolError& e) {
      errors.push_back(e.what());
      continue;
    }
    uint32_t id = sources.add(path, std::move(text));
    FileCheck result = check_file(sources, id, &rules, g.limits);
    all.insert(all.end(), result.diagnostics.begin(), result.diagnostics.end());
    checked.push_back(path);
  }

  if (o.format == "json") {
    fmt::print("{}", render_json(all, sources, checked, lang));
  } else {
    RenderOptions ro{lang, use_color(stdout)};
    fmt::print("{}{}", render_text(all, sources, ro), render_summary(all, checked.size(), ro));
  }
  std::fflush(stdout);
  for (const std::string& e : errors) fmt::print(stderr, "jianfu: error: {}\n", e);
  if (!errors.empty()) return kToolFailed;
  if (never_fail) return kClean;
  bool fail = std::any_of(all.begin(), all.end(), [&](const Diagnostic& d) { return d.severity >= fail_level; });
  return fail ? kFindings : kClean;
}

}  // namespace

Action setup_check(CLI::App& app, Globals& g) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Lint scheme files or directories");
  cmd->add_option("paths", o->paths, "Scheme files (.assess, .yaml) or directories")->required();
  cmd->add_option("--rules", o->rule_paths, "Extra rule files or directories (.rules)");
  cmd->add_option("--select", o->select, "Only these rules: ids, id prefixes (JF2) or categories")->delimiter(',');
  cmd->add_option("--ignore", o->ignore, "Skip these rules: ids, id prefixes or categories")->delimiter(',');
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when a finding is at or above: error|warning|info|never");
  cmd->add_flag("--no-builtin", o->no_builtin, "Do not load the built-in rule pack");
  cmd->add_option("--max-file-size", g.limits.max_file_bytes, "Largest scheme file read, in bytes");
  return [o, &g] { return run_check(*o, g); };
}

}  // namespace jf::cli
