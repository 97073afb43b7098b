#include "render/render_burden.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "base/lexicon.hpp"
#include "base/display_width.hpp"
#include "base/message.hpp"
#include "render/render.hpp"

namespace jf {
namespace {

std::string pct(double share) { return format_number(share * 100) + "%"; }
double round2(double share) { return std::round(share * 100) / 100; }

// The trace share (留痕分占比) and the items behind it, after the table.
std::string trace_text(const Burden& b, bool zh) {
  const Lang lang = zh ? Lang::zh : Lang::en;
  std::string out = "\n" +
                    msg("render.burden.trace_share", {arg("share", pct(round2(b.total.trace_share))),
                                                      arg("offered", format_number(b.total.offered_points)),
                                                      arg("trace", format_number(std::round(b.total.trace_points * 10) / 10))})
                        .in(lang) +
                    "\n";
  const std::shared_ptr<const Lexicon> lex = lexicon();  // zh: the classes' names from the lexicon files
  for (const TraceItem& t : b.traces) {
    std::string classes;
    for (const std::string& c : t.classes) classes += std::string(classes.empty() ? "" : catalogue_text("list.separator", lang)) + (zh ? lex->class_name(c, true) : c);
    out += fmt::format("  {}  {} / {}  {}  {}\n", sanitize_for_terminal(t.id),
                       format_number(std::round(t.trace_points * 10) / 10), format_number(t.points),
                       pct(round2(t.trace_share)), classes);
  }
  return out;
}

std::string text_row(const BurdenRow& r, size_t w) {
  return fmt::format("{}  {:>5}  {:>7}  {:>6}  {:>7}  {:>8}  {:>9}  {:>11}  {:>5}  {:>6}  {:>5}\n", pad_right(r.id, w), r.indicators,
                     format_number(r.points), pct(r.share), pct(r.ranked_share), format_number(r.forms),
                     format_number(r.evidence), format_number(r.inspections), r.proof_depth, r.vetoes,
                     pct(round2(r.trace_share)));
}

nlohmann::json row_json(const BurdenRow& r) {
  nlohmann::json j{{"id", r.id}, {"name", r.name}, {"indicators", r.indicators}, {"points", r.points},
                   {"share", r.share}, {"ranked_points", r.ranked_points}, {"ranked_share", r.ranked_share},
                   {"forms_per_year", r.forms}, {"evidence_per_year", r.evidence},
                   {"inspections_per_year", r.inspections}, {"proof_depth", r.proof_depth}, {"vetoes", r.vetoes},
                   {"offered_points", r.offered_points}, {"trace_points", r.trace_points}, {"trace_share", r.trace_share}};
  j["kind"] = r.kind ? nlohmann::json(std::string(to_string(*r.kind))) : nlohmann::json(nullptr);
  return j;
}


}  // namespace

std::string render_burden_text(const std::string& name, const Burden& b, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::vector<const BurdenRow*> rows;
  for (const BurdenRow& r : b.departments) rows.push_back(&r);
  if (b.undeclared) rows.push_back(&*b.undeclared);
  size_t w = zh ? 4 : 10;
  for (const BurdenRow* r : rows) w = std::max(w, display_width(sanitize_for_terminal(r->id)));
  std::string out = sanitize_for_terminal(name) +
                    msg("render.burden.heading", {arg("units", format_number(b.units))}).in(lang) + "\n\n";
  // Header cells padded by display width, so Chinese headings align too.
  static constexpr size_t kWidths[] = {5, 7, 6, 7, 8, 9, 11, 5, 6, 5};
  static constexpr const char* kColumns[] = {"items", "points", "share", "ranked", "forms", "evidence",
                                             "inspections", "proof", "vetoes", "trace"};
  out += pad_right(catalogue_text("render.burden.col.department", lang), w);
  for (size_t i = 0; i < std::size(kWidths); ++i)
    // keys: render.burden.col.*
    out += "  " + pad_left(catalogue_text(std::string("render.burden.col.") + kColumns[i], lang), kWidths[i]);
  out += "\n";
  for (const BurdenRow* r : rows) out += text_row(*r, w);
  BurdenRow total = b.total;
  total.id = catalogue_text("render.burden.total", lang);
  out += text_row(total, w);
  return out + trace_text(b, zh);
}

std::string render_burden_json(const std::string& name, const Burden& b) {
  nlohmann::json deps = nlohmann::json::array();
  for (const BurdenRow& r : b.departments) deps.push_back(row_json(r));
  nlohmann::json doc{{"scheme", name}, {"units", b.units}, {"departments", deps}, {"total", row_json(b.total)}};
  if (b.undeclared) doc["undeclared"] = row_json(*b.undeclared);
  nlohmann::json items = nlohmann::json::array();
  for (const TraceItem& t : b.traces)
    items.push_back({{"id", t.id}, {"name", t.name}, {"points", t.points}, {"trace_points", t.trace_points},
                     {"trace_share", t.trace_share}, {"classes", t.classes}});
  doc["trace"] = {{"offered_points", b.total.offered_points}, {"trace_points", b.total.trace_points},
                  {"trace_share", b.total.trace_share}, {"indicators", items}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_burden_svg(const std::string& name, const Burden& b, Lang lang) {
  const int row_h = 26, top = 70, bar_max = 300, gap = 40;
  size_t label_cols = 4;
  for (const BurdenRow& r : b.departments) label_cols = std::max(label_cols, display_width(r.id));
  const int label_w = static_cast<int>(label_cols) * 8 + 16;
  const int panel_w = bar_max + 70;
  const int width = label_w + 2 * panel_w + gap + 20;
  const int height = top + static_cast<int>(b.departments.size()) * row_h + 58;
  double max_points = 0, max_forms = 0;
  for (const BurdenRow& r : b.departments) max_points = std::max(max_points, r.points), max_forms = std::max(max_forms, r.forms);
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', "
      "'WenQuanYi Micro Hei', sans-serif\" font-size=\"13\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
      "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{2}</text>\n",
      width, height, xml_escape(name + std::string(catalogue_text("render.burden.svg.title", lang))));
  const std::string titles[2] = {std::string(catalogue_text("render.burden.svg.points", lang)),
                                 std::string(catalogue_text("render.burden.svg.forms", lang))};
  const char* colors[2] = {"#c0392b", "#2c6fbb"};
  for (int panel = 0; panel < 2; ++panel) {
    const int x0 = label_w + panel * (panel_w + gap);
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>\n", x0, top - 12, xml_escape(titles[panel]));
  }
  for (size_t k = 0; k < b.departments.size(); ++k) {
    const BurdenRow& r = b.departments[k];
    const int y = top + static_cast<int>(k) * row_h;
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\"><title>{}</title>{}</text>\n", label_w - 8,
                       y + 17, xml_escape(r.name), xml_escape(r.id));
    for (int panel = 0; panel < 2; ++panel) {
      const double v = panel == 0 ? r.points : r.forms, max = panel == 0 ? max_points : max_forms;
      const int x0 = label_w + panel * (panel_w + gap);
      const int len = max > 0 ? static_cast<int>(v / max * bar_max + 0.5) : 0;
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", x0, y + 4, len,
                         row_h - 8, colors[panel]);
      out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", x0 + len + 6, y + 17, format_number(v));
    }
  }
  out += fmt::format("<text x=\"10\" y=\"{}\" fill=\"#8e44ad\">{}</text>\n", height - 32,
                     xml_escape(msg("render.burden.svg.trace_share",
                                    {arg("share", pct(round2(b.total.trace_share))),
                                     arg("offered", format_number(b.total.offered_points)),
                                     arg("trace", format_number(std::round(b.total.trace_points * 10) / 10))})
                                    .in(lang)));
  out += fmt::format("<text x=\"10\" y=\"{}\" fill=\"#555555\">{}</text>\n", height - 14,
                     xml_escape(msg("render.burden.svg.total",
                                    {arg("points", format_number(b.total.points)), arg("forms", format_number(b.total.forms)),
                                     arg("evidence", format_number(b.total.evidence)),
                                     arg("inspections", format_number(b.total.inspections))})
                                    .in(lang)));
  return out + "</svg>\n";
}

namespace {
const std::array kBurdenFormats{
    OutputFormat<BurdenFormatMaker>{"text", ".txt", "a table by department with a total row", render_burden_text},
    OutputFormat<BurdenFormatMaker>{"json", ".json", "`scheme`, `units`, `departments` and `total` as one JSON document",
                                    [](const std::string& name, const Burden& b, Lang) { return render_burden_json(name, b); }},
    OutputFormat<BurdenFormatMaker>{"svg", ".svg", "points and forms a year per department as two sorted bar charts",
                                    render_burden_svg},
};
}  // namespace

FormatList<BurdenFormatMaker> burden_formats() { return kBurdenFormats; }

}  // namespace jf
