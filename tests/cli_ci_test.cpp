// jianfu in CI: config discovery, suppressions, baselines, parallel runs and
// the exit-code contract, on a small scheme repository made per test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "tests/cli_test_util.hpp"

namespace jf {
namespace {

using testing::run_jianfu;
using testing::TempDir;
namespace fs = std::filesystem;

const std::string kScheme =
    "scheme \"s\" {\n  year 2025\n  total 100\n  units 甲, 乙, 丙, 丁\n}\n"   // 1-5
    "department 两办 kind office\n"                                           // 6
    "department 环保局 kind line\n"                                           // 7
    "indicator a {\n  owner 两办\n  points 85\n  score threshold target \"完成\"\n"  // 8-11
    "  evidence photo\n}\n"                                                   // 12-13
    "indicator b {\n  owner 环保局\n  points 15\n  score threshold target \"达标\"\n}\n";  // 14-18

std::vector<std::string> rules_of(const std::string& json) {
  std::vector<std::string> out;
  auto doc = nlohmann::json::parse(json);  // keep the document alive while iterating
  for (auto& d : doc["diagnostics"]) out.push_back(d["rule"]);
  return out;
}

TEST(CliCi, ConfigIsDiscoveredWalkingUp) {
  TempDir repo;
  fs::create_directories(repo.path / "drafts" / "2025");
  std::string scheme = repo.write("drafts/2025/s.assess", kScheme);
  EXPECT_EQ(rules_of(run_jianfu("check --format json " + scheme).out), std::vector<std::string>{"JF304"});
  repo.write(".jianfu.yaml", "ignore: [JF304]\n");
  EXPECT_TRUE(rules_of(run_jianfu("check --format json " + scheme).out).empty());
  EXPECT_EQ(rules_of(run_jianfu("check --no-config --format json " + scheme).out), std::vector<std::string>{"JF304"});
}

TEST(CliCi, ConfigSeverityParamsAndFailOn) {
  TempDir repo;
  std::string scheme = repo.write("s.assess", kScheme);
  repo.write(".jianfu.yaml", "severity: {JF304: error}\nfail-on: warning\nparams:\n  JF401: {max: 1}\n");
  auto r = run_jianfu("check --format json " + scheme);
  EXPECT_EQ(r.code, 1);
  auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> got;
  for (auto& d : doc["diagnostics"]) got.push_back(std::string(d["rule"]) + ":" + std::string(d["severity"]));
  EXPECT_EQ(got, (std::vector<std::string>{"JF401:warning", "JF304:error"}));
}

TEST(CliCi, BrokenConfigIsExit2WithPosition) {
  TempDir repo;
  std::string scheme = repo.write("s.assess", kScheme);
  repo.write(".jianfu.yaml", "select: [JF1]\nignroe: [JF304]\n");
  auto r = run_jianfu("check " + scheme);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(".jianfu.yaml:2:1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean `ignore`?"), std::string::npos) << r.err;

  repo.write(".jianfu.yaml", "params:\n  JF401: {maximum: 3}\nseverity: {JF999: error}\n");
  r = run_jianfu("check " + scheme);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(".jianfu.yaml:2:11"), std::string::npos) << r.err;  // the unknown parameter
  EXPECT_NE(r.err.find("unknown rule `JF999`"), std::string::npos) << r.err;
}

TEST(CliCi, SuppressionsNeedReasons) {
  TempDir repo;
  std::string text = kScheme;
  // The finding points at the indicator: the allow goes on the line before it.
  text.replace(text.find("indicator a {"), 0, "# jianfu: allow JF304 -- photos kept for the archive\n");
  std::string ok = repo.write("ok.assess", text);
  EXPECT_TRUE(rules_of(run_jianfu("check --format json " + ok).out).empty());
  std::string no_reason = text;
  no_reason.replace(no_reason.find(" -- photos kept for the archive"), 31, "");
  EXPECT_EQ(rules_of(run_jianfu("check --format json " + repo.write("bad.assess", no_reason)).out),
            std::vector<std::string>{"JF009"});
}

