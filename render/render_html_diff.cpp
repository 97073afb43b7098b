// With --against: what the draft adds and removes compared with the version
// it replaces (indicators, load, findings).
#include <fmt/format.h>

#include <map>

#include "render/render_html_parts.hpp"

namespace jf::html {
namespace {

std::string signed_num(double v) { return fmt::format("{}{}", v > 0 ? "+" : "", num(v)); }

std::string id_list(const std::vector<std::string>& ids, Lang lang) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : tr(lang, ", ", "、")) + html_escape(id);
  return out;
}

std::string load_table(const SchemeDiff& d, Lang lang) {
  const BurdenRow &o = d.old_burden.total, &n = d.new_burden.total;
  struct Fig {
    const char *en, *zh;
    double before, after;
  } figs[] = {{"indicators", "指标", double(o.indicators), double(n.indicators)},
              {"forms a year", "每年报表", o.forms, n.forms},
              {"evidence items a year", "每年佐证材料", o.evidence, n.evidence},
              {"inspections a year", "每年检查", o.inspections, n.inspections},
              {"ranked share (%)", "排名计分占比（%）", o.ranked_share * 100, n.ranked_share * 100},
              {"proof depth", "证明层数", double(o.proof_depth), double(n.proof_depth)},
              {"vetoes", "一票否决", double(o.vetoes), double(n.vetoes)}};
  std::string out = fmt::format(
      "<table class=\"delta\"><caption>{}</caption><thead><tr><th scope=\"col\"></th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
      tr(lang, "Load on each unit per year", "每个单位每年的负担"), tr(lang, "before", "原方案"), tr(lang, "draft", "新方案"),
      tr(lang, "change", "变化"));
  for (const Fig& f : figs) {
    const double delta = f.after - f.before;
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>\n",
                       tr(lang, f.en, f.zh), num(f.before), num(f.after),
                       delta > 0 ? "up" : delta < 0 ? "down" : "same", delta == 0 ? "—" : signed_num(delta));
  }
  return out + "</tbody></table>\n";
}

// Findings counted by rule, then each one in a collapsed list: a draft that
// rewrites a scheme can introduce dozens, which the scheme table already shows.
std::string finding_list(const std::vector<Diagnostic>& ds, const SourceSet& sources, Lang lang) {
  if (ds.empty()) return fmt::format("<p class=\"none\">{}</p>\n", tr(lang, "none", "无"));
  std::map<std::string, std::pair<std::string, size_t>> by_rule;  // id → (name, count)
  for (const Diagnostic& d : ds) {
    auto& [name, n] = by_rule[d.rule];
    name = d.name;
    ++n;
  }
  std::string out = "<ul class=\"by-rule\">\n";
  for (const auto& [rule, nn] : by_rule)
    out += fmt::format("<li><code>{}</code> {} × {}</li>\n", html_escape(rule), html_escape(nn.first), nn.second);
  out += fmt::format("</ul>\n<details class=\"data\"><summary>{}</summary><ul class=\"findings-delta\">\n",
                     tr(lang, "Each of them", "逐项列出"));
  for (const Diagnostic& d : ds)
    out += fmt::format("<li data-rule=\"{}\"><code>{}</code> {}: {} <span class=\"where\">{}</span></li>\n",
                       html_escape(d.rule), html_escape(d.rule), html_escape(d.name), html_escape(d.message.in(lang)),
                       fmt::format(fmt::runtime(tr(lang, "line {}", "第 {} 行")),
                                   sources[d.span.file].locate(d.span.begin).line));
  return out + "</ul></details>\n";
}

}  // namespace

std::string diff_section(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const SchemeDiff& d = *in.diff;
  std::string out = fmt::format(
      "<section id=\"diff\"><h2>{}</h2>\n<p class=\"headline\">{}</p>\n",
      tr(lang, "What this draft changes", "这份草案改了什么"),
      fmt::format(fmt::runtime(tr(lang, "Compared with <code>{}</code>: {} indicators added, {} removed, {} changed.",
                                  "与 <code>{}</code> 相比：新增 {} 项指标，删除 {} 项，修改 {} 项。")),
                  html_escape(in.against_path), d.added.size(), d.removed.size(), d.changed.size()));
  out += "<dl class=\"changes\">\n";
  if (!d.added.empty())
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", tr(lang, "Added", "新增"), id_list(d.added, lang));
  if (!d.removed.empty())
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", tr(lang, "Removed", "删除"), id_list(d.removed, lang));
  for (const IndicatorChange& c : d.changed)
    out += fmt::format("<dt>{} {}</dt><dd>{}</dd>\n", tr(lang, "Changed", "修改"), html_escape(c.id),
                       id_list(c.fields, lang));
  out += "</dl>\n" + load_table(d, lang);
  out += fmt::format("<h3>{}</h3>\n", fmt::format(fmt::runtime(tr(lang, "Findings the draft introduces ({})", "草案新增的问题（{} 项）")),
                                                   d.introduced.size()));
  out += finding_list(d.introduced, *in.sources, lang);
  out += fmt::format("<h3>{}</h3>\n", fmt::format(fmt::runtime(tr(lang, "Findings the draft resolves ({})", "草案消除的问题（{} 项）")),
                                                   d.resolved.size()));
  out += finding_list(d.resolved, *in.sources, lang);
  return out + "</section>\n";
}

}  // namespace jf::html
