// `jianfu import` and `jianfu check TABLE.csv` as a user runs them.
#include <gtest/gtest.h>

#include <fstream>
#include <iconv.h>
#include <set>
#include <sstream>

#include "cli_test_util.hpp"

namespace {

using jf::testing::run_jianfu;
using jf::testing::TempDir;

const std::string kSrc = JIANFU_SOURCE_DIR;
const std::string kTable = kSrc + "/examples/qingshan-2025-table.csv";
const std::string kUnits = "--units 城关镇,河口乡,石桥镇,白沙镇,龙潭乡,柳营乡,花园镇,新店镇,黄土岭乡,清水镇,枫林乡,南岗镇";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The rule ids of a check in JSON output.
std::set<std::string> ids(const std::string& json) {
  std::set<std::string> out;
  for (size_t at = 0; (at = json.find("\"JF", at)) != std::string::npos; at += 3)
    out.insert(json.substr(at + 1, 5));
  return out;
}

std::set<std::string> expected_minus(std::set<std::string> drop) {
  std::set<std::string> out;
  std::istringstream in(slurp(kSrc + "/examples/qingshan-2025.expect"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && !drop.count(line)) out.insert(line);
  return out;
}

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  char* o = out.data();
  size_t il = utf8.size(), ol = out.size();
  iconv(cd, &in, &il, &o, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

// Acceptance: the qingshan table with its units and total gives the findings
// of qingshan-2025.expect except what a table cannot say: inspections
// (JF208, JF404, JF405) and the overall penalty (JF104).
TEST(CliImport, QingshanTableMatchesExpectMinusInspectionsAndOverallPenalty) {
  TempDir t;
  for (std::string ext : {".assess", ".yaml"}) {
    std::string out = (t.path / ("q" + ext)).string();
    auto r = run_jianfu("import " + kTable + " " + kUnits + " --total 1000 -o " + out);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");  // every cell of the sample is understood: no JF099
    auto c = run_jianfu("check --format json " + out);
    EXPECT_EQ(ids(c.out), expected_minus({"JF104", "JF208", "JF404", "JF405"})) << ext;
    std::string text = slurp(out);
    EXPECT_NE(text.find("# row 2 col F (评分标准): 「第一名得100分」 → score rank top 100\n"), std::string::npos);
    EXPECT_NE(text.find("# TODO inspections and overall penalties"), std::string::npos);
  }
}

// Checked directly, the table has no units or total: JF102 (needs the unit
// count) and JF203 (needs the total) are missing as well, and JF011 says the
// ranking checks had no units; findings point into the CSV.
std::set<std::string> checked_directly() {
  std::set<std::string> ids = expected_minus({"JF104", "JF208", "JF404", "JF405", "JF102", "JF203"});
  ids.insert("JF011");
  return ids;
}

TEST(CliImport, CheckTableDirectly) {
  auto c = run_jianfu("check --format json " + kTable);
  EXPECT_EQ(c.code, 1);
  EXPECT_EQ(ids(c.out), checked_directly());
  auto text = run_jianfu("--lang en check " + kTable);
  EXPECT_NE(text.out.find("qingshan-2025-table.csv:3:42: warning[JF204] paperwork-deduction: 招商引资: 1 point is deducted per late_report"),
            std::string::npos);
}

TEST(CliImport, Gb18030CopyGivesTheSameScheme) {
  TempDir t;
  std::string gb = t.write("gb-2025.csv", to_gb18030(slurp(kTable)));
  auto a = run_jianfu("import " + kTable + " --total 1000");
  auto b = run_jianfu("import " + gb + " --total 1000");
  ASSERT_EQ(b.code, 0) << b.err;
  auto body = [](const std::string& s) { return s.substr(s.find("\nscheme:")); };
  std::string expect = body(a.out);
  expect.replace(expect.find("qingshan-2025-table"), 19, "gb-2025");
  EXPECT_EQ(body(b.out), expect);
  auto forced = run_jianfu("import " + gb + " --encoding utf-8");
  EXPECT_EQ(forced.code, 2);
  EXPECT_NE(forced.err.find("invalid UTF-8 at byte"), std::string::npos) << forced.err;
  auto c = run_jianfu("check --format json " + gb);
  EXPECT_EQ(ids(c.out), checked_directly());
  // Findings quote the GB18030 file's cells in UTF-8, at the same line and column.
  auto text = run_jianfu("--lang en check " + gb);
  EXPECT_NE(text.out.find("gb-2025.csv:3:42: warning[JF204] paperwork-deduction: 招商引资"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("3 | 2,,招商引资,70,（重点工作）,按排名赋分"), std::string::npos) << text.out;
}

TEST(CliImport, BomTsvMergedAndColumns) {
  TempDir t;
  auto bom = run_jianfu("import " + t.write("bom.csv", "\xEF\xBB\xBF" + slurp(kTable)) + " --total 1000");
  EXPECT_EQ(bom.code, 0) << bom.err;
  EXPECT_NE(bom.out.find("  - id: 财政收入\n"), std::string::npos);
  auto tsv2 = run_jianfu("import " + kSrc + "/tests/import/plain.tsv");
  EXPECT_EQ(tsv2.code, 0) << tsv2.err;
  EXPECT_NE(tsv2.out.find("score: {mode: rank, top: 30, step: 1}"), std::string::npos) << tsv2.out;
  EXPECT_NE(tsv2.out.find("group: 生态\n    owner: 县林业局"), std::string::npos);  // 一级指标 carried down
  auto merged = run_jianfu("import " + kSrc + "/tests/import/merged.csv");
  EXPECT_EQ(merged.code, 0) << merged.err;
  EXPECT_NE(merged.out.find("  - {id: 经济发展, points: 150}\n"), std::string::npos);
  EXPECT_NE(merged.out.find("units: [东关镇, 西林乡, 南湖镇]"), std::string::npos);
  EXPECT_NE(merged.out.find("# row 6 col H (牵头单位): owner carried down from the merged cell above\n"), std::string::npos);
  EXPECT_NE(merged.err.find("info[JF099] import-unread: row 8 col F (评分细则): 「酌情扣分」 looks like scoring but no pattern understood it; it is kept in the wording, not in the scoring"),
            std::string::npos) << merged.err;
  auto cols = run_jianfu("import " + kSrc + "/tests/import/columns.csv --columns " + kSrc + "/tests/import/columns.yaml");
  EXPECT_EQ(cols.code, 0) << cols.err;
  EXPECT_NE(cols.out.find("points: 50"), std::string::npos) << cols.out;
  EXPECT_NE(cols.out.find("owner: 县委组织部"), std::string::npos);
  auto nocols = run_jianfu("import " + kSrc + "/tests/import/columns.csv");
  EXPECT_EQ(nocols.code, 2);
}

TEST(CliImport, BadInputExitsTwoWithRows) {
  TempDir t;
  struct Case {
    std::string text, message;
  } cases[] = {
      {"", "the table is empty: expected a header row and indicator rows"},
      {"a,b,c\n1,2,3\n", "no header row found in rows 1–2"},
      {"二级指标,分值\n财政收入,10\n招商引资,10,多余\n", "row 3 has 3 cells where the header (row 1) has 2"},
      {"二级指标,分值\n财政收入,十分左右\n", "row 2 col B (分值): points `十分左右` is not a number"},
      {"二级指标,分值\n\"财政收入,10\n", "malformed CSV"},
      {"二级指标,分值\n", "the table has a header (row 1) but no indicator rows"},
      // A two-row header whose first row is wider than its second: the
      // fields named only above (分值, 考核部门) lie past the second row's
      // cells (found by fuzz_document; read out of bounds before).
      {"序号,考核指标,,分值,考核部门\n,一级指标,二级指标\n1,党建,组织生活,10,组织部\n",
       "row 3 has 5 cells where the header (row 2) has 3"},
  };
  for (const Case& c : cases) {
    auto r = run_jianfu("--lang en import " + t.write("bad.csv", c.text));
    EXPECT_EQ(r.code, 2) << c.text;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  auto unknown = run_jianfu("--lang en import " + t.write("bad2.csv", "二级指标,分值\n\x80\x80,1\n"));
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("is neither UTF-8 nor GB18030: unknown encoding"), std::string::npos) << unknown.err;
}

}  // namespace
