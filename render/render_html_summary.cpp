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

struct Category {
  const char *id, *en, *zh;
};
constexpr Category kCategories[] = {
    {"ranking", "Ranking everything", "排名考核"},
    {"centralization", "Line departments as assessors", "条线部门中心化"},
    {"proof", "Proof layers", "层层留痕、证明"},
    {"penalty", "Penalties", "惩戒"},
    {"volume", "Volume", "数量与频次"},
    {"structure", "Mistakes in the scheme itself", "方案本身的错误"},
};

std::string category_name(const std::string& id, Lang lang) {
  for (const Category& c : kCategories)
    if (id == c.id) return tr(lang, c.en, c.zh);
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
  for (const Category& c : kCategories)
    if (auto it = by.find(c.id); it != by.end()) row(c.id, it->second), by.erase(it);
  for (auto& [cat, n] : by) row(cat, n);
  if (rows.empty()) return fmt::format("<p class=\"ok\">{}</p>\n", tr(lang, "No findings.", "没有发现问题。"));
  return fmt::format(
      "<table class=\"counts\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n{}</tbody>"
      "</table>\n",
      fmt::format(fmt::runtime(tr(lang, "{} findings by kind", "按类别统计的问题（共 {} 项）")), ps.size()),
      tr(lang, "kind", "类别"), tr(lang, "errors", "错误"), tr(lang, "warnings", "警告"), tr(lang, "info", "提示"),
      tr(lang, "total", "合计"), rows);
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
  auto item = [&](const char* cls, const char* title, std::string text, size_t findings) {
    return fmt::format("<li class=\"{} {}\"><b>{}</b> {} <span class=\"n\">{}</span></li>\n", cls,
                       findings ? "bad" : "good", title, text,
                       fmt::format(fmt::runtime(tr(lang, findings == 1 ? "({} finding)" : "({} findings)", "（相关问题 {} 项）")), findings));
  };
  std::string out = "<ul class=\"pathologies\">\n";
  out += item("ranking", tr(lang, "Ranking everything:", "排名考核："),
              fmt::format(fmt::runtime(tr(lang, "{} of {} points ({}) are scored by rank among the units.",
                                          "{} 分（共 {} 分的 {}）按单位之间的排名计分。")),
                          num(t.ranked_points), num(t.points), pct(t.ranked_share)),
              count_category(ps, "ranking"));
  out += item("centralization", tr(lang, "Line departments as assessors:", "条线部门中心化："),
              fmt::format(fmt::runtime(tr(lang,
                                          line_depts == 1
                                              ? "{} line department scores the units directly, holding {} points ({} of the total)."
                                              : "{} line departments score the units directly, holding {} points ({} of the total).",
                                          "{} 个条线部门直接给乡镇打分，掌握 {} 分（占总分的 {}）。")),
                          line_depts, num(line_points), pct(total > 0 ? line_points / total : 0)),
              count_category(ps, "centralization"));
  // Depth 0: no item checks another's proof; 2 or more is formalism squared.
  std::string layers =
      t.proof_depth == 0
          ? std::string(tr(lang, "no item checks another item's proof", "没有指标核查其他指标的留痕"))
          : fmt::format(fmt::runtime(tr(lang, "items check other items' proof, {} layers deep{}",
                                        "指标核查其他指标的留痕，共 {} 层{}")),
                        t.proof_depth,
                        t.proof_depth >= 2 ? tr(lang, " (formalism squared)", "（形式主义的平方）") : "");
  out += item("proof", tr(lang, "Proof layers:", "层层留痕："),
              fmt::format(fmt::runtime(tr(lang,
                                          "{}; each unit produces {} evidence items a year; {} of {} points ({}) "
                                          "reward paperwork, activities, publicity, app use or bodies set up rather "
                                          "than results (the trace share).",
                                          "{}；每个单位每年要准备 {} 份佐证材料；{} 分中有 {} 分（{}）奖励材料、"
                                          "活动、宣传、APP使用或设机构，而非实绩（留痕分占比）。")),
                          layers, num(t.evidence), lang == Lang::zh ? num(t.offered_points) : num(t.trace_points),
                          lang == Lang::zh ? num(t.trace_points) : num(t.offered_points), pct(t.trace_share)),
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
  std::string out = fmt::format("<h3>{}</h3>\n", tr(lang, "Penalties under full compliance", "全部达标时仍会落下的惩戒"));
  if (fallen.empty())
    return out + fmt::format("<p class=\"ok\">{}</p>\n",
                             tr(lang, "When every unit meets every standard, no penalty falls.",
                                "所有单位全部达标时，不会有任何惩戒落下。"));
  out += fmt::format(
      "<p class=\"headline\">{}</p>\n<ul class=\"fallen\">\n",
      fmt::format(fmt::runtime(tr(lang,
                                  fallen.size() == 1 ? "{} penalty falls on {} of {} units even though all meet every standard:"
                                                     : "{} penalties fall on {} of {} units even though all meet every standard:",
                                  "即使全部达标，仍有 {} 项惩戒落在 {} 个单位中的 {} 个身上：")),
                  fallen.size(), lang == Lang::zh ? r.units.size() : hit_units,
                  lang == Lang::zh ? hit_units : r.units.size()));
  for (auto& [key, units] : fallen) {
    PenaltyHit h{key.first == INT32_MAX ? -1 : key.first, key.second};
    std::string names;
    for (const std::string& u : units) names += (names.empty() ? "" : tr(lang, ", ", "、")) + html_escape(u);
    out += fmt::format("<li>{} — {}</li>\n", html_escape(describe_hit(s, h, lang)), names);
  }
  return out + "</ul>\n";
}

std::string load_figures(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const BurdenRow& t = in.burden.total;
  struct Fig {
    const char *en, *zh;
    std::string value;
  } figs[] = {{"indicators", "指标（项）", std::to_string(t.indicators)},
              {"forms a year", "报表（份／年）", num(t.forms)},
              {"evidence items a year", "佐证材料（份／年）", num(t.evidence)},
              {"inspections a year", "检查（次／年）", num(t.inspections)},
              {"vetoes", "一票否决（项）", std::to_string(t.vetoes)}};
  std::string out = fmt::format("<h3>{}</h3>\n<dl class=\"figures\">\n",
                                tr(lang, "What each unit carries in a year", "每个单位每年的负担"));
  for (const Fig& f : figs) out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>\n", tr(lang, f.en, f.zh), f.value);
  return out + "</dl>\n";
}

}  // namespace

std::string summary_section(const HtmlReportInput& in, const std::vector<PlacedFinding>& ps) {
  const Lang lang = in.lang;
  const SchemeInfo& info = in.check->scheme.info;
  std::string facts;
  if (info.year) facts += fmt::format(fmt::runtime(tr(lang, "year {} · ", "{} 年度 · ")), num(*info.year));
  facts += fmt::format(fmt::runtime(tr(lang, "{} units · ", "{} 个被考核单位 · ")), num(in.check->facts.unit_count));
  if (info.total) facts += fmt::format(fmt::runtime(tr(lang, "{} points · ", "总分 {} 分 · ")), num(*info.total));
  facts += "<code>" + html_escape(in.path) + "</code>";
  return fmt::format(
      "<header><p class=\"kicker\">{}</p><h1>{}</h1><p class=\"facts\">{}</p></header>\n"
      "<section id=\"summary\"><h2>{}</h2>\n{}{}{}{}</section>\n",
      tr(lang, "Assessment scheme review", "考核方案评估报告"),
      html_escape(info.name.empty() ? in.path : info.name), facts, tr(lang, "Summary", "概要"),
      findings_by_kind(ps, lang), pathologies(in, ps), compliant_penalties(in), load_figures(in));
}

}  // namespace jf::html
