// The language server's check of one open document: the same pipeline and
// `.jianfu.yaml` as `jianfu check`, run on the editor's text rather than
// the file on disk.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"
#include "cli/project_config.hpp"
#include "base/model.hpp"

namespace jf::cli {

/// What an open document is, from its name and the editor's language id.
enum class DocKind { assess, yaml_scheme, rules, config, other };

/// `.jianfu.yaml` → config; `.rules` or language id `jianfu-rules` → rules;
/// `.assess` or language id `assess` → assess; a `.yaml`/`.yml` file with a
/// top-level `scheme:` line → yaml_scheme; anything else → other (not checked).
DocKind doc_kind(const std::string& path, const std::string& language_id, std::string_view text);

/// The rule set one config produces, with everything it points into.
struct RuleContext {
  explicit RuleContext(const Globals& g) : globals(g) {}
  Globals globals;
  SourceSet sources;  // the config, the rule packs
  std::unique_ptr<ProjectConfig> project;
  const RuleSet* rules = nullptr;  // null when the config or a pack is broken
  std::string error;               // why, when rules is null
  std::string error_zh;            // the same in Chinese (a keyed tool error's; else as error)
  std::string config_path;         // "" when no config governs the file
  std::optional<Lang> lang;        // the config's `lang`
  std::filesystem::file_time_type mtime{};
};

/// One document's findings and the rules that produced them.
struct Analysis {
  std::vector<Diagnostic> findings;  // spans into the document's text (file 0)
  std::shared_ptr<const RuleContext> context;
  /// The built-in rules alone, when the config's cannot be built: hover
  /// still explains rule ids.
  std::shared_ptr<const RuleContext> fallback;
  Lang lang = Lang::en;
  DocKind kind = DocKind::other;
  /// The scheme as `check` read it (partial after syntax errors, later
  /// copies of a repeated id dropped); null for other documents. Symbols,
  /// definitions and completion read its spans.
  std::shared_ptr<const Scheme> scheme;
};

class Checker {
 public:
  /// `g.lang`, when set (--lang), overrides every other language choice.
  explicit Checker(Globals g) : g_(std::move(g)) {}

  /// The editor's language (initialize `locale`), used unless --lang is given.
  void set_client_lang(std::optional<Lang> lang) { client_lang_ = lang; }

  /// Checks `text` as a document of `kind` named `path` (on disk when
  /// `on_disk`: only then is a `.jianfu.yaml` looked up above it).
  Analysis check(const std::string& path, bool on_disk, DocKind kind, const std::string& text);

  /// Drops the cached rule sets (a config or rule pack was edited).
  void forget_rules() { contexts_.clear(); }

 private:
  std::shared_ptr<const RuleContext> context_for(const std::string& path, bool on_disk);
  Lang lang_for(const RuleContext& c) const;

  Globals g_;
  std::optional<Lang> client_lang_;
  std::map<std::string, std::shared_ptr<const RuleContext>> contexts_;  // by config path
};

}  // namespace jf::cli
