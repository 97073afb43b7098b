// `jianfu check PATH...`: lint schemes with the built-in pack and user packs.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "cli/baseline.hpp"
#include "cli/fix.hpp"
#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/document_options.hpp"
#include "cli/ordered_pool.hpp"
#include "cli/progress.hpp"
#include "cli/project_config.hpp"
#include "cli/run_policy.hpp"
#include "dsl/document.hpp"
#include "dsl/table_import.hpp"
#include "pipeline/check_pipeline.hpp"
#include "render/check_formats.hpp"
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
  bool force_exclude = false;   // `exclude` also skips files named on the command line
  bool fix = false, diff = false;  // apply the mechanical fixes / print them as a diff
  std::string stdin_filename;   // `check -`: the name messages and format detection use
  unsigned jobs = 0;  // 0: one per core
  bool progress = false, no_progress = false;  // default: on a terminal only (cli/progress.hpp)
  DocumentFlags documents;      // --units, --total: for documents
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
      // Chinese output leaves the English rule names out: the id names the rule.
      if (ro_.lang == Lang::zh) out += fmt::format("{:>5}  {:<6} {}\n", n, rule, m ? m->summary.in(ro_.lang) : "");
      else out += fmt::format("{:>5}  {:<6} {:<30} {}\n", n, rule, m ? m->name : "", m ? m->summary.in(ro_.lang) : "");
    }
    return out + render_summary(t, ro_);
  }

 private:
  const RuleSet& rules_;
  RenderOptions ro_;
};

std::unique_ptr<ReportFormat> make_format(const CheckOptions& o, const RuleSet& catalogue, Lang lang) {
  RenderOptions ro{lang, o.output.empty() && use_color(stdout)};
  if (o.statistics) return std::make_unique<StatisticsReport>(catalogue, ro);
  return chosen_format(check_formats(), o.format).make({lang, ro.color, &catalogue.rules(), JIANFU_VERSION});
}

// A scheme to check and the rule set its config gives it.
struct Job {
  std::string path;
  const RuleSet* rules;
  const std::string* text = nullptr;  // standard input, already read
  DocumentOptions document = {};      // a document's units and total (flags, config)
};

// What one checked file leaves behind once its text, model and findings are
// gone: its rendered report parts and counts.
struct FileOutcome {
  std::string body, baseline_body;
  Tally tally, baseline_tally;
  size_t baselined = 0;
  Message error;  // the file could not be read
};

// --fix and --diff: each file's fixes, applied and checked again until none
// is left (fixing one syntax error lets the parser reach the next), at most
// 10 times. Returns the fixed text, or the text as read.
std::string fixed_text(const std::string& path, const RuleSet* rules, const Globals& g, size_t& fixes) {
  std::string text = read_source_file(path, g.limits.max_file_bytes);
  for (int pass = 0; pass < 10; ++pass) {
    SourceSet one;
    uint32_t id = one.add(path, text);
    size_t n = 0;
    std::string next = apply_fixes(text, check_file(one, id, rules, g.limits).diagnostics, n);
    if (n == 0 || next == text) break;
    text = std::move(next);
    fixes += n;
  }
  return text;
}

// The files a run checks, each with its rule set and document options, in
// the order the report lists them. Every config and rule pack is loaded
// here, before any worker starts: a broken one stops the run (exit 2) and the
// workers only read them. An unreadable scheme goes to `errors` and the
// others are still checked.
struct Inputs {
  std::vector<Job> jobs;
  std::vector<std::string> paths;  // jobs[i].path
  std::string stdin_text;          // `check -`: what standard input held
};

void gather_inputs(const CheckOptions& o, ProjectConfig& project, const Globals& g, Inputs& in,
                   std::vector<Message>& errors) {
  std::vector<std::string> paths = o.paths;
  const bool from_stdin = std::erase(paths, "-") > 0;
  std::set<std::string> named(paths.begin(), paths.end());
  for (const std::string& path : collect_schemes(paths, errors, o.skip_non_schemes)) {
    // exclude globs skip walked files, and named ones with --force-exclude
    if ((o.force_exclude || !named.count(path)) && project.excluded(path)) continue;
    const RuleSet* file_rules = &project.rules_for(project.config_for(path));
    try {
      check_readable(path);
    } catch (const ToolError& e) {
      errors.push_back(e.as_message());
      continue;
    }
    in.jobs.push_back({path, file_rules, nullptr, document_options(path, o.documents, project)});
  }
  if (from_stdin) {
    const std::string name = o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename;
    in.stdin_text = read_stdin(g.limits.max_file_bytes);
    in.jobs.push_back({name, &project.rules_for(project.config_for(o.stdin_filename.empty() ? "./-" : name)),
                       &in.stdin_text, document_options(name, o.documents, project)});
  }
  for (const Job& job : in.jobs) in.paths.push_back(job.path);
}

