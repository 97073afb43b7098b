// Issue 14, the day-one defects: each test runs the binary as a new user did
// and fails on the behaviour they reported.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <set>

#include "tests/cli_test_util.hpp"

namespace jf {
namespace {

using testing::run_jianfu;
using testing::slurp;
using testing::TempDir;

const std::string kExamples = JIANFU_SOURCE_DIR "/examples/";
const std::string kData = JIANFU_SOURCE_DIR "/tests/dayone/";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The rule ids of a JSON report's findings (`diagnostics` of check,
// `introduced` of diff), parsed: a malformed report fails the test, and an
// id quoted inside a message is not mistaken for a finding.
std::set<std::string> rules_in(const std::string& json_text, const char* list = "diagnostics") {
  std::set<std::string> out;
  const nlohmann::json doc = nlohmann::json::parse(json_text);  // outlives the loop (a temporary would not)
  for (const auto& d : doc.at(list)) out.insert(d.at("rule").get<std::string>());
  return out;
}

// 1. A path after --rules/--select/--ignore is a path, not another value.
TEST(DayOne, MultiValueFlagsTakeOneValueEach) {
  TempDir dir;
  std::string pack = dir.write("p.rules",
                               "rule CTY01 mine {\n  category ranking\n  severity warning\n  summary en \"x\"\n"
                               "  when false\n  message en \"x\"\n}\n");
  auto a = run_jianfu("check --rules " + pack + " " + kExamples + "reformed-2025.assess --format json");
  EXPECT_EQ(a.code, 0) << a.err;
  EXPECT_TRUE(nlohmann::json::parse(a.out).at("diagnostics").is_array()) << a.out;
  auto b = run_jianfu("--lang en check --select JF202 " + kExamples + "qingshan-2025.assess --statistics");
  EXPECT_EQ(b.code, 0) << b.err;
  EXPECT_TRUE(has(b.out, "JF202")) << b.out;
  auto c = run_jianfu("check --select JF104 --ignore JF1 " + kExamples + "qingshan-2025.assess --select JF202 --format json");
  EXPECT_EQ(c.code, 0) << c.err;
  EXPECT_EQ(rules_in(c.out), std::set<std::string>{"JF202"}) << c.out;
}

// 2. A figure turning decimal (50% -> 48.96%) keeps a baseline entry known.
TEST(DayOne, BaselineSurvivesADecimalInTheMessage) {
  TempDir dir;
  std::string scheme = slurp(kData + "fengqiao-before.assess");
  std::string path = dir.write("f.assess", scheme);
  std::string base = (dir.path / "base.json").string();
  run_jianfu("check --no-config --write-baseline " + base + " " + path);
  auto swap = [&](const std::string& from, const std::string& to) {
    size_t at = scheme.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    scheme.replace(at, from.size(), to);
  };
  swap("indicator 河长制 {\n    owner 两办\n    points 30", "indicator 河长制 {\n    owner 两办\n    points 40");
  swap("indicator 污染防治 {\n    owner 生态环境局\n    points 40", "indicator 污染防治 {\n    owner 生态环境局\n    points 30");
  dir.write("f.assess", scheme);
  auto r = run_jianfu("--lang en check --no-config --fail-on warning --baseline " + base + " " + path);
  EXPECT_EQ(r.code, 0) << r.out;
}

// 2. A draft that only removes load introduces nothing.
TEST(DayOne, DiffOfALighterDraftIntroducesNothing) {
  auto r = run_jianfu("--lang en diff " + kData + "v4.assess " + kData + "v5.assess --fail-on warning");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(has(r.out, "findings introduced (0)")) << r.out;
}

// 2. diff reads .jianfu.yaml like check: an ignored rule is not "introduced".
TEST(DayOne, DiffHonoursTheConfig) {
  TempDir dir;
  std::string before = slurp(kData + "v5.assess");
  std::string after = before;
  size_t at = after.find("report monthly");
  ASSERT_NE(at, std::string::npos);
  after.replace(at, std::string("report monthly").size(), "report daily");
  std::string a = dir.write("a.assess", before), b = dir.write("b.assess", after);
  auto plain = run_jianfu("--lang en diff --format json " + a + " " + b);
  ASSERT_TRUE(rules_in(plain.out, "introduced").count("JF206")) << plain.out;
  dir.write(".jianfu.yaml", "ignore: [JF206]\n");
  auto configured = run_jianfu("--lang en diff --format json " + a + " " + b);
  EXPECT_FALSE(rules_in(configured.out, "introduced").count("JF206")) << configured.out;
  EXPECT_EQ(plain.code, 0);  // JF206 is a warning; the default fails on errors
  dir.write(".jianfu.yaml", "fail-on: warning\nlang: zh\n");
  auto strict = run_jianfu("diff " + a + " " + b);
  EXPECT_EQ(strict.code, 1) << strict.out;
  EXPECT_TRUE(has(strict.out, "新增的问题")) << strict.out;
}

// 4. Every problem of a results file in one run; full-width digits named.
TEST(DayOne, ResultsListEveryProblemAndNameFullWidthDigits) {
  auto r = run_jianfu("--lang en score " + kData + "v4.assess --data " + kData + "bad-unit-fw.csv");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, "row 4: unknown unit `枫桥`")) << r.err;
  EXPECT_TRUE(has(r.err, "row 8: value `70．4` is written with full-width characters: write `70.4`")) << r.err;
  EXPECT_FALSE(has(r.err, "no result for 枫桥镇 / 人居环境")) << r.err;  // row 8 is reported already
}

