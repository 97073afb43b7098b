#include <fmt/format.h>

#include <algorithm>

#include "engine/display_width.hpp"
#include "engine/render.hpp"

namespace jf {
namespace {

struct Style {
  bool on;
  std::string paint(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
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
void snippet(std::string& out, const SourceFile& src, const Diagnostic& d, const Style& st) {
  LineCol from = src.locate(d.span.begin);
  std::string_view line = src.line_text(from.line);
  std::string gutter = std::to_string(from.line);
  std::string pad(gutter.size(), ' ');
  // Byte offset of the span start within the line.
  size_t line_start = static_cast<size_t>(line.data() - src.text().data());
  size_t a = std::min<size_t>(d.span.begin > line_start ? d.span.begin - line_start : 0, line.size());
  size_t b = std::min<size_t>(d.span.end > line_start ? d.span.end - line_start : 0, line.size());
  std::string before = sanitize_for_terminal(line.substr(0, a));
  std::string marked = sanitize_for_terminal(line.substr(a, b > a ? b - a : 0));
  size_t carets = std::max<size_t>(1, display_width(marked));
  out += fmt::format("{} {}\n", pad, st.paint("1;34", "|"));
  out += fmt::format("{} {} {}\n", st.paint("1;34", gutter), st.paint("1;34", "|"),
                     sanitize_for_terminal(line));
  out += fmt::format("{} {} {}{}\n", pad, st.paint("1;34", "|"), std::string(display_width(before), ' '),
                     st.paint(severity_colour(d.severity), std::string(carets, '^')));
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                        const RenderOptions& opt) {
  Style st{opt.color};
  std::string out;
  for (const Diagnostic& d : ds) {
    const SourceFile& src = sources[d.span.file];
    LineCol lc = src.locate(d.span.begin);
    // Findings carry a rule id; a tool error (config, rule compile) has none.
    std::string level = d.rule.empty() ? std::string(to_string(d.severity))
                                       : fmt::format("{}[{}]", to_string(d.severity), d.rule);
    out += fmt::format("{}: {} {}: {}\n",
                       st.paint("1", fmt::format("{}:{}:{}", sanitize_for_terminal(src.path()), lc.line, lc.column)),
                       st.paint(severity_colour(d.severity), level), d.name,
                       sanitize_for_terminal(d.message.in(opt.lang)));
    snippet(out, src, d, st);
    const std::string& help = d.help.in(opt.lang);
    if (!help.empty())
      out += fmt::format("{} = {}: {}\n", std::string(std::to_string(lc.line).size(), ' '),
                         st.paint("1", opt.lang == Lang::zh ? "帮助" : "help"), sanitize_for_terminal(help));
    out += "\n";
  }
  return out;
}

std::string render_summary(const std::vector<Diagnostic>& ds, size_t files, const RenderOptions& opt) {
  size_t n[3] = {0, 0, 0};
  for (const Diagnostic& d : ds) ++n[static_cast<int>(d.severity)];
  if (opt.lang == Lang::zh)
    return ds.empty() ? fmt::format("检查了 {} 个文件，未发现问题。\n", files)
                      : fmt::format("检查了 {} 个文件，发现 {} 个问题：{} 个错误，{} 个警告，{} 个提示。\n", files,
                                    ds.size(), n[2], n[1], n[0]);
  return ds.empty() ? fmt::format("Checked {} file{}: no problems found.\n", files, files == 1 ? "" : "s")
                    : fmt::format("Checked {} file{}: {} problem{} ({} error{}, {} warning{}, {} info).\n", files,
                                  files == 1 ? "" : "s", ds.size(), ds.size() == 1 ? "" : "s", n[2],
                                  n[2] == 1 ? "" : "s", n[1], n[1] == 1 ? "" : "s", n[0]);
}

}  // namespace jf
