// `jianfu check` as a user runs it: exit codes, formats, and bad input.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>

#include "render/check_formats.hpp"
#include "tests/cli_test_util.hpp"

namespace jf {
namespace {

using testing::run_jianfu;
using testing::TempDir;

const std::string kExamples = JIANFU_SOURCE_DIR "/examples/";

const std::string kClean =
    "scheme \"s\" {\n  year 2025\n  total 10\n  units 甲, 乙, 丙\n}\n"
    "department 两办 kind office\n"
    "indicator a {\n  owner 两办\n  points 10\n  score threshold target \"完成\"\n}\n";

std::vector<std::pair<std::string, int>> rules_and_lines(const std::string& json) {
  std::vector<std::pair<std::string, int>> out;
  auto doc = nlohmann::json::parse(json);  // keep the document alive while iterating
  for (auto& d : doc["diagnostics"]) out.push_back({d["rule"], d["line"]});
  return out;
}

TEST(CliCheck, ErrorsExampleReportsStructureFindingsWithLines) {
  auto r = run_jianfu("check --format json --select structure " + kExamples + "errors-2025.assess");
  EXPECT_EQ(r.code, 1) << r.err;
  auto found = rules_and_lines(r.out);
  std::vector<std::pair<std::string, int>> want = {
      {"JF004", 4}, {"JF003", 17}, {"JF002", 24}, {"JF006", 27}, {"JF005", 30}};
  EXPECT_EQ(found, want) << r.out;
}

TEST(CliCheck, ExitCodesFollowTheContract) {
  TempDir dir;
  EXPECT_EQ(run_jianfu("check " + dir.write("ok.assess", kClean)).code, 0);
  EXPECT_EQ(run_jianfu("check " + dir.write("bad.assess", "scheme {")).code, 1);
  EXPECT_EQ(run_jianfu("check " + (dir.path / "missing.assess").string()).code, 2);
  EXPECT_EQ(run_jianfu("check --no-such-flag x").code, 2);
  EXPECT_EQ(run_jianfu("check --fail-on never " + dir.write("bad2.assess", "scheme {")).code, 0);
}

TEST(CliCheck, MissingPathIsAClearError) {
  auto r = run_jianfu("check /nonexistent/x.assess");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "jianfu: error: /nonexistent/x.assess: no such file or directory\n");
}

// Under --lang zh a tool error is Chinese throughout: the prefix, the
// sentence and the system's reason (cli.errno.*), only paths and flags as given.
TEST(CliCheck, ToolErrorsAreChineseUnderLangZh) {
  auto missing = run_jianfu("--lang zh check /nonexistent/x.assess");
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err, "jianfu：错误：/nonexistent/x.assess：文件或目录不存在\n");
  auto score = run_jianfu("--lang zh score " + kExamples + "qingshan-2025.assess");
  EXPECT_EQ(score.code, 2);
  EXPECT_EQ(score.err, "jianfu：错误：请给出 --data 文件（各单位的成绩数据）或 --compliant（假设全部达标）二者之一\n");
  auto no_rule = run_jianfu("--lang zh explain JF999");
  EXPECT_EQ(no_rule.code, 2);
  EXPECT_EQ(no_rule.err, "jianfu：错误：没有规则 `JF999`（见 `jianfu rules`）\n");
  TempDir dir;
  auto onto_dir = run_jianfu("--lang zh check " + kExamples + "errors-2025.assess -o " + dir.path.string());
  EXPECT_EQ(onto_dir.code, 2);
  EXPECT_EQ(onto_dir.err, "jianfu：错误：" + dir.path.string() + "：是目录，不是文件\n");
  // Standard output sent onto an input is named in the run's language too.
  const std::string input = dir.write("q.assess", "scheme \"q\" year 2025 total 100\n");
  auto onto_input = run_jianfu("--lang zh check " + input + " > " + input);
  EXPECT_EQ(onto_input.code, 2);
  EXPECT_EQ(onto_input.err, "jianfu：错误：标准输出：与本次运行的输入文件 " + input +
                                " 是同一个文件；jianfu 从不覆盖输入（请换一个输出路径）\n");
}

