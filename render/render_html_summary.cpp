// The report's first section: what a reader must know if they read nothing
// else (findings by kind, the three pathologies, penalties that fall on
// compliant units, the load on each unit).
#include <fmt/format.h>

#include <array>
#include <map>

#include "render/render_html_parts.hpp"
#include "render/render_score.hpp"

namespace jf::html {
namespace {

// The rule categories in report order; each names its heading
// `report.category.<id>` in messages/report.yaml.
constexpr const char* kCategories[] = {"ranking", "centralization", "proof", "penalty", "volume", "structure"};

std::string category_name(const std::string& id, Lang lang) {
  for (const char* c : kCategories)
    // keys: report.category.*
    if (id == c) return std::string(catalogue_text(std::string("report.category.") + c, lang));
  return html_escape(id);
}

std::string pct(double share) { return num(share * 100) + "%"; }

size_t count_category(const std::vector<PlacedFinding>& ps, const char* cat) {
  size_t n = 0;
  for (const PlacedFinding& p : ps) n += p.d->category == cat;
  return n;
}

std::string findings_by_kind(const std::vector<PlacedFinding>& ps, Lang lang) {
  std::map<std::string, std::array<size_t, 3>> by;  // category → counts by severity
  for (const PlacedFinding& p : ps) ++by[p.d->category][static_cast<int>(p.d->severity)];
  std::string rows;
  auto row = [&](const std::string& cat, const std::array<size_t, 3>& n) {
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        category_name(cat, lang), n[2], n[1], n[0], n[0] + n[1] + n[2]);
  };
  for (const char* c : kCategories)
    if (auto it = by.find(c); it != by.end()) row(c, it->second), by.erase(it);
  for (auto& [cat, n] : by) row(cat, n);
  if (rows.empty()) return fmt::format("<p class=\"ok\">{}</p>\n", catalogue_text("report.no_findings", lang));
  return fmt::format(
      "<table class=\"counts\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n{}</tbody>"
      "</table>\n",
      msg("report.findings_by_kind", {arg("n", ps.size())}).in(lang),
      catalogue_text("report.kind", lang), catalogue_text("report.errors", lang), catalogue_text("report.warnings", lang), catalogue_text("report.info", lang),
      catalogue_text("report.total_sum", lang), rows);
}

// The three pathologies the tool exists for, one sentence each.
std::string pathologies(const HtmlReportInput& in, const std::vector<PlacedFinding>& ps) {
  const Lang lang = in.lang;
  const BurdenRow& t = in.burden.total;
  int line_depts = 0;
  double line_points = 0;
  for (const BurdenRow& r : in.burden.departments)
    if (r.kind == DeptKind::line && r.points > 0) ++line_depts, line_points += r.points;
  const double total = in.check->scheme.info.total.value_or(t.points);
  auto item = [&](const char* cls, std::string_view title, std::string text, size_t findings) {
    return fmt::format("<li class=\"{} {}\"><b>{}</b> {} <span class=\"n\">{}</span></li>\n", cls,
                       findings ? "bad" : "good", title, text,
                       msg("report.related_findings", {arg("n", findings)}).in(lang));
  };
  std::string out = "<ul class=\"pathologies\">\n";
  out += item("ranking", catalogue_text("report.ranking_everything", lang),
              msg("report.ranked_points", {arg("ranked", num(t.ranked_points)), arg("points", num(t.points)),
                                            arg("share", pct(t.ranked_share))})
                  .in(lang),
              count_category(ps, "ranking"));
  out += item("centralization", catalogue_text("report.line_departments_as_assessors", lang),
              msg("report.line_departments_score", {arg("n", line_depts), arg("points", num(line_points)),
                                                    arg("share", pct(total > 0 ? line_points / total : 0))})
                  .in(lang),
              count_category(ps, "centralization"));
  // Depth 0: no item checks another's proof; 2 or more is formalism squared.
  std::string layers =
      t.proof_depth == 0
          ? std::string(catalogue_text("report.no_item_checks_another_item", lang))
          : msg("report.proof_depth", {arg("depth", t.proof_depth),
                                          arg("squared", t.proof_depth >= 2 ? catalogue_text("report.formalism_squared", lang) : "")})
                    .in(lang);
  out += item("proof", catalogue_text("report.proof_layers", lang),
              msg("report.proof_summary", {arg("layers", layers), arg("evidence", num(t.evidence)),
                                             arg("trace", num(t.trace_points)), arg("offered", num(t.offered_points)),
                                             arg("share", pct(t.trace_share))})
                  .in(lang),
              count_category(ps, "proof"));
  return out + "</ul>\n";
}

std::string compliant_penalties(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const Scheme& s = in.check->scheme;
  const ScoreReport& r = in.compliant;
  std::map<std::pair<int, int>, std::vector<std::string>> fallen;  // (indicator, penalty) → units, ranking order
  size_t hit_units = 0;
  for (const UnitScore& u : r.units) {
    hit_units += !u.penalties.empty();
    for (const PenaltyHit& h : u.penalties) fallen[{h.indicator < 0 ? INT32_MAX : h.indicator, h.penalty}].push_back(u.unit);
  }
  std::string out = fmt::format("<h3>{}</h3>\n", catalogue_text("report.penalties_under_full_compliance", lang));
  if (fallen.empty())
    return out + fmt::format("<p class=\"ok\">{}</p>\n",
                             catalogue_text("report.when_every_unit_meets_every", lang));
  out += fmt::format(
      "<p class=\"headline\">{}</p>\n<ul class=\"fallen\">\n",
      msg("report.compliant_penalties", {arg("n", fallen.size()), arg("hit", hit_units), arg("units", r.units.size())})
          .in(lang));
  for (auto& [key, units] : fallen) {
    PenaltyHit h{key.first == INT32_MAX ? -1 : key.first, key.second};
    std::string names;
    for (const std::string& u : units) names += std::string(names.empty() ? "" : catalogue_text("list.separator", lang)) + html_escape(u);
    out += fmt::format("<li>{} — {}</li>\n", html_escape(describe_hit(s, h, lang)), names);
  }
  return out + "</ul>\n";
}

std::string load_figures(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const BurdenRow& t = in.burden.total;
  struct Fig {
    const char* key;
    std::string value;
  } figs[] = {{"report.figure.indicators", std::to_string(t.indicators)},
              {"report.figure.forms", num(t.forms)},
              {"report.figure.evidence", num(t.evidence)},
              {"report.figure.inspections", num(t.inspections)},
              {"report.figure.vetoes", std::to_string(t.vetoes)}};
  std::string out = fmt::format("<h3>{}</h3>\n<dl class=\"figures\">\n",
                                catalogue_text("report.what_each_unit_carries_in", lang));
  for (const Fig& f : figs) out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>\n", catalogue_text(f.key, lang), f.value);
  return out + "</dl>\n";
}

}  // namespace

std::string summary_section(const HtmlReportInput& in, const std::vector<PlacedFinding>& ps) {
  const Lang lang = in.lang;
  const SchemeInfo& info = in.check->scheme.info;
  std::string facts;
  if (info.year) facts += msg("report.facts.year", {arg("year", num(*info.year))}).in(lang);
  facts += msg("report.facts.units", {arg("n", num(in.check->facts.unit_count))}).in(lang);
  if (info.total) facts += msg("report.facts.points", {arg("points", num(*info.total))}).in(lang);
  facts += "<code>" + html_escape(in.path) + "</code>";
  return fmt::format(
      "<header><p class=\"kicker\">{}</p><h1>{}</h1><p class=\"facts\">{}</p></header>\n"
      "<section id=\"summary\"><h2>{}</h2>\n{}{}{}{}</section>\n",
      catalogue_text("report.assessment_scheme_review", lang),
      html_escape(info.name.empty() ? in.path : info.name), facts, catalogue_text("report.summary", lang),
      findings_by_kind(ps, lang), pathologies(in, ps), compliant_penalties(in), load_figures(in));
}

}  // namespace jf::html
