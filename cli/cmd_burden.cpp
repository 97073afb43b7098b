// `jianfu burden SCHEME`: forms, evidence, inspections and points per unit-year, by department.
#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/document_options.hpp"
#include "cli/scheme_input.hpp"
#include "engine/burden.hpp"
#include "render/render_burden.hpp"

namespace jf::cli {
namespace {

struct BurdenOptions {
  std::string scheme, format = "text", output;
  DocumentFlags documents;  // --units, --total: for a document
};

int run_burden(const BurdenOptions& o, const Globals& g) {
  const Lang lang = resolve_lang(g.lang);
  SourceSet sources;
  // A document's units and total: the flags, else the nearest .jianfu.yaml.
  ProjectConfig project(sources, g, {}, "", false);
  FileCheck fc = load_checked_scheme(sources, o.scheme, nullptr, g, lang, document_options(o.scheme, o.documents, project));
  Burden b = compute_burden(fc.scheme, fc.facts);
  const std::string& name = fc.scheme.info.name;
  write_output(o.output, chosen_format(burden_formats(), o.format).make(name, b, lang));
  return kClean;
}

}  // namespace

Action setup_burden(CLI::App& app, Globals& g) {
  auto o = std::make_shared<BurdenOptions>();
  CLI::App* cmd = app.add_subcommand("burden", "Forms, evidence, inspections and points per unit-year, by department");
  cmd->add_option("scheme", o->scheme, "Scheme file (.assess or .yaml)")->required();
  add_format_option(cmd, o->format, burden_formats());
  cmd->add_option("-o,--output", o->output, "Write to this file (atomically) instead of standard output");
  add_document_flags(cmd, o->documents);
  return [o, &g] { return run_burden(*o, g); };
}

}  // namespace jf::cli
