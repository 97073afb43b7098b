// `check --format checkstyle`: Checkstyle XML, the report many CI dashboards
// and review bots read (Jenkins Warnings, reviewdog, Sonar imports). One
// <file> per checked file, one <error> per finding.
#include <fmt/format.h>

#include <memory>

#include "render/check_formats.hpp"
#include "render/render.hpp"

namespace jf {
namespace {

class CheckstyleReport : public ReportFormat {
 public:
  explicit CheckstyleReport(Lang lang) : lang_(lang) {}

  std::string head(const std::vector<std::string>&, const Tally*) const override {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  }

  std::string body(std::string_view file, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    // A clean file is listed too, so a dashboard counts it as checked.
    if (ds.empty()) return fmt::format("  <file name=\"{}\"/>\n", xml_escape(file));
    std::string out;
    std::string_view open;  // the path of the <file> element being written
    for (const Diagnostic& d : ds) {
      const SourceFile& src = sources[d.span.file];
      if (src.path() != open) {  // a finding in another file (a rule file's error) gets its own element
        if (!open.empty()) out += "  </file>\n";
        open = src.path();
        out += fmt::format("  <file name=\"{}\">\n", xml_escape(open));
      }
      LineCol at = src.locate(d.span.begin);
      std::string message = fmt::format("{} {}: {}", d.rule, d.name, d.message.in(lang_));
      if (const Place* p = src.placed() ? src.place(d.span.begin) : nullptr) {  // a table row as published
        at = LineCol{p->row, p->column};
        message = fmt::format("{} {}: {}: {}", d.rule, d.name, lang_ == Lang::zh ? p->zh : p->en, d.message.in(lang_));
      }
      // Checkstyle's levels are error, warning and info, as ours.
      out += fmt::format("    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"jianfu.{}\"/>\n",
                         at.line, at.column, to_string(d.severity), xml_escape(message), xml_escape(d.rule));
    }
    return out + "  </file>\n";
  }

  std::string tail(const Tally&) const override { return "</checkstyle>\n"; }

 private:
  Lang lang_;
};

}  // namespace

std::unique_ptr<ReportFormat> checkstyle_report(const CheckFormatArgs& args) {
  return std::make_unique<CheckstyleReport>(args.lang);
}

}  // namespace jf
