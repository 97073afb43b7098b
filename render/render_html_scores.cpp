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
      "<section id=\"scores\"><h2>{}</h2>\n<p class=\"headline\">{}</p>\n", tr(lang, "Scores from the results", "按实际结果计分"),
      fmt::format(fmt::runtime(tr(lang, "From <code>{}</code>: {} units scored; {} penalties fall on {} of them.",
                                  "根据 <code>{}</code>：共 {} 个单位计分；{} 项惩戒落在其中 {} 个单位身上。")),
                  html_escape(in.data_path), r.units.size(), penalties, punished));
  out += fmt::format(
      "<table class=\"scores\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
      tr(lang, "place", "名次"), tr(lang, "unit", "单位"), tr(lang, "total", "总分"),
      tr(lang, "deducted by penalties", "惩戒扣分"), tr(lang, "penalties", "受到的惩戒"));
  for (const UnitScore& u : r.units) {
    std::string hits;
    for (const PenaltyHit& h : u.penalties) hits += "<li>" + html_escape(describe_hit(s, h, lang)) + "</li>";
    std::string total = num(u.total);
    if (u.vetoed) total += tr(lang, " <span class=\"veto\">(vetoed)</span>", "<span class=\"veto\">（否决）</span>");
    if (u.disqualified) total += tr(lang, " <span class=\"veto\">(disqualified)</span>", "<span class=\"veto\">（取消评优资格）</span>");
    out += fmt::format("<tr{}><td class=\"num\">{}</td><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                       u.penalties.empty() ? "" : " class=\"flagged\"", u.place, html_escape(u.unit), total,
                       u.penalty_deducted ? num(u.penalty_deducted) : "—",
                       hits.empty() ? "—" : "<ul>" + hits + "</ul>");
  }
  return out + "</tbody></table>\n</section>\n";
}

}  // namespace jf::html