// --diff shows what --fix would change and returns the exit code (1 when it
// would change something); --fix replaces each changed file atomically,
// says so on stderr and returns nothing, so the files are then checked.
std::optional<int> fix_or_diff(const CheckOptions& o, const std::vector<Job>& jobs, const Globals& g, Lang lang) {
  size_t fixes = 0, files = 0;
  std::string diffs;
  for (const Job& job : jobs) {
    if (job.text || is_table_path(job.path)) continue;  // standard input, tables: nothing to write back
    std::string before = read_source_file(job.path, g.limits.max_file_bytes);
    size_t n = 0;
    std::string after = fixed_text(job.path, job.rules, g, n);
    if (after == before) continue;
    fixes += n, ++files;
    if (o.diff) diffs += unified_diff(job.path, before, after);
    else replace_input_file(job.path, after);
  }
  if (o.diff) {
    write_output(o.output, diffs);
    return files ? kFindings : kClean;
  }
  if (files)
    std::fputs((msg("cli.check.fixed", {arg("fixes", fixes), arg("files", files)}).in(lang) + "\n").c_str(), stderr);
  return std::nullopt;
}

// `-o` or `--write-baseline` onto a checked file would replace the scheme
// with its own report.
void refuse_output_onto_inputs(const CheckOptions& o, const std::vector<std::string>& checked) {
  for (const std::string& target : {o.output, o.write_baseline}) {
    std::error_code ec;
    for (const std::string& path : checked)
      if (!target.empty() && target != "-" && std::filesystem::equivalent(target, path, ec))
        throw ToolError(msg("cli.out.is_checked_file", {arg("path", target)}));
  }
}

int run_check(const CheckOptions& o, Globals g) {
  SourceSet sources;
  ProjectConfig project(sources, g, o.rules, o.config, o.no_config);
  // Run-wide settings and the catalogue SARIF and --statistics describe come
  // from the flags, else from the config governing the working directory.
  const std::string here = project.config_for_directory(".");
  const RunPolicy policy = run_policy(project.config(here), g, o.fail_on);
  const Lang lang = policy.lang;
  std::set<std::string> known;
  if (!o.baseline.empty()) known = read_baseline(o.baseline, lang);

  std::vector<Message> errors;
  Inputs inputs;
  gather_inputs(o, project, g, inputs, errors);
  std::vector<Job>& jobs = inputs.jobs;
  const std::vector<std::string>& checked = inputs.paths;
  // Nothing could be read: the errors alone, not "Checked 0 files" above them.
  if (jobs.empty() && !errors.empty()) {
    for (const Message& e : errors) print_tool_error(e, lang);
    return kToolFailed;
  }
  if (o.fix || o.diff)
    if (std::optional<int> code = fix_or_diff(o, jobs, g, lang)) return *code;
  refuse_output_onto_inputs(o, checked);

  const RuleSet& catalogue = project.rules_for(here);
  std::unique_ptr<ReportFormat> format = make_format(o, catalogue, lang);
  // The progress line lives on stderr; a report streamed to the same
  // terminal is written with the line erased first.
  std::optional<Progress> progress;
  const bool report_on_terminal = (o.output.empty() || o.output == "-") && ::isatty(STDOUT_FILENO);
  OutputFile out(o.output);
  ReportJoiner report(*format, checked, [&](std::string_view s) {
    if (progress && report_on_terminal) progress->around_output([&] { out.write(s); });
    else out.write(s);
  });
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
  // Only files in flight have an outcome: a null pointer per file otherwise.
  std::vector<std::unique_ptr<FileOutcome>> outcomes(jobs.size());
  auto work = [&](size_t i) {
    outcomes[i] = std::make_unique<FileOutcome>();
    FileOutcome& r = *outcomes[i];
    const uint32_t id = first_id + static_cast<uint32_t>(i);
    try {
      set_scheme_source(sources, id, jobs[i].path,
                        jobs[i].text ? *jobs[i].text : read_source_file(jobs[i].path, g.limits.max_file_bytes),
                        jobs[i].document);
    } catch (const ToolError& e) {
      r.error = e.as_message();
      return;
    }
    std::vector<Diagnostic> ds = std::move(check_file(sources, id, jobs[i].rules, g.limits).diagnostics);
    if (baseline) {
      r.baseline_tally.add_file(ds);
      r.baseline_body = baseline_format->body(jobs[i].path, ds, sources);
    }
    r.baselined = drop_known(ds, known);
    r.tally.add_file(ds);
    r.body = format->body(jobs[i].path, ds, sources);
    sources.release(id);
    if (progress) progress->advance();
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
  if (progress_wanted(o.progress ? 1 : o.no_progress ? -1 : 0, jobs.size())) progress.emplace(jobs.size(), lang);
  run_ordered(jobs.size(), threads, 4 * size_t{threads}, work, emit);
  progress.reset();  // the line is erased before the summary and any error

  if (baseline) {
    baseline->finish();
    baseline_out->commit();
  }
  const Tally& tally = report.finish();
  if (baselined && o.format == "text")
    out.write(msg("cli.check.baselined", {arg("n", baselined)}).in(lang) + "\n");
  out.commit();
  for (const Message& e : errors) print_tool_error(e, lang);
  if (!errors.empty()) return kToolFailed;
  return !policy.never_fail && tally.any_at_least(policy.fail_level) ? kFindings : kClean;
}

}  // namespace