// The flag parser's complaints are said in the run's language, with the
// command's help hint; --lang counts wherever it stands on the line.
TEST(CliCheck, FlagErrorsInTheRunsLanguage) {
  struct Case {
    std::string args, en, zh;
  };
  const std::vector<Case> cases = {
      {"chekc x", "jianfu: error: unknown command `chekc` (did you mean `check`?); the commands: check, convert, fmt, rules, explain, test, score, burden, diff, config, import, report, lsp, schema\nRun `jianfu --help` for the options.\n",
       "jianfu：错误：未知命令 `chekc`（是否想写 `check`？）；可用的命令：check、convert、fmt、rules、explain、test、score、burden、diff、config、import、report、lsp、schema\n运行 `jianfu --help` 查看可用的选项。\n"},
      {"check", "jianfu: error: paths is required\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：缺少参数 paths\n运行 `jianfu check --help` 查看可用的选项。\n"},
      {"check --fial-on error x", "jianfu: error: unexpected argument `--fial-on` (did you mean `--fail-on`?)\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：无法识别的参数 `--fial-on`（是否想写 `--fail-on`？）\n运行 `jianfu check --help` 查看可用的选项。\n"},
      {"check --bogus -y x", "jianfu: error: unexpected arguments `--bogus`, `-y`\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：无法识别的参数 `--bogus`、`-y`\n运行 `jianfu check --help` 查看可用的选项。\n"},
      {"check --fail-on bogus x", "jianfu: error: --fail-on: `bogus` is not one of error, warning, info, never\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：--fail-on 的值 `bogus` 无效，应为以下之一：error、warning、info、never\n运行 `jianfu check --help` 查看可用的选项。\n"},
      {"check --jobs abc x", "jianfu: error: --jobs: `abc` is not a valid value\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：--jobs 的值 `abc` 无效\n运行 `jianfu check --help` 查看可用的选项。\n"},
      {"check --max-file-size zz x", "jianfu: error: --max-file-size: `zz` is not a number of bytes from 0 to 1099511627776\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：--max-file-size 的值 `zz` 不是 0 到 1099511627776 之间的字节数\n运行 `jianfu check --help` 查看可用的选项。\n"},
      {"check --progress --no-progress x", "jianfu: error: --progress cannot be used with --no-progress\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：--progress 不能与 --no-progress 同时使用\n运行 `jianfu check --help` 查看可用的选项。\n"},
      {"check --jobs 1 --jobs 2 x", "jianfu: error: --jobs may be given once\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：--jobs 只能给出一次\n运行 `jianfu check --help` 查看可用的选项。\n"},
      {"check x --format", "jianfu: error: --format needs a value\nRun `jianfu check --help` for the options.\n",
       "jianfu：错误：--format 后缺少取值\n运行 `jianfu check --help` 查看可用的选项。\n"},
  };
  for (const Case& c : cases) {
    auto en = run_jianfu("--lang en " + c.args);
    EXPECT_EQ(en.code, 2) << c.args;
    EXPECT_EQ(en.err, c.en) << c.args;
    // After the flag in error (found all the same), unless it would be the value a flag lacks.
    auto zh = run_jianfu(c.args.ends_with("--format") ? "--lang zh " + c.args : c.args + " --lang zh");
    EXPECT_EQ(zh.code, 2) << c.args;
    EXPECT_EQ(zh.err, c.zh) << c.args;
  }
  EXPECT_EQ(run_jianfu("--version").code, 0);
  EXPECT_EQ(run_jianfu("check --help").code, 0);
}

