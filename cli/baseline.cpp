#include "cli/baseline.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/baseline_reader.hpp"
#include "cli/common.hpp"
#include "render/json_text.hpp"

namespace jf::cli {

namespace {

using nlohmann::ordered_json;

class BaselineReport : public ReportFormat {
 public:
  std::string head(const std::vector<std::string>&, const Tally*) const override {
    std::string text = dump_nested({{"jianfu_baseline", 1}, {"findings", ordered_json::array()}}, 0);
    return text.substr(0, text.rfind("[]") + 1);
  }

  std::string body(std::string_view, const std::vector<Diagnostic>& ds, const SourceSet& sources) const override {
    std::string out;
    for (const Diagnostic& d : ds) {
      if (!out.empty()) out += ",\n";
      out += "    ";
      JsonWriter(out, 2)
          .object()
          .key("file").str(sources[d.span.file].path())
          .key("rule").str(d.rule)
          .key("fingerprint").str(d.fingerprint)
          .key("message").str(d.message.in(Lang::en))
          .end();
    }
    return out;
  }

  std::string_view first() const override { return "\n"; }
  std::string_view between() const override { return ",\n"; }
  std::string tail(const Tally& t) const override { return t.total() ? "\n  ]\n}\n" : "]\n}\n"; }
};

}  // namespace

std::unique_ptr<ReportFormat> baseline_report() { return std::make_unique<BaselineReport>(); }

std::set<std::string> read_baseline(const std::string& path, Lang lang) {
  constexpr size_t kMaxBaselineBytes = 256u << 20;
  std::string text = read_source_file(path, kMaxBaselineBytes);
  if (text.size() > kMaxBaselineBytes)
    throw ToolError(msg("cli.baseline.too_large", {arg("path", path), arg("limit", kMaxBaselineBytes)}));
  BaselineRead r = parse_baseline(text);
  if (r.error) throw ToolError(msg("cli.path_error", {arg("path", path), arg("error", r.error->in(lang))}));
  return std::move(r.fingerprints);
}

size_t drop_known(std::vector<Diagnostic>& ds, const std::set<std::string>& known) {
  return std::erase_if(ds, [&](const Diagnostic& d) { return known.count(d.fingerprint) > 0; });
}

}  // namespace jf::cli
