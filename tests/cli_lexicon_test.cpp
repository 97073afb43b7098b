// Lexicon entries added in `.jianfu.yaml` (docs/lexicon.md): read without a
// rebuild by the keyword rules; a bad entry is a config error.
#include <gtest/gtest.h>

#include "cli_test_util.hpp"

namespace {

using jf::testing::run_jianfu;
using jf::testing::TempDir;

const char* kScheme = R"(scheme "测试县2025年度考核" {
  total 100
  units 甲镇, 乙镇, 丙镇
}
department 两办 kind office
indicator 亮点工作 {
  owner 两办
  points 100
  score threshold target "在全县晒工作成绩"
}
)";

TEST(CliLexicon, ConfigEntryMakesAKeywordRuleFire) {
  TempDir t;
  std::string scheme = t.write("s.assess", kScheme);
  auto before = run_jianfu("check --select JF307 " + scheme);
  EXPECT_EQ(before.out.find("JF307"), std::string::npos) << before.out;
  t.write(".jianfu.yaml", "lexicon:\n  - {class: publicity, word: 晒…成绩, en: showing off results, zh: 晒成绩}\n");
  auto after = run_jianfu("--lang en check --select JF307 " + scheme);
  EXPECT_NE(after.out.find("warning[JF307]"), std::string::npos) << after.out << after.err;
  EXPECT_NE(after.out.find("晒工作成绩"), std::string::npos) << after.out;
  auto ignored = run_jianfu("check --no-config --select JF307 " + scheme);
  EXPECT_EQ(ignored.out.find("JF307"), std::string::npos) << ignored.out;
}

TEST(CliLexicon, EntryWithoutClassIsAConfigError) {
  TempDir t;
  std::string scheme = t.write("s.assess", kScheme);
  t.write(".jianfu.yaml", "lexicon:\n  - {word: 晒成绩}\n");
  auto r = run_jianfu("--lang en check " + scheme);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(".jianfu.yaml:2:5"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("class"), std::string::npos) << r.err;
}

}  // namespace
