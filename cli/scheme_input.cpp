#include "cli/scheme_input.hpp"

#include <fmt/format.h>

#include "dsl/document.hpp"

namespace jf::cli {

FileCheck load_checked_scheme(SourceSet& sources, const std::string& path, const RuleSet* rules,
                              const Globals& g, Lang lang, const DocumentOptions& doc) {
  uint32_t id = add_scheme_source(sources, path, read_source_file(path, g.limits.max_file_bytes), doc);
  FileCheck fc = check_file(sources, id, rules, g.limits);
  if (!fc.parsed) {
    std::vector<Diagnostic> syntax;
    for (const Diagnostic& d : fc.diagnostics)
      if (d.rule == "JF001") syntax.push_back(d);
    print_errors(syntax, sources, lang);
    throw ToolError(msg("cli.arg.scheme_does_not_parse", {arg("path", path)}));
  }
  return fc;
}

Scheme load_scheme_or_fail(SourceSet& sources, const std::string& path, const Globals& g, Lang lang,
                           const DocumentOptions& doc) {
  return std::move(load_checked_scheme(sources, path, nullptr, g, lang, doc).scheme);
}

}  // namespace jf::cli
