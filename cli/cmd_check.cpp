// `jianfu check PATH...`: lint schemes with the built-in pack and user packs.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "cli/baseline.hpp"
#include "cli/commands.hpp"
#include "cli/ordered_pool.hpp"
#include "cli/project_config.hpp"
#include "pipeline/check_pipeline.hpp"
#include "render/render.hpp"

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

// `--statistics`: findings counted per rule, none listed.
class StatisticsReport : public ReportFormat {
 public:
  StatisticsReport(const RuleSet& rules, RenderOptions ro) : rules_(rules), ro_(ro) {}

  std::string body(std::string_view, const std::vector<Diagnostic>&, const SourceSet&) const override { return {}; }

  std::string tail(const Tally& t) const override {
    std::vector<std::pair<std::string, size_t>> rows(t.by_rule.begin(), t.by_rule.end());
    std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::string out;
    for (auto& [rule, n] : rows) {
      const RuleMeta* m = rules_.find(rule);
      out += fmt::format("{:>5}  {:<6} {:<30} {}\n", n, rule, m ? m->name : "", m ? m->summary.in(ro_.lang) : "");
    }
    return out + render_summary(t, ro_);
  }

 private:
  const RuleSet& rules_;
  RenderOptions ro_;
};

std::unique_ptr<ReportFormat> make_format(const CheckOptions& o, const RuleSet& catalogue, Lang lang) {
  if (o.format == "json") return json_report(lang);
  if (o.format == "sarif") return sarif_report(catalogue.rules(), lang, JIANFU_VERSION);
  if (o.format == "github") return github_report(lang);
  if (o.format == "gitlab") return gitlab_report(lang);
  if (o.format == "junit") return junit_report(lang);
  RenderOptions ro{lang, o.output.empty() && use_color(stdout)};
  if (o.statistics) return std::make_unique<StatisticsReport>(catalogue, ro);
  return text_report(ro);
}

// A scheme to check and the rule set its config gives it.
struct Job {
  std::string path;
  const RuleSet* rules;
};

// What one checked file leaves behind once its text, model and findings are
// gone: its rendered report parts and counts.
struct FileOutcome {
  std::string body, baseline_body;
  Tally tally, baseline_tally;
  size_t baselined = 0;
  std::string error;  // the file could not be read
};

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

  // Every config and rule pack is loaded here, before any worker starts: a
  // broken one stops the run (exit 2) and the workers only read them. An
  // unreadable scheme is reported and the others are still checked.
  std::vector<std::string> errors, checked;
  std::vector<Job> jobs;
  std::set<std::string> named(o.paths.begin(), o.paths.end());
  for (const std::string& path : collect_schemes(o.paths, errors, o.skip_non_schemes)) {
    if (!named.count(path) && project.excluded(path)) continue;  // exclude globs skip walked files only
    const RuleSet* file_rules = &project.rules_for(project.config_for(path));
    try {
      check_readable(path);
    } catch (const ToolError& e) {
      errors.push_back(e.what());
      continue;
    }
    jobs.push_back({path, file_rules});
    checked.push_back(path);
  }
  // `-o` onto a checked file would replace the scheme with its own report.
  for (const std::string& target : {o.output, o.write_baseline}) {
    std::error_code ec;
    for (const std::string& path : checked)
      if (!target.empty() && target != "-" && std::filesystem::equivalent(target, path, ec))
        throw ToolError(fmt::format("{}: the output file is one of the checked files", target));
  }

  const RuleSet& catalogue = project.rules_for(project.config_for("./.jianfu-probe"));
  std::unique_ptr<ReportFormat> format = make_format(o, catalogue, lang);
  OutputFile out(o.output);
  ReportJoiner report(*format, checked, [&](std::string_view s) { out.write(s); });
  std::unique_ptr<ReportFormat> baseline_format;
  std::optional<OutputFile> baseline_out;
  std::optional<ReportJoiner> baseline;
  if (!o.write_baseline.empty()) {
    baseline_format = baseline_report();
    baseline_out.emplace(o.write_baseline);
    baseline.emplace(*baseline_format, checked, [&](std::string_view s) { baseline_out->write(s); });
  }

  // Each file is read, checked and rendered by one worker; its text is freed
  // as soon as its report parts exist, and they are written in file order.
  const uint32_t first_id = sources.reserve(static_cast<uint32_t>(jobs.size()));
  const Texts texts = lang == Lang::en ? Texts::english : Texts::both;
  // Only files in flight have an outcome: a null pointer per file otherwise.
  std::vector<std::unique_ptr<FileOutcome>> outcomes(jobs.size());
  auto work = [&](size_t i) {
    outcomes[i] = std::make_unique<FileOutcome>();
    FileOutcome& r = *outcomes[i];
    const uint32_t id = first_id + static_cast<uint32_t>(i);
    try {
      sources.set(id, jobs[i].path, read_source_file(jobs[i].path, g.limits.max_file_bytes));
    } catch (const ToolError& e) {
      r.error = e.what();
      return;
    }
    std::vector<Diagnostic> ds = std::move(check_file(sources, id, jobs[i].rules, g.limits, texts).diagnostics);
    if (baseline) {
      r.baseline_tally.add_file(ds);
      r.baseline_body = baseline_format->body(jobs[i].path, ds, sources);
    }
    r.baselined = drop_known(ds, known);
    r.tally.add_file(ds);
    r.body = format->body(jobs[i].path, ds, sources);
    sources.release(id);
  };
  size_t baselined = 0;
  auto emit = [&](size_t i) {
    std::unique_ptr<FileOutcome> done = std::move(outcomes[i]);
    FileOutcome& r = *done;
    if (!r.error.empty()) return errors.push_back(r.error);
    if (baseline) baseline->add(r.baseline_body, r.baseline_tally);
    report.add(r.body, r.tally);
    baselined += r.baselined;
  };
  unsigned threads = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  run_ordered(jobs.size(), threads, 4 * size_t{threads}, work, emit);

  if (baseline) {
    baseline->finish();
    baseline_out->commit();
  }
  const Tally& tally = report.finish();
  if (baselined && o.format == "text")
    out.write(lang == Lang::zh ? fmt::format("基线中已有的 {} 个问题未列出。\n", baselined)
                               : fmt::format("{} finding{} already in the baseline not shown.\n", baselined,
                                             baselined == 1 ? "" : "s"));
  out.commit();
  for (const std::string& e : errors) fmt::print(stderr, "jianfu: error: {}\n", e);
  if (!errors.empty()) return kToolFailed;
  if (never_fail) return kClean;
  return tally.any_at_least(fail_level) ? kFindings : kClean;
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
