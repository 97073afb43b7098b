// What a Word, Excel or CSV 考核细则 does not say — the assessed units and the
// scheme's total — for every command that reads a scheme: from `--units` and
// `--total` where the command has them, else from the governing
// `.jianfu.yaml` (`documents:`). The result travels with the document to the
// importer (dsl/document.hpp), so no command handles units itself.
#pragma once
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cli/project_config.hpp"
#include "dsl/document.hpp"

namespace jf::cli {

/// `--units` and `--total` as given.
struct DocumentFlags {
  std::vector<std::string> units;
  std::optional<double> total;
};

/// Adds `--units` and `--total` to `cmd`.
void add_document_flags(CLI::App* cmd, DocumentFlags& flags);

/// `--units a,b` / `--units a b` / `--units 甲镇、乙乡` as one list of names.
std::vector<std::string> split_units(const std::vector<std::string>& given);

/// The options `path` is read with: the flags replace what the document
/// says; the config's `documents:` fills in what it does not. Nothing for a
/// path that is not a document. A total that is not a positive number
/// raises ToolError (it would be written into a scheme that does not parse).
DocumentOptions document_options(const std::string& path, const DocumentFlags& flags, const Config* config);

/// document_options with the config that governs `path` in `project`
/// (none is looked up for a path that is not a document).
DocumentOptions document_options(const std::string& path, const DocumentFlags& flags, ProjectConfig& project);

}  // namespace jf::cli
