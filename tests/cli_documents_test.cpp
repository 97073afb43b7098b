// Word (.docx), Excel (.xlsx) and UTF-16 tables as counties publish them, read
// by every command: documents written at test time by
// tests/documents/make_documents.py (no binary fixtures).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_test_util.hpp"

namespace {

using jf::testing::run_jianfu;
using jf::testing::slurp;
using jf::testing::TempDir;

const std::string kSrc = JIANFU_SOURCE_DIR;

class Documents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::string cmd = "python3 " + kSrc + "/tests/documents/make_documents.py " + dir_->path.string();
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string doc(const std::string& name) { return (dir_->path / name).string(); }
  static TempDir* dir_;
};
TempDir* Documents::dir_ = nullptr;

// Rule id → number of findings, from `check --format json`.
std::map<std::string, int> counts(const std::string& json) {
  std::map<std::string, int> out;
  auto j = nlohmann::json::parse(json);
  for (auto& d : j["diagnostics"]) ++out[d["rule"].get<std::string>()];
  return out;
}

TEST_F(Documents, QingshanAsWordExcelAndUtf16GivesTheCsvFindings) {
  auto csv = run_jianfu("check --format json " + kSrc + "/examples/qingshan-2025-table.csv");
  ASSERT_EQ(csv.code, 1) << csv.err;
  auto expected = counts(csv.out);
  ASSERT_GT(expected.size(), 10u);
  for (std::string f : {"qingshan-2025.docx", "qingshan-2025.xlsx", "qingshan-2025-utf16.tsv"}) {
    auto r = run_jianfu("check --format json " + doc(f));
    EXPECT_EQ(r.code, 1) << f << r.err;
    EXPECT_EQ(counts(r.out), expected) << f;
  }
}

TEST_F(Documents, FindingsNameTableRowAndHeaderAndQuoteTheCell) {
  auto w = run_jianfu("--lang en check " + doc("qingshan-2025.docx"));
  EXPECT_NE(w.out.find("qingshan-2025.docx: table 1, row 3, 评分标准: warning[JF204] paperwork-deduction: 招商引资"),
            std::string::npos) << w.out;
  EXPECT_NE(w.out.find("3 | 按排名赋分，第一名得70分，每后一名递减2分；每迟报一次扣1分"), std::string::npos) << w.out;
  auto x = run_jianfu("--lang en check " + doc("qingshan-2025.xlsx"));
  EXPECT_NE(x.out.find("qingshan-2025.xlsx: sheet 考核细则, row 3, 评分标准 (F3): warning[JF204]"), std::string::npos)
      << x.out;
  // Table 2 continues table 1 (no header of its own): its cells are named by table 1's header.
  EXPECT_NE(run_jianfu("--lang en check " + doc("layout.docx")).out.find("layout.docx: table 2, row 1, 评估内容与计分方法: "),
            std::string::npos);
  // A finding on the scheme as a whole points at the header row and shows it.
  auto l = run_jianfu("--lang en check " + doc("layout.docx"));
  EXPECT_NE(l.out.find("layout.docx: table 1, row 1: warning[JF101]"), std::string::npos) << l.out;
  EXPECT_NE(l.out.find("1 | 序号 | 评估指标 | 评估内容与计分方法 | 分值 | 考评单位\n"), std::string::npos) << l.out;
  // The total is checked where it is written: the paragraph above the table.
  EXPECT_NE(l.out.find("layout.docx: paragraph 3 before table 1: error[JF004] points-mismatch"), std::string::npos)
      << l.out;
  auto zh = run_jianfu("--lang zh check " + doc("qingshan-2025.docx"));
  EXPECT_NE(zh.out.find("qingshan-2025.docx: 表 1 第 3 行 评分标准: 警告[JF204]"), std::string::npos) << zh.out;
}

