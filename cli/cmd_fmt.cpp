// `jianfu fmt [PATH...|-]`: rewrite schemes and rule files in the canonical
// layout, as clang-format and `ruff format` do; `--check` and `--diff` change
// nothing.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include "cli/commands.hpp"
#include "cli/fix.hpp"
#include "dsl/rules_format.hpp"
#include "dsl/scheme_format.hpp"
#include "dsl/table_import.hpp"

namespace jf::cli {
namespace {

struct FmtOptions {
  std::vector<std::string> paths;  // none: standard input
  bool check = false, diff = false;
  std::string stdin_filename;
};

/// What a run did, for its summary and exit code.
struct FmtTally {
  std::vector<std::string> changed;  // reformatted, or would be
  size_t unchanged = 0, broken = 0;  // broken: syntax errors, left alone
  bool failed = false;               // a file could not be read or written back
};

class Formatter {
 public:
  Formatter(const FmtOptions& o, const Globals& g) : o_(o), g_(g), lang_(resolve_lang(g.lang)) {}

  /// One file or standard input (`text` given): formats it and writes the
  /// result back, prints it, or records what would change.
  void run(const std::string& path, const std::string* stdin_text) {
    SourceSet sources;
    std::string before;
    try {
      before = stdin_text ? *stdin_text : read_source_file(path, g_.limits.max_file_bytes);
    } catch (const ToolError& e) {
      print_tool_error(e.as_message(), lang_);
      tally_.failed = true;
      return;
    }
    const uint32_t id = sources.add(path, before);
    FormatResult r =
        path.ends_with(".rules") ? format_rules(sources, id, g_.limits) : format_scheme(sources, id, g_.limits);
    if (!r.syntax_errors.empty()) {  // JF001: printed; the file is not touched
      print_errors(r.syntax_errors, sources, lang_);
      ++tally_.broken;
      return;
    }
    if (!r.ok()) {
      print_tool_error(msg("cli.path_error", {arg("path", path), arg("error", r.refused.in(lang_))}), lang_);
      tally_.failed = true;
      return;
    }
    if (stdin_text && !o_.check && !o_.diff) {
      std::fwrite(r.text.data(), 1, r.text.size(), stdout);
      return;
    }
    if (r.text == before) {
      ++tally_.unchanged;
      return;
    }
    tally_.changed.push_back(path);
    if (o_.diff) diffs_ += unified_diff(path, before, r.text);
    else if (!o_.check) replace_input_file(path, r.text);
  }

  int finish(bool any_file) {
    if (o_.diff) write_output("", diffs_);
    else if (o_.check)
      for (const std::string& p : tally_.changed)
        std::fputs((msg("cli.fmt.would_reformat", {arg("path", p)}).in(lang_) + "\n").c_str(), stdout);
    if (any_file && (tally_.changed.size() + tally_.unchanged + tally_.broken) > 0) summary();
    if (tally_.failed) return kToolFailed;
    if (tally_.broken) return kFindings;
    return (o_.check || o_.diff) && !tally_.changed.empty() ? kFindings : kClean;
  }

 private:
  void summary() const {
    const size_t n = tally_.changed.size(), same = tally_.unchanged;
    std::string s = msg(o_.check || o_.diff ? "cli.fmt.summary_would" : "cli.fmt.summary_done",
                        {arg("n", n), arg("same", same)})
                        .in(lang_);
    if (tally_.broken) s += msg("cli.fmt.broken", {arg("n", tally_.broken)}).in(lang_);
    std::fflush(stdout);
    std::fputs((s + "\n").c_str(), stderr);
  }

  const FmtOptions& o_;
  const Globals& g_;
  Lang lang_;
  FmtTally tally_;
  std::string diffs_;
};

bool has_ext(const std::string& path, std::string_view ext) { return path.ends_with(ext); }

int run_fmt(const FmtOptions& o, const Globals& g) {
  std::vector<std::string> paths = o.paths;
  const bool from_stdin = paths.empty() || std::erase(paths, "-") > 0;
  std::vector<Message> errors;
  std::set<std::string> named;
  std::vector<std::string> rule_files;
  for (const std::string& p : paths) {
    named.insert(std::filesystem::path(p).lexically_normal().string());
    // Rule files named, or found in a folder, beside its schemes.
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      try {
        for (std::string& r : collect_rule_files({p})) rule_files.push_back(std::move(r));
      } catch (const ToolError&) {
        // collect_schemes walks the same folder below and reports what it cannot read.
      }
    } else if (has_ext(p, ".rules")) {
      rule_files.push_back(p);
    }
  }
  std::erase_if(paths, [](const std::string& p) { return has_ext(p, ".rules"); });
  Formatter f(o, g);
  std::vector<std::string> files;
  for (const std::string& path : collect_schemes(paths, errors)) {
    // A Word or Excel file found in a folder is a scheme to check, not text to lay out.
    if (is_table_path(path) && !named.count(path)) continue;
    files.push_back(path);
  }
  files.insert(files.end(), rule_files.begin(), rule_files.end());
  for (const Message& e : errors) print_tool_error(e, resolve_lang(g.lang));
  for (const std::string& path : files) f.run(path, nullptr);
  if (from_stdin) {
    const std::string text = read_stdin(g.limits.max_file_bytes);
    f.run(o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename, &text);
  }
  const int code = f.finish(!files.empty());
  return errors.empty() ? code : kToolFailed;
}

}  // namespace

Action setup_fmt(CLI::App& app, Globals& g) {
  auto o = std::make_shared<FmtOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fmt", "Rewrite schemes (.assess, YAML) and rule files (.rules) in the canonical layout, comments kept");
  cmd->add_option("paths", o->paths,
                  "Scheme and rule files or directories, rewritten in place; - (or none) reads standard input "
                  "and prints");
  cmd->add_flag("--check", o->check, "Change nothing; list the files that would change and exit 1 if any");
  cmd->add_flag("--diff", o->diff, "Change nothing; print the changes as a unified diff and exit 1 if any");
  cmd->add_option("--stdin-filename", o->stdin_filename,
                  "With -: the file name to show and to detect the syntax from (.yaml, .yml, .rules, else .assess)");
  cmd->add_option("--max-file-size", g.limits.max_file_bytes, "Largest scheme file read, in bytes")
      ->check(byte_count_validator());
  return [o, &g] { return run_fmt(*o, g); };
}

}  // namespace jf::cli
