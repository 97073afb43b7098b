#include <map>
#include <nlohmann/json.hpp>

#include "engine/render.hpp"

namespace jf {
namespace {

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                         const std::vector<RuleMeta>& rules, Lang lang, const std::string& version) {
  using nlohmann::ordered_json;
  ordered_json descriptors = ordered_json::array();
  std::map<std::string, size_t> index;
  for (const RuleMeta& r : rules) {
    index[r.id] = descriptors.size();
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
  ordered_json results = ordered_json::array();
  for (const Diagnostic& d : ds) {
    const SourceFile& src = sources[d.span.file];
    LineCol a = src.locate(d.span.begin), b = src.locate(d.span.end);
    ordered_json region = {{"startLine", a.line}, {"startColumn", a.column}, {"endLine", b.line},
                           {"endColumn", std::max(b.column, b.line == a.line ? a.column + 1 : 1u)}};
    ordered_json result = {{"ruleId", d.rule}};
    if (auto it = index.find(d.rule); it != index.end()) result["ruleIndex"] = it->second;
    result["level"] = sarif_level(d.severity);
    std::string text = d.message.in(lang);
    if (!d.help.in(lang).empty()) text += "\n" + d.help.in(lang);
    result["message"] = {{"text", text}};
    result["locations"] = ordered_json::array(
        {{{"physicalLocation", {{"artifactLocation", {{"uri", src.path()}}}, {"region", region}}}}});
    if (!d.fingerprint.empty()) result["partialFingerprints"] = {{"jianfu/v1", d.fingerprint}};
    results.push_back(std::move(result));
  }
  ordered_json driver = {{"name", "jianfu"}, {"version", version}, {"semanticVersion", version},
                         {"rules", descriptors}};
  ordered_json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                      {"version", "2.1.0"},
                      {"runs", ordered_json::array({{{"tool", {{"driver", driver}}},
                                                     {"columnKind", "unicodeCodePoints"},
                                                     {"results", results}}})}};
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace jf
