// `jianfu check PATH...`: lint schemes with the built-in pack and user packs.
#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "cli/baseline.hpp"
#include "cli/commands.hpp"
#include "cli/project_config.hpp"
#include "engine/check_pipeline.hpp"
#include "engine/render.hpp"

#ifndef JIANFU_VERSION
#define JIANFU_VERSION "dev"
#endif

namespace jf::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  RuleFlags rules;
  std::string format = "text";
  std::string output;
  std::string fail_on;  // empty: from the config, else "error"
  std::string config;
  bool no_config = false;
  std::string baseline, write_baseline;
  bool statistics = false;
  bool skip_non_schemes = false;
  unsigned jobs = 0;  // 0: one per core
};

// Checks every file, `jobs` at a time. Findings are stored per file index, so
// the output is identical to a serial run; each file's model and facts are
// dropped as soon as it is checked, so memory does not grow with them.
std::vector<std::vector<Diagnostic>> check_all(const SourceSet& sources, const std::vector<uint32_t>& ids,
                                               const std::vector<const RuleSet*>& rules, const Limits& limits,
                                               unsigned jobs) {
  std::vector<std::vector<Diagnostic>> results(ids.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next++) < ids.size();)
      results[i] = std::move(check_file(sources, ids[i], rules[i], limits).diagnostics);
  };
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, ids.size()));
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  return results;
}

std::string statistics(const std::vector<Diagnostic>& all, const RuleSet& rules, Lang lang) {
  std::map<std::string, size_t> counts;
  for (const Diagnostic& d : all) ++counts[d.rule];
  std::vector<std::pair<std::string, size_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second > b.second; });
  std::string out;
  for (auto& [rule, n] : rows) {
    const RuleMeta* m = rules.find(rule);
    out += fmt::format("{:>5}  {:<6} {:<30} {}\n", n, rule, m ? m->name : "", m ? m->summary.in(lang) : "");
  }
  return out;
}

int run_check(const CheckOptions& o, Globals g) {
  SourceSet sources;
  ProjectConfig project(sources, g, o.rules, o.config, o.no_config);
  // Run-wide settings (language, failure level) come from the flags, else
  // from the config governing the current directory.
  const Config* here = project.config(project.config_for("./.jianfu-probe"));
  if (g.lang.empty() && here && here->lang) g.lang = here->lang->text;
  const Lang lang = resolve_lang(g.lang);
  std::string fail_on = !o.fail_on.empty() ? o.fail_on : here && here->fail_on ? here->fail_on->text : "error";
  Severity fail_level = Severity::error;
  const bool never_fail = fail_on == "never";
  if (!never_fail && !parse_severity(fail_on, fail_level))
    throw ToolError(fmt::format("--fail-on {}: use error, warning, info or never", fail_on));
  std::set<std::string> known;
  if (!o.baseline.empty()) known = read_baseline(o.baseline);

  std::vector<std::string> errors, checked;
  std::vector<uint32_t> ids;
  std::vector<const RuleSet*> rules;
  std::set<std::string> named(o.paths.begin(), o.paths.end());
  for (const std::string& path : collect_schemes(o.paths, errors, o.skip_non_schemes)) {
    if (!named.count(path) && project.excluded(path)) continue;  // exclude globs skip walked files only
    // A broken config or rule pack stops the run (exit 2); an unreadable
    // scheme is reported and the others are still checked.
    const RuleSet* file_rules = &project.rules_for(project.config_for(path));
    try {
      ids.push_back(sources.add(path, read_source_file(path, g.limits.max_file_bytes)));
    } catch (const ToolError& e) {
      errors.push_back(e.what());
      continue;
    }
    rules.push_back(file_rules);
    checked.push_back(path);
  }
  // `-o` onto a checked file would replace the scheme with its own report.
  for (const std::string& target : {o.output, o.write_baseline}) {
    std::error_code ec;
    for (const std::string& path : checked)
      if (!target.empty() && target != "-" && std::filesystem::equivalent(target, path, ec))
        throw ToolError(fmt::format("{}: the output file is one of the checked files", target));
  }
  std::vector<Diagnostic> all;
  for (std::vector<Diagnostic>& r : check_all(sources, ids, rules, g.limits, o.jobs))
    all.insert(all.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
  if (!o.write_baseline.empty()) write_output(o.write_baseline, baseline_json(all, sources));
  size_t baselined = drop_known(all, known);

  const RuleSet& catalogue = project.rules_for(project.config_for("./.jianfu-probe"));
  std::string out;
  if (o.format == "json") out = render_json(all, sources, checked, lang);
  else if (o.format == "sarif") out = render_sarif(all, sources, catalogue.rules(), lang, JIANFU_VERSION);
  else if (o.format == "github") out = render_github(all, sources, lang);
  else if (o.format == "gitlab") out = render_gitlab(all, sources, lang);
  else if (o.format == "junit") out = render_junit(all, sources, checked, lang);
  else {
    RenderOptions ro{lang, o.output.empty() && use_color(stdout)};
    out = o.statistics ? statistics(all, catalogue, lang) : render_text(all, sources, ro);
    out += render_summary(all, checked.size(), ro);
    if (baselined)
      out += lang == Lang::zh ? fmt::format("基线中已有的 {} 个问题未列出。\n", baselined)
                              : fmt::format("{} finding{} already in the baseline not shown.\n", baselined,
                                            baselined == 1 ? "" : "s");
  }
  write_output(o.output, out);
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
  cmd->add_option("--rules", o->rules.rule_paths, "Extra rule files or directories (.rules)");
  cmd->add_option("--select", o->rules.select, "Only these rules: ids, id prefixes (JF2) or categories")
      ->delimiter(',');
  cmd->add_option("--ignore", o->rules.ignore, "Skip these rules: ids, id prefixes or categories")->delimiter(',');
  cmd->add_option("--config", o->config, "Use this config file for every file (default: nearest .jianfu.yaml)");
  cmd->add_flag("--no-config", o->no_config, "Ignore .jianfu.yaml files");
  cmd->add_option("--baseline", o->baseline, "Report only findings not recorded in this baseline file");
  cmd->add_option("--write-baseline", o->write_baseline, "Record the current findings in FILE");
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab", "junit"}));
  cmd->add_option("-o,--output", o->output, "Write the report to FILE (atomically) instead of stdout");
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when a finding is at or above: error|warning|info|never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_flag("--statistics", o->statistics, "Count findings per rule instead of listing them");
  cmd->add_option("-j,--jobs", o->jobs, "Files checked in parallel (default: one per core)");
  cmd->add_flag("--skip-non-schemes", o->skip_non_schemes,
                "Skip named YAML files without a top-level `scheme` key (for pre-commit)");
  cmd->add_flag("--no-builtin", o->rules.no_builtin, "Do not load the built-in rule pack");
  cmd->add_option("--max-file-size", g.limits.max_file_bytes, "Largest scheme file read, in bytes");
  return [o, &g] { return run_check(*o, g); };
}

}  // namespace jf::cli
