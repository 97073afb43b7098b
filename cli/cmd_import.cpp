// `jianfu import TABLE.docx|.xlsx|.csv|.tsv`: a 考核细则 table to a scheme in either
// syntax, with the provenance of every inferred field as comments.
#include <fmt/format.h>

#include <cmath>

#include "cli/commands.hpp"
#include "cli/document_options.hpp"
#include "dsl/document.hpp"
#include "dsl/scheme_writer.hpp"
#include "dsl/table_import.hpp"
#include "dsl/yaml_reader.hpp"
#include "dsl/yaml_tree.hpp"
#include "render/render.hpp"

namespace jf::cli {
namespace {

struct ImportFlags {
  std::string path;
  std::string output;
  DocumentFlags documents;  // --units, --total
  std::string encoding;
  std::string columns;
};

// `--columns map.yaml`: `field: header as written`, e.g. `indicator: 工作任务`.
std::map<TableField, std::string> read_columns(const std::string& path, const Globals& g, Lang lang) {
  SourceSet sources;
  uint32_t id = sources.add(path, read_source_file(path, 64 * 1024));
  std::vector<Diagnostic> problems;
  std::map<TableField, std::string> out;
  std::vector<std::string_view> keys;
  for (int f = 0; f < kTableFieldCount; ++f) keys.push_back(to_string(static_cast<TableField>(f)));
  if (auto tree = read_yaml_document(sources[id], id, g.limits, problems)) {
    YamlReader r(*tree, sources[id], g.limits, problems);
    if (auto f = r.fields(tree->root, "columns map", {"parse.config.what.columns_map"}, keys))
      for (const YamlField& item : f->items)
        if (auto text = r.string(item.value, item.key)) out[*table_field_from(item.key)] = *text;
  }
  if (!problems.empty()) {
    print_errors(problems, sources, lang);
    throw ToolError(msg("cli.arg.columns_map", {arg("path", path), arg("keys", join(keys))}));
  }
  return out;
}

int run_import(const ImportFlags& o, const Globals& g) {
  const Lang lang = resolve_lang(g.lang);
  // --units/--total replace the document's words, the config's `documents:`
  // fills in what it does not say (cli/document_options.hpp), as for check.
  SourceSet sources;
  ProjectConfig project(sources, g, {}, "", false);
  ImportOptions opts = document_options(o.path, o.documents, project);
  if (o.encoding == "utf-8" || o.encoding == "utf8") opts.table.encoding = TableEncoding::utf8;
  else if (o.encoding == "gb18030" || o.encoding == "gbk") opts.table.encoding = TableEncoding::gb18030;
  else if (o.encoding == "utf-16le" || o.encoding == "utf-16") opts.table.encoding = TableEncoding::utf16le;
  if (!o.columns.empty()) opts.table.columns = read_columns(o.columns, g, lang);

  uint32_t id = add_scheme_source(sources, o.path, read_source_file(o.path, g.limits.max_file_bytes), opts);
  if (!is_document_path(o.path))
    throw ToolError(msg("cli.arg.not_a_table", {arg("path", o.path)}));
  if (sources[id].text().size() > g.limits.max_file_bytes)
    throw ToolError(msg("cli.arg.too_large", {arg("path", o.path), arg("limit", g.limits.max_file_bytes)}));
  ImportResult r = import_table(sources, id, opts);
  if (!r.ok()) {
    print_errors(r.errors, sources, lang);
    throw ToolError(msg("cli.arg.not_imported", {arg("path", o.path)}));
  }
  if (!r.notes.empty()) print_errors(r.notes, sources, lang);
  const bool yaml = !o.output.ends_with(".assess");
  std::string text = fmt::format("# Imported by `jianfu import` from {}. Review the lines marked TODO and review.\n",
                                 o.path) + comment_block(r) + "\n";
  if (yaml) {
    text += write_yaml(r.scheme);
  } else {
    AssessText a = write_assess(r.scheme);
    if (!a.ok()) throw ToolError(a.error.in(lang));
    text += a.text;
  }
  write_output(o.output, text);
  return kClean;
}

}  // namespace

Action setup_import(CLI::App& app, Globals& g) {
  auto o = std::make_shared<ImportFlags>();
  // cjk-ok: the help names the document by its Chinese title, as users know it
  CLI::App* cmd = app.add_subcommand("import", "Turn a 考核细则 table (Word, Excel, CSV/TSV) into a scheme");
  cmd->add_option("table", o->path, "Table file (.docx, .xlsx, .csv, .tsv)")->required();
  cmd->add_option("-o,--output", o->output,
                  "Write to FILE (.yaml/.yml or .assess, atomically); default: YAML on stdout");
  add_document_flags(cmd, o->documents);
  cmd->add_option("--encoding", o->encoding, "Force the encoding (default: detect)")
      ->check(CLI::IsMember({"utf-8", "utf8", "gb18030", "gbk", "utf-16le", "utf-16"}));
  cmd->add_option("--columns", o->columns, "YAML map of field: header name for unusual headers");
  return [o, &g] { return run_import(*o, g); };
}

}  // namespace jf::cli