// 5. No units: one warning, and JF103 does not count "0 units".
TEST(DayOne, NoUnitsWarnsOnce) {
  auto r = run_jianfu("--lang en check --format json " + kData + "v5-nounits.assess");
  auto doc = nlohmann::json::parse(r.out);
  int jf011 = 0;
  for (auto& d : doc["diagnostics"]) {
    if (d["rule"] == "JF011") ++jf011;
    EXPECT_FALSE(has(d["message"].get<std::string>(), "among 0 units")) << d["message"];
  }
  EXPECT_EQ(jf011, 1) << r.out;
  auto units = run_jianfu("--lang en check --select JF011 --format json " + kData + "v5.assess");
  EXPECT_FALSE(rules_in(units.out).count("JF011")) << units.out;
}

// 6. A closed stderr or stdout ends with exit 2, never SIGABRT.
TEST(DayOne, ClosedStreamsEndQuietly) {
  TempDir dir;
  std::string pack = dir.write("bad.rules", "rule CTY01 x {\n  category ranking\n  severity warning\n"
                                            "  summary en \"x\"\n  where i.text matches \"第(.名\"\n}\n");
  auto status = [](const std::string& cmd) {
    int s = std::system(cmd.c_str());
    return WIFEXITED(s) ? WEXITSTATUS(s) : 128 + WTERMSIG(s);
  };
  const std::string bin = JIANFU_BINARY;
  EXPECT_EQ(status(bin + " check --no-builtin --rules " + pack + " " + kExamples + "reformed-2025.assess 2>&-"), 2);
  EXPECT_EQ(status(bin + " rules >&- 2>&-"), 2);
  EXPECT_EQ(status(bin + " rules >/dev/full 2>/dev/null"), 2);
  // A pipe whose reader has gone (`| head`) ends quietly: nothing on stderr
  // (SARIF of qingshan is ~150 KB, more than a pipe holds, so the write fails).
  TempDir out;
  const std::string err = (out.path / "err.txt").string();
  status(bin + " check --format sarif " + kExamples + "qingshan-2025.assess 2>" + err +
         " | head -c 1 >/dev/null");
  EXPECT_EQ(slurp(err), "");
}

// 9. score says which veto item (and which result) vetoed a unit.
TEST(DayOne, ScoreSaysWhyAUnitWasVetoed) {
  auto r = run_jianfu("--lang en score " + kExamples + "qingshan-2025.assess --data " + kExamples +
                      "qingshan-2025-results.csv");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "vetoed units (total set to 0):")) << r.out;
  EXPECT_TRUE(has(r.out, "龙潭乡: veto item 安全生产 not met (result fail, row 102 of the results)")) << r.out;
  auto zh = run_jianfu("--lang zh score " + kExamples + "qingshan-2025.assess --data " + kExamples +
                       "qingshan-2025-results.csv");
  EXPECT_TRUE(has(zh.out, "龙潭乡：一票否决项“安全生产”未达标")) << zh.out;
}

