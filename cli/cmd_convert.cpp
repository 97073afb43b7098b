// `jianfu convert FILE --to yaml|assess`: the same model in the other syntax.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "dsl/scheme_loader.hpp"
#include "dsl/scheme_writer.hpp"
#include "render/render.hpp"

namespace jf::cli {
namespace {

struct ConvertOptions {
  std::string path;
  std::string to;
  std::string output;
};

int run_convert(const ConvertOptions& o, const Globals& g) {
  const Lang lang = resolve_lang(g.lang);
  SourceSet sources;
  uint32_t id = sources.add(o.path, read_source_file(o.path, g.limits.max_file_bytes));
  LoadResult loaded = load_scheme(sources, id, g.limits);
  if (!loaded.diagnostics.empty()) {
    // A model read with syntax errors is partial: converting it would drop text.
    print_errors(loaded.diagnostics, sources, lang);
    return kFindings;
  }
  if (o.to == "yaml") {
    write_output(o.output, write_yaml(loaded.scheme));
    return kClean;
  }
  AssessText text = write_assess(loaded.scheme);
  if (!text.ok()) throw ToolError(text.error.in(lang));
  write_output(o.output, text.text);
  return kClean;
}

}  // namespace

Action setup_convert(CLI::App& app, Globals& g) {
  auto o = std::make_shared<ConvertOptions>();
  CLI::App* cmd = app.add_subcommand("convert", "Print a scheme in the other syntax (.assess <-> YAML)");
  cmd->add_option("file", o->path, "Scheme file (.assess, .yaml, .yml)")->required();
  cmd->add_option("--to", o->to, "Target syntax")->required()->check(CLI::IsMember({"yaml", "assess"}));
  cmd->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
  return [o, &g] { return run_convert(*o, g); };
}

}  // namespace jf::cli