Action setup_check(CLI::App& app, Globals& g) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Lint scheme files or directories");
  cmd->add_option("paths", o->paths, "Scheme files (.assess, .yaml) or directories; - reads standard input")
      ->required();
  cmd->add_option("--stdin-filename", o->stdin_filename,
                  "With -: the file name to show and to detect the syntax from (.yaml, .yml, else .assess)");
  cmd->add_flag("--force-exclude", o->force_exclude,
                "Apply the config's `exclude` to files named on the command line too (for pre-commit)");
  cmd->add_option("--rules", o->rules.rule_paths, "Extra rule files or directories (.rules)")
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  cmd->add_option("--select", o->rules.select, "Only these rules: ids, id prefixes (JF2) or categories")
      ->delimiter(',')
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  cmd->add_option("--ignore", o->rules.ignore, "Skip these rules: ids, id prefixes or categories")->delimiter(',')
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  cmd->add_option("--config", o->config, "Use this config file for every file (default: nearest .jianfu.yaml)");
  cmd->add_flag("--no-config", o->no_config, "Ignore .jianfu.yaml files");
  cmd->add_option("--baseline", o->baseline, "Report only findings not recorded in this baseline file");
  cmd->add_option("--write-baseline", o->write_baseline, "Record the current findings in FILE");
  add_format_option(cmd, o->format, check_formats());
  cmd->add_option("-o,--output", o->output, "Write the report to FILE (atomically) instead of stdout");
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when a finding is at or above: error|warning|info|never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_flag("--fix", o->fix,
                "Apply mechanical fixes (full-width punctuation and digits, a misspelt keyword or reference with "
                "one suggestion, a stale suppression), then check");
  cmd->add_flag("--diff", o->diff, "Print the fixes --fix would make as a unified diff; change nothing");
  cmd->add_flag("--statistics", o->statistics, "Count findings per rule instead of listing them");
  cmd->add_option("-j,--jobs", o->jobs, "Files checked in parallel (default: one per core)");
  auto* progress = cmd->add_flag("--progress", o->progress,
                                 "Show files done, rate and time left on stderr (default: on a terminal, not in CI)");
  cmd->add_flag("--no-progress", o->no_progress, "Never show the progress line")->excludes(progress);
  cmd->add_flag("--skip-non-schemes", o->skip_non_schemes,
                "Skip named YAML files without a top-level `scheme` key (for pre-commit)");
  cmd->add_flag("--no-builtin", o->rules.no_builtin, "Do not load the built-in rule pack");
  add_document_flags(cmd, o->documents);
  cmd->add_flag("--trust-config", o->rules.trust_config_paths,
                "Let .jianfu.yaml `rules:` name packs outside the config's directory tree");
  cmd->add_option("--max-file-size", g.limits.max_file_bytes, "Largest scheme file read, in bytes")
      ->check(byte_count_validator());
  return [o, &g] { return run_check(*o, g); };
}

}  // namespace jf::cli
