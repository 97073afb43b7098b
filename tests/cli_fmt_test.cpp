// `jianfu fmt` as a user runs it: files rewritten in place, --check and
// --diff for CI, standard input, and files it must not touch.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "tests/cli_test_util.hpp"

namespace jf {
namespace {

using testing::run_jianfu;
using testing::slurp;
using testing::TempDir;

const std::string kMessy =
    "scheme \"s\" { year 2025\n"
    "units 甲, 乙 }\n"
    "# jianfu: allow JF102 -- 省定指标\n"
    "indicator a { score rank   # 排名\n"
    "}\n";
const std::string kTidy =
    "scheme \"s\" {\n"
    "  year 2025\n"
    "  units 甲, 乙\n"
    "}\n"
    "\n"
    "# jianfu: allow JF102 -- 省定指标\n"
    "indicator a {\n"
    "  score rank  # 排名\n"
    "}\n";
const std::string kBroken = "scheme \"s\" {\n  year\n}\n";

TEST(CliFmt, RewritesAFileInPlaceAndSaysSo) {
  TempDir dir;
  std::string path = dir.write("s.assess", kMessy);
  auto r = run_jianfu("--lang en fmt " + path);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(path), kTidy);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "jianfu: 1 file reformatted, 0 left unchanged\n");
  r = run_jianfu("--lang zh fmt " + path);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(path), kTidy);
  EXPECT_EQ(r.err, "jianfu：0 个文件已重排，1 个文件无需改动\n");
}

TEST(CliFmt, CheckListsFilesThatWouldChangeAndExitsOne) {
  TempDir dir;
  std::string messy = dir.write("a.assess", kMessy);
  std::string tidy = dir.write("b.assess", kTidy);
  auto r = run_jianfu("--lang en fmt --check " + messy + " " + tidy);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, "would reformat: " + messy + "\n");
  EXPECT_EQ(r.err, "jianfu: 1 file would be reformatted, 1 left unchanged\n");
  EXPECT_EQ(slurp(messy), kMessy);
  r = run_jianfu("fmt --check " + tidy);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliFmt, DiffPrintsTheChangeAndTouchesNothing) {
  TempDir dir;
  std::string path = dir.write("s.assess", "scheme \"s\" {\n  year   2025\n}\n");
  auto r = run_jianfu("fmt --diff " + path);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out, "--- " + path + "\n+++ " + path +
                       "\n@@ -1,3 +1,3 @@\n scheme \"s\" {\n-  year   2025\n+  year 2025\n }\n");
  EXPECT_EQ(slurp(path), "scheme \"s\" {\n  year   2025\n}\n");
}

TEST(CliFmt, LeavesAFileThatDoesNotParseUntouched) {
  TempDir dir;
  std::string broken = dir.write("broken.assess", kBroken);
  std::string messy = dir.write("messy.assess", kMessy);
  auto r = run_jianfu("--lang en fmt " + broken + " " + messy);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(slurp(broken), kBroken);
  EXPECT_EQ(slurp(messy), kTidy);  // the other files are still formatted
  EXPECT_NE(r.err.find(broken + ":3:1: error[JF001]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 with syntax errors left alone"), std::string::npos) << r.err;
  r = run_jianfu("--lang zh fmt --check " + broken);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("错误[JF001]"), std::string::npos) << r.err;
}

TEST(CliFmt, StandardInputIsPrintedFormatted) {
  TempDir dir;
  std::string in = dir.write("in.txt", kMessy);
  auto r = run_jianfu("fmt < " + in);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, kTidy);
  EXPECT_EQ(r.err, "");
  std::string yaml = dir.write("in.yaml", "scheme: {name: s}\n");
  r = run_jianfu("fmt - --stdin-filename drafts/s.yaml < " + yaml);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "scheme:\n  name: s\n");
  r = run_jianfu("fmt --check - < " + in);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "would reformat: <stdin>\n");
  std::string broken = dir.write("broken.txt", kBroken);
  r = run_jianfu("fmt - --stdin-filename s.assess < " + broken);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("s.assess:3:1"), std::string::npos) << r.err;
}

TEST(CliFmt, WalksDirectoriesForSchemes) {
  TempDir dir;
  std::filesystem::create_directories(dir.path / "sub");
  std::string a = dir.write("sub/a.assess", kMessy);
  std::string y = dir.write("sub/b.yaml", "scheme:   {name: s}\n");
  std::string other = dir.write("sub/ci.yaml", "jobs:   {}\n");
  auto r = run_jianfu("--lang en fmt " + dir.path.string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(a), kTidy);
  EXPECT_EQ(slurp(y), "scheme:\n  name: s\n");
  EXPECT_EQ(slurp(other), "jobs:   {}\n");  // not a scheme
  EXPECT_EQ(r.err, "jianfu: 2 files reformatted, 0 left unchanged\n");
}

TEST(CliFmt, RefusesWhatItCannotFormat) {
  TempDir dir;
  std::string csv = dir.write("t.csv", "考核内容,分值\n");
  auto r = run_jianfu("fmt " + csv);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("jianfu import"), std::string::npos) << r.err;
  r = run_jianfu("fmt /dev/null");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "jianfu: error: /dev/null: not a regular file\n");  // and no summary of nothing
  r = run_jianfu("fmt " + dir.path.string() + "/missing.assess");
  EXPECT_EQ(r.code, 2);
}

const std::string kMessyRules = "rule X1 x { category structure   # c\n  native }\n";
const std::string kTidyRules = "rule X1 x {\n  category structure  # c\n  native\n}\n";

TEST(CliFmt, RuleFilesHaveTheirLayoutAndCheckSaysWhichWouldChange) {
  TempDir dir;
  std::string rules = dir.write("my.rules", kMessyRules);
  auto r = run_jianfu("--lang en fmt --check " + rules);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "would reformat: " + rules + "\n");
  EXPECT_EQ(slurp(rules), kMessyRules);
  r = run_jianfu("--lang en fmt " + rules);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(rules), kTidyRules);
  r = run_jianfu("--lang en fmt --check " + rules);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  // Found in a folder beside the schemes, and from standard input by its name.
  std::filesystem::create_directories(dir.path / "sub");
  std::string scheme = dir.write("sub/a.assess", kMessy);
  std::string other = dir.write("sub/b.rules", kMessyRules);
  r = run_jianfu("--lang en fmt " + (dir.path / "sub").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(scheme), kTidy);
  EXPECT_EQ(slurp(other), kTidyRules);
  r = run_jianfu("fmt - --stdin-filename x.rules < " + dir.write("in.txt", kMessyRules));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, kTidyRules);
}

TEST(CliFmt, LeavesARuleFileThatDoesNotParseUntouched) {
  TempDir dir;
  const std::string broken = "rule X1 x {\n  category\n}\n";
  std::string rules = dir.write("bad.rules", broken);
  auto r = run_jianfu("--lang en fmt " + rules);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("bad.rules:3:1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 with syntax errors left alone"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(rules), broken);
  r = run_jianfu("--lang en fmt --check " + rules);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(slurp(rules), broken);
}

TEST(CliFmt, KeepsASymlinkAndTheFileMode) {
  TempDir dir;
  std::string target = dir.write("real.assess", kMessy);
  ::chmod(target.c_str(), 0640);
  std::filesystem::create_symlink(target, dir.path / "link.assess");
  auto r = run_jianfu("fmt " + (dir.path / "link.assess").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::is_symlink(dir.path / "link.assess"));
  EXPECT_EQ(slurp(target), kTidy);
  struct stat st {};
  ::stat(target.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

}  // namespace
}  // namespace jf