TEST_F(Documents, JsonAndSarifCarryThePlace) {
  auto j = nlohmann::json::parse(run_jianfu("--lang en check --format json " + doc("qingshan-2025.docx")).out);
  bool found = false;
  for (auto& d : j["diagnostics"])
    if (d["rule"] == "JF204" && d["location"] == "table 1, row 3, 评分标准") {
      found = true;
      EXPECT_EQ(d["line"], 3);
      EXPECT_EQ(d["column"], 6);
      EXPECT_NE(d["cell"].get<std::string>().find("每迟报一次扣1分"), std::string::npos);
    }
  EXPECT_TRUE(found) << j.dump(2);
  auto s = nlohmann::json::parse(run_jianfu("--lang en check --format sarif " + doc("qingshan-2025.xlsx")).out);
  auto& results = s["runs"][0]["results"];
  ASSERT_FALSE(results.empty());
  for (auto& r : results) {
    auto& loc = r["locations"][0];
    EXPECT_FALSE(loc["physicalLocation"].contains("region"));  // no lines in a workbook
    EXPECT_TRUE(loc.contains("logicalLocations")) << loc.dump();
  }
}

// Results without a region (a document has no lines) are valid SARIF 2.1.0.
TEST_F(Documents, SarifOfDocumentsValidates) {
  const char* env = std::getenv("JIANFU_SARIF_SCHEMA");
  auto schema = env ? std::filesystem::path(env)
                    : std::filesystem::path(kSrc).parent_path() / "shared/schemas/sarif-schema-2.1.0.json";
  if (!std::filesystem::exists(schema))
    GTEST_SKIP() << "SKIPPED: SARIF schema not found (set JIANFU_SARIF_SCHEMA or place shared/ beside the checkout)";
  TempDir t;
  std::string report = (t.path / "docs.sarif").string();
  auto r = run_jianfu("check --format sarif -o " + report + " " + doc("qingshan-2025.docx") + " " +
                      doc("layout.xlsx") + " " + doc("notable.docx"));
  ASSERT_EQ(r.code, 1) << r.err;
  std::string cmd = "/usr/bin/python3 " + kSrc + "/tests/validate_json_schema.py " + schema.string() + " " + report;
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

TEST_F(Documents, WordLayoutAsPublished) {
  TempDir t;
  std::string out = (t.path / "layout.yaml").string();
  auto r = run_jianfu("--lang en import " + doc("layout.docx") + " -o " + out);
  ASSERT_EQ(r.code, 0) << r.err;
  std::string y = slurp(out);
  EXPECT_NE(y.find("name: 东坡县2025年度乡镇综合考核细则\n"), std::string::npos) << y;  // not 附件1
  EXPECT_NE(y.find("total: 100\n"), std::string::npos) << y;                       // （总分100分） paragraph
  EXPECT_NE(y.find("units: [东关镇, 西林乡, 南湖镇]"), std::string::npos);           // 考核对象 paragraph
  EXPECT_NE(y.find("- {id: 经济运行, points: 30}"), std::string::npos);              // nested heading
  EXPECT_NE(y.find("- {id: 项目建设, points: 11.5}"), std::string::npos);            // decimals kept
  EXPECT_EQ(y.find("- {id: 发展类指标"), std::string::npos);                         // outer heading: comment only
  EXPECT_NE(y.find("# group 发展类指标 (41.5 points) holds other groups only"), std::string::npos);
  EXPECT_NE(y.find("  - id: 重点项目\n    group: 项目建设\n    points: 11.5"), std::string::npos)
      << "the owner above the 项目建设 heading must not carry into it\n" << y;
  EXPECT_NE(y.find("  - id: 税收占比\n    group: 经济运行\n    owner: 县财政局"), std::string::npos);  // w:vMerge
  EXPECT_NE(y.find("names 3 departments; they share the item"), std::string::npos);  // 、 and a line break
  for (std::string d : {"县委办", "县政府办", "县委督查室", "县信访局", "县公安局"})
    EXPECT_NE(y.find("{id: " + d + ","), std::string::npos) << d;
  EXPECT_NE(y.find("  - id: 信访稳定\n    group: 保障类指标"), std::string::npos);  // table 2 continues table 1
  EXPECT_EQ(y.find("id: 合计"), std::string::npos);
  EXPECT_NE(y.find("# table 2, row 2: \"合计\" 61.5 → total (not an indicator)"), std::string::npos);
  EXPECT_NE(y.find("# table 2, row 3: note: 备注：本细则由县考核办负责解释。"), std::string::npos);
  EXPECT_NE(y.find("# note: 注：加分项另计。"), std::string::npos);
  EXPECT_EQ(y.find('\0'), std::string::npos);
}

TEST_F(Documents, ExcelLayoutAsPublished) {
  auto r = run_jianfu("--lang en import " + doc("layout.xlsx"));
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string& y = r.out;
  EXPECT_NE(y.find("# sheet 说明: no header row found; not imported"), std::string::npos) << y;
  EXPECT_NE(y.find("name: 西山县2025年度乡镇综合考核细则"), std::string::npos);  // merged title row
  // 考核指标 repeats down the rows and 考核项目 differs on each: read by content.
  EXPECT_NE(y.find("  - id: 财政收入\n    group: 经济发展\n    owner: 县财政局"), std::string::npos) << y;
  EXPECT_NE(y.find("  - id: 招商引资\n    group: 经济发展\n    owner: 县财政局"), std::string::npos);  // merged F5:F6
  EXPECT_NE(y.find("- {id: 社会治理, points: 20.5}"), std::string::npos);
  EXPECT_NE(y.find("  - id: 信访稳定\n    group: 社会治理\n    points: 20.5"), std::string::npos);  // no owner carried
  EXPECT_NE(y.find("total: 50.5"), std::string::npos);  // the 合计 row
  EXPECT_EQ(y.find("id: 合计"), std::string::npos);
}

TEST_F(Documents, SharedItemsCountForEachDepartment) {
  auto r = run_jianfu("--lang en burden --format json " + doc("layout.docx"));
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::map<std::string, double> points;
  for (auto& d : j["departments"]) points[d["id"].get<std::string>()] = d["points"].get<double>();
  EXPECT_NEAR(points["县委办"], 10.0 / 3, 0.01) << r.out;
  EXPECT_NEAR(points["县委督查室"], 10.0 / 3, 0.01);
  EXPECT_NEAR(points["县公安局"], 5, 0.01);

  // import writes every owner (`owner A, B` / `owner: [A, B]`), so the
  // written scheme shares the items as the document does.
  TempDir t;
  for (std::string ext : {".assess", ".yaml"}) {
    std::string out = (t.path / ("layout" + ext)).string();
    auto imp = run_jianfu("--lang en import " + doc("layout.docx") + " -o " + out);
    ASSERT_EQ(imp.code, 0) << imp.err;
    std::string text = slurp(out);
    EXPECT_NE(text.find(ext == ".yaml" ? "    owner: [县委办, 县政府办, 县委督查室]\n"
                                       : "    owner 县委办, 县政府办, 县委督查室\n"),
              std::string::npos)
        << text;
    auto b = run_jianfu("--lang en burden --format json " + out);
    ASSERT_EQ(b.code, 0) << b.err;
    auto again = nlohmann::json::parse(b.out);
    std::map<std::string, double> written;
    for (auto& d : again["departments"]) written[d["id"].get<std::string>()] = d["points"].get<double>();
    EXPECT_EQ(written, points) << ext;
  }
}

TEST_F(Documents, EveryCommandReadsDocuments) {
  auto score = run_jianfu("--lang en score " + doc("layout.docx") + " --compliant");
  EXPECT_EQ(score.code, 0) << score.err;
  EXPECT_NE(score.out.find("信访稳定"), std::string::npos) << score.out;
  auto d = run_jianfu("--lang en diff " + doc("qingshan-2025.docx") + " " + doc("qingshan-2025.xlsx"));
  EXPECT_NE(d.code, 2) << d.err;
  auto c = run_jianfu("convert " + doc("qingshan-2025.xlsx") + " --to assess");
  EXPECT_EQ(c.code, 0) << c.err;
  EXPECT_NE(c.out.find("indicator 招商引资"), std::string::npos) << c.out;
  // A folder: Word and Excel files are schemes (Office lock files are not).
  TempDir t;
  std::filesystem::copy_file(doc("qingshan-2025.docx"), t.path / "细则.docx");
  t.write("~$细则.docx", "lock");
  auto folder = run_jianfu("--lang en check " + t.path.string());
  EXPECT_NE(folder.out.find("Checked 1 file"), std::string::npos) << folder.out << folder.err;
}

// What a document does not say — units and total — from --units/--total or
// from the .jianfu.yaml that governs the document (`documents:`), read the
// same way by check, score, burden, report and diff.
const std::string kQingshanUnits = "城关镇,河口乡,石桥镇,白沙镇,龙潭乡,柳营乡,花园镇,新店镇,黄土岭乡,清水镇,枫林乡,南岗镇";

TEST_F(Documents, UnitsAndTotalFromFlagsOrConfig) {
  // Alone, the table names no units: JF011, and no JF102 (which counts places).
  auto bare = counts(run_jianfu("check --format json " + doc("qingshan-2025.docx")).out);
  EXPECT_EQ(bare.count("JF011"), 1u);
  EXPECT_EQ(bare.count("JF102"), 0u);
  EXPECT_EQ(bare.count("JF203"), 0u);  // needs the total

  auto flags = run_jianfu("--lang en check --format json " + doc("qingshan-2025.docx") + " --units " +
                          kQingshanUnits + " --total 1000");
  auto with_flags = counts(flags.out);
  EXPECT_EQ(with_flags.count("JF011"), 0u) << flags.out;
  EXPECT_EQ(with_flags.count("JF102"), 1u) << flags.out;
  EXPECT_EQ(with_flags.count("JF203"), 1u) << flags.out;
  EXPECT_NE(flags.out.find("of 12 units"), std::string::npos) << flags.out;

  // The same units and total from the config beside the documents.
  TempDir t;
  std::string units_yaml = "[" + kQingshanUnits + "]";
  t.write(".jianfu.yaml", "documents:\n  units: " + units_yaml + "\n  total: 1000\n");
  for (std::string f : {"qingshan-2025.docx", "qingshan-2025.xlsx"}) {
    std::filesystem::copy_file(doc(f), t.path / f);
    auto r = run_jianfu("--lang en check --format json " + (t.path / f).string());
    EXPECT_EQ(counts(r.out), with_flags) << f << r.out << r.err;
  }
  std::filesystem::copy_file(kSrc + "/examples/qingshan-2025-table.csv", t.path / "table.csv");
  EXPECT_EQ(counts(run_jianfu("--lang en check --format json " + (t.path / "table.csv").string()).out), with_flags);
  auto imported = run_jianfu("--lang en import " + (t.path / "qingshan-2025.docx").string());
  EXPECT_NE(imported.out.find("# 12 units from the configuration (the document does not name them)\n"),
            std::string::npos) << imported.out;
  EXPECT_NE(imported.out.find("  total: 1000\n"), std::string::npos);

  // score ranks the 12 units; burden, report and diff read the same scheme.
  auto score = run_jianfu("--lang en score --format json --compliant " + (t.path / "qingshan-2025.docx").string());
  ASSERT_EQ(score.code, 0) << score.err;
  EXPECT_EQ(nlohmann::json::parse(score.out)["units"].size(), 12u) << score.out;
  auto bare_score = run_jianfu("--lang en score --compliant " + doc("qingshan-2025.docx"));
  EXPECT_EQ(bare_score.code, 2);
  EXPECT_NE(bare_score.err.find("the scheme names no units to score"), std::string::npos) << bare_score.err;
  auto flag_score = run_jianfu("--lang en score --format json --compliant " + doc("qingshan-2025.docx") +
                               " --units " + kQingshanUnits);
  ASSERT_EQ(flag_score.code, 0) << flag_score.err;
  EXPECT_EQ(nlohmann::json::parse(flag_score.out)["units"].size(), 12u);
  EXPECT_EQ(run_jianfu("burden " + (t.path / "qingshan-2025.docx").string()).code, 0);
  auto report = run_jianfu("--lang en report " + (t.path / "qingshan-2025.docx").string());
  ASSERT_EQ(report.code, 0) << report.err;
  EXPECT_NE(report.out.find("枫林乡"), std::string::npos);  // the compliant scores name the units
  auto d = run_jianfu("--lang en diff --format json " + (t.path / "qingshan-2025.docx").string() + " " +
                      (t.path / "qingshan-2025.xlsx").string());
  EXPECT_EQ(d.code, 0) << d.out << d.err;  // the same table: nothing introduced, even JF011

  // The flags win over the config; a broken `documents:` stops the run.
  auto three = run_jianfu("--lang en check --format json " + (t.path / "qingshan-2025.docx").string() +
                          " --units 甲镇,乙乡,丙镇");
  EXPECT_NE(three.out.find("of 3 units"), std::string::npos) << three.out;
  t.write(".jianfu.yaml", "documents:\n  total: -5\n");
  auto bad = run_jianfu("--lang en check " + (t.path / "qingshan-2025.docx").string());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("`documents.total` must be a positive number of points"), std::string::npos) << bad.err;
  EXPECT_EQ(run_jianfu("check --total 0 " + doc("qingshan-2025.docx")).code, 2);
}

