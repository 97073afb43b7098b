#include <map>
#include <nlohmann/json.hpp>

#include "engine/render.hpp"

namespace jf {

std::string render_json(const std::vector<Diagnostic>& ds, const SourceSet& sources,
                        const std::vector<std::string>& files, Lang lang) {
  using nlohmann::ordered_json;
  ordered_json diags = ordered_json::array();
  std::map<std::string, size_t> by_rule;
  size_t by_sev[3] = {0, 0, 0};
  for (const Diagnostic& d : ds) {
    const SourceFile& src = sources[d.span.file];
    LineCol a = src.locate(d.span.begin), b = src.locate(d.span.end);
    diags.push_back({{"file", src.path()},
                     {"line", a.line},
                     {"column", a.column},
                     {"end_line", b.line},
                     {"end_column", b.column},
                     {"rule", d.rule},
                     {"name", d.name},
                     {"severity", to_string(d.severity)},
                     {"category", d.category},
                     {"message", d.message.in(lang)},
                     {"help", d.help.in(lang)}});
    ++by_rule[d.rule];
    ++by_sev[static_cast<int>(d.severity)];
  }
  ordered_json summary = {{"total", ds.size()},
                          {"by_severity", {{"error", by_sev[2]}, {"warning", by_sev[1]}, {"info", by_sev[0]}}},
                          {"by_rule", by_rule}};
  ordered_json doc = {{"version", 1}, {"files", files}, {"diagnostics", diags}, {"summary", summary}};
  // Replace invalid UTF-8 instead of throwing: paths and messages come from users.
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace jf
