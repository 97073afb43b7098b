#include "cli/document_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "base/vocabulary.hpp"

namespace jf::cli {

void add_document_flags(CLI::App* cmd, DocumentFlags& flags) {
  cmd->add_option("--units", flags.units,
                  // cjk-ok: the next line names the Chinese label the flag replaces
                  "For a document (.docx/.xlsx/.csv/.tsv): the assessed units, comma-separated; replace a 考核对象 line")
      ->allow_extra_args(false);  // one value per flag: a path after it is not swallowed
  cmd->add_option("--total", flags.total,
                  // cjk-ok: the next line names the Chinese words the flag replaces
                  "For a document (.docx/.xlsx/.csv/.tsv): the scheme's total points (e.g. 1000); replaces 千分制/总分");
}

std::vector<std::string> split_units(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const std::string& u : given) {
    std::string_view part(u);
    std::string cur;
    auto flush = [&] {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    };
    static const auto separators = vocabulary("marks.unit_separators");
    for (size_t i = 0; i < part.size();) {
      auto sep = std::find_if(separators.begin(), separators.end(),
                              [&](std::string_view w) { return part.compare(i, w.size(), w) == 0; });
      if (sep != separators.end()) {
        flush();
        i += sep->size();
      } else if (part[i] == ',' || part[i] == ' ') {
        flush();
        ++i;
      } else {
        cur += part[i++];
      }
    }
    flush();
  }
  return out;
}

DocumentOptions document_options(const std::string& path, const DocumentFlags& flags, const Config* config) {
  DocumentOptions o;
  if (!is_document_path(path)) return o;
  // NaN or infinity would be written into a scheme that then does not parse.
  if (flags.total && !(std::isfinite(*flags.total) && *flags.total > 0))
    throw ToolError(msg("cli.arg.total", {arg("value", fmt::format("{}", *flags.total))}));
  o.units = split_units(flags.units);
  o.total = flags.total;
  if (config) {
    for (const Located& u : config->document_units)
      for (std::string& name : split_units({u.text})) o.default_units.push_back(std::move(name));
    o.default_total = config->document_total;
  }
  return o;
}

DocumentOptions document_options(const std::string& path, const DocumentFlags& flags, ProjectConfig& project) {
  if (!is_document_path(path)) return document_options(path, flags, nullptr);
  const std::string config_path = project.config_for(path);
  // A broken config stops the run with its errors listed (exit 2), as for
  // check; rules_for is where a config's problems are reported.
  if (!config_path.empty()) project.rules_for(config_path);
  return document_options(path, flags, project.config(config_path));
}

}  // namespace jf::cli
