// Issue 18 item 7: what -o leaves on disk. A report replacing a file keeps
// that file's mode; a new one follows the umask (it was always 0644); a
// run killed by SIGXFSZ (`ulimit -f`) leaves no temporary behind.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "cli_test_util.hpp"

namespace fs = std::filesystem;
using jf::testing::run_jianfu;
using jf::testing::TempDir;

namespace {

const char* kScheme =
    "scheme \"x\" {\n  year 2025\n  total 100\n  units a, b\n}\ndepartment d kind office\n"
    "indicator i {\n  owner d\n  points 100\n  score threshold target \"t\"\n}\n";

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 07777;
}

TEST(OutputMode, NewFileFollowsUmask) {
  TempDir dir;
  std::string s = dir.write("s.assess", kScheme);
  std::string out = (dir.path / "new.txt").string();
  auto r = run_jianfu("check " + s + " -o " + out, "umask 077;");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(mode_of(out), 0600u);
}

TEST(OutputMode, ReplacedFileKeepsItsMode) {
  TempDir dir;
  std::string s = dir.write("s.assess", kScheme);
  std::string out = dir.write("old.txt", "old report\n");
  ::chmod(out.c_str(), 0640);
  auto r = run_jianfu("check " + s + " -o " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(mode_of(out), 0640u);
  EXPECT_NE(jf::testing::slurp(out), "old report\n");
}

TEST(OutputMode, FileSizeSignalRemovesTheTemporary) {
  TempDir dir;
  // Enough findings that the JSON report passes 1 KiB, `ulimit -f 1`.
  std::string big = kScheme;
  for (int i = 0; i < 40; ++i) big += "indicator j" + std::to_string(i) + " {\n  owner nobody\n  points 1\n}\n";
  std::string s = dir.write("s.assess", big);
  auto r = run_jianfu("check " + s + " --format json -o " + (dir.path / "big.json").string(), "ulimit -f 1;");
  EXPECT_NE(r.code, 0);
  for (const auto& e : fs::directory_iterator(dir.path))
    EXPECT_EQ(e.path().filename().string().find(".jianfu-"), std::string::npos) << e.path();
}

}  // namespace
