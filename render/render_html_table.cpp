// The scheme as a table (groups, items, points, owners, how each is scored),
// each finding on the row of the item it concerns.
#include <fmt/format.h>

#include <map>

#include "engine/facts.hpp"
#include "render/render_html_parts.hpp"

namespace jf::html {
namespace {

std::string_view mode_name(ScoreMode m, Lang lang) {
  switch (m) {
    case ScoreMode::rank: return catalogue_text("report.by_rank", lang);
    case ScoreMode::threshold: return catalogue_text("report.against_a_standard", lang);
    case ScoreMode::deduction: return catalogue_text("report.by_deductions", lang);
    case ScoreMode::veto: return catalogue_text("report.veto", lang);
    default: return catalogue_text("report.bonus", lang);
  }
}

std::string_view frequency_name(Frequency f, Lang lang) {
  switch (f) {
    case Frequency::daily: return catalogue_text("report.daily", lang);
    case Frequency::weekly: return catalogue_text("report.weekly", lang);
    case Frequency::monthly: return catalogue_text("report.monthly", lang);
    case Frequency::quarterly: return catalogue_text("report.quarterly", lang);
    case Frequency::semiannual: return catalogue_text("report.twice_a_year", lang);
    case Frequency::yearly: return catalogue_text("report.yearly", lang);
    default: return catalogue_text("report.when_asked", lang);
  }
}

std::string_view evidence_name(EvidenceKind k, Lang lang) {
  switch (k) {
    case EvidenceKind::ledger: return catalogue_text("report.ledger", lang);
    case EvidenceKind::photo: return catalogue_text("report.photos", lang);
    case EvidenceKind::materials: return catalogue_text("report.evidence_pack", lang);
    case EvidenceKind::minutes: return catalogue_text("report.minutes", lang);
    default: return catalogue_text("report.system_entry", lang);
  }
}

// How an item is scored and what it asks for, in a few short lines.
std::string scoring_cell(const Indicator& ind, const IndicatorFacts& f, Lang lang) {
  std::string out = fmt::format("<span class=\"how how-{}\">{}</span>", to_string(ind.score.mode),
                                mode_name(ind.score.mode, lang));
  if (ind.key) out += fmt::format(" <span class=\"key\">{}</span>", catalogue_text("report.key_item", lang));
  if (ind.report)
    out += msg("report.cell.reports", {arg("frequency", frequency_name(ind.report->frequency, lang)),
                                      arg("forms", num(f.forms_per_year))})
               .in(lang);
  if (!ind.evidence.empty()) {
    std::string kinds;
    for (const Evidence& e : ind.evidence) kinds += std::string(kinds.empty() ? "" : catalogue_text("list.separator", lang)) + std::string(evidence_name(e.kind, lang));
    out += msg("report.cell.evidence", {arg("kinds", kinds)}).in(lang);
  }
  for (const Penalty& p : ind.penalties)
    out += fmt::format("<br><span class=\"penalty\">{} → {}</span>", html_escape(describe_trigger(p.trigger, lang)),
                       html_escape(describe_actions(p.actions, lang)));
  return out;
}

// The findings of each row, rendered once: a scheme of thousands of items
// is not scanned once per item.
struct RowBlocks {
  std::string general;                        // the whole scheme, departments, inspections
  std::map<std::string, std::string> groups;  // by group id
  std::vector<std::string> items;             // parallel to Scheme::indicators
};

RowBlocks row_blocks(const HtmlReportInput& in, const std::vector<PlacedFinding>& ps) {
  RowBlocks r;
  r.items.resize(in.check->scheme.indicators.size());
  for (const PlacedFinding& p : ps) {
    std::string& to = p.indicator >= 0 ? r.items[p.indicator] : !p.group.empty() ? r.groups[p.group] : r.general;
    to += finding_block(in, p);
  }
  return r;
}

}  // namespace

std::string scheme_table_section(const HtmlReportInput& in, const std::vector<PlacedFinding>& ps) {
  const Lang lang = in.lang;
  const Scheme& s = in.check->scheme;
  std::string out = fmt::format(
      "<section id=\"scheme\"><h2>{}</h2>\n<p class=\"hint\">{}</p>\n", catalogue_text("report.the_scheme_item_by_item", lang),
      catalogue_text("report.each_finding_sits_on_the", lang));
  RowBlocks rb = row_blocks(in, ps);
  const std::string& general = rb.general;
  if (!general.empty())
    out += fmt::format("<div class=\"general\"><h3>{}</h3>\n{}</div>\n",
                       catalogue_text("report.about_the_scheme_as_a", lang), general);
  out += fmt::format(
      "<table class=\"scheme\"><thead><tr><th scope=\"col\" class=\"c-item\">{}</th><th scope=\"col\" class=\"c-owner\">{}</th>"
      "<th scope=\"col\" class=\"c-points\">{}</th><th scope=\"col\" class=\"c-how\">{}</th>"
      "<th scope=\"col\" class=\"c-findings\">{}</th></tr></thead>\n",
      catalogue_text("report.item", lang), catalogue_text("report.owner", lang), catalogue_text("report.points_column", lang),
      catalogue_text("report.how_it_is_scored", lang), catalogue_text("report.findings", lang));
  std::string current = "\x01";  // no group yet
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const Indicator& ind = s.indicators[i];
    if (ind.group != current) {
      if (current != "\x01") out += "</tbody>\n";
      current = ind.group;
      std::string points;
      for (const Group& g : s.groups)
        if (g.id.text == ind.group && g.points) points = msg("report.group_points", {arg("points", num(*g.points))}).in(lang);
      const std::string& gb = rb.groups[ind.group];
      out += fmt::format("<tbody><tr class=\"group\"><th colspan=\"5\" scope=\"rowgroup\">{}{}{}</th></tr>\n",
                         ind.group.empty() ? std::string(catalogue_text("report.items_outside_any_group", lang)) : html_escape(ind.group),
                         points, gb);
    }
    std::string name = ind.display.empty() ? html_escape(ind.id.text)
                                           : html_escape(ind.display) + " <small>" + html_escape(ind.id.text) + "</small>";
    const std::string& fb = rb.items[i];
    out += fmt::format("<tr{}><td class=\"c-item\">{}</td><td class=\"c-owner\">{}</td><td class=\"c-points\">{}</td>"
                       "<td class=\"c-how\">{}</td><td class=\"c-findings\">{}</td></tr>\n",
                       fb.empty() ? "" : " class=\"flagged\"", name, owner_name(s, ind.owner.text),
                       ind.points ? num(*ind.points) : "—", scoring_cell(ind, in.check->facts.indicators[i], lang),
                       fb.empty() ? "<span class=\"none\">—</span>" : fb);
  }
  if (current != "\x01") out += "</tbody>\n";
  return out + "</table>\n</section>\n";
}

}  // namespace jf::html
