// The CI formats: GitHub workflow commands, GitLab Code Quality, JUnit XML.
#include <fmt/format.h>

#include <map>
#include "base/display_width.hpp"
#include "render/json_text.hpp"
#include "render/render.hpp"

namespace jf {
namespace {

// Workflow command escaping: data escapes % CR LF; properties also : and ,.
// Controls (ESC, BEL, NUL), bidi overrides and invalid UTF-8 are first
// shown as `\u{1B}`/`\xFF`, as on a terminal: GitHub prints the log raw.
std::string gh_escape(std::string_view raw, bool property) {
  std::string out, s = sanitize_lines(raw);
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

std::string xml_escape(std::string_view raw) {
  // Invalid UTF-8 (a file name from a walk) would make the document not
  // well-formed; it and the controls XML cannot hold are shown escaped.
  std::string out, s = sanitize_lines(raw);
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

namespace {

class GithubReport : public ReportFormat {
 public:
  explicit GithubReport(Lang lang) : lang_(lang) {}

  std::string body(std::string_view, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    std::string out;
    for (const Diagnostic& d : ds) {
      const SourceFile& src = sources[d.span.file];
      LineCol a = src.locate(d.span.begin), b = src.locate(d.span.end);
      std::string_view kind =
          d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
      std::string loc = fmt::format("file={}", gh_escape(src.path(), true));
      std::string message = d.message.in(lang_);
      if (src.placed()) {  // a .docx/.xlsx has no lines: the place goes into the message
        if (const Place* p = src.place(d.span.begin)) message = (lang_ == Lang::zh ? p->zh : p->en) + ": " + message;
      } else {
        loc += fmt::format(",line={}", a.line);
        if (a.line == b.line)  // columns only make sense on one line
          loc += fmt::format(",endLine={},col={},endColumn={}", b.line, a.column, std::max(b.column, a.column + 1));
        else
          loc += fmt::format(",endLine={}", b.line);
      }
      out += fmt::format("::{} {},title={}::{}\n", kind, loc, gh_escape(d.rule + " " + d.name, true),
                         gh_escape(message, false));
    }
    return out;
  }

 private:
  Lang lang_;
};

class GitlabReport : public ReportFormat {
 public:
  explicit GitlabReport(Lang lang) : lang_(lang) {}

  std::string head(const std::vector<std::string>&, const Tally*) const override { return "["; }

  std::string body(std::string_view, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    std::string out;
    for (const Diagnostic& d : ds) {
      const SourceFile& src = sources[d.span.file];
      LineCol a = src.locate(d.span.begin), b = src.locate(d.span.end);
      std::string description = fmt::format("{} {}: {}", d.rule, d.name, d.message.in(lang_));
      if (const Place* p = src.placed() ? src.place(d.span.begin) : nullptr) {  // the row as published
        a = b = LineCol{p->row, p->column};
        description = fmt::format("{} {}: {}: {}", d.rule, d.name, lang_ == Lang::zh ? p->zh : p->en, d.message.in(lang_));
      }
      std::string_view sev =
          d.severity == Severity::error ? "major" : d.severity == Severity::warning ? "minor" : "info";
      if (!out.empty()) out += ",\n";
      out += "  ";
      JsonWriter(out, 1)
          .object()
          .key("description").str(description)
          .key("check_name").str(d.rule)
          .key("fingerprint").str(d.fingerprint)
          .key("severity").str(sev)
          .key("categories").array().str("Style").end()
          .key("location").object()
          .key("path").str(src.path())
          .key("lines").object().key("begin").num(a.line).key("end").num(b.line).end()
          .end()
          .end();
    }
    return out;
  }

  std::string_view first() const override { return "\n"; }
  std::string_view between() const override { return ",\n"; }
  std::string tail(const Tally& t) const override { return t.total() ? "\n]\n" : "]\n"; }

 private:
  Lang lang_;
};

class JunitReport : public ReportFormat {
 public:
  explicit JunitReport(Lang lang) : lang_(lang) {}

  bool head_needs_tally() const override { return true; }

  std::string head(const std::vector<std::string>&, const Tally* t) const override {
    size_t tests = t->clean_files + t->rule_groups, failures = t->rule_groups;
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jianfu\" tests=\"{0}\" failures=\"{1}\">\n"
        "  <testsuite name=\"jianfu\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n",
        tests, failures);
  }

  std::string body(std::string_view file, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    if (ds.empty()) return fmt::format("    <testcase classname=\"{}\" name=\"jianfu\"/>\n", xml_escape(file));
    // One test case per rule, findings in their stable order.
    std::map<std::string_view, std::vector<const Diagnostic*>> by_rule;
    for (const Diagnostic& d : ds) by_rule[d.rule].push_back(&d);
    std::string cases;
    for (auto& [rule, findings] : by_rule) {
      std::string body;
      for (const Diagnostic* d : findings) {
        const SourceFile& src = sources[d->span.file];
        LineCol a = src.locate(d->span.begin);
        if (const Place* p = src.placed() ? src.place(d->span.begin) : nullptr)
          body += fmt::format("{}: {}: {}\n", file, lang_ == Lang::zh ? p->zh : p->en, d->message.in(lang_));
        else
          body += fmt::format("{}:{}:{}: {}\n", file, a.line, a.column, d->message.in(lang_));
      }
      cases += fmt::format(
          "    <testcase classname=\"{}\" name=\"{} {}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
          xml_escape(file), rule, xml_escape(findings.front()->name), to_string(findings.front()->severity),
          xml_escape(fmt::format("{} finding{}", findings.size(), findings.size() == 1 ? "" : "s")), xml_escape(body));
    }
    return cases;
  }

  std::string tail(const Tally&) const override { return "  </testsuite>\n</testsuites>\n"; }

 private:
  Lang lang_;
};

}  // namespace

std::unique_ptr<ReportFormat> github_report(Lang lang) { return std::make_unique<GithubReport>(lang); }
std::unique_ptr<ReportFormat> gitlab_report(Lang lang) { return std::make_unique<GitlabReport>(lang); }
std::unique_ptr<ReportFormat> junit_report(Lang lang) { return std::make_unique<JunitReport>(lang); }

std::string render_github(const std::vector<Diagnostic>& ds, const SourceSet& sources, Lang lang) {
  return render_report(GithubReport(lang), ds, sources, {});
}

std::string render_gitlab(const std::vector<Diagnostic>& ds, const SourceSet& sources, Lang lang) {
  return render_report(GitlabReport(lang), ds, sources, {});
}

std::string render_junit(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                         const std::vector<std::string>& files, Lang lang) {
  return render_report(JunitReport(lang), ds, sources, files, /*per_file=*/true);
}

}  // namespace jf
