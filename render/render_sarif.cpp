#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "render/json_text.hpp"
#include "render/render.hpp"

namespace jf {
namespace {

// SARIF's artifactLocation.uri is a URI reference (RFC 3986): a path with a
// space, `#` or `?` (`a b#c.assess`) or Chinese characters is percent-
// encoded byte by byte, `/` kept, so viewers neither cut it at a fragment
// nor reject it. Absolute paths become file:// URIs.
std::string uri_reference(std::string_view path) {
  std::string out = path.starts_with('/') ? "file://" : "";
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace
}  // namespace jf

namespace jf {
namespace {

using nlohmann::ordered_json;

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

class SarifReport : public ReportFormat {
 public:
  SarifReport(const std::vector<RuleMeta>& rules, Lang lang, const std::string& version) : lang_(lang) {
    ordered_json descriptors = ordered_json::array();
    // By id, whatever order the packs were loaded in: reports of the same
    // rules compare equal.
    std::vector<const RuleMeta*> sorted;
    for (const RuleMeta& r : rules) sorted.push_back(&r);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const RuleMeta* rp : sorted) {
      const RuleMeta& r = *rp;
      index_[r.id] = descriptors.size();
      std::string full = r.explain.in(lang).empty() ? r.summary.in(lang) : r.explain.in(lang);
      std::string help = r.help.in(lang).empty() ? r.summary.in(lang) : r.help.in(lang);
      descriptors.push_back({{"id", r.id},
                             {"name", r.name},
                             {"shortDescription", {{"text", r.summary.in(lang)}}},
                             {"fullDescription", {{"text", full}}},
                             {"help", {{"text", help}}},
                             {"defaultConfiguration", {{"level", sarif_level(r.severity)}}},
                             {"properties", {{"category", r.category}}}});
    }
    ordered_json driver = {{"name", "jianfu"}, {"version", version}, {"semanticVersion", version},
                           {"rules", descriptors}};
    ordered_json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", ordered_json::array({{{"tool", {{"driver", driver}}},
                                                       {"columnKind", "unicodeCodePoints"},
                                                       {"results", ordered_json::array()}}})}};
    // The document with no results, cut where the results go.
    std::string text = dump_nested(doc, 0);
    size_t cut = text.rfind("[]");
    head_ = text.substr(0, cut + 1);
    after_ = text.substr(cut + 2) + "\n";
  }

  std::string head(const std::vector<std::string>&, const Tally*) const override { return head_; }

  std::string body(std::string_view, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    std::string out;
    for (const Diagnostic& d : ds) {
      const SourceFile& src = sources[d.span.file];
      LineCol a = src.locate(d.span.begin), b = src.locate(d.span.end);
      if (!out.empty()) out += ",\n";
      out.append(8, ' ');
      JsonWriter w(out, 4);
      w.object().key("ruleId").str(d.rule);
      if (auto it = index_.find(d.rule); it != index_.end()) w.key("ruleIndex").num(it->second);
      std::string text = d.message.in(lang_);
      if (std::string help = d.help.in(lang_); !help.empty()) {
        text += '\n';
        text += help;
      }
      w.key("level").str(sarif_level(d.severity));
      w.key("message").object().key("text").str(text).end();
      w.key("locations").array().object().key("physicalLocation").object();
      w.key("artifactLocation").object().key("uri").str(uri_reference(src.path())).end();
      if (!src.placed())
        w.key("region")
            .object()
            .key("startLine").num(a.line)
            .key("startColumn").num(a.column)
            .key("endLine").num(b.line)
            .key("endColumn").num(std::max(b.column, b.line == a.line ? a.column + 1 : 1u))
            .end();
      w.end();  // physicalLocation
      // A .docx/.xlsx has no lines: the table, row and column header instead.
      if (const Place* p = src.placed() ? src.place(d.span.begin) : nullptr)
        w.key("logicalLocations")
            .array()
            .object()
            .key("name").str(lang_ == Lang::zh ? p->zh : p->en)
            .key("fullyQualifiedName").str(src.path() + ": " + (lang_ == Lang::zh ? p->zh : p->en))
            .key("kind").str("element")
            .end()
            .end();
      w.end().end();  // location, locations
      if (!d.fingerprint.empty()) w.key("partialFingerprints").object().key("jianfu/v1").str(d.fingerprint).end();
      w.end();
    }
    return out;
  }

  std::string_view first() const override { return "\n"; }
  std::string_view between() const override { return ",\n"; }
  std::string tail(const Tally& t) const override { return (t.total() ? "\n      ]" : "]") + after_; }

 private:
  Lang lang_;
  std::map<std::string, size_t> index_;
  std::string head_, after_;
};

}  // namespace

std::unique_ptr<ReportFormat> sarif_report(const std::vector<RuleMeta>& rules, Lang lang, const std::string& version) {
  return std::make_unique<SarifReport>(rules, lang, version);
}

std::string render_sarif(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                         const std::vector<RuleMeta>& rules, Lang lang, const std::string& version) {
  return render_report(SarifReport(rules, lang, version), ds, sources, {});
}

}  // namespace jf