// 11. A missing file: the error alone; `check -` reads standard input.
TEST(DayOne, MissingInputAndStdin) {
  auto r = run_jianfu("--lang en check /nonexistent/x.assess");
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(has(r.out, "Checked 0 files")) << r.out;
  EXPECT_TRUE(has(r.err, "no such file or directory")) << r.err;
  auto in = run_jianfu("--lang en check - < " + kExamples + "errors-2025.assess");
  EXPECT_EQ(in.code, 1) << in.err;
  EXPECT_TRUE(has(in.out, "<stdin>:")) << in.out;
  auto named = run_jianfu("--lang en check - --stdin-filename drafts/h.yaml < " + kExamples + "huaxi-2025.yaml");
  EXPECT_TRUE(has(named.out, "drafts/h.yaml")) << named.out;
  EXPECT_FALSE(has(named.out, "JF001")) << named.out;  // read as YAML, from the name
}

// 11. A 400-digit number in a table's preamble: a positioned diagnostic.
TEST(DayOne, HugeNumberInATablePreambleIsADiagnostic) {
  TempDir dir;
  std::string table = "县2025年度考核细则（总分" + std::string(400, '9') + "）\n"
                      "序号,二级指标,分值,评分标准,责任单位\n1,产业发展,100,完成,两办\n";
  std::string path = dir.write("big.csv", table);
  auto r = run_jianfu("--lang en check " + path);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_FALSE(has(r.err, "internal error")) << r.err;
  EXPECT_TRUE(has(r.out, "big.csv:1:")) << r.out;
  EXPECT_TRUE(has(r.out, "400 digits")) << r.out;
}

// 12. Chinese output is Chinese throughout; English counts agree; explain
// lists parameters once; SARIF rules come sorted by id.
TEST(DayOne, LanguageAndGrammar) {
  auto zh = run_jianfu("--lang zh check " + kData + "v4.assess");
  EXPECT_TRUE(has(zh.out, "每周报送")) << zh.out;
  auto zh_json = nlohmann::json::parse(run_jianfu("--lang zh check --format json " + kData + "v4.assess").out);
  for (auto& d : zh_json["diagnostics"]) EXPECT_FALSE(has(d["message"].get<std::string>(), "weekly")) << d["message"];
  EXPECT_FALSE(has(zh.out, "（ledger、photo）")) << zh.out;
  EXPECT_TRUE(has(zh.out, "（台账、照片）")) << zh.out;
  EXPECT_TRUE(has(zh.out, "警告[JF304]：")) << zh.out;
  EXPECT_FALSE(has(zh.out, "warning[")) << zh.out;
  auto zh_stats = run_jianfu("--lang zh check --statistics " + kData + "v4.assess");
  EXPECT_FALSE(has(zh_stats.out, "photo-trail")) << zh_stats.out;
  EXPECT_TRUE(has(run_jianfu("--lang zh explain JF101").out, "JF101（排名，警告）"));
  TempDir dir;
  std::string one = dir.write("one.assess",
                              "scheme \"s\" {\n  total 10\n  units 甲, 乙, 丙\n}\ndepartment 两办 kind office\n"
                              "indicator a {\n  owner 两办\n  points 10\n  score rank target 5\n  evidence photo\n"
                              "  report yearly forms 1\n}\n");
  auto en = run_jianfu("--lang en check --format json --no-config " + one);
  EXPECT_FALSE(has(en.out, "1 evidence items")) << en.out;
  EXPECT_TRUE(has(en.out, "1 evidence item a year")) << en.out;
  EXPECT_FALSE(has(en.out, "1 of 1 indicators")) << en.out;
  EXPECT_TRUE(has(en.out, "1 of 1 indicator ")) << en.out;
  auto explain = run_jianfu("--lang en explain JF101");
  EXPECT_TRUE(has(explain.out, "max_share (default 0.3)")) << explain.out;
  EXPECT_FALSE(has(explain.out, "max_share = 0.3")) << explain.out;  // not a second list
  TempDir packs;
  packs.write("a.rules", "rule ZZZ01 z {\n  category proof\n  severity warning\n  summary en \"z\"\n  when false\n"
                         "  message en \"z\"\n}\n");
  packs.write("b.rules", "rule AAA01 a {\n  category proof\n  severity warning\n  summary en \"a\"\n  when false\n"
                         "  message en \"a\"\n}\n");
  auto sarif = run_jianfu("check --format sarif --rules " + packs.path.string() + " " + kExamples + "reformed-2025.assess");
  auto doc = nlohmann::json::parse(sarif.out);
  std::vector<std::string> ids;
  for (auto& r : doc["runs"][0]["tool"]["driver"]["rules"]) ids.push_back(r["id"]);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_FALSE(has(slurp(JIANFU_SOURCE_DIR "/examples/README.md"), "planned"));
}

