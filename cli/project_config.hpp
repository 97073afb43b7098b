// Finding and applying `.jianfu.yaml`: which config governs each file, and
// the rule set each config produces (built once per config).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"
#include "dsl/config_loader.hpp"

namespace jf::cli {

/// Rule selection given on the command line; it combines with a config's.
struct RuleFlags {
  std::vector<std::string> rule_paths, select, ignore;
  bool no_builtin = false;
  /// --trust-config: a config's `rules:` may name packs outside the
  /// config's directory tree (by default they may not: in CI on a pull
  /// request the config is untrusted, docs/security.md).
  bool trust_config_paths = false;
};

class ProjectConfig {
 public:
  /// `explicit_path`: --config (used for every file); `disabled`: --no-config.
  ProjectConfig(SourceSet& sources, const Globals& g, RuleFlags flags, std::string explicit_path, bool disabled);

  /// The config file for `path` ("" when none): --config, else the nearest
  /// `.jianfu.yaml` in the file's directory or above.
  std::string config_for(const std::string& path);
  /// The config governing the files of directory `dir` ("" or "." is the
  /// working directory): the one config_for gives a file inside it.
  std::string config_for_directory(const std::string& dir);
  /// The rule set a config (or "" for none) produces; errors raise ToolError
  /// after printing them with positions.
  const RuleSet& rules_for(const std::string& config_path);
  /// The parsed config, or null for "".
  const Config* config(const std::string& config_path);
  /// True when an `exclude` glob of the governing config matches `path`.
  bool excluded(const std::string& path);

 private:
  const Config* load(const std::string& config_path);
  /// The language of messages about config `c`: --lang, else the config's
  /// own `lang:`, else the environment's (cli/globals.hpp resolve_lang).
  Lang lang_for(const Config* c) const;

  SourceSet& sources_;
  const Globals& g_;
  RuleFlags flags_;
  std::string explicit_;
  bool disabled_;
  std::map<std::string, std::string> dir_cache_;        // absolute directory → config path
  std::map<std::string, std::string> given_dir_cache_;  // directory as given → config path
  std::map<std::string, std::unique_ptr<Config>> configs_;
  // Errors found reading a config, reported by rules_for together with the
  // rule-level ones (unknown ids, parameters), so one run lists them all.
  std::map<std::string, std::vector<Diagnostic>> read_errors_;
  std::map<std::string, std::unique_ptr<RuleSet>> rule_sets_;
};

}  // namespace jf::cli
