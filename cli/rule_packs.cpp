#include "cli/rule_packs.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "cli/input_files.hpp"
#include "pipeline/rule_loader.hpp"
#include "render/render.hpp"

namespace jf::cli {

void print_errors(const std::vector<Diagnostic>& errors, const SourceSet& sources, Lang lang) {
  std::fputs(render_text(errors, sources, {lang, use_color(stderr)}).c_str(), stderr);
}

RuleSet load_rules(SourceSet& sources, const std::vector<std::string>& extra, bool with_builtin, const Globals& g) {
  RuleSet set;
  std::vector<Diagnostic> errors;
  // The embedded pack is part of the binary, not input: the default limits.
  if (with_builtin) add_builtin_rules(set, sources, errors);
  for (const std::string& path : collect_rule_files(extra))
    add_rule_file(set, sources, sources.add(path, read_source_file(path, g.limits.max_file_bytes)), false, errors,
                  g.limits);
  if (!errors.empty()) {
    print_errors(errors, sources, resolve_lang(g.lang));
    throw ToolError(msg("cli.arg.rule_file_errors", {arg("n", errors.size())}));
  }
  return set;
}

}  // namespace jf::cli