// A config's own `lang: zh` chooses the language of the errors about it
// when no --lang is given, the last line included (the environment says English).
TEST(CliCheck, ConfigErrorsFollowTheConfigsLang) {
  TempDir dir;
  dir.write(".jianfu.yaml", "lang: zh\nparams:\n  JF201:\n    max_line_departments: \"x\"\n");
  dir.write("s.assess", "scheme \"s\" year 2025 total 100\n");
  const std::string env = "cd " + dir.path.string() + " && env LC_ALL=C LC_MESSAGES= LANG=C";
  auto zh = run_jianfu("check s.assess", env);
  EXPECT_EQ(zh.code, 2);
  EXPECT_NE(zh.err.find("错误：规则 JF201 的参数 max_line_departments 应为数字，不能是字符串"), std::string::npos) << zh.err;
  EXPECT_NE(zh.err.find("jianfu：错误："), std::string::npos) << zh.err;
  EXPECT_TRUE(zh.err.ends_with(".jianfu.yaml：配置无效\n")) << zh.err;
  auto en = run_jianfu("--lang en check s.assess", env);
  EXPECT_EQ(en.code, 2);
  EXPECT_NE(en.err.find("parameter max_line_departments of JF201 is a number, not a string"), std::string::npos) << en.err;
  EXPECT_TRUE(en.err.ends_with(".jianfu.yaml: invalid configuration\n")) << en.err;
}

// Each bad input: a JF001 finding naming the problem (exit 1), never a crash
// or hang (exit ≥ 124 would be a timeout or a signal).
struct BadInput {
  const char* name;
  std::string text;
  const char* message;  // a fragment of the JF001 message
};

void PrintTo(const BadInput& b, std::ostream* os) { *os << b.name; }

class CliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliBadInput, IsAFindingNotACrash) {
  TempDir dir;
  const BadInput& c = GetParam();
  auto r = run_jianfu("check --format json " + dir.write(c.name, c.text));
  ASSERT_EQ(r.code, 1) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  ASSERT_FALSE(doc["diagnostics"].empty());
  EXPECT_EQ(doc["diagnostics"][0]["rule"], "JF001");
  EXPECT_NE(doc["diagnostics"][0]["message"].get<std::string>().find(c.message), std::string::npos)
      << doc["diagnostics"][0]["message"];
}

INSTANTIATE_TEST_SUITE_P(
    All, CliBadInput,
    ::testing::Values(BadInput{"empty.assess", "", ""}, BadInput{"empty.yaml", "", ""},
                      BadInput{"utf8.assess", "scheme \"\xC0\xAF\" {}", "invalid UTF-8 at byte 8"},
                      BadInput{"gbk.yaml", "scheme: {name: \xC7\xE0\xC9\xBD}", "invalid UTF-8 at byte 15"},
                      BadInput{"nul.assess", std::string("scheme \"a\0b\" {}", 15), "control character 0x00 at byte 9"},
                      BadInput{"nested.assess", std::string(100000, '{'), ""},
                      BadInput{"nested.yaml", std::string(100000, '['), ""},
                      BadInput{"nested-map.yaml", [] {
                                 std::string s;
                                 for (int i = 0; i < 100000; ++i) s += "{a: ";
                                 return s;
                               }(), ""},
                      BadInput{"long-id.assess", "department " + std::string(100000, 'x') + " kind line\n", ""}),
    [](const auto& info) {
      std::string n = info.param.name;
      for (char& c : n)
        if (!isalnum(static_cast<unsigned char>(c))) c = '_';
      return n;
    });

TEST(CliCheck, BomAndCrLfAreFine) {
  TempDir dir;
  std::string crlf;
  for (char c : kClean) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(run_jianfu("check " + dir.write("bom.assess", "\xEF\xBB\xBF" + kClean)).code, 0);
  EXPECT_EQ(run_jianfu("check " + dir.write("crlf.assess", crlf)).code, 0);
}

TEST(CliCheck, TenMegabyteSchemeIsChecked) {
  TempDir dir;
  std::string big = kClean;
  while (big.size() < 10u << 20) big += "# padding comment line to make the file large ............\n";
  auto r = run_jianfu("check " + dir.write("big.assess", big));
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST(CliCheck, OversizedFileIsRefusedWithTheLimit) {
  TempDir dir;
  std::string big = kClean + std::string(2000, '#') + "\n";
  auto r = run_jianfu("check --max-file-size 1000 " + dir.write("big.assess", big));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("above the limit of 1000 bytes"), std::string::npos) << r.out;
}

