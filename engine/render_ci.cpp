// The CI formats: GitHub workflow commands, GitLab Code Quality, JUnit XML.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "engine/render.hpp"

namespace jf {
namespace {

// Workflow command escaping: data escapes % CR LF; properties also : and ,.
std::string gh_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}


}  // namespace

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

std::string render_github(const std::vector<Diagnostic>& ds, const SourceSet& sources, Lang lang) {
  std::string out;
  for (const Diagnostic& d : ds) {
    const SourceFile& src = sources[d.span.file];
    LineCol a = src.locate(d.span.begin), b = src.locate(d.span.end);
    std::string_view kind = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
    std::string loc = fmt::format("file={},line={}", gh_escape(src.path(), true), a.line);
    if (a.line == b.line)  // columns only make sense on one line
      loc += fmt::format(",endLine={},col={},endColumn={}", b.line, a.column, std::max(b.column, a.column + 1));
    else
      loc += fmt::format(",endLine={}", b.line);
    out += fmt::format("::{} {},title={}::{}\n", kind, loc, gh_escape(d.rule + " " + d.name, true),
                       gh_escape(d.message.in(lang), false));
  }
  return out;
}

std::string render_gitlab(const std::vector<Diagnostic>& ds, const SourceSet& sources, Lang lang) {
  using nlohmann::ordered_json;
  ordered_json out = ordered_json::array();
  for (const Diagnostic& d : ds) {
    const SourceFile& src = sources[d.span.file];
    LineCol a = src.locate(d.span.begin), b = src.locate(d.span.end);
    std::string_view sev = d.severity == Severity::error ? "major" : d.severity == Severity::warning ? "minor" : "info";
    out.push_back({{"description", fmt::format("{} {}: {}", d.rule, d.name, d.message.in(lang))},
                   {"check_name", d.rule},
                   {"fingerprint", d.fingerprint},
                   {"severity", sev},
                   {"categories", {"Style"}},
                   {"location", {{"path", src.path()}, {"lines", {{"begin", a.line}, {"end", b.line}}}}}});
  }
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string render_junit(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                         const std::vector<std::string>& files, Lang lang) {
  // file → rule → findings, in the diagnostics' stable order.
  std::map<std::string, std::map<std::string, std::vector<const Diagnostic*>>> grouped;
  for (const Diagnostic& d : ds) grouped[sources[d.span.file].path()][d.rule].push_back(&d);
  size_t tests = 0, failures = 0;
  std::string cases;
  for (const std::string& file : files) {
    auto it = grouped.find(file);
    if (it == grouped.end()) {
      ++tests;
      cases += fmt::format("    <testcase classname=\"{}\" name=\"jianfu\"/>\n", xml_escape(file));
      continue;
    }
    for (auto& [rule, findings] : it->second) {
      ++tests;
      ++failures;
      std::string body;
      for (const Diagnostic* d : findings) {
        LineCol a = sources[d->span.file].locate(d->span.begin);
        body += fmt::format("{}:{}:{}: {}\n", file, a.line, a.column, d->message.in(lang));
      }
      cases += fmt::format(
          "    <testcase classname=\"{}\" name=\"{} {}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
          xml_escape(file), rule, xml_escape(findings.front()->name), to_string(findings.front()->severity),
          xml_escape(fmt::format("{} finding{}", findings.size(), findings.size() == 1 ? "" : "s")), xml_escape(body));
    }
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jianfu\" tests=\"{0}\" failures=\"{1}\">\n"
      "  <testsuite name=\"jianfu\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n{2}  </testsuite>\n</testsuites>\n",
      tests, failures, cases);
}

}  // namespace jf
