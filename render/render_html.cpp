#include "render/render_html.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/utf8.hpp"
#include "render/render_html_parts.hpp"

namespace jf {
namespace {

bool has_cjk(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    int32_t cp = utf8::decode(p + i, s.size() - i, len);
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2EBEF))
      return true;
    i += len ? len : 1;
  }
  return false;
}

// The page's frame. The CSP allows the one inline stylesheet by its hash and
// nothing else: no script, no network, no fonts, no frames, no forms.
std::string head(const HtmlReportInput& in) {
  const Scheme& s = in.check->scheme;
  const bool zh = in.lang == Lang::zh;
  std::string title = s.info.name.empty() ? in.path : s.info.name;
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{}'; "
      "img-src 'none'; base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<meta name=\"generator\" content=\"jianfu {}\">\n"
      "<title>{} — {}</title>\n<style>{}</style>\n</head>\n<body>\n",
      zh ? "zh-CN" : "en", hex_to_base64(html::kReportCssSha256), html_escape(in.version), html_escape(title),
      catalogue_text("report.title_suffix", in.lang), html::kReportCss);
}

std::string footer(const HtmlReportInput& in) {
  return fmt::format("<footer><p>{} <code>jianfu {}</code>{}</p></footer>\n</body>\n</html>\n",
                     catalogue_text("report.made_by", in.lang), html_escape(in.version),
                     catalogue_text("report.a_linter_for_assessment_schemes", in.lang));
}

bool holds(Span outer, Span inner) {
  return outer.file == inner.file && outer.end > outer.begin && outer.begin <= inner.begin && inner.end <= outer.end;
}

// Drops the "Parameters" section: it is for rule writers, not for readers of
// a report. Sections are headings at column 0, bodies indented below them.
std::string explanation_html(const std::string& explain) {
  std::string out, para;
  bool skip = false;
  auto flush = [&] {
    if (!para.empty() && !skip) out += "<p>" + html_escape(para) + "</p>";
    para.clear();
  };
  size_t pos = 0;
  while (pos <= explain.size()) {
    size_t nl = explain.find('\n', pos);
    if (nl == std::string::npos) nl = explain.size();
    std::string_view line(explain.data() + pos, nl - pos);
    pos = nl + 1;
    size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      flush();
      continue;
    }
    std::string_view text = line.substr(first);
    if (first == 0) {
      flush();
      skip = text == catalogue_text("report.parameters_heading", Lang::en) ||
             text == catalogue_text("report.parameters_heading", Lang::zh);
      if (!skip) out += "<h4>" + html_escape(text) + "</h4>";
      continue;
    }
    // English lines join with a space; a break next to Chinese text with none.
    if (!para.empty() && static_cast<unsigned char>(para.back()) < 0x80 &&
        static_cast<unsigned char>(text.front()) < 0x80)
      para += ' ';
    para += text;
  }
  flush();
  return out;
}

std::string_view severity_label(Severity s, Lang lang) {
  switch (s) {
    case Severity::error: return catalogue_text("report.error", lang);
    case Severity::warning: return catalogue_text("report.warning", lang);
    default: return catalogue_text("report.info", lang);
  }
}

}  // namespace

bool scheme_is_chinese(const Scheme& s) {
  if (has_cjk(s.info.name)) return true;
  for (const Name& u : s.info.units)
    if (has_cjk(u.text)) return true;
  return false;
}

std::string hex_to_base64(std::string_view hex) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1]));
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[n >> 18 & 63];
    out += kAlphabet[n >> 12 & 63];
    out += i + 1 < bytes.size() ? kAlphabet[n >> 6 & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

std::string render_report_html(const HtmlReportInput& in) {
  std::vector<html::PlacedFinding> placed = html::place_findings(in);
  std::string out = head(in);
  out += html::summary_section(in, placed);
  out += html::scheme_table_section(in, placed);
  out += html::charts_section(in);
  if (in.diff) out += html::diff_section(in);
  if (in.scores) out += html::scores_section(in);
  return out + footer(in);
}

namespace html {

std::string num(double v) { return format_number(v); }

std::string owner_name(const Scheme& s, const std::string& id) {
  for (const Department& d : s.departments)
    if (d.id.text == id) return html_escape(d.display.empty() ? id : d.display);
  return html_escape(id);
}

std::vector<PlacedFinding> place_findings(const HtmlReportInput& in) {
  const Scheme& s = in.check->scheme;
  // Items by where they start: when no two overlap, the last one starting at
  // or before a finding is the only one that can hold it.
  std::vector<int> by_start(s.indicators.size());
  for (size_t i = 0; i < by_start.size(); ++i) by_start[i] = static_cast<int>(i);
  std::sort(by_start.begin(), by_start.end(),
            [&](int a, int b) { return s.indicators[a].span.begin < s.indicators[b].span.begin; });
  bool disjoint = true;
  for (size_t k = 1; k < by_start.size(); ++k)
    disjoint = disjoint && s.indicators[by_start[k - 1]].span.end <= s.indicators[by_start[k]].span.begin;
  std::vector<PlacedFinding> out;
  for (const Diagnostic& d : in.check->findings) {
    PlacedFinding p{&d, (*in.sources)[d.span.file].locate(d.span.begin).line};
    if (disjoint) {
      auto it = std::upper_bound(by_start.begin(), by_start.end(), d.span.begin,
                                 [&](uint32_t at, int i) { return at < s.indicators[i].span.begin; });
      if (it != by_start.begin() && holds(s.indicators[*std::prev(it)].span, d.span)) p.indicator = *std::prev(it);
    } else {
      for (size_t i = 0; i < s.indicators.size() && p.indicator < 0; ++i)
        if (holds(s.indicators[i].span, d.span)) p.indicator = static_cast<int>(i);
    }
    if (p.indicator < 0)
      for (const Group& g : s.groups)
        if (holds(g.span, d.span)) p.group = g.id.text;
    out.push_back(std::move(p));
  }
  return out;
}

std::string finding_block(const HtmlReportInput& in, const PlacedFinding& p) {
  const Diagnostic& d = *p.d;
  const Lang lang = in.lang;
  std::string body;
  if (!d.help.in(lang).empty())
    body += fmt::format("<p class=\"fix\"><b>{}</b>{}</p>", catalogue_text("report.what_to_do_instead", lang),
                        html_escape(d.help.in(lang)));
  if (const RuleMeta* m = in.rules ? in.rules->find(d.rule) : nullptr)
    body += "<div class=\"explain\">" + explanation_html(m->explain.in(lang)) + "</div>";
  return fmt::format(
      "<details class=\"finding {0}\" data-rule=\"{1}\" data-line=\"{2}\">"
      "<summary><span class=\"sev\">{3}</span> <code>{1}</code> <span class=\"rname\">{4}</span> "
      "<span class=\"msg\">{5}</span> <span class=\"where\">{6}</span></summary>{7}</details>\n",
      to_string(d.severity), html_escape(d.rule), p.line, severity_label(d.severity, lang), html_escape(d.name),
      html_escape(d.message.in(lang)),
      msg("report.line", {arg("line", p.line)}).in(lang), body);
}

}  // namespace html
}  // namespace jf