TEST(CliCheck, DirectoriesAreWalkedAndFifosRefused) {
  TempDir dir;
  std::filesystem::create_directories(dir.path / "sub");
  dir.write("sub/a.assess", kClean);
  dir.write("sub/config.yaml", "lang: zh\n");  // not a scheme: skipped
  dir.write("sub/nested.yaml", "data:\n  scheme: x\n");  // `scheme` not at the top level: skipped
  // A scheme key after a BOM, or after other keys and long lines, is found.
  dir.write("sub/bom.yml", "\xEF\xBB\xBFscheme:\n  name: b\n");
  dir.write("sub/late.yaml", "# " + std::string(10000, 'x') + "\r\ndepartments: []\nscheme:\n  name: c\n");
  std::filesystem::create_directory_symlink(dir.path, dir.path / "sub" / "loop");  // not followed
  auto r = run_jianfu("check --select JF0 --fail-on never --format json " + dir.path.string());
  EXPECT_EQ(r.code, 0) << r.err;
  auto files = nlohmann::json::parse(r.out)["files"];
  ASSERT_EQ(files.size(), 3u) << files;
  EXPECT_NE(files[0].get<std::string>().find("a.assess"), std::string::npos);
  EXPECT_NE(files[1].get<std::string>().find("bom.yml"), std::string::npos);
  EXPECT_NE(files[2].get<std::string>().find("late.yaml"), std::string::npos);

  std::string fifo = (dir.path / "pipe.assess").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto f = run_jianfu("check " + fifo);
  EXPECT_EQ(f.code, 2);
  EXPECT_NE(f.err.find("not a regular file"), std::string::npos);
}

TEST(CliCheck, UnreadableFileIsAToolError) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not stop reads";
  TempDir dir;
  std::string p = dir.write("secret.assess", kClean);
  std::filesystem::permissions(p, std::filesystem::perms::none);
  auto r = run_jianfu("check " + p);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot be read"), std::string::npos);
}

TEST(CliCheck, ManyFilesStreamTheSameReportWithAnyNumberOfJobs) {
  // Files are checked in parallel and written in path order as they finish:
  // every format must come out the same as from one job, and be well formed.
  TempDir dir;
  for (int i = 0; i < 12; ++i) {
    std::string name = std::to_string(i);
    if (i < 10) name.insert(0, "0");
    std::filesystem::copy_file(kExamples + (i % 3 == 0   ? "reformed-2025.assess"
                                            : i % 3 == 1 ? "qingshan-2025.assess"
                                                         : "huaxi-2025.yaml"),
                               dir.path / (name + (i % 3 == 2 ? ".yaml" : ".assess")));
  }
  std::string base = "--lang en check " + dir.path.string();
  for (const CheckFormat& f : check_formats()) {
    const std::string format(f.name);
    auto one = run_jianfu(base + " --jobs 1 --format " + format);
    auto two = run_jianfu(base + " --jobs 2 --format " + format);
    auto many = run_jianfu(base + " --jobs 7 --format " + format);
    EXPECT_EQ(one.code, 1) << format << one.err;
    EXPECT_EQ(one.out, two.out) << format;
    EXPECT_EQ(one.out, many.out) << format;
    if (format == "json") {
      auto doc = nlohmann::json::parse(one.out);
      EXPECT_EQ(doc["files"].size(), 12u);
      EXPECT_EQ(doc["diagnostics"].size(), doc["summary"]["total"].get<size_t>());
      std::string last;
      for (auto& d : doc["diagnostics"]) {  // in file order
        EXPECT_LE(last, d["file"].get<std::string>());
        last = d["file"];
      }
    }
    if (f.suffix.ends_with(".json") || format == "sarif") {
      EXPECT_FALSE(nlohmann::json::parse(one.out, nullptr, false).is_discarded()) << one.out;
    }
  }
  // -o and --write-baseline stream into files replaced at the end.
  std::string report = (dir.path / "report.json").string(), baseline = (dir.path / "baseline.json").string();
  auto written = run_jianfu(base + " --format json -o " + report + " --write-baseline " + baseline);
  EXPECT_EQ(written.code, 1) << written.err;
  EXPECT_EQ(testing::slurp(report), run_jianfu(base + " --format json").out);
  auto again = run_jianfu(base + " --baseline " + baseline);
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_NE(again.out.find("already in the baseline not shown"), std::string::npos);
}

