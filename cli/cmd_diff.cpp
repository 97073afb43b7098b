// `jianfu diff OLD NEW`: what a draft's change adds or removes, findings and load.
#include <cmath>
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/document_options.hpp"
#include "cli/project_config.hpp"
#include "cli/scheme_input.hpp"
#include "base/display_width.hpp"
#include "render/render.hpp"
#include "engine/scheme_diff.hpp"

namespace jf::cli {
namespace {

struct DiffOptions {
  std::string old_path, new_path, format = "text", fail_on;  // fail_on "": the config's, else error
  RuleFlags rules;
  std::string config;
  bool no_config = false;
  DocumentFlags documents;  // --units, --total: for documents (both versions)
};

std::string signed_number(double v) { return (v > 0 ? "+" : "") + format_number(v); }

struct Figure {
  const char* id;   // its name in JSON output
  const char* key;  // its label in the catalogue
  double before, after;
};

std::vector<Figure> figures(const SchemeDiff& d) {
  const BurdenRow &o = d.old_burden.total, &n = d.new_burden.total;
  return {{"indicators", "cli.diff.figure.indicators", double(o.indicators), double(n.indicators)},
          {"forms a year", "cli.diff.figure.forms", o.forms, n.forms},
          {"evidence items a year", "cli.diff.figure.evidence", o.evidence, n.evidence},
          {"inspections a year", "cli.diff.figure.inspections", o.inspections, n.inspections},
          {"ranked share (%)", "cli.diff.figure.ranked_share", o.ranked_share * 100, n.ranked_share * 100},
          {"proof depth", "cli.diff.figure.proof_depth", double(o.proof_depth), double(n.proof_depth)},
          {"vetoes", "cli.diff.figure.vetoes", double(o.vetoes), double(n.vetoes)},
          {"trace share (%)", "cli.diff.figure.trace_share", std::round(o.trace_share * 1000) / 10,
           std::round(n.trace_share * 1000) / 10}};
}

// Departments' points in both versions, by id, where they differ.
std::map<std::string, std::pair<double, double>> points_moved(const SchemeDiff& d) {
  std::map<std::string, std::pair<double, double>> m;
  for (const BurdenRow& r : d.old_burden.departments) m[r.id].first = r.points;
  for (const BurdenRow& r : d.new_burden.departments) m[r.id].second = r.points;
  std::erase_if(m, [](const auto& kv) { return kv.second.first == kv.second.second; });
  return m;
}

std::string render_text_diff(const SchemeDiff& d, const SourceSet& sources, const DiffOptions& o, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out = fmt::format("{} → {}\n\n", o.old_path, o.new_path);
  auto list = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += std::string(s.empty() ? "" : catalogue_text("list.separator", lang)) + id;
    return sanitize_for_terminal(s);
  };
  out += msg("cli.diff.indicators", {arg("added", d.added.size()),
                                     arg("added_ids", d.added.empty() ? "" : " (" + list(d.added) + ")"),
                                     arg("removed", d.removed.size()),
                                     arg("removed_ids", d.removed.empty() ? "" : " (" + list(d.removed) + ")"),
                                     arg("changed", d.changed.size())})
             .in(lang) +
         "\n";
  for (const IndicatorChange& c : d.changed) {
    std::string fields;
    for (const std::string& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
    out += fmt::format("  {}: {}\n", sanitize_for_terminal(c.id), fields);
  }
  out += "\n" + std::string(catalogue_text("cli.diff.load", lang)) + "\n";
  for (const Figure& f : figures(d))
    out += fmt::format("  {:<24} {:>8} → {:<8} ({})\n", catalogue_text(f.key, lang), format_number(f.before),
                       format_number(f.after), signed_number(f.after - f.before));
  auto moved = points_moved(d);
  if (!moved.empty()) {
    out += "\n" + std::string(catalogue_text("cli.diff.points_moved", lang)) + "\n";
    for (const auto& [id, p] : moved)
      out += fmt::format("  {}: {} → {} ({})\n", sanitize_for_terminal(id), format_number(p.first),
                         format_number(p.second), signed_number(p.second - p.first));
  }
  out += "\n" + msg("cli.diff.introduced", {arg("n", d.introduced.size())}).in(lang) + "\n";
  out += render_text(d.introduced, sources, {lang, use_color(stdout)});
  out += "\n" + msg("cli.diff.resolved", {arg("n", d.resolved.size())}).in(lang) + "\n";
  for (const Diagnostic& x : d.resolved) {
    const SourceFile& src = sources[x.span.file];
    const Place* p = src.placed() ? src.place(x.span.begin) : nullptr;
    std::string where = p ? fmt::format("{}: {}", o.old_path, sanitize_for_terminal(zh ? p->zh : p->en))
                          : fmt::format("{}:{}", o.old_path, src.locate(x.span.begin).line);
    out += fmt::format("  {}[{}] {}: {} ({})\n", to_string(x.severity), x.rule, x.name,
                       sanitize_for_terminal(x.message.in(lang)), where);
  }
  return out;
}

std::string render_json_diff(const SchemeDiff& d, const SourceSet& sources, const DiffOptions& o, Lang lang) {
  using nlohmann::json;
  auto findings = [&](const std::vector<Diagnostic>& ds) {
    json a = json::array();
    for (const Diagnostic& x : ds) {
      const SourceFile& src = sources[x.span.file];
      LineCol lc = src.locate(x.span.begin);
      const Place* p = src.placed() ? src.place(x.span.begin) : nullptr;
      if (src.placed()) lc = p ? LineCol{p->row, p->column} : LineCol{0, 0};
      a.push_back({{"file", src.path()}, {"line", lc.line}, {"column", lc.column},
                   {"rule", x.rule}, {"name", x.name}, {"severity", to_string(x.severity)},
                   {"category", x.category}, {"message", x.message.in(lang)}, {"help", x.help.in(lang)}});
      if (p) a.back()["location"] = lang == Lang::zh ? p->zh : p->en;
    }
    return a;
  };
  json burden = json::object();
  for (const Figure& f : figures(d)) burden[f.id] = {{"old", f.before}, {"new", f.after}, {"delta", f.after - f.before}};
  json moved = json::array();
  for (const auto& [id, p] : points_moved(d)) moved.push_back({{"department", id}, {"old", p.first}, {"new", p.second}});
  json changed = json::array();
  for (const IndicatorChange& c : d.changed) changed.push_back({{"id", c.id}, {"fields", c.fields}});
  json doc{{"old", o.old_path}, {"new", o.new_path},
           {"indicators", {{"added", d.added}, {"removed", d.removed}, {"changed", changed}}},
           {"burden", burden}, {"points_moved", moved},
           {"introduced", findings(d.introduced)}, {"resolved", findings(d.resolved)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

int run_diff(const DiffOptions& o, Globals g) {
  SourceSet sources;
  // Both versions are checked with the rules `check` would give the new one
  // (its .jianfu.yaml), so a finding the config turns off is not "new"; its
  // `lang` and `fail-on` apply unless given as flags, as for check.
  ProjectConfig project(sources, g, o.rules, o.config, o.no_config);
  const std::string config_path = project.config_for(o.new_path);
  const RuleSet& rules = project.rules_for(config_path);
  const Config* config = project.config(config_path);
  if (g.lang.empty() && config && config->lang) g.lang = config->lang->text;
  const Lang lang = resolve_lang(g.lang);
  const std::string fail_on = !o.fail_on.empty() ? o.fail_on : config && config->fail_on ? config->fail_on->text : "error";
  Severity fail_level = Severity::error;
  const bool never = fail_on == "never";
  if (!never && !parse_severity(fail_on, fail_level))
    throw ToolError(fmt::format("--fail-on {}: use error, warning, info or never", fail_on));
  FileCheck before = load_checked_scheme(sources, o.old_path, &rules, g, lang,
                                         document_options(o.old_path, o.documents, project));
  FileCheck after = load_checked_scheme(sources, o.new_path, &rules, g, lang,
                                        document_options(o.new_path, o.documents, project));
  SchemeDiff d = diff_schemes(before.view(), after.view());
  apply_rule_settings(d.introduced, rules);  // JF406 follows the rule set like any native rule
  write_output("", o.format == "json" ? render_json_diff(d, sources, o, lang) : render_text_diff(d, sources, o, lang));
  if (never) return kClean;
  bool fail = std::any_of(d.introduced.begin(), d.introduced.end(), [&](const Diagnostic& x) { return x.severity >= fail_level; });
  return fail ? kFindings : kClean;
}

}  // namespace

Action setup_diff(CLI::App& app, Globals& g) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "What a draft's change adds or removes: findings, indicators and load");
  cmd->add_option("old", o->old_path, "The old version (.assess or .yaml)")->required();
  cmd->add_option("new", o->new_path, "The new version (.assess or .yaml)")->required();
  cmd->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when an introduced finding is at or above: error|warning|info|never");
  cmd->add_option("--select", o->rules.select, "As for check")->delimiter(',')->allow_extra_args(false);
  cmd->add_option("--ignore", o->rules.ignore, "As for check")->delimiter(',')->allow_extra_args(false);
  cmd->add_option("--config", o->config, "Use this config file (default: the nearest .jianfu.yaml of NEW)");
  cmd->add_flag("--no-config", o->no_config, "Ignore .jianfu.yaml files");
  cmd->add_option("--rules", o->rules.rule_paths, "Extra rule files or directories (.rules)")
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  add_document_flags(cmd, o->documents);
  return [o, &g] { return run_diff(*o, g); };  // a copy of g: the config may set the language
}

}  // namespace jf::cli
