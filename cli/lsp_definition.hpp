// textDocument/definition and textDocument/references.
//
// Scheme ids: departments (declared; used by `owner` and `by`), indicators
// (declared; used by `proves`), groups and inspections (declared), from the
// spans of the model `check` read. A definition is looked up in the document
// first, then in the other scheme files of the workspace; references are
// every occurrence in the document and in those files.
//
// Rule ids (`JF102`, or a project's own): wherever they are written (a
// suppression comment, `.jianfu.yaml`, a rule file), the definition is the
// `rule ID name` header in a rule file: the project's packs (its
// `.jianfu.yaml` `rules:`), the document itself, or a rule file of the
// workspace; the built-in pack lives in the binary and has no file to go to.
// References are the id as a whole word in the workspace's schemes, rule
// files and configs. Anything else under the cursor gives null.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.hpp"
#include "cli/lsp_checker.hpp"
#include "cli/lsp_positions.hpp"
#include "cli/lsp_workspace.hpp"

namespace jf::cli {

/// The document asked about: its analysis, URI and text.
struct NavDoc {
  const Analysis& analysis;
  const std::string& uri;
  std::string_view text;
  const LineIndex& index;
};

/// The other files of the workspace, read only when a request needs them.
using WorkspaceReader = std::function<std::vector<WorkspaceFile>()>;

/// Location[] of the declarations of the id at byte `offset`, or null.
nlohmann::json lsp_definition(const NavDoc& doc, uint32_t offset, const WorkspaceReader& others, const Limits& limits);

/// Location[] of every occurrence of the id at byte `offset` (its
/// declarations only when `include_declaration`), or null when no id is there.
nlohmann::json lsp_references(const NavDoc& doc, uint32_t offset, bool include_declaration,
                              const WorkspaceReader& others, const Limits& limits);

}  // namespace jf::cli
