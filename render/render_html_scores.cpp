// With --data: the units' scores, places and the penalties that fell on them.
#include <fmt/format.h>

#include "render/render_html_parts.hpp"
#include "render/render_score.hpp"

namespace jf::html {

std::string scores_section(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const Scheme& s = in.check->scheme;
  const ScoreReport& r = *in.scores;
  size_t punished = 0, penalties = 0;
  for (const UnitScore& u : r.units) punished += !u.penalties.empty(), penalties += u.penalties.size();
  std::string out = fmt::format(
      "<section id=\"scores\"><h2>{}</h2>\n<p class=\"headline\">{}</p>\n", catalogue_text("report.scores_from_the_results", lang),
      msg("report.scores_headline", {arg("data", html_escape(in.data_path)), arg("units", r.units.size()),
                                     arg("penalties", penalties), arg("punished", punished)})
          .in(lang));
  out += fmt::format(
      "<table class=\"scores\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
      catalogue_text("report.place", lang), catalogue_text("report.unit", lang), catalogue_text("report.total", lang),
      catalogue_text("report.deducted_by_penalties", lang), catalogue_text("report.penalties", lang));
  for (const UnitScore& u : r.units) {
    std::string hits;
    for (const PenaltyHit& h : u.penalties) hits += "<li>" + html_escape(describe_hit(s, h, lang)) + "</li>";
    std::string total = num(u.total);
    if (u.vetoed) total += catalogue_text("report.vetoed", lang);
    if (u.disqualified) total += catalogue_text("report.disqualified", lang);
    out += fmt::format("<tr{}><td class=\"num\">{}</td><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                       u.penalties.empty() ? "" : " class=\"flagged\"", u.place, html_escape(u.unit), total,
                       u.penalty_deducted ? num(u.penalty_deducted) : "—",
                       hits.empty() ? "—" : "<ul>" + hits + "</ul>");
  }
  return out + "</tbody></table>\n</section>\n";
}

}  // namespace jf::html
