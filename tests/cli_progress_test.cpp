// `check --progress` (issue 19): the progress line appears on a terminal and
// never in a pipe unless asked for. The terminal is a real pseudo-terminal;
// JIANFU_PROGRESS_AFTER_MS=0 shows the line at once, so no test times anything.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <unistd.h>

#include "cli/progress.hpp"
#include "cli_test_util.hpp"

using jf::testing::run_jianfu;
using jf::testing::TempDir;

namespace {

const char* kScheme =
    "scheme \"x\" {\n  year 2025\n  total 100\n  units a, b\n}\ndepartment d kind office\n"
    "indicator i {\n  owner d\n  points 100\n  score threshold target \"t\"\n}\n";

// Three schemes in a directory.
std::string corpus(const TempDir& dir) {
  for (const char* name : {"a.assess", "b.assess", "c.assess"}) dir.write(name, kScheme);
  return dir.path.string();
}

// Runs `jianfu ARGS` through the shell with standard error on a
// pseudo-terminal (stdout to /dev/null) and returns what the terminal got.
std::string stderr_on_terminal(const std::string& args, const std::string& env) {
  int master = -1, slave = -1;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return "openpty failed";
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(master);
    ::dup2(slave, 2);
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    std::string cmd = "unset CI; " + env + " exec timeout 60 " JIANFU_BINARY " " + args;
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(slave);
  std::string got;
  char buf[4096];
  ssize_t n;
  // Linux reports EIO on the master once the last writer has closed the terminal.
  while ((n = ::read(master, buf, sizeof buf)) > 0) got.append(buf, static_cast<size_t>(n));
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return got;
}

TEST(Progress, ShownOnATerminal) {
  TempDir dir;
  std::string err = stderr_on_terminal("check --no-config --fail-on never " + corpus(dir),
                                       "JIANFU_PROGRESS_AFTER_MS=0");
  EXPECT_NE(err.find("checked 0/3 files"), std::string::npos) << err;
  // Redrawn in place, and erased at the end so the terminal keeps no trace.
  EXPECT_NE(err.find("\r\x1b[K"), std::string::npos) << err;
  EXPECT_EQ(err.find("checked 0/3 files\n"), std::string::npos) << err;
}

TEST(Progress, ChineseOnATerminal) {
  TempDir dir;
  std::string err = stderr_on_terminal("--lang zh check --no-config --fail-on never " + corpus(dir),
                                       "JIANFU_PROGRESS_AFTER_MS=0");
  EXPECT_NE(err.find("已检查 0/3 个文件"), std::string::npos) << err;
}

TEST(Progress, NotWithNoProgressOrInCi) {
  TempDir dir;
  std::string d = corpus(dir);
  EXPECT_EQ(stderr_on_terminal("check --no-progress --no-config --fail-on never " + d, "JIANFU_PROGRESS_AFTER_MS=0"),
            "");
  EXPECT_EQ(stderr_on_terminal("check --no-config --fail-on never " + d, "CI=true JIANFU_PROGRESS_AFTER_MS=0"), "");
  // One file: nothing to count.
  EXPECT_EQ(stderr_on_terminal("check --no-config --fail-on never " + d + "/a.assess", "JIANFU_PROGRESS_AFTER_MS=0"),
            "");
}

TEST(Progress, AbsentInAPipe) {
  TempDir dir;
  auto r = run_jianfu("check --no-config --fail-on never " + corpus(dir), "unset CI; JIANFU_PROGRESS_AFTER_MS=0");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
}

TEST(Progress, InAPipeWhenAsked) {
  TempDir dir;
  auto r = run_jianfu("check --progress --no-config --fail-on never " + corpus(dir), "JIANFU_PROGRESS_AFTER_MS=0");
  EXPECT_EQ(r.code, 0);
  // Not a terminal: plain lines, no control sequences.
  EXPECT_NE(r.err.find("checked 0/3 files\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
}

TEST(Progress, BothFlagsAreAnError) {
  TempDir dir;
  auto r = run_jianfu("check --progress --no-progress " + corpus(dir));
  EXPECT_EQ(r.code, 2) << r.err;
}

TEST(Progress, Text) {
  using jf::cli::progress_text;
  EXPECT_EQ(progress_text(0, 10000, 0.5, jf::Lang::en), "checked 0/10000 files");
  EXPECT_EQ(progress_text(120, 10000, 1.0, jf::Lang::en), "checked 120/10000 files, 120 files/s, about 1 min 22 s left");
  EXPECT_EQ(progress_text(5000, 10000, 2.0, jf::Lang::zh), "已检查 5000/10000 个文件，每秒 2500 个，预计还需 2 秒");
  EXPECT_EQ(progress_text(10, 10, 2.0, jf::Lang::en), "checked 10/10 files, 5 files/s");
  EXPECT_EQ(progress_text(999, 1000, 1.0, jf::Lang::zh), "已检查 999/1000 个文件，每秒 999 个，即将完成");
  EXPECT_EQ(progress_text(849, 1000, 1.25, jf::Lang::en), "checked 849/1000 files, 679 files/s, almost done");
  EXPECT_EQ(progress_text(1, 100000, 1.0, jf::Lang::en), "checked 1/100000 files, 1 files/s, about 27 h 46 min left");
}

}  // namespace
