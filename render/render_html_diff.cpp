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
  for (const std::string& id : ids) out += std::string(out.empty() ? "" : catalogue_text("list.separator", lang)) + html_escape(id);
  return out;
}

std::string load_table(const SchemeDiff& d, Lang lang) {
  const BurdenRow &o = d.old_burden.total, &n = d.new_burden.total;
  struct Fig {
    const char* key;
    double before, after;
  } figs[] = {{"report.delta.indicators", double(o.indicators), double(n.indicators)},
              {"report.delta.forms", o.forms, n.forms},
              {"report.delta.evidence", o.evidence, n.evidence},
              {"report.delta.inspections", o.inspections, n.inspections},
              {"report.delta.ranked_share", o.ranked_share * 100, n.ranked_share * 100},
              {"report.delta.proof_depth", double(o.proof_depth), double(n.proof_depth)},
              {"report.delta.vetoes", double(o.vetoes), double(n.vetoes)}};
  std::string out = fmt::format(
      "<table class=\"delta\"><caption>{}</caption><thead><tr><th scope=\"col\"></th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>\n",
      catalogue_text("report.load_on_each_unit_per", lang), catalogue_text("report.before", lang), catalogue_text("report.draft", lang),
      catalogue_text("report.change", lang));
  for (const Fig& f : figs) {
    const double delta = f.after - f.before;
    out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>\n",
                       catalogue_text(f.key, lang), num(f.before), num(f.after),
                       delta > 0 ? "up" : delta < 0 ? "down" : "same", delta == 0 ? "—" : signed_num(delta));
  }
  return out + "</tbody></table>\n";
}

// Findings counted by rule, then each one in a collapsed list: a draft that
// rewrites a scheme can introduce dozens, which the scheme table already shows.
std::string finding_list(const std::vector<Diagnostic>& ds, const SourceSet& sources, Lang lang) {
  if (ds.empty()) return fmt::format("<p class=\"none\">{}</p>\n", catalogue_text("report.none", lang));
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
                     catalogue_text("report.each_of_them", lang));
  for (const Diagnostic& d : ds)
    out += fmt::format("<li data-rule=\"{}\"><code>{}</code> {}: {} <span class=\"where\">{}</span></li>\n",
                       html_escape(d.rule), html_escape(d.rule), html_escape(d.name), html_escape(d.message.in(lang)),
                       msg("report.line", {arg("line", sources[d.span.file].locate(d.span.begin).line)}).in(lang));
  return out + "</ul></details>\n";
}

}  // namespace

std::string diff_section(const HtmlReportInput& in) {
  const Lang lang = in.lang;
  const SchemeDiff& d = *in.diff;
  std::string out = fmt::format(
      "<section id=\"diff\"><h2>{}</h2>\n<p class=\"headline\">{}</p>\n",
      catalogue_text("report.what_this_draft_changes", lang),
      msg("report.diff_headline", {arg("against", html_escape(in.against_path)), arg("added", d.added.size()),
                                   arg("removed", d.removed.size()), arg("changed", d.changed.size())})
          .in(lang));
  out += "<dl class=\"changes\">\n";
  if (!d.added.empty())
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", catalogue_text("report.added", lang), id_list(d.added, lang));
  if (!d.removed.empty())
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", catalogue_text("report.removed", lang), id_list(d.removed, lang));
  for (const IndicatorChange& c : d.changed)
    out += fmt::format("<dt>{} {}</dt><dd>{}</dd>\n", catalogue_text("report.changed", lang), html_escape(c.id),
                       id_list(c.fields, lang));
  out += "</dl>\n" + load_table(d, lang);
  out += fmt::format("<h3>{}</h3>\n", msg("report.diff_introduced", {arg("n", d.introduced.size())}).in(lang));
  out += finding_list(d.introduced, *in.sources, lang);
  out += fmt::format("<h3>{}</h3>\n", msg("report.diff_resolved", {arg("n", d.resolved.size())}).in(lang));
  out += finding_list(d.resolved, *in.sources, lang);
  return out + "</section>\n";
}

}  // namespace jf::html
