// The scheme as a table (groups, items, points, owners, how each is scored),
// each finding on the row of the item it concerns.
#include <fmt/format.h>

#include <map>

#include "engine/facts.hpp"
#include "render/render_html_parts.hpp"

namespace jf::html {
namespace {

const char* mode_name(ScoreMode m, Lang lang) {
  switch (m) {
    case ScoreMode::rank: return tr(lang, "by rank", "按排名");
    case ScoreMode::threshold: return tr(lang, "against a standard", "按标准");
    case ScoreMode::deduction: return tr(lang, "by deductions", "扣分制");
    case ScoreMode::veto: return tr(lang, "veto", "一票否决");
    default: return tr(lang, "bonus", "加分");
  }
}

const char* frequency_name(Frequency f, Lang lang) {
  switch (f) {
    case Frequency::daily: return tr(lang, "daily", "每日");
    case Frequency::weekly: return tr(lang, "weekly", "每周");
    case Frequency::monthly: return tr(lang, "monthly", "每月");
    case Frequency::quarterly: return tr(lang, "quarterly", "每季度");
    case Frequency::semiannual: return tr(lang, "twice a year", "每半年");
    case Frequency::yearly: return tr(lang, "yearly", "每年");
    default: return tr(lang, "when asked", "不定期");
  }
}

const char* evidence_name(EvidenceKind k, Lang lang) {
  switch (k) {
    case EvidenceKind::ledger: return tr(lang, "ledger", "台账");
    case EvidenceKind::photo: return tr(lang, "photos", "照片");
    case EvidenceKind::materials: return tr(lang, "evidence pack", "佐证材料");
    case EvidenceKind::minutes: return tr(lang, "minutes", "会议记录");
    default: return tr(lang, "system entry", "系统录入");
  }
}

// How an item is scored and what it asks for, in a few short lines.
std::string scoring_cell(const Indicator& ind, const IndicatorFacts& f, Lang lang) {
  std::string out = fmt::format("<span class=\"how how-{}\">{}</span>", to_string(ind.score.mode),
                                mode_name(ind.score.mode, lang));
  if (ind.key) out += fmt::format(" <span class=\"key\">{}</span>", tr(lang, "key item", "重点"));
  if (ind.report)
    out += fmt::format(fmt::runtime(tr(lang, "<br>reports {}: {} forms a year", "<br>{}报送，每年 {} 份报表")),
                       frequency_name(ind.report->frequency, lang), num(f.forms_per_year));
  if (!ind.evidence.empty()) {
    std::string kinds;
    for (const Evidence& e : ind.evidence) kinds += (kinds.empty() ? "" : tr(lang, ", ", "、")) + std::string(evidence_name(e.kind, lang));
    out += fmt::format(fmt::runtime(tr(lang, "<br>evidence: {}", "<br>留痕：{}")), kinds);
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
      "<section id=\"scheme\"><h2>{}</h2>\n<p class=\"hint\">{}</p>\n", tr(lang, "The scheme, item by item", "方案逐项检查"),
      tr(lang, "Each finding sits on the row of the item it concerns. Open a finding to read why it matters and what to do instead.",
         "每个问题列在它所涉及的指标那一行。点开问题，可以看到为什么有害、应该怎么改。"));
  RowBlocks rb = row_blocks(in, ps);
  const std::string& general = rb.general;
  if (!general.empty())
    out += fmt::format("<div class=\"general\"><h3>{}</h3>\n{}</div>\n",
                       tr(lang, "About the scheme as a whole", "涉及整个方案的问题"), general);
  out += fmt::format(
      "<table class=\"scheme\"><thead><tr><th scope=\"col\" class=\"c-item\">{}</th><th scope=\"col\" class=\"c-owner\">{}</th>"
      "<th scope=\"col\" class=\"c-points\">{}</th><th scope=\"col\" class=\"c-how\">{}</th>"
      "<th scope=\"col\" class=\"c-findings\">{}</th></tr></thead>\n",
      tr(lang, "item", "指标"), tr(lang, "owner", "牵头部门"), tr(lang, "points", "分值"),
      tr(lang, "how it is scored", "计分方式"), tr(lang, "findings", "问题"));
  std::string current = "\x01";  // no group yet
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const Indicator& ind = s.indicators[i];
    if (ind.group != current) {
      if (current != "\x01") out += "</tbody>\n";
      current = ind.group;
      std::string points;
      for (const Group& g : s.groups)
        if (g.id.text == ind.group && g.points) points = fmt::format(fmt::runtime(tr(lang, " · {} points", " · {} 分")), num(*g.points));
      const std::string& gb = rb.groups[ind.group];
      out += fmt::format("<tbody><tr class=\"group\"><th colspan=\"5\" scope=\"rowgroup\">{}{}{}</th></tr>\n",
                         ind.group.empty() ? tr(lang, "Items outside any group", "未分组的指标") : html_escape(ind.group),
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
