// Renderers: diagnostics to text for people and to formats for machines.
// Each format is a ReportFormat (render/report.hpp) so that `check` can
// stream; the render_* functions render a whole report at once.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "render/report.hpp"
#include "base/rule_meta.hpp"

namespace jf {

struct RenderOptions {
  Lang lang = Lang::en;
  bool color = false;  // ANSI colours; the CLI decides (terminal, NO_COLOR)
};

/// Compiler-style text: `file:line:col: severity[ID] name: message`, the
/// source line with a gutter, carets under the span aligned by display width
/// (CJK = 2 columns), and `= help:`. The tail is the summary line.
std::unique_ptr<ReportFormat> text_report(const RenderOptions&);

/// The JSON contract of the design README: version, files, diagnostics, summary.
std::unique_ptr<ReportFormat> json_report(Lang);

/// SARIF 2.1.0: one run, one reportingDescriptor per rule in `rules`, results
/// with regions (columns in code points) and partial fingerprints.
std::unique_ptr<ReportFormat> sarif_report(const std::vector<RuleMeta>& rules, Lang, const std::string& version);

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::msg`.
std::unique_ptr<ReportFormat> github_report(Lang);

/// GitLab Code Quality report (a JSON array) with stable fingerprints.
std::unique_ptr<ReportFormat> gitlab_report(Lang);

/// JUnit XML: one test case per file and rule; files without findings pass.
/// Its body groups by the file it is given.
std::unique_ptr<ReportFormat> junit_report(Lang);

std::string render_text(const std::vector<Diagnostic>&, const SourceSet&, const RenderOptions&);

/// One line summarising counts by severity, in the chosen language.
std::string render_summary(const Tally&, const RenderOptions&);
std::string render_summary(const std::vector<Diagnostic>&, size_t files, const RenderOptions&);

std::string render_json(const std::vector<Diagnostic>&, const SourceSet&, const std::vector<std::string>& files,
                        Lang lang);
std::string render_sarif(const std::vector<Diagnostic>&, const SourceSet&, const std::vector<RuleMeta>& rules,
                         Lang lang, const std::string& version);
std::string render_github(const std::vector<Diagnostic>&, const SourceSet&, Lang lang);
std::string render_gitlab(const std::vector<Diagnostic>&, const SourceSet&, Lang lang);
std::string render_junit(const std::vector<Diagnostic>&, const SourceSet&, const std::vector<std::string>& files,
                         Lang lang);

/// `s` escaped for XML text and attributes, after sanitize_lines: controls,
/// bidi overrides and invalid UTF-8 (which XML 1.0 cannot hold) are shown
/// as `\u{1B}` / `\xFF` text, so the document is always well-formed.
std::string xml_escape(std::string_view s);

}  // namespace jf
