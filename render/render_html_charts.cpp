// Charts as inline SVG, each followed by the same numbers as a table (the
// text equivalent for screen readers, copying and grey-scale print).
#include <fmt/format.h>

#include <algorithm>

#include "render/render_html_parts.hpp"

namespace jf::html {
namespace {

struct Series {
  const char* key;   // its name in messages/report.yaml
  const char* css;  // class of its bars: colour comes from the stylesheet
};

struct Row {
  std::string label;           // escaped
  std::vector<double> values;  // one per series
};

constexpr int kWidth = 1000, kLabel = 180, kRow = 22, kTop = 30;

// Horizontal bars, one panel per series side by side, each on its own scale.
std::string bar_panels(const std::string& title, const std::vector<Series>& series, const std::vector<Row>& rows,
                       Lang lang) {
  const int panels = static_cast<int>(series.size());
  const int panel_w = (kWidth - kLabel) / panels;
  const int height = kTop + kRow * static_cast<int>(rows.size()) + 8;
  std::string out = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "role=\"img\"><title>{2}</title>\n",
      kWidth, height, title);
  for (int k = 0; k < panels; ++k) {
    double max = 0;
    for (const Row& r : rows) max = std::max(max, r.values[k]);
    const int x0 = kLabel + k * panel_w;
    out += fmt::format("<text class=\"axis\" x=\"{}\" y=\"18\">{}</text>\n", x0, catalogue_text(series[k].key, lang));
    for (size_t i = 0; i < rows.size(); ++i) {
      const int y = kTop + kRow * static_cast<int>(i);
      const double v = rows[i].values[k];
      const int w = max > 0 ? static_cast<int>((panel_w - 50) * v / max + 0.5) : 0;
      out += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
                         "<text class=\"val\" x=\"{}\" y=\"{}\">{}</text>\n",
                         series[k].css, x0, y, w, kRow - 6, x0 + w + 4, y + kRow - 10, num(v));
    }
  }
  for (size_t i = 0; i < rows.size(); ++i)
    out += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", kLabel - 8,
                       kTop + kRow * static_cast<int>(i) + kRow - 10, rows[i].label);
  return out + "</svg>\n";
}

// The chart's numbers as a table, collapsed on screen.
std::string data_table(const std::vector<Series>& series, const std::vector<Row>& rows, std::string_view first, Lang lang) {
  std::string out = fmt::format("<details class=\"data\"><summary>{}</summary><table><thead><tr><th scope=\"col\">{}</th>",
                                catalogue_text("report.the_numbers_as_a_table", lang), first);
  for (const Series& s : series) out += fmt::format("<th scope=\"col\">{}</th>", catalogue_text(s.key, lang));
  out += "</tr></thead><tbody>\n";
  for (const Row& r : rows) {
    out += "<tr><th scope=\"row\">" + r.label + "</th>";
    for (double v : r.values) out += "<td>" + num(v) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody></table></details>\n";
}

std::string figure(const std::string& title, std::string_view caption, const std::string& body) {
  return fmt::format("<figure><figcaption><b>{}</b> {}</figcaption>\n{}</figure>\n", title, caption, body);
}

std::string departments_chart(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const std::vector<Series> series = {{"report.series.points", "bar-points"},
                                      {"report.series.forms", "bar-forms"},
                                      {"report.series.evidence", "bar-evidence"}};
  std::vector<Row> rows;
  for (const BurdenRow& r : in.burden.departments)
    if (r.indicators > 0 || r.inspections > 0) rows.push_back({html_escape(r.name), {r.points, r.forms, r.evidence}});
  if (in.burden.undeclared)
    rows.push_back({std::string(catalogue_text("report.owner_not_declared", lang)),
                    {in.burden.undeclared->points, in.burden.undeclared->forms, in.burden.undeclared->evidence}});
  if (rows.empty()) return {};
  const std::string title(catalogue_text("report.points_and_load_by_department", lang));
  return figure(title,
                catalogue_text("report.what_each_department_scores_and", lang),
                bar_panels(title, series, rows, lang) + data_table(series, rows, catalogue_text("report.department", lang), lang));
}

// Points by how they are earned: a single stacked bar plus its legend, which
// states every number in words.
std::string modes_chart(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const Scheme& s = in.check->scheme;
  struct Mode {
    ScoreMode mode;
    const char* key;
    double points = 0;
  } modes[] = {{ScoreMode::rank, "report.mode.rank"},
               {ScoreMode::threshold, "report.mode.threshold"},
               {ScoreMode::deduction, "report.mode.deduction"},
               {ScoreMode::veto, "report.mode.veto"},
               {ScoreMode::bonus, "report.mode.bonus"}};
  double total = 0;
  for (const Indicator& ind : s.indicators)
    for (Mode& m : modes)
      if (m.mode == ind.score.mode && ind.points) m.points += *ind.points, total += *ind.points;
  if (total <= 0) return {};
  const std::string title(catalogue_text("report.ranked_against_threshold_points", lang));
  const int bar_w = kWidth - 20;
  std::string svg = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} 60\" width=\"{0}\" height=\"60\" "
      "role=\"img\"><title>{1}</title>\n",
      kWidth, title);
  std::string legend = "<ul class=\"legend\">\n";
  double x = 10;
  for (const Mode& m : modes) {
    if (m.points <= 0) continue;
    const double w = bar_w * m.points / total;
    svg += fmt::format("<rect class=\"mode-{}\" x=\"{:.1f}\" y=\"10\" width=\"{:.1f}\" height=\"34\"/>\n", to_string(m.mode),
                       x, w);
    if (w > 60)
      svg += fmt::format("<text class=\"inbar\" x=\"{:.1f}\" y=\"32\">{}%</text>\n", x + 6, num(100 * m.points / total));
    x += w;
    legend += fmt::format("<li><span class=\"swatch mode-{}\"></span>{}: {} {} ({}%)</li>\n", to_string(m.mode),
                          catalogue_text(m.key, lang), num(m.points), catalogue_text("report.points", lang), num(100 * m.points / total));
  }
  return figure(title,
                catalogue_text("report.every_point_of_the_scheme", lang),
                svg + "</svg>\n" + legend + "</ul>\n");
}

std::string penalties_chart(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const std::vector<Series> series = {{"report.series.penalties", "bar-penalty"}};
  std::vector<Row> rows;
  double any = 0;
  for (const UnitScore& u : in.compliant.units) {
    rows.push_back({html_escape(u.unit), {static_cast<double>(u.penalties.size())}});
    any += u.penalties.size();
  }
  if (rows.empty()) return {};
  const std::string title(catalogue_text("report.penalties_under_full_compliance_by", lang));
  std::string caption(any > 0 ? catalogue_text("report.every_unit_meets_every_standard", lang)
                                   : catalogue_text("report.no_unit_is_punished_when", lang));
  return figure(title, caption, bar_panels(title, series, rows, lang) + data_table(series, rows, catalogue_text("report.unit", lang), lang));
}

}  // namespace

std::string charts_section(const HtmlReportInput& in) {
  return fmt::format("<section id=\"charts\"><h2>{}</h2>\n{}{}{}</section>\n", catalogue_text("report.charts", in.lang),
                     departments_chart(in), modes_chart(in), penalties_chart(in));
}

}  // namespace jf::html
