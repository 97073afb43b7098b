// `jianfu score`, `burden` and `diff` run as a user would.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_util.hpp"

namespace jf {
namespace {

using testing::run_jianfu;
using testing::TempDir;

const std::string kEx = JIANFU_SOURCE_DIR "/examples/";

TEST(CliScore, CompliantShowsGuaranteedPenalties) {
  auto r = run_jianfu("--lang en score " + kEx + "qingshan-2025.assess --compliant");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("10 penalties fall on 3 of 12 units even though all meet every standard:\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  overall: bottom 3 → interview, statement — 3 units: 清水镇, 枫林乡, 南岗镇\n"),
            std::string::npos);
}

TEST(CliScore, JsonFromData) {
  auto r = run_jianfu("--lang en score " + kEx + "qingshan-2025.assess --data " + kEx +
                      "qingshan-2025-results.csv --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["units"].size(), 12u);
  EXPECT_EQ(doc["compliant"], false);
  EXPECT_EQ(doc["units"][0]["place"], 1);
  EXPECT_EQ(doc["penalties"].size(), 10u);
}

TEST(CliScore, CsvOutputHasOneRowPerUnit) {
  auto r = run_jianfu("score " + kEx + "qingshan-2025.assess --compliant --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("place,unit,total,subtotal,penalty_deducted,vetoed,财政收入,", 0), 0u);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 13);
}

TEST(CliScore, BadDataIsExit2WithRows) {
  TempDir d;
  std::string data = d.write("r.csv",
                             "unit,indicator,value\n"
                             "城关镇,财政收入,abc\n"
                             "城关镇,财政收入,1\n");
  auto r = run_jianfu("--lang en score " + kEx + "qingshan-2025.assess --data " + data);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, data + ":row 2: value `abc` is neither a number nor pass/fail\n"
                   "jianfu: error: " + data + ": 1 problem in the results\n");
}

TEST(CliScore, NeedsDataOrCompliant) {
  auto r = run_jianfu("score " + kEx + "qingshan-2025.assess");
  EXPECT_EQ(r.code, 2);
}

TEST(CliBurden, JsonTotalsMatchHandCount) {
  auto r = run_jianfu("burden " + kEx + "qingshan-2025.assess --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["total"]["forms_per_year"], 793);
  EXPECT_EQ(doc["total"]["evidence_per_year"], 1386);
  EXPECT_EQ(doc["total"]["inspections_per_year"], 9);
  EXPECT_EQ(doc["departments"][0]["id"], "两办");
}

TEST(CliBurden, SvgNamesEveryDepartment) {
  auto r = run_jianfu("--lang zh burden " + kEx + "huaxi-2025.yaml --format svg");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0), 0u);
  EXPECT_NE(r.out.find("</svg>\n"), std::string::npos);
}

TEST(CliDiff, ReformedToQingshanRaisesLoadAndFails) {
  auto r = run_jianfu("--lang en diff " + kEx + "reformed-2025.assess " + kEx + "qingshan-2025.assess --format json");
  EXPECT_EQ(r.code, 1) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["burden"]["forms a year"]["delta"], 786);
  EXPECT_EQ(doc["burden"]["inspections a year"]["delta"], 8);
  EXPECT_EQ(doc["indicators"]["added"].size(), 21u);
  EXPECT_EQ(doc["indicators"]["removed"].size(), 7u);
  bool jf406 = false;
  for (auto& f : doc["introduced"])
    if (f["rule"] == "JF406") {
      jf406 = true;
      EXPECT_EQ(f["message"], "the new draft raises each unit's load: inspections a year 1 → 9, indicators 8 → 22, forms a year 7 → 793");
    }
  EXPECT_TRUE(jf406);
  EXPECT_TRUE(doc["resolved"].empty());
}

TEST(CliDiff, SameSchemeIntroducesNothing) {
  auto r = run_jianfu("diff " + kEx + "qingshan-2025.assess " + kEx + "qingshan-2025.assess");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("findings introduced (0):"), std::string::npos);
}

TEST(CliDiff, ReformingResolvesFindingsAndPasses) {
  auto r = run_jianfu("diff " + kEx + "qingshan-2025.assess " + kEx + "reformed-2025.assess --fail-on warning");
  EXPECT_EQ(r.code, 0) << r.out;
}

TEST(CliDiff, MovedLinesKeepFingerprints) {
  TempDir d;
  std::string text = "scheme \"s\" {\n  total 10\n  units a, b, c\n}\n"
                     "department 环保局 kind line\n"
                     "indicator x {\n  owner 环保局\n  points 10\n  score rank\n  penalty bottom 1 -> interview\n}\n";
  std::string old_path = d.write("old.assess", text);
  std::string new_path = d.write("new.assess", "# moved down\n\n\n" + text);
  auto r = run_jianfu("diff " + old_path + " " + new_path + " --format json");
  EXPECT_EQ(r.code, 0) << r.out;
  auto doc = nlohmann::json::parse(r.out);
  EXPECT_TRUE(doc["introduced"].empty());
  EXPECT_TRUE(doc["resolved"].empty());
}

}  // namespace
}  // namespace jf