// 7. References get "did you mean" (homophones, single-character slips);
// an undeclared `proves` target is JF002 only, not JF301 too.
TEST(DayOne, ReferencesGetDidYouMean) {
  auto r = run_jianfu("--lang en check " + kData + "edge2.assess");
  EXPECT_TRUE(has(r.out, "did you mean `人居环境`?")) << r.out;
  EXPECT_TRUE(has(r.out, "did you mean `督查室`?")) << r.out;
  EXPECT_FALSE(has(r.out, "JF301")) << r.out;
  TempDir dir;
  std::string owner = dir.write("o.assess",
                                "scheme \"s\" {\n  total 10\n  units 甲, 乙, 丙\n}\ndepartment 农业农村局 kind line\n"
                                "indicator a {\n  owner 农业农村句\n  points 10\n  score threshold target \"完成\"\n}\n");
  auto o = run_jianfu("--lang zh check " + owner);
  EXPECT_TRUE(has(o.out, "是否应为“农业农村局”？")) << o.out;
}

// 8. Full-width input is named with what to write; `# jianfu：allow` counts;
// YAML `owner：统计局` is reported at its own line, in Chinese under zh.
TEST(DayOne, FullWidthInputIsNamed) {
  auto r = run_jianfu("--lang en check " + kData + "fengqiao-2026-v1.assess");
  EXPECT_TRUE(has(r.out, "found the full-width `“`: write `\"`")) << r.out;
  EXPECT_TRUE(has(r.out, "found the full-width `５０`: write `50`")) << r.out;
  EXPECT_TRUE(has(r.out, "found the full-width `→`: write `->`")) << r.out;
  EXPECT_TRUE(has(r.out, "found `evidance` (did you mean `evidence`?)")) << r.out;
  auto v2 = run_jianfu("--lang en check " + kData + "v2.assess");
  EXPECT_TRUE(has(v2.out, "found the full-width `：`: write a space instead")) << v2.out;
  EXPECT_TRUE(has(v2.out, "`95%` is neither a number nor a text: write `95` (a number) or `\"95%\"` (a text)")) << v2.out;
  // Every JF001 has a help line.
  auto doc = nlohmann::json::parse(run_jianfu("--lang en check --format json " + kData + "fengqiao-2026-v1.assess").out);
  for (auto& d : doc["diagnostics"]) {
    if (d["rule"] == "JF001") {
      EXPECT_FALSE(d["help"].get<std::string>().empty()) << d["message"];
    }
  }
  auto yaml = run_jianfu("--lang zh check " + kData + "v5-yaml-fullwidth-colon.yaml");
  EXPECT_TRUE(has(yaml.out, "v5-yaml-fullwidth-colon.yaml:74:10: 错误[JF001]：`owner` 后是全角冒号")) << yaml.out;
  EXPECT_FALSE(has(yaml.out, "illegal map value")) << yaml.out;
  TempDir dir;
  std::string fw = dir.write("fw.assess",
                             "scheme \"s\" {\n  total 10\n  units 甲, 乙, 丙\n}\ndepartment 两办 kind office\n"
                             "# jianfu：allow JF304 -- 省里要求\n"
                             "indicator a {\n  owner 两办\n  points 10\n  score threshold target \"完成\"\n"
                             "  evidence photo\n}\n");
  auto allow = run_jianfu("--lang en check " + fw);
  EXPECT_FALSE(has(allow.out, "JF304")) << allow.out;
  EXPECT_FALSE(has(allow.out, "JF009")) << allow.out;
}

