// The trace share (留痕分占比, docs/burden.md) in `burden` (text, JSON, SVG)
// and `diff`, on the corpus table whose figures are checked by hand:
// 民情日志 3 + 河长制台帐 1 + 信息报送 1 + 工作方案 1 + 宣传工作 5 + 争先创优 20
// (a bonus item offering its largest tier) = 31 trace points of 86 offered.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_util.hpp"

namespace {

using jf::testing::run_jianfu;
using jf::testing::TempDir;

const std::string kTable = std::string(JIANFU_SOURCE_DIR) + "/tests/corpus/issue-13-clauses.csv";

TEST(CliTraceShare, BurdenTextJsonSvg) {
  auto text = run_jianfu("--lang en burden " + kTable);
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("trace share: 36% (31 of 86 points"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("  民情日志  3 / 3  100%  paperwork\n"), std::string::npos) << text.out;
  auto zh = run_jianfu("--lang zh burden " + kTable);
  EXPECT_NE(zh.out.find("留痕分占比：36%"), std::string::npos) << zh.out;
  // Chinese throughout: the class is named as the lexicon file names it.
  EXPECT_NE(zh.out.find("  民情日志  3 / 3  100%  材料（台账、方案、总结、日志、记录、报送）\n"), std::string::npos) << zh.out;
  auto json = run_jianfu("burden --format json " + kTable);
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  EXPECT_DOUBLE_EQ(doc["trace"]["trace_points"].get<double>(), 31);
  EXPECT_DOUBLE_EQ(doc["trace"]["offered_points"].get<double>(), 86);
  EXPECT_EQ(doc["trace"]["indicators"].size(), 6u);
  EXPECT_EQ(doc["trace"]["indicators"][4]["classes"], nlohmann::json::array({"publicity"}));
  auto svg = run_jianfu("--lang en burden --format svg " + kTable);
  EXPECT_NE(svg.out.find("Trace share: 36% (31 of 86 points"), std::string::npos);
}

TEST(CliTraceShare, DiffShowsTheChange) {
  TempDir t;
  std::string old_scheme = t.write("old.assess", R"(scheme "x" {
  total 100
  units 甲镇, 乙镇, 丙镇
}
department 两办 kind office
indicator 产业发展 {
  owner 两办
  points 100
  score threshold target "完成年度目标"
}
)");
  std::string new_scheme = t.write("new.assess", R"(scheme "x" {
  total 100
  units 甲镇, 乙镇, 丙镇
}
department 两办 kind office
indicator 产业发展 {
  owner 两办
  points 100
  score threshold target "完成年度目标"
  standard "完成年度目标，得75分；按要求建立工作台帐，得25分"
}
)");
  auto r = run_jianfu("--lang en diff " + old_scheme + " " + new_scheme);
  EXPECT_NE(r.out.find("trace share (%)                 0 → 25"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("产业发展: standard"), std::string::npos) << r.out;
}

}  // namespace
