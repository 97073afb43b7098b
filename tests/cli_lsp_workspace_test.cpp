// The bounded walk of the editor's workspace (cli/lsp_workspace.hpp): only
// files under the folder, hidden folders and links out of it left alone,
// each bound stopping the walk.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/lsp_workspace.hpp"
#include "tests/cli_test_util.hpp"

namespace jf::cli {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::vector<std::string> names(const std::vector<WorkspaceFile>& files, const fs::path& root) {
  std::vector<std::string> out;
  for (const WorkspaceFile& f : files) out.push_back(fs::path(f.path).lexically_relative(root).string());
  return out;
}

TEST(LspWorkspace, ReadsSchemesRulesAndConfigsUnderTheFolderOnly) {
  TempDir dir, outside;
  const fs::path root = fs::canonical(dir.path);
  fs::create_directories(root / "a");
  fs::create_directories(root / ".git");
  dir.write("a/one.assess", "department 甲 kind line\n");
  dir.write("a/s.yaml", "scheme:\n  name: s\n");
  dir.write("a/ci.yaml", "jobs: {}\n");  // not a scheme
  dir.write("my.rules", "rule X1 x {\n}\n");
  dir.write(".jianfu.yaml", "ignore: [JF203]\n");
  dir.write("notes.txt", "department 乙\n");
  dir.write(".git/hidden.assess", "department 丙\n");
  outside.write("secret.assess", "department 丁\n");
  fs::create_symlink(outside.path / "secret.assess", root / "link.assess");
  fs::create_directory_symlink(outside.path, root / "linked-dir");
  const auto files = workspace_files({root.string()}, {}, (root / "a/one.assess").string(), 1 << 20);
  EXPECT_EQ(names(files, root), (std::vector<std::string>{".jianfu.yaml", "a/s.yaml", "my.rules"}));
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].kind, DocKind::config);
  EXPECT_EQ(files[1].kind, DocKind::yaml_scheme);
  EXPECT_EQ(files[2].kind, DocKind::rules);
  EXPECT_EQ(files[2].uri, "file://" + (root / "my.rules").string());
}

TEST(LspWorkspace, TheEditorsTextWinsAndBoundsStopTheWalk) {
  TempDir dir;
  const fs::path root = fs::canonical(dir.path);
  for (int i = 0; i < 6; ++i) dir.write("s" + std::to_string(i) + ".assess", "department 甲 kind line\n");
  dir.write("big.assess", std::string(2000, '#'));
  std::map<std::string, OpenText> open{{(root / "s0.assess").string(), {"file:///edited", "department 乙\n"}},
                                       {(root / "new.assess").string(), {"untitled:new", "department 丙\n"}}};
  auto files = workspace_files({root.string()}, open, "", 1000);
  ASSERT_EQ(files.size(), 7u);  // s0..s5 and the unsaved new.assess; big.assess is over the size limit
  EXPECT_EQ(files[0].text, "department 丙\n");
  EXPECT_EQ(files[1].text, "department 乙\n");
  EXPECT_EQ(files[1].uri, "file:///edited");
  EXPECT_EQ(workspace_files({root.string()}, {}, "", 1000, {.max_files = 2}).size(), 2u);
  EXPECT_LE(workspace_files({root.string()}, {}, "", 1000, {.max_entries = 3}).size(), 3u);
  EXPECT_EQ(workspace_files({root.string()}, {}, "", 1000, {.max_total_bytes = 50}).size(), 2u);
  EXPECT_TRUE(workspace_files({(root / "missing").string()}, {}, "", 1000).empty());
}

}  // namespace
}  // namespace jf::cli
