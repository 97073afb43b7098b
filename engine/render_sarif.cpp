#include <map>

#include "engine/json_text.hpp"
#include "engine/render.hpp"

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
    for (const RuleMeta& r : rules) {
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
      ordered_json region = {{"startLine", a.line}, {"startColumn", a.column}, {"endLine", b.line},
                             {"endColumn", std::max(b.column, b.line == a.line ? a.column + 1 : 1u)}};
      ordered_json result = {{"ruleId", d.rule}};
      if (auto it = index_.find(d.rule); it != index_.end()) result["ruleIndex"] = it->second;
      result["level"] = sarif_level(d.severity);
      std::string text = d.message.in(lang_);
      if (!d.help.in(lang_).empty()) text += "\n" + d.help.in(lang_);
      result["message"] = {{"text", text}};
      result["locations"] = ordered_json::array(
          {{{"physicalLocation", {{"artifactLocation", {{"uri", src.path()}}}, {"region", region}}}}});
      if (!d.fingerprint.empty()) result["partialFingerprints"] = {{"jianfu/v1", d.fingerprint}};
      if (!out.empty()) out += ",\n";
      out.append(8, ' ');
      out += dump_nested(result, 8);
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
