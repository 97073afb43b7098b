// `jianfu convert FILE --to yaml|assess`: the same model in the other syntax.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/document_options.hpp"
#include <algorithm>

#include "dsl/document.hpp"
#include "dsl/scheme_loader.hpp"
#include "dsl/scheme_writer.hpp"
#include "render/render.hpp"

namespace jf::cli {
namespace {

struct ConvertOptions {
  std::string path;
  std::string to;
  std::string output;
  DocumentFlags documents;  // --units, --total: for a document
};

int run_convert(const ConvertOptions& o, const Globals& g) {
  const Lang lang = resolve_lang(g.lang);
  SourceSet sources;
  ProjectConfig project(sources, g, {}, "", false);  // a document's units and total (`documents:`)
  uint32_t id = add_scheme_source(sources, o.path, read_source_file(o.path, g.limits.max_file_bytes),
                                  document_options(o.path, o.documents, project));
  LoadResult loaded = load_scheme(sources, id, g.limits);
  // Notes (a document's cells no phrase understood) are shown; errors stop.
  if (std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                  [](const Diagnostic& d) { return d.severity == Severity::error; })) {
    // A model read with syntax errors is partial: converting it would drop text.
    print_errors(loaded.diagnostics, sources, lang);
    return kFindings;
  }
  if (!loaded.diagnostics.empty()) print_errors(loaded.diagnostics, sources, lang);
  // Comments, `# jianfu: allow` suppressions among them, go with their elements.
  const std::string& path = sources[id].path();
  const bool from_yaml = path.ends_with(".yaml") || path.ends_with(".yml");
  CommentMap comments = collect_comments(sources[id], loaded.scheme, from_yaml);
  if (o.to == "yaml") {
    write_output(o.output, write_yaml(loaded.scheme, &comments));
    return kClean;
  }
  AssessText text = write_assess(loaded.scheme, &comments);
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
  add_document_flags(cmd, o->documents);
  return [o, &g] { return run_convert(*o, g); };
}

}  // namespace jf::cli
