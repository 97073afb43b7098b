#include "cli/baseline.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/common.hpp"

namespace jf::cli {

std::string baseline_json(const std::vector<Diagnostic>& ds, const SourceSet& sources) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Diagnostic& d : ds)
    findings.push_back({{"file", sources[d.span.file].path()},
                        {"rule", d.rule},
                        {"fingerprint", d.fingerprint},
                        {"message", d.message.en}});
  nlohmann::ordered_json doc = {{"jianfu_baseline", 1}, {"findings", findings}};
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::set<std::string> read_baseline(const std::string& path) {
  std::string text = read_source_file(path, 256u << 20);
  std::set<std::string> out;
  try {
    auto doc = nlohmann::json::parse(text);
    if (!doc.is_object() || !doc.contains("jianfu_baseline") || !doc["findings"].is_array())
      throw ToolError(fmt::format("{}: not a jianfu baseline (write one with --write-baseline)", path));
    for (const auto& f : doc["findings"]) out.insert(f.at("fingerprint").get<std::string>());
  } catch (const nlohmann::json::exception& e) {
    throw ToolError(fmt::format("{}: unreadable baseline: {}", path, e.what()));
  }
  return out;
}

size_t drop_known(std::vector<Diagnostic>& ds, const std::set<std::string>& known) {
  return std::erase_if(ds, [&](const Diagnostic& d) { return known.count(d.fingerprint) > 0; });
}

}  // namespace jf::cli
