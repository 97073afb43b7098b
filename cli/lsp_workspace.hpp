// The files of the editor's workspace folders that definitions and
// references read across files (docs/lsp.md): schemes (.assess, YAML with a
// top-level `scheme` key), rule files and `.jianfu.yaml`. Found by a bounded
// walk under each folder, with the rules of docs/security.md for walked
// directories; an open document's editor text wins over its file.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "cli/lsp_checker.hpp"

namespace jf::cli {

struct WorkspaceFile {
  std::string path, uri, text;
  DocKind kind = DocKind::other;
};

/// How much one walk may look at and read (docs/security.md, Limits).
struct WorkspaceBounds {
  size_t max_entries = 20000;          // directory entries looked at, in all folders
  size_t max_files = 500;              // files read
  size_t max_total_bytes = 64u << 20;  // bytes read in all
};

/// An open document: its URI and the editor's text, by path.
struct OpenText {
  std::string uri, text;
};

/// The workspace's files under `roots` (absolute folder paths), sorted by
/// path, without `skip` (the document asked about). Hidden folders (`.git`)
/// and symbolic links to folders are not entered; a symbolic link to a file
/// is read only when it resolves inside its root; a file larger than
/// `max_file_bytes` or past a bound is not read. Never throws.
std::vector<WorkspaceFile> workspace_files(const std::vector<std::string>& roots,
                                           const std::map<std::string, OpenText>& open, const std::string& skip,
                                           size_t max_file_bytes, const WorkspaceBounds& bounds = {});

}  // namespace jf::cli