TEST(CliCi, BaselineSurvivesEditsAboveAKnownFinding) {
  TempDir repo;
  std::string scheme = repo.write("s.assess", kScheme);
  std::string base = (repo.path / "baseline.json").string();
  EXPECT_EQ(run_jianfu("check --write-baseline " + base + " " + scheme).code, 0);
  EXPECT_EQ(run_jianfu("check --baseline " + base + " --fail-on info " + scheme).code, 0);
  // Lines added above the finding, and a new finding further down.
  std::string edited = "# a new comment\n# and another\n" + kScheme;
  edited.replace(edited.find("  score threshold target \"达标\""), 0, "  evidence photo\n");
  repo.write("s.assess", edited);
  auto r = run_jianfu("check --format json --baseline " + base + " " + scheme);
  auto doc = nlohmann::json::parse(r.out);
  // Only the new findings: photos on b (JF304) and now every item with
  // evidence (JF305); the known JF304 on a, two lines lower now, stays known.
  ASSERT_EQ(doc["diagnostics"].size(), 2u) << r.out;
  EXPECT_EQ(doc["diagnostics"][0]["rule"], "JF305");
  EXPECT_EQ(doc["diagnostics"][1]["rule"], "JF304");
  EXPECT_EQ(doc["diagnostics"][1]["line"], 16);
}

TEST(CliCi, BadBaselineAndOutputPathsAreExit2) {
  TempDir repo;
  std::string scheme = repo.write("s.assess", kScheme);
  EXPECT_EQ(run_jianfu("check --baseline " + repo.write("b.json", "{not json") + " " + scheme).code, 2);
  EXPECT_EQ(run_jianfu("check --baseline " + (repo.path / "none.json").string() + " " + scheme).code, 2);
  std::string out = (repo.path / "missing" / "report.sarif").string();
  auto r = run_jianfu("check --format sarif -o " + out + " " + scheme);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(repo.path / "missing"));
}

TEST(CliCi, ParallelOutputEqualsSerial) {
  auto serial = run_jianfu("check --format json -j 1 " JIANFU_SOURCE_DIR "/examples");
  auto parallel = run_jianfu("check --format json -j 2 " JIANFU_SOURCE_DIR "/examples");
  EXPECT_EQ(serial.out, parallel.out);
  EXPECT_EQ(serial.code, parallel.code);
}

TEST(CliCi, ConfigCommandShowsEffectiveSettings) {
  TempDir repo;
  fs::create_directories(repo.path / "drafts");
  repo.write(".jianfu.yaml", "ignore: [ranking]\nseverity: {JF304: error}\nparams:\n  JF401: {max: 40}\nfail-on: warning\n");
  auto r = run_jianfu("config --format json " + (repo.path / "drafts").string());
  ASSERT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["config"], (repo.path / ".jianfu.yaml").string());
  EXPECT_EQ(doc["fail_on"], "warning");
  std::map<std::string, nlohmann::json> by_id;
  for (auto& rule : doc["rules"]) by_id[rule["id"]] = rule;
  EXPECT_EQ(by_id["JF102"]["enabled"], false);
  EXPECT_EQ(by_id["JF304"]["severity"], "error");
  EXPECT_EQ(by_id["JF401"]["parameters"]["max"], "40");
  EXPECT_EQ(by_id["JF402"]["parameters"]["min_share"], "0.02");
}

TEST(CliCi, FailOnLevels) {
  TempDir repo;
  std::string scheme = repo.write("s.assess", kScheme);  // one warning (JF304)
  EXPECT_EQ(run_jianfu("check " + scheme).code, 0);
  EXPECT_EQ(run_jianfu("check --fail-on warning " + scheme).code, 1);
  EXPECT_EQ(run_jianfu("check --fail-on info " + scheme).code, 1);
  EXPECT_EQ(run_jianfu("check --fail-on never " JIANFU_SOURCE_DIR "/examples/errors-2025.assess").code, 0);
  EXPECT_EQ(run_jianfu("check --fail-on sometimes " + scheme).code, 2);
}

}  // namespace
}  // namespace jf
