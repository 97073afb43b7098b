// Internal to the HTML report: one function per section of the page, and the
// small helpers they share. Only engine/render_html*.cpp include this.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/message.hpp"
#include "render/html_escape.hpp"
#include "render/render_html.hpp"

namespace jf::html {

/// The English or the Chinese text, by the report's language.
inline const char* tr(Lang lang, const char* en, const char* zh) { return lang == Lang::zh ? zh : en; }

/// One finding placed on the page: its line in the source file and the
/// model element it concerns.
struct PlacedFinding {
  const Diagnostic* d;
  uint32_t line;
  int indicator = -1;  // index into Scheme::indicators, -1 when on no indicator
  std::string group;   // group id when the finding is on a group header
};

/// Findings of the checked scheme with their rows, in the check's order.
std::vector<PlacedFinding> place_findings(const HtmlReportInput&);

/// A finding as an expandable block: severity, rule, message; opened, what
/// to do instead and the rule's explanation from the catalogue. Carries
/// data-rule and data-line so a test (or a reader's tool) can find it.
std::string finding_block(const HtmlReportInput&, const PlacedFinding&);

std::string summary_section(const HtmlReportInput&, const std::vector<PlacedFinding>&);
std::string scheme_table_section(const HtmlReportInput&, const std::vector<PlacedFinding>&);
std::string charts_section(const HtmlReportInput&);
std::string diff_section(const HtmlReportInput&);
std::string scores_section(const HtmlReportInput&);

/// The stylesheet and its SHA-256 in hex (generated from render/render_html.css).
extern const char* const kReportCss;
extern const char* const kReportCssSha256;

/// A department's display name, else its id (escaped), for owner cells.
std::string owner_name(const Scheme&, const std::string& id);

/// "{n} units" helpers and number formatting shared by sections.
std::string num(double v);

}  // namespace jf::html
