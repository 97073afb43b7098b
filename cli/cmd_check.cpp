// `jianfu check PATH...`: lint schemes with the built-in pack and user packs.
#include <fmt/format.h>

#include <atomic>
#include <map>
#include <thread>

#include "cli/commands.hpp"
#include "engine/check_pipeline.hpp"
#include "engine/render.hpp"

#ifndef JIANFU_VERSION
#define JIANFU_VERSION "dev"
#endif

namespace jf::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> rule_paths;
  std::vector<std::string> select, ignore;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  bool no_builtin = false;
  bool statistics = false;
  unsigned jobs = 0;  // 0: one per core
};

// `JF2` (prefix), `JF203` (id) or `ranking` (category) matches a rule.
bool matches(const RuleMeta& r, const std::string& sel) {
  return r.category == sel || r.id.rfind(sel, 0) == 0;
}

void apply_selection(RuleSet& rules, const CheckOptions& o) {
  auto known = [&](const std::string& s) {
    return std::any_of(rules.rules().begin(), rules.rules().end(), [&](auto& r) { return matches(r, s); });
  };
  for (const std::string& s : o.select)
    if (!known(s)) throw ToolError(fmt::format("--select {}: no rule id, prefix or category matches", s));
  for (const std::string& s : o.ignore)
    if (!known(s)) throw ToolError(fmt::format("--ignore {}: no rule id, prefix or category matches", s));
  for (const RuleMeta& r : rules.rules()) {
    bool on = o.select.empty() ||
              std::any_of(o.select.begin(), o.select.end(), [&](auto& s) { return matches(r, s); });
    if (std::any_of(o.ignore.begin(), o.ignore.end(), [&](auto& s) { return matches(r, s); })) on = false;
    rules.set_enabled(r.id, on);
  }
}

// Checks every file, `jobs` at a time. Results are stored per file index, so
// the output is identical to a serial run.
std::vector<FileCheck> check_all(const SourceSet& sources, const std::vector<uint32_t>& ids, const RuleSet& rules,
                                 const Limits& limits, unsigned jobs) {
  std::vector<FileCheck> results(ids.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next++) < ids.size();) results[i] = check_file(sources, ids[i], &rules, limits);
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
  std::vector<std::string> checked;
  std::vector<uint32_t> ids;
  for (const std::string& path : collect_schemes(o.paths, errors)) {
    try {
      ids.push_back(sources.add(path, read_source_file(path, g.limits.max_file_bytes)));
      checked.push_back(path);
    } catch (const ToolError& e) {
      errors.push_back(e.what());
    }
  }
  std::vector<Diagnostic> all;
  for (FileCheck& r : check_all(sources, ids, rules, g.limits, o.jobs))
    all.insert(all.end(), std::make_move_iterator(r.diagnostics.begin()),
               std::make_move_iterator(r.diagnostics.end()));

  std::string out;
  if (o.format == "json") out = render_json(all, sources, checked, lang);
  else if (o.format == "sarif") out = render_sarif(all, sources, rules.rules(), lang, JIANFU_VERSION);
  else if (o.format == "github") out = render_github(all, sources, lang);
  else if (o.format == "gitlab") out = render_gitlab(all, sources, lang);
  else if (o.format == "junit") out = render_junit(all, sources, checked, lang);
  else if (o.statistics) out = statistics(all, rules, lang) + render_summary(all, checked.size(), {lang, false});
  else {
    RenderOptions ro{lang, o.output.empty() && use_color(stdout)};
    out = render_text(all, sources, ro) + render_summary(all, checked.size(), ro);
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
  cmd->add_option("--rules", o->rule_paths, "Extra rule files or directories (.rules)");
  cmd->add_option("--select", o->select, "Only these rules: ids, id prefixes (JF2) or categories")->delimiter(',');
  cmd->add_option("--ignore", o->ignore, "Skip these rules: ids, id prefixes or categories")->delimiter(',');
  cmd->add_option("--format", o->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gitlab", "junit"}));
  cmd->add_option("-o,--output", o->output, "Write the report to FILE (atomically) instead of stdout");
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when a finding is at or above: error|warning|info|never");
  cmd->add_flag("--statistics", o->statistics, "Count findings per rule instead of listing them");
  cmd->add_option("-j,--jobs", o->jobs, "Files checked in parallel (default: one per core)");
  cmd->add_flag("--no-builtin", o->no_builtin, "Do not load the built-in rule pack");
  cmd->add_option("--max-file-size", g.limits.max_file_bytes, "Largest scheme file read, in bytes");
  return [o, &g] { return run_check(*o, g); };
}

}  // namespace jf::cli
