// The rows of `check --format`. A new format is a renderer file that defines
// its factory and one row here (docs/contributing.md, "An output format").
#include "render/check_formats.hpp"

#include <array>

#include "render/render.hpp"

namespace jf {

std::unique_ptr<ReportFormat> checkstyle_report(const CheckFormatArgs&);  // render/render_checkstyle.cpp

namespace {

const std::vector<RuleMeta> kNoRules;

constexpr std::array kCheckFormats{
    CheckFormat{"text", ".text",
                "`file:line:col: severity[ID] name: message`, the source line, carets under the span and "
                "`= help:`; a summary line at the end",
                [](const CheckFormatArgs& a) {
                  return text_report({a.lang, a.color});
                }},
    CheckFormat{"json", ".json", "one JSON document: `version`, `files`, `diagnostics` and a `summary` of counts",
                [](const CheckFormatArgs& a) { return json_report(a.lang); }},
    CheckFormat{"sarif", ".sarif", "SARIF 2.1.0 for code-scanning tools: one run, every loaded rule described",
                [](const CheckFormatArgs& a) {
                  return sarif_report(a.rules ? *a.rules : kNoRules, a.lang, std::string(a.version));
                },
                64},  // the rule table, regions, fingerprints
    CheckFormat{"github", ".github", "GitHub Actions workflow commands (`::error file=…,line=…::message`)",
                [](const CheckFormatArgs& a) { return github_report(a.lang); }},
    CheckFormat{"gitlab", ".gitlab.json", "a GitLab Code Quality report (a JSON array with fingerprints)",
                [](const CheckFormatArgs& a) { return gitlab_report(a.lang); }},
    CheckFormat{"junit", ".junit.xml", "JUnit XML: one test case per file and rule with findings, one per clean file",
                [](const CheckFormatArgs& a) { return junit_report(a.lang); }, 48},  // XML escaping
    CheckFormat{"checkstyle", ".checkstyle.xml", "Checkstyle XML: one `<file>` per checked file, one `<error>` per finding",
                checkstyle_report, 48},  // XML escaping
};

}  // namespace

FormatList<CheckFormatMaker> check_formats() { return kCheckFormats; }

}  // namespace jf
