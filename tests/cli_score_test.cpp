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

}  // namespace
}  // namespace jf
