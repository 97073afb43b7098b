// `jianfu diff`'s text and JSON: the load figures both compare, the points
// moved between departments, and the findings of each side.
#include "render/render_scheme_diff.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "base/display_width.hpp"
#include "render/render.hpp"

namespace jf {
namespace {

std::string signed_number(double v) { return v > 0 ? fmt::format("+{}", format_number(v)) : format_number(v); }

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

std::string render_text_diff(const DiffReportInput& in) {
  const SchemeDiff& d = in.diff;
  const SourceSet& sources = in.sources;
  const Lang lang = in.lang;
  const bool zh = lang == Lang::zh;
  std::string out = fmt::format("{} → {}\n\n", in.old_path, in.new_path);
  auto list = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += std::string(s.empty() ? "" : catalogue_text("list.separator", lang)) + id;
    return sanitize_for_terminal(s);
  };
  auto ids = [&](const std::vector<std::string>& v) {
    std::string s;
    if (!v.empty()) {
      s = " (";
      s += list(v);
      s += ')';
    }
    return s;
  };
  out += msg("cli.diff.indicators", {arg("added", d.added.size()), arg("added_ids", ids(d.added)),
                                     arg("removed", d.removed.size()), arg("removed_ids", ids(d.removed)),
                                     arg("changed", d.changed.size())})
             .in(lang);
  out += '\n';
  for (const IndicatorChange& c : d.changed) {
    std::string fields;
    for (const std::string& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
    out += fmt::format("  {}: {}\n", sanitize_for_terminal(c.id), fields);
  }
  out += '\n';
  out += catalogue_text("cli.diff.load", lang);
  out += '\n';
  for (const Figure& f : figures(d))
    out += fmt::format("  {:<24} {:>8} → {:<8} ({})\n", catalogue_text(f.key, lang), format_number(f.before),
                       format_number(f.after), signed_number(f.after - f.before));
  auto moved = points_moved(d);
  if (!moved.empty()) {
    out += '\n';
    out += catalogue_text("cli.diff.points_moved", lang);
    out += '\n';
    for (const auto& [id, p] : moved)
      out += fmt::format("  {}: {} → {} ({})\n", sanitize_for_terminal(id), format_number(p.first),
                         format_number(p.second), signed_number(p.second - p.first));
  }
  out += '\n';
  out += msg("cli.diff.introduced", {arg("n", d.introduced.size())}).in(lang);
  out += '\n';
  out += render_text(d.introduced, sources, {lang, in.color});
  out += '\n';
  out += msg("cli.diff.resolved", {arg("n", d.resolved.size())}).in(lang);
  out += '\n';
  for (const Diagnostic& x : d.resolved) {
    const SourceFile& src = sources[x.span.file];
    const Place* p = src.placed() ? src.place(x.span.begin) : nullptr;
    std::string where = p ? fmt::format("{}: {}", in.old_path, sanitize_for_terminal(zh ? p->zh : p->en))
                          : fmt::format("{}:{}", in.old_path, src.locate(x.span.begin).line);
    out += fmt::format("  {}[{}] {}: {} ({})\n", to_string(x.severity), x.rule, x.name,
                       sanitize_for_terminal(x.message.in(lang)), where);
  }
  return out;
}

std::string render_json_diff(const DiffReportInput& in) {
  const SchemeDiff& d = in.diff;
  const SourceSet& sources = in.sources;
  const Lang lang = in.lang;
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
  json doc{{"old", in.old_path}, {"new", in.new_path},
           {"indicators", {{"added", d.added}, {"removed", d.removed}, {"changed", changed}}},
           {"burden", burden}, {"points_moved", moved},
           {"introduced", findings(d.introduced)}, {"resolved", findings(d.resolved)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

const std::array kDiffFormats{
    OutputFormat<DiffFormatMaker>{"text", ".txt",
                                  "indicators added, removed and changed, the load per unit-year old → new, points "
                                  "moved, findings introduced and resolved",
                                  render_text_diff},
    OutputFormat<DiffFormatMaker>{"json", ".json",
                                  "the same as one JSON document: `indicators`, `burden`, `points_moved`, "
                                  "`introduced`, `resolved`",
                                  render_json_diff},
};

}  // namespace

FormatList<DiffFormatMaker> diff_formats() { return kDiffFormats; }

}  // namespace jf