// 10. Config: every error in one run, did-you-mean for parameters, shares
// range-checked and `30%` read as 0.3.
TEST(DayOne, ConfigErrorsAllAtOnce) {
  TempDir dir;
  dir.write(".jianfu.yaml", slurp(kData + "badcfg/first.jianfu.yaml"));
  std::string scheme = dir.write("s.assess", slurp(kExamples + "reformed-2025.assess"));
  auto r = run_jianfu("--lang en check " + scheme);
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, "ignroe")) << r.err;
  EXPECT_TRUE(has(r.err, "critical")) << r.err;
  EXPECT_TRUE(has(r.err, "JF999")) << r.err;
  EXPECT_TRUE(has(r.err, "did you mean max_share?")) << r.err;
  dir.write(".jianfu.yaml", "params:\n  JF101: {max_share: 30}\n");
  auto pct = run_jianfu("--lang en check " + scheme);
  EXPECT_EQ(pct.code, 2) << pct.out;
  EXPECT_TRUE(has(pct.err, "share between 0 and 1")) << pct.err;
  dir.write(".jianfu.yaml", "params:\n  JF101: {max_share: 10%}\n");
  auto ten = run_jianfu("--lang en check --select JF101 " + kExamples + "qingshan-2025.assess --config " +
                        (dir.path / ".jianfu.yaml").string());
  EXPECT_TRUE(has(ten.out, "the limit is 10%")) << ten.out << ten.err;
}

// 10. `exclude` reaches named files with --force-exclude (pre-commit).
TEST(DayOne, ForceExcludeSkipsNamedFiles) {
  TempDir dir;
  dir.write(".jianfu.yaml", "exclude: [\"*.draft.assess\"]\n");
  std::string f = dir.write("x.draft.assess", slurp(kExamples + "errors-2025.assess"));
  EXPECT_EQ(run_jianfu("check " + f).code, 1);
  auto r = run_jianfu("--lang en check --force-exclude " + f);
  EXPECT_EQ(r.code, 0) << r.out;
}

