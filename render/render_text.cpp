#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>

#include "base/display_width.hpp"
#include "base/message.hpp"
#include "base/utf8.hpp"
#include "render/render.hpp"

namespace jf {
namespace {

struct Style {
  bool on;
  // Appends `s`, in colour `code` when colours are on.
  void paint(std::string& out, std::string_view code, std::string_view s) const {
    if (on) fmt::format_to(std::back_inserter(out), "\x1b[{}m{}\x1b[0m", code, s);
    else out += s;
  }
};

// The severity's name in Chinese output (English prints the id itself).
std::string_view severity_zh(Severity s) {
  return catalogue_text(std::string("render.severity.") + std::string(to_string(s)), Lang::zh);
}

std::string_view severity_colour(Severity s) {
  switch (s) {
    case Severity::error: return "1;31";
    case Severity::warning: return "1;33";
    case Severity::info: return "1;36";
  }
  return "1";
}

// A quoted line shows at most this many bytes of the span and of context
// either side: a 290 KB one-line scheme with many findings must not print
// the whole line for each (output quadratic in the input, issue 18).
constexpr size_t kQuoteSpanBytes = 240, kQuoteContextBytes = 120;

// `at` moved back to the start of the UTF-8 character holding it.
size_t char_start(std::string_view s, size_t at) { return utf8::char_start(s, at); }

// Only files jianfu reads as schemes, rule packs, configs or tables are
// quoted: a path named by mistake (or by an untrusted config) must not have
// its lines copied into a report.
bool quotable(std::string_view path) {
  for (std::string_view ext : {".assess", ".yaml", ".yml", ".rules", ".csv", ".tsv"})
    if (path.ends_with(ext)) return true;
  return false;
}

// The quoted line under a finding's header, the same for a source line and a
// document cell: an empty gutter line, the gutter (line or row number) with
// the text (`raw` sanitized, between the cut marks `before` and `after`),
// then `carets` carets `indent` columns in, in the severity colour.
void quote(std::string& out, const std::string& gutter, std::string_view before, std::string_view raw,
           std::string_view after, size_t indent, size_t carets, std::string_view colour, const Style& st) {
  auto bar = [&] {
    out += ' ';
    st.paint(out, "1;34", "|");
  };
  out.append(gutter.size(), ' ');
  bar();
  out += '\n';
  st.paint(out, "1;34", gutter);
  bar();
  out += ' ';
  out += before;
  append_for_terminal(out, raw);
  out += after;
  out += '\n';
  out.append(gutter.size(), ' ');
  bar();
  out += ' ';
  out.append(indent, ' ');
  st.paint(out, colour, std::string(carets, '^'));
  out += '\n';
}

// The last quoted line: findings in a row often quote the same line with the
// same carets (a scheme's findings about the whole scheme all underline its
// first line), and the block is then copied, not sanitized and measured again.
struct LastQuote {
  const char* line = nullptr;  // the line's first byte in its SourceFile
  size_t lo = 0, a = 0, b = 0, hi = 0;
  Severity severity = Severity::info;
  std::string block;  // what quote() appended for it
};

// Prints the first line of the span with carets under it; a span that runs
// past the line end is underlined to the end of the line. A long line is
// cut to a window around the span, `...` marking the cuts, the carets still
// under the span (CJK characters count two columns).
void snippet(std::string& out, const SourceFile& src, const Diagnostic& d, uint32_t line_no, const Style& st,
             LastQuote& last) {
  if (!quotable(src.path())) return;
  std::string_view line = src.line_text(line_no);
  std::string gutter = std::to_string(line_no);
  // Byte offset of the span start within the line.
  size_t line_start = static_cast<size_t>(line.data() - src.text().data());
  size_t a = std::min<size_t>(d.span.begin > line_start ? d.span.begin - line_start : 0, line.size());
  size_t b = std::min<size_t>(d.span.end > line_start ? d.span.end - line_start : 0, line.size());
  a = char_start(line, a);
  b = std::max(a, b > a + kQuoteSpanBytes ? char_start(line, a + kQuoteSpanBytes) : b);
  size_t lo = a > kQuoteContextBytes ? char_start(line, a - kQuoteContextBytes) : 0;
  size_t hi = b + kQuoteContextBytes < line.size() ? char_start(line, b + kQuoteContextBytes) : line.size();
  if (last.line == line.data() && !last.block.empty() && last.lo == lo && last.a == a && last.b == b && last.hi == hi &&
      last.severity == d.severity) {
    out += last.block;
    return;
  }
  const size_t at = out.size();
  std::string_view before = lo > 0 ? "..." : "", after = hi < line.size() ? "..." : "";
  size_t indent = before.size() + sanitized_width(line.substr(lo, a - lo));
  size_t carets = std::max<size_t>(1, sanitized_width(line.substr(a, b - a)));
  quote(out, gutter, before, line.substr(lo, hi - lo), after, indent, carets, severity_colour(d.severity), st);
  last.line = line.data(), last.lo = lo, last.a = a, last.b = b, last.hi = hi, last.severity = d.severity;
  last.block.assign(out, at);
}

// A document's cell, quoted under its row number: a .docx or .xlsx has no
// lines to show, so the cell the finding is about stands in for the line.
bool about_row(const Place& p, const Diagnostic& d) { return !p.row_en.empty() && d.span.end > p.end + 1; }

void cell_snippet(std::string& out, const SourceFile& src, const Place& p, const Diagnostic& d, const Style& st) {
  // A finding about a whole row (the header, for the scheme as a whole) shows the row.
  const uint32_t end = about_row(p, d) ? std::max(p.end, std::min(p.row_end, d.span.end)) : p.end;
  std::string row_text;
  if (about_row(p, d))
    for (char c : std::string_view(src.text()).substr(p.begin, end - p.begin)) row_text += c == '\t' ? std::string(" | ") : std::string(1, c);
  std::string_view cell = about_row(p, d) ? std::string_view(row_text) : std::string_view(src.text()).substr(p.begin, end - p.begin);
  size_t a = d.span.begin > p.begin ? std::min<size_t>(d.span.begin - p.begin, cell.size()) : 0;
  size_t b = d.span.end > p.begin ? std::min<size_t>(d.span.end - p.begin, cell.size()) : 0;
  if (about_row(p, d)) a = 0, b = cell.size();
  // Long cells: the part from the span's start (at most ~120 columns before it).
  size_t from = 0;
  if (sanitized_width(cell.substr(0, a)) > 60) {
    from = a;
    while (from > 0 && sanitized_width(cell.substr(from, a - from)) < 20) --from;
    from = utf8::char_start(cell, from);
  }
  std::string gutter = p.row ? std::to_string(p.row) : std::string(" ");
  quote(out, gutter, from ? "…" : "", cell.substr(from), "",
        sanitized_width(cell.substr(from, a - from)) + (from ? 1 : 0),
        std::max<size_t>(1, sanitized_width(cell.substr(a, b > a ? b - a : 0))), severity_colour(d.severity), st);
}

// Appends `n` in decimal: a line, column or row number, without a string of its own.
void append_number(std::string& out, uint64_t n) {
  char buf[20];
  auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, static_cast<size_t>(end - buf));
}

size_t digits(uint64_t n) {
  size_t d = 1;
  while (n >= 10) n /= 10, ++d;
  return d;
}

class TextReport : public ReportFormat {
 public:
  // The catalogue's texts every finding prints are looked up once per
  // report, not once per finding (a binary search over the whole table).
  explicit TextReport(RenderOptions opt)
      : opt_(opt),
        after_rule_(catalogue_text("render.text.after_rule", opt.lang)),
        help_(catalogue_text("render.help", opt.lang)),
        colon_(catalogue_text("render.colon", opt.lang)) {
    for (Severity s : {Severity::info, Severity::warning, Severity::error})
      severity_[static_cast<size_t>(s)] = opt.lang == Lang::zh ? severity_zh(s) : to_string(s);
  }

