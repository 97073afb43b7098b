#include "cli/lsp_workspace.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "cli/lsp_protocol.hpp"

namespace jf::cli {
namespace {

namespace fs = std::filesystem;

bool candidate_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".assess" || ext == ".rules" || ext == ".yaml" || ext == ".yml";
}

bool inside(const fs::path& p, const fs::path& root) {
  auto r = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r.first == root.end();
}

bool read_whole(const fs::path& p, size_t max_bytes, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), {});
  return !in.bad() && out.size() <= max_bytes;
}

}  // namespace

std::vector<WorkspaceFile> workspace_files(const std::vector<std::string>& roots,
                                           const std::map<std::string, OpenText>& open, const std::string& skip,
                                           size_t max_file_bytes, const WorkspaceBounds& bounds) {
  std::vector<WorkspaceFile> out;
  std::set<std::string> seen{fs::path(skip).lexically_normal().string()};
  size_t entries = 0, bytes = 0;
  auto add = [&](const std::string& path, std::string text, std::string uri) {
    DocKind kind = doc_kind(path, "", text);
    if (kind == DocKind::other) return;
    out.push_back({path, uri.empty() ? path_to_uri(path) : std::move(uri), std::move(text), kind});
  };
  for (const std::string& root_text : roots) {
    std::error_code ec;
    const fs::path root = fs::canonical(root_text, ec);
    if (ec || !fs::is_directory(root, ec)) continue;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (++entries > bounds.max_entries || out.size() >= bounds.max_files) break;
      std::error_code fec;
      const fs::path& p = it->path();
      if (it->is_directory(fec) && !it->is_symlink(fec)) {
        if (p.filename().string().starts_with('.')) it.disable_recursion_pending();
        continue;
      }
      if (!candidate_name(p) || !it->is_regular_file(fec)) continue;
      const std::string path = p.lexically_normal().string();
      if (!seen.insert(path).second) continue;
      if (auto o = open.find(path); o != open.end()) {
        add(path, o->second.text, o->second.uri);
        continue;
      }
      if (it->is_symlink(fec)) {
        fs::path real = fs::canonical(p, fec);
        if (fec || !inside(real, root)) continue;
      }
      const uintmax_t size = fs::file_size(p, fec);
      if (fec || size > max_file_bytes || bytes + size > bounds.max_total_bytes) continue;
      std::string text;
      if (!read_whole(p, max_file_bytes, text)) continue;
      bytes += text.size();
      add(path, std::move(text), {});
    }
    // Documents open in the editor but not saved yet, under this folder.
    for (const auto& [path, o] : open)
      if (out.size() < bounds.max_files && inside(fs::path(path).lexically_normal(), root) &&
          seen.insert(fs::path(path).lexically_normal().string()).second)
        add(path, o.text, o.uri);
  }
  std::sort(out.begin(), out.end(), [](const WorkspaceFile& a, const WorkspaceFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace jf::cli