// 13. --fix repairs every fixable finding, changes nothing else, and a
// second run finds nothing to fix; --diff previews without writing.
TEST(DayOne, FixAndDiff) {
  TempDir dir;
  std::string v1 = dir.write("v1.assess", slurp(kData + "fengqiao-2026-v1.assess"));
  std::string before = slurp(v1);
  auto diff = run_jianfu("--lang en check --diff " + v1);
  EXPECT_EQ(diff.code, 1);
  EXPECT_TRUE(has(diff.out, "-    points ５０\n+    points 50\n")) << diff.out;
  EXPECT_TRUE(has(diff.out, "+    evidence ledger, photo\n")) << diff.out;
  EXPECT_TRUE(has(diff.out, "+  units 枫桥镇, 柳溪乡,")) << diff.out;
  EXPECT_TRUE(has(diff.out, "kind line\n")) << diff.out;  // lien -> line
  EXPECT_EQ(slurp(v1), before);                          // --diff writes nothing
  auto fix = run_jianfu("--lang en check --fix " + v1);
  std::string after = slurp(v1);
  EXPECT_NE(after, before);
  EXPECT_TRUE(has(after, "scheme \"枫桥县2026年度乡镇综合考核\" {")) << after;
  EXPECT_TRUE(has(after, "department 两办 \"县委办、县政府办\" kind office")) << after;  // quoted text kept
  EXPECT_TRUE(has(after, "score ranking")) << after;  // no clear suggestion: left alone
  auto again = run_jianfu("--lang en check --diff " + v1);
  EXPECT_EQ(again.out, "") << again.out;  // idempotent
  // References, YAML colons and stale suppressions.
  std::string e2 = dir.write("e2.assess", slurp(kData + "edge2.assess"));
  run_jianfu("check --fix " + e2);
  EXPECT_TRUE(has(slurp(e2), "proves 人居环境\n")) << slurp(e2);
  EXPECT_TRUE(has(slurp(e2), "by 督查室 spot times 2")) << slurp(e2);
  std::string m = dir.write("m.yaml", slurp(kData + "v5-mistakes.yaml"));
  run_jianfu("check --fix " + m);
  EXPECT_TRUE(has(slurp(m), "name: 县自然资源局, kind: line}")) << slurp(m);
  EXPECT_TRUE(has(slurp(m), "    points: 40\n")) << slurp(m);
  EXPECT_TRUE(has(slurp(m), "score: rank")) << slurp(m);  // a different structure: not guessed
  std::string y = dir.write("y.yaml", slurp(kData + "v5-yaml-fullwidth-colon.yaml"));
  run_jianfu("check --fix " + y);
  EXPECT_TRUE(has(slurp(y), "    owner: 统计局\n")) << slurp(y);
  std::string supp = dir.write("s.assess", slurp(kData + "fengqiao-before.assess"));
  run_jianfu("check --fix " + supp);
  std::string fixed = slurp(supp);
  EXPECT_FALSE(has(fixed, "JF502 -- nothing to suppress here")) << fixed;
  EXPECT_TRUE(has(fixed, "# jianfu: allow JF103 -- 省里要求财政收入排名至2027年")) << fixed;
  EXPECT_TRUE(has(fixed, "# jianfu: allow JF999 -- typo rule")) << fixed;  // unknown id: no clear fix
  EXPECT_EQ(run_jianfu("--lang en check --diff " + supp).out, "");
  // A rule id in lower case: written in capitals, and then it suppresses.
  std::string lower = dir.write("l.assess",
                                "scheme \"s\" {\n  total 10\n  units 甲, 乙, 丙\n}\ndepartment 两办 kind office\n"
                                "# jianfu: allow jf304 -- 省里要求\n"
                                "indicator a {\n  owner 两办\n  points 10\n  score threshold target \"完成\"\n"
                                "  evidence photo\n}\n");
  auto before_fix = run_jianfu("--lang en check --select JF304,JF009 " + lower);
  EXPECT_TRUE(has(before_fix.out, "rule ids are written in capitals: `JF304`")) << before_fix.out;
  auto fixed_run = run_jianfu("--lang en check --fix --select JF304,JF009 " + lower);
  EXPECT_TRUE(has(slurp(lower), "# jianfu: allow JF304 -- 省里要求\n")) << slurp(lower);
  EXPECT_EQ(fixed_run.code, 0) << fixed_run.out;
}

// 3. convert keeps comments and suppressions, both ways: the converted file
// reports exactly what the original does.
TEST(DayOne, ConvertKeepsCommentsAndSuppressions) {
  TempDir dir;
  const std::string original = kData + "fengqiao-before.assess";
  std::string yaml = (dir.path / "f.yaml").string(), back = (dir.path / "f.assess").string();
  ASSERT_EQ(run_jianfu("convert " + original + " --to yaml -o " + yaml).code, 0);
  ASSERT_EQ(run_jianfu("convert " + yaml + " --to assess -o " + back).code, 0);
  auto stats = [](const std::string& path) { return run_jianfu("--lang en check --statistics " + path).out; };
  const std::string want = stats(original);
  ASSERT_TRUE(has(want, "JF009")) << want;
  EXPECT_FALSE(has(want, "JF304")) << want;  // allow-file
  auto strip = [](std::string s) { return s.substr(0, s.rfind("Checked")); };
  EXPECT_EQ(strip(stats(yaml)), strip(want));
  EXPECT_EQ(strip(stats(back)), strip(want));
  std::string y = slurp(yaml);
  EXPECT_TRUE(has(y, "# 枫桥县2026年度乡镇（街道）综合考核方案（征求意见稿）\n")) << y;
  EXPECT_TRUE(has(y, "  # jianfu: allow JF102, JF103 -- 省里要求财政收入排名至2027年\n  - id: 财政收入\n")) << y;
  EXPECT_TRUE(has(y, "interview]}  # jianfu: allow JF102 -- 同上\n")) << y;
  std::string a = slurp(back);
  EXPECT_TRUE(has(a, "    penalty bottom 2 -> interview  # jianfu: allow JF102 -- 同上\n")) << a;
}

}  // namespace
}  // namespace jf