TEST(CliCheck, InterruptedReportLeavesNoTemporary) {
  // -o streams into a temporary; SIGTERM mid-run must remove it.
  TempDir dir;
  std::filesystem::create_directories(dir.path / "in");
  for (int i = 0; i < 3000; ++i)
    std::filesystem::copy_file(kExamples + "qingshan-2025.assess", dir.path / "in" / (std::to_string(i) + ".assess"));
  std::string out = (dir.path / "report.json").string();
  std::string script = "( " JIANFU_BINARY " check --jobs 1 --format json -o " + out + " " + (dir.path / "in").string() +
                       " & pid=$!; sleep 0.3; kill -TERM $pid; wait $pid; echo $? )";
  FILE* p = ::popen(script.c_str(), "r");
  char buf[64] = {0};
  std::fgets(buf, sizeof buf, p);
  ::pclose(p);
  if (std::string(buf) != "143\n") GTEST_SKIP() << "the run ended before the signal: " << buf;
  for (auto& e : std::filesystem::directory_iterator(dir.path))
    EXPECT_EQ(e.path().filename().string().find(".jianfu-"), std::string::npos) << e.path();
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CliCheck, ChineseOutputWithLangZh) {
  auto r = run_jianfu("check --lang zh --select JF002 " + kExamples + "errors-2025.assess");
  EXPECT_NE(r.out.find("负责部门“住建局”不是已声明的部门"), std::string::npos) << r.out;
  auto env = run_jianfu("check --select JF002 " + kExamples + "errors-2025.assess", "LANG=zh_CN.UTF-8 LC_ALL=");
  EXPECT_NE(env.out.find("不是已声明的部门"), std::string::npos);
}

TEST(CliCheck, StatisticsCountFindingsPerRule) {
  auto r = run_jianfu("--lang en check --statistics --select JF2 " + kExamples + "qingshan-2025.assess");
  EXPECT_EQ(r.code, 0) << r.err;  // JF2xx are warnings
  // 7 penalties and 2 `score veto` items (防止返贫, 安全生产) owned by line departments.
  EXPECT_NE(r.out.find("    9  JF202  line-penalty-power"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    1  JF201  many-assessors"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("JF102"), std::string::npos);
}

TEST(CliCheck, SelectAndIgnoreByIdPrefixAndCategory) {
  auto ids = [](const std::string& args) {
    auto r = run_jianfu("check --format json " + args + " " + kExamples + "qingshan-2025.assess");
    std::set<std::string> out;
    auto doc = nlohmann::json::parse(r.out);
    for (auto& d : doc["diagnostics"]) out.insert(d["rule"]);
    return out;
  };
  EXPECT_EQ(ids("--select proof --ignore JF304,JF305"), (std::set<std::string>{"JF301", "JF302", "JF303"}));
  EXPECT_EQ(ids("--select JF10 --ignore ranking"), std::set<std::string>{});
  EXPECT_EQ(ids("--select JF104"), std::set<std::string>{"JF104"});
  EXPECT_EQ(run_jianfu("check --select JF9 " + kExamples + "qingshan-2025.assess").code, 2);
}

TEST(CliCheck, UserRuleCannotReuseABuiltinId) {
  TempDir dir;
  std::string pack = dir.write("p.rules",
                               "rule JF101 mine {\n  category ranking\n  severity warning\n  summary en \"x\"\n"
                               "  when true\n  message en \"x\"\n}\n");
  auto r = run_jianfu("check --rules " + pack + " " + kExamples + "reformed-2025.assess");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("p.rules:1:"), std::string::npos) << r.err;
}

TEST(CliCheck, NoColourWhenNotATerminal) {
  auto r = run_jianfu("check " + kExamples + "errors-2025.assess");
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);
}

}  // namespace
}  // namespace jf