// The document's own 考核对象 paragraph wins over the config; the total read
// from a paragraph before the table is placed at that paragraph.
TEST_F(Documents, PreambleUnitsAndTotalPointAtTheirParagraph) {
  TempDir t;
  t.write(".jianfu.yaml", "documents: {units: [甲镇, 乙乡], total: 1000}\n");
  std::filesystem::copy_file(doc("layout.docx"), t.path / "layout.docx");
  auto y = run_jianfu("--lang en import " + (t.path / "layout.docx").string());
  ASSERT_EQ(y.code, 0) << y.err;
  EXPECT_NE(y.out.find("units: [东关镇, 西林乡, 南湖镇]"), std::string::npos) << y.out;
  EXPECT_NE(y.out.find("total: 100\n"), std::string::npos);
  EXPECT_NE(y.out.find("# paragraph 3 before table 1: \"（总分100分）\" → total 100"), std::string::npos) << y.out;

  auto j = nlohmann::json::parse(run_jianfu("--lang en check --format json " + doc("layout.docx")).out);
  bool found = false;
  for (auto& d : j["diagnostics"])
    if (d["rule"] == "JF004") {
      found = true;
      EXPECT_EQ(d["location"], "paragraph 3 before table 1") << d.dump();
      EXPECT_EQ(d["cell"], "（总分100分）") << d.dump();
    }
  EXPECT_TRUE(found) << j.dump(2);
}

