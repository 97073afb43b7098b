#include "cli/lsp_checker.hpp"

#include <fmt/format.h>

#include "cli/tool_error.hpp"
#include "dsl/config_loader.hpp"
#include "pipeline/builtin_rules.hpp"
#include "pipeline/check_pipeline.hpp"
#include "pipeline/rule_loader.hpp"

namespace fs = std::filesystem;

namespace jf::cli {
namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A YAML text is a scheme when a line starts with `scheme:` (the top-level
// key), as `check` decides for YAML files found in a directory.
bool has_scheme_key(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (size_t at = 0; at < text.size();) {
    if (text.substr(at, 7) == "scheme:") return true;
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  return false;
}

// The problem a scheme is checked with when its config cannot be used: the
// scheme's own findings still show, the rules wait for the config. Both
// languages name the config and the reason (the error in that language).
Diagnostic config_unusable(const RuleContext& c) {
  auto in = [&](Lang lang) {
    const std::string& reason = lang == Lang::zh ? c.error_zh : c.error;
    return c.config_path.empty() ? msg("cli.lsp.builtin_unusable", {arg("reason", reason)}).in(lang)
                                 : msg("cli.lsp.config_unusable", {arg("path", c.config_path), arg("reason", reason)}).in(lang);
  };
  return {.name = "invalid-config",
          .category = "config",
          .severity = Severity::error,
          .span = {0, 0, 0},
          .message = Text{in(Lang::en), in(Lang::zh)}};
}

// Errors of one `.rules` file, compiled after the built-in pack so an id
// that clashes with a built-in rule is reported as `check --rules` does.
std::vector<Diagnostic> rule_file_errors(const std::string& path, const std::string& text) {
  SourceSet sources;
  RuleSet set;
  std::vector<Diagnostic> builtin_errors, errors;
  for (const EmbeddedFile& f : builtin_rule_files())
    add_rule_file(set, sources, sources.add(std::string(f.path), std::string(f.text)), true, builtin_errors);
  uint32_t id = sources.add(path, text);
  add_rule_file(set, sources, id, false, errors);
  std::erase_if(errors, [&](const Diagnostic& d) { return d.span.file != id; });
  for (Diagnostic& d : errors) d.span.file = 0;  // the document's id in an Analysis
  return errors;
}

}  // namespace

DocKind doc_kind(const std::string& path, const std::string& language_id, std::string_view text) {
  std::string name = fs::path(path).filename().string();
  if (name == ".jianfu.yaml") return DocKind::config;
  if (ends_with(name, ".rules") || language_id == "jianfu-rules") return DocKind::rules;
  if (ends_with(name, ".assess") || language_id == "assess") return DocKind::assess;
  if ((ends_with(name, ".yaml") || ends_with(name, ".yml") || language_id == "yaml") && has_scheme_key(text))
    return DocKind::yaml_scheme;
  return DocKind::other;
}

std::shared_ptr<const RuleContext> Checker::context_for(const std::string& path, bool on_disk) {
  std::string config_path;
  if (on_disk) {
    // A fresh lookup each time: a `.jianfu.yaml` created while the editor
    // is open governs the next check.
    SourceSet probe_sources;
    config_path = ProjectConfig(probe_sources, g_, {}, "", false).config_for(path);
  }
  std::error_code ec;
  fs::file_time_type mtime = config_path.empty() ? fs::file_time_type{} : fs::last_write_time(config_path, ec);
  auto& slot = contexts_[config_path];
  if (slot && slot->mtime == mtime) return slot;

  auto c = std::make_shared<RuleContext>(g_);
  c->config_path = config_path;
  c->mtime = mtime;
  try {
    c->project = std::make_unique<ProjectConfig>(c->sources, c->globals, RuleFlags{}, "", false);
    c->rules = &c->project->rules_for(config_path);
    if (const Config* conf = c->project->config(config_path); conf && conf->lang)
      c->lang = conf->lang->text == "zh" ? Lang::zh : Lang::en;
  } catch (const ToolError& e) {  // printed to stderr, the server's log
    c->rules = nullptr;
    const Message m = e.as_message();
    c->error = m.in(Lang::en), c->error_zh = m.in(Lang::zh);
  } catch (const std::exception& e) {
    c->rules = nullptr;
    c->error = c->error_zh = e.what();
  }
  slot = c;
  return c;
}

Lang Checker::lang_for(const RuleContext& c) const {
  if (!g_.lang.empty()) return resolve_lang(g_.lang);
  if (client_lang_) return *client_lang_;
  if (c.lang) return *c.lang;
  return resolve_lang("");
}

Analysis Checker::check(const std::string& path, bool on_disk, DocKind kind, const std::string& text) {
  Analysis a;
  a.context = context_for(path, on_disk);
  a.lang = lang_for(*a.context);
  a.kind = kind;
  if (!a.context->rules) a.fallback = context_for("", false);
  std::vector<Diagnostic>& out = a.findings;
  uint32_t id = 0;
  switch (kind) {
    case DocKind::assess:
    case DocKind::yaml_scheme: {
      // The loader picks the syntax by the name's extension.
      std::string name = path;
      if (kind == DocKind::assess && !ends_with(name, ".assess")) name += ".assess";
      if (kind == DocKind::yaml_scheme && !ends_with(name, ".yaml") && !ends_with(name, ".yml")) name += ".yaml";
      SourceSet one;
      id = one.add(name, text);
      FileCheck checked = check_file(one, id, a.context->rules, g_.limits);
      out = std::move(checked.diagnostics);
      a.scheme = std::make_shared<const Scheme>(std::move(checked.scheme));
      if (!a.context->rules) out.insert(out.begin(), config_unusable(*a.context));
      break;
    }
    case DocKind::rules:
      out = rule_file_errors(path, text);
      break;
    case DocKind::config: {
      SourceSet one;
      id = one.add(path, text);
      load_config(one, id, g_.limits, out);
      break;
    }
    case DocKind::other:
      break;
  }
  std::erase_if(out, [&](const Diagnostic& d) { return d.span.file != id; });
  for (Diagnostic& d : out) d.span.file = 0;
  return a;
}

}  // namespace jf::cli
