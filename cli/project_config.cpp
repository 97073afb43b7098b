#include "cli/project_config.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace jf::cli {
namespace {

constexpr const char* kConfigName = ".jianfu.yaml";

Diagnostic config_error(Span span, Message message) {
  return {.name = "invalid-config", .category = "config", .span = span, .message = std::move(message)};
}

bool selects(const RuleMeta& r, const std::string& sel) { return r.category == sel || r.id.rfind(sel, 0) == 0; }

// Why a config's rule pack path may not be read (nothing when it may): it
// must resolve (symlinks followed) inside the config's directory and name a
// `.rules` file or a directory, so an untrusted config can neither walk the
// file system nor have another file's first line printed as a compile error.
std::optional<Message> pack_refusal(const fs::path& pack, const fs::path& config_dir, const std::string& as_written) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(config_dir.empty() ? "." : config_dir, ec), ec);
  fs::path real = fs::weakly_canonical(fs::absolute(pack, ec), ec);
  auto [r, p] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (r != root.end())
    return msg("cli.config.pack_outside", {arg("pack", as_written)});
  if (!fs::is_directory(real, ec) && real.extension() != ".rules")
    return msg("cli.config.pack_not_rules", {arg("pack", as_written)});
  return std::nullopt;
}

bool known(const RuleSet& rules, const std::string& sel) {
  return std::any_of(rules.rules().begin(), rules.rules().end(), [&](auto& r) { return selects(r, sel); });
}

}  // namespace

ProjectConfig::ProjectConfig(SourceSet& sources, const Globals& g, RuleFlags flags, std::string explicit_path,
                             bool disabled)
    : sources_(sources), g_(g), flags_(std::move(flags)), explicit_(std::move(explicit_path)), disabled_(disabled) {
  if (!explicit_.empty() && !fs::is_regular_file(explicit_))
    throw ToolError(msg("cli.arg.no_config", {arg("path", explicit_)}));
}

std::string ProjectConfig::config_for(const std::string& path) {
  return config_for_directory(fs::path(path).parent_path().string());
}

std::string ProjectConfig::config_for_directory(const std::string& given_dir) {
  if (disabled_) return "";
  if (!explicit_.empty()) return explicit_;
  // Files of one directory share a config: look each directory up once
  // (fs::absolute asks the kernel for the working directory every time).
  if (auto hit = given_dir_cache_.find(given_dir); hit != given_dir_cache_.end()) return hit->second;
  std::error_code ec;
  fs::path dir = fs::absolute(given_dir.empty() ? "." : given_dir, ec).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "/a/b/" (from "/a/b/.") names "/a/b"
  std::vector<std::string> visited;
  std::string found;
  for (fs::path d = dir;; d = d.parent_path()) {
    auto hit = dir_cache_.find(d.string());
    if (hit != dir_cache_.end()) {
      found = hit->second;
      break;
    }
    visited.push_back(d.string());
    if (fs::is_regular_file(d / kConfigName, ec)) {
      found = (d / kConfigName).string();
      break;
    }
    if (d == d.parent_path()) break;
  }
  for (const std::string& v : visited) dir_cache_[v] = found;
  given_dir_cache_[given_dir] = found;
  return found;
}

const Config* ProjectConfig::load(const std::string& config_path) {
  if (config_path.empty()) return nullptr;
  auto& slot = configs_[config_path];
  if (!slot) {
    uint32_t id = sources_.add(config_path, read_source_file(config_path, g_.limits.max_file_bytes));
    std::vector<Diagnostic> errors;
    slot = std::make_unique<Config>(load_config(sources_, id, g_.limits, errors));
    if (errors.empty()) add_user_lexicon(slot->lexicon);  // the run's lexicon grows by the config's entries
    read_errors_[config_path] = std::move(errors);
  }
  return slot.get();
}

const Config* ProjectConfig::config(const std::string& config_path) { return load(config_path); }

Lang ProjectConfig::lang_for(const Config* c) const {
  if (g_.lang.empty() && c && c->lang && (c->lang->text == "zh" || c->lang->text == "en"))
    return c->lang->text == "zh" ? Lang::zh : Lang::en;
  return resolve_lang(g_.lang);
}

