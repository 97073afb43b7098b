// `jianfu schema [yaml|config]`: the JSON Schema of the YAML scheme form or of
// `.jianfu.yaml`, for editors and CI validators; `--docs FILE` prints FILE
// with its generated field tables rewritten (docs/fields.md).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "render/render_schema.hpp"

namespace jf::cli {
namespace {

struct SchemaOptions {
  std::string which = "yaml";
  std::string docs;
};

int run_schema(const SchemaOptions& o, const Globals& g) {
  if (o.which != "yaml" && o.which != "config") {
    throw ToolError(msg("cli.schema.which", {arg("which", o.which)}));
  }
  if (!o.docs.empty()) {
    std::string text = read_source_file(o.docs, g.limits.max_file_bytes);
    Message error;
    std::string out = regenerate_field_docs(text, error);
    if (!error.empty()) throw ToolError(msg("cli.path_error", {arg("path", o.docs), arg("error", error.in(resolve_lang(g.lang)))}));
    fmt::print("{}", out);
    return kClean;
  }
  fmt::print("{}", o.which == "config" ? config_json_schema() : scheme_json_schema());
  return kClean;
}

}  // namespace

Action setup_schema(CLI::App& app, Globals& g) {
  auto o = std::make_shared<SchemaOptions>();
  CLI::App* cmd = app.add_subcommand("schema", "Print the JSON Schema of the YAML scheme form or of .jianfu.yaml");
  // Checked in run_schema, not with CLI::IsMember: the completion generator
  // (cli/completion.cpp) completes fixed values of flags only.
  cmd->add_option("which", o->which, "yaml (a scheme file, the default) or config (.jianfu.yaml)");
  cmd->add_option("--docs", o->docs,
                  "Print this Markdown file with its generated field tables rewritten from the field table");
  return [o, &g] { return run_schema(*o, g); };
}

}  // namespace jf::cli