  std::string body(std::string_view, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    Style st{opt_.color};
    // `text` holds a message or help before it is made safe for the
    // terminal: one buffer for the file, not a string per text.
    std::string out, path, scratch, text;
    out.reserve(ds.size() * 400);  // a county file's findings print ≈ 420 bytes each: one allocation, not ~10
    LastQuote last;
    uint32_t path_of = UINT32_MAX;  // a file's findings are together: sanitize its path once
    const bool zh = opt_.lang == Lang::zh;
    for (const Diagnostic& d : ds) {
      const SourceFile& src = sources[d.span.file];
      if (d.span.file != path_of) path = sanitize_for_terminal(src.path()), path_of = d.span.file;
      LineCol lc = src.locate(d.span.begin);
      const Place* place = src.placed() ? src.place(d.span.begin) : nullptr;
      scratch.clear();
      if (src.placed()) {  // a .docx/.xlsx: "考核细则.docx: table 1, row 12, 评分标准"
        scratch += path;
        if (place) {
          scratch += ": ";
          append_for_terminal(scratch, about_row(*place, d) ? (zh ? place->row_zh : place->row_en) : (zh ? place->zh : place->en));
        }
      } else {
        scratch += path;
        scratch += ':';
        append_number(scratch, lc.line);
        scratch += ':';
        append_number(scratch, lc.column);
      }
      st.paint(out, "1", scratch);
      out += ": ";
      // Findings carry a rule id; a tool error (config, rule compile) has none.
      // Chinese output is Chinese throughout: the severity in Chinese, and
      // the rule's English slug left out (the id names the rule).
      std::string_view severity = severity_[static_cast<size_t>(d.severity)];
      if (d.rule.empty()) {
        st.paint(out, severity_colour(d.severity), severity);
      } else {
        scratch.assign(severity);
        scratch += '[';
        scratch += d.rule;
        scratch += ']';
        st.paint(out, severity_colour(d.severity), scratch);
      }
      if (!zh) {
        out += ' ';
        out += d.name;
      }
      out += after_rule_;
      text.clear();
      d.message.append_to(text, opt_.lang);
      append_for_terminal(out, text);
      out += '\n';
      if (place) cell_snippet(out, src, *place, d, st);
      else if (!src.placed()) snippet(out, src, d, lc.line, st, last);
      text.clear();
      d.help.append_to(text, opt_.lang);
      if (!text.empty()) {
        out.append(place ? (place->row ? digits(place->row) : 1) : src.placed() ? 0 : digits(lc.line), ' ');
        out += " = ";
        st.paint(out, "1", help_);
        out += colon_;
        append_for_terminal(out, text);
        out += '\n';
      }
      out += '\n';
    }
    return out;
  }

  std::string tail(const Tally& t) const override { return render_summary(t, opt_); }

 private:
  RenderOptions opt_;
  std::string_view after_rule_, help_, colon_;
  std::string_view severity_[3];  // by Severity's value
};

}  // namespace

std::unique_ptr<ReportFormat> text_report(const RenderOptions& opt) { return std::make_unique<TextReport>(opt); }

std::string render_text(const std::vector<Diagnostic>& ds, const SourceSet& sources, const RenderOptions& opt) {
  return TextReport(opt).body("", ds, sources);
}

std::string render_summary(const Tally& t, const RenderOptions& opt) {
  size_t total = t.total(), files = t.files;
  const size_t* n = t.by_severity;
  if (total == 0) return msg("render.summary.clean", {arg("files", files)}).in(opt.lang) + "\n";
  return msg("render.summary.found", {arg("files", files), arg("total", total), arg("errors", n[2]),
                                      arg("warnings", n[1]), arg("infos", n[0])})
             .in(opt.lang) +
         "\n";
}

std::string render_summary(const std::vector<Diagnostic>& ds, size_t files, const RenderOptions& opt) {
  Tally t;
  t.add_file(ds);
  t.files = files;
  return render_summary(t, opt);
}

}  // namespace jf