bool ProjectConfig::excluded(const std::string& path) {
  std::string cp = config_for(path);
  const Config* c = load(cp);
  if (!c) return false;
  std::error_code ec;
  fs::path rel = fs::absolute(path, ec).lexically_relative(fs::absolute(cp, ec).parent_path());
  for (const Located& glob : c->exclude)
    if (::fnmatch(glob.text.c_str(), rel.string().c_str(), 0) == 0 ||
        ::fnmatch(glob.text.c_str(), fs::path(path).filename().string().c_str(), 0) == 0)
      return true;
  return false;
}

const RuleSet& ProjectConfig::rules_for(const std::string& config_path) {
  auto& slot = rule_sets_[config_path];
  if (slot) return *slot;
  const Config* c = load(config_path);
  std::vector<std::string> packs = flags_.rule_paths;
  if (c) {
    fs::path base = fs::path(config_path).parent_path();
    std::vector<Diagnostic> refused;
    for (const Located& r : c->rules) {
      fs::path pack = base / r.text;
      std::optional<Message> why = pack_refusal(pack, base, r.text);
      if (why && !flags_.trust_config_paths) refused.push_back(config_error(r.span, std::move(*why)));
      else packs.push_back(pack.string());
    }
    if (!refused.empty()) {
      print_errors(refused, sources_, lang_for(c));
      throw ToolError(msg("cli.arg.invalid_config", {arg("path", config_path)}), lang_for(c));
    }
  }
  slot = std::make_unique<RuleSet>(load_rules(sources_, packs, !flags_.no_builtin, g_));
  RuleSet& rules = *slot;

  std::vector<Diagnostic> errors = read_errors_[config_path];
  auto unknown = [&](const Located& l, const char* what) {
    errors.push_back(config_error(l.span, msg("cli.config.no_match", {arg("key", what), arg("value", l.text)})));
  };
  std::vector<std::string> select = flags_.select, ignore = flags_.ignore;
  for (const std::string& s : flags_.select)
    if (!known(rules, s)) throw ToolError(msg("cli.arg.select_unknown", {arg("value", s)}));
  for (const std::string& s : flags_.ignore)
    if (!known(rules, s)) throw ToolError(msg("cli.arg.ignore_unknown", {arg("value", s)}));
  if (c) {
    // The command line's --select replaces the config's; ignores add up.
    for (const Located& s : c->select) {
      if (!known(rules, s.text)) unknown(s, "select");
      if (flags_.select.empty()) select.push_back(s.text);
    }
    for (const Located& s : c->ignore) {
      if (!known(rules, s.text)) unknown(s, "ignore");
      ignore.push_back(s.text);
    }
    for (const ConfigSeverity& s : c->severity) {
      if (!rules.find(s.rule.text)) {
        errors.push_back(config_error(s.rule.span, msg("cli.config.unknown_rule", {arg("key", "severity"), arg("rule", s.rule.text)})));
        continue;
      }
      rules.set_severity(s.rule.text, s.severity);
    }
    for (const ConfigParam& p : c->params) {
      if (!rules.find(p.rule.text)) {
        errors.push_back(config_error(p.rule.span, msg("cli.config.unknown_rule", {arg("key", "params"), arg("rule", p.rule.text)})));
        continue;
      }
      if (std::optional<Message> err = rules.set_param(p.rule.text, p.name.text, p.value))
        errors.push_back(config_error(p.name.span, std::move(*err)));
    }
  }
  if (!errors.empty()) {
    // Reading and rule-level problems together, in file order.
    std::stable_sort(errors.begin(), errors.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
    print_errors(errors, sources_, lang_for(c));
    throw ToolError(msg("cli.arg.invalid_config", {arg("path", config_path)}), lang_for(c));
  }
  for (const RuleMeta& r : rules.rules()) {
    // JF010 says a rule that ran did not finish (budget, regex cost, ...):
    // `--select JF307` must not turn JF307's failure into "no problems".
    // Only an ignore turns it off.
    bool on = select.empty() || r.id == "JF010" ||
              std::any_of(select.begin(), select.end(), [&](auto& s) { return selects(r, s); });
    if (std::any_of(ignore.begin(), ignore.end(), [&](auto& s) { return selects(r, s); })) on = false;
    rules.set_enabled(r.id, on);
  }
  return rules;
}

}  // namespace jf::cli
