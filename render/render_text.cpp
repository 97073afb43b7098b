#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "base/display_width.hpp"
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

std::string_view severity_colour(Severity s) {
  switch (s) {
    case Severity::error: return "1;31";
    case Severity::warning: return "1;33";
    case Severity::info: return "1;36";
  }
  return "1";
}

// Prints the first line of the span with carets under it; a span that runs
// past the line end is underlined to the end of the line.
void snippet(std::string& out, const SourceFile& src, const Diagnostic& d, uint32_t line_no, const Style& st) {
  std::string_view line = src.line_text(line_no);
  std::string gutter = std::to_string(line_no);
  // Byte offset of the span start within the line.
  size_t line_start = static_cast<size_t>(line.data() - src.text().data());
  size_t a = std::min<size_t>(d.span.begin > line_start ? d.span.begin - line_start : 0, line.size());
  size_t b = std::min<size_t>(d.span.end > line_start ? d.span.end - line_start : 0, line.size());
  size_t indent = sanitized_width(line.substr(0, a));
  size_t carets = std::max<size_t>(1, sanitized_width(line.substr(a, b > a ? b - a : 0)));
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
  out += sanitize_for_terminal(line);
  out += '\n';
  out.append(gutter.size(), ' ');
  bar();
  out += ' ';
  out.append(indent, ' ');
  st.paint(out, severity_colour(d.severity), std::string(carets, '^'));
  out += '\n';
}

class TextReport : public ReportFormat {
 public:
  explicit TextReport(RenderOptions opt) : opt_(opt) {}

  std::string body(std::string_view, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    Style st{opt_.color};
    std::string out, path;
    uint32_t path_of = UINT32_MAX;  // a file's findings are together: sanitize its path once
    for (const Diagnostic& d : ds) {
      const SourceFile& src = sources[d.span.file];
      if (d.span.file != path_of) path = sanitize_for_terminal(src.path()), path_of = d.span.file;
      LineCol lc = src.locate(d.span.begin);
      st.paint(out, "1", fmt::format("{}:{}:{}", path, lc.line, lc.column));
      out += ": ";
      // Findings carry a rule id; a tool error (config, rule compile) has none.
      st.paint(out, severity_colour(d.severity),
               d.rule.empty() ? std::string(to_string(d.severity))
                              : fmt::format("{}[{}]", to_string(d.severity), d.rule));
      out += ' ';
      out += d.name;
      out += ": ";
      out += sanitize_for_terminal(d.message.in(opt_.lang));
      out += '\n';
      snippet(out, src, d, lc.line, st);
      const std::string& help = d.help.in(opt_.lang);
      if (!help.empty()) {
        out.append(std::to_string(lc.line).size(), ' ');
        out += " = ";
        st.paint(out, "1", opt_.lang == Lang::zh ? "帮助" : "help");
        out += ": ";
        out += sanitize_for_terminal(help);
        out += '\n';
      }
      out += '\n';
    }
    return out;
  }

  std::string tail(const Tally& t) const override { return render_summary(t, opt_); }

 private:
  RenderOptions opt_;
};

}  // namespace

std::unique_ptr<ReportFormat> text_report(const RenderOptions& opt) { return std::make_unique<TextReport>(opt); }

std::string render_text(const std::vector<Diagnostic>& ds, const SourceSet& sources, const RenderOptions& opt) {
  return TextReport(opt).body("", ds, sources);
}

std::string render_summary(const Tally& t, const RenderOptions& opt) {
  size_t total = t.total(), files = t.files;
  const size_t* n = t.by_severity;
  if (opt.lang == Lang::zh)
    return total == 0 ? fmt::format("检查了 {} 个文件，未发现问题。\n", files)
                      : fmt::format("检查了 {} 个文件，发现 {} 个问题：{} 个错误，{} 个警告，{} 个提示。\n", files,
                                    total, n[2], n[1], n[0]);
  return total == 0 ? fmt::format("Checked {} file{}: no problems found.\n", files, files == 1 ? "" : "s")
                    : fmt::format("Checked {} file{}: {} problem{} ({} error{}, {} warning{}, {} info).\n", files,
                                  files == 1 ? "" : "s", total, total == 1 ? "" : "s", n[2], n[2] == 1 ? "" : "s",
                                  n[1], n[1] == 1 ? "" : "s", n[0]);
}

std::string render_summary(const std::vector<Diagnostic>& ds, size_t files, const RenderOptions& opt) {
  Tally t;
  t.add_file(ds);
  t.files = files;
  return render_summary(t, opt);
}

}  // namespace jf