TEST_F(Documents, BadDocumentsFailClearlyAndWriteNothing) {
  struct Case {
    std::string file, message;
  } cases[] = {
      {"notable.docx", "the document has no table"},
      {"truncated.docx", "not a zip archive: the file is damaged, truncated"},
      {"encrypted.docx", "the document is encrypted (password-protected)"},
      {"protected.docx", "encrypted (password-protected) or an old binary file renamed"},
      {"legacy.doc", "old binary Word/WPS format (.doc/.wps) is not read; open it in Word or WPS and save it as .docx"},
      {"legacy.xls", "save it as .xlsx"},
      {"invalid.docx", "part `word/document.xml` is not valid XML"},
      {"doctype.docx", "has a DOCTYPE, which Office never writes; refused"},
      {"bomb.docx", "(a zip bomb?)"},
      {"bigcell.docx", "table 1, row 2: a cell holds more than 65536 bytes of text"},
      {"million.xlsx", "holds more than 100000 rows"},
  };
  TempDir t;
  for (const Case& c : cases) {
    auto check = run_jianfu("--lang en check " + doc(c.file));
    EXPECT_EQ(check.code, 1) << c.file;  // a scheme that does not load: JF001
    EXPECT_NE(check.out.find(c.message), std::string::npos) << c.file << "\n" << check.out;
    EXPECT_NE(check.out.find(doc(c.file) + ": error[JF001]"), std::string::npos) << check.out;
    std::string out = (t.path / "out.yaml").string();
    auto import = run_jianfu("--lang en import " + doc(c.file) + " -o " + out);
    EXPECT_EQ(import.code, 2) << c.file;  // import: the tool could not do its job
    EXPECT_FALSE(std::filesystem::exists(out)) << c.file;
  }
}

TEST(CsvBounds, MillionRowsAndMegabyteCellsAreRefused) {
  TempDir t;
  std::string rows = "二级指标,分值\n";
  for (int i = 0; i < 1000000; ++i) rows += "甲,1\n";
  auto many = run_jianfu("--lang en check " + t.write("rows.csv", rows));
  EXPECT_EQ(many.code, 1);
  EXPECT_NE(many.out.find("more than 100000 rows"), std::string::npos) << many.out.substr(0, 2000);
  std::string cell = "二级指标,分值,评分标准\n甲,1,";
  for (int i = 0; i < 350000; ++i) cell += "扣";
  auto big = run_jianfu("--lang en check " + t.write("cell.csv", cell + "\n"));
  EXPECT_EQ(big.code, 1);
  EXPECT_NE(big.out.find("a cell holds more than 65536 bytes of text"), std::string::npos) << big.out.substr(0, 2000);
  std::string out = (t.path / "out.yaml").string();
  EXPECT_EQ(run_jianfu("import " + (t.path / "cell.csv").string() + " -o " + out).code, 2);
  EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
