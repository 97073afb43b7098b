// `jianfu report` run as a user would: the page's parts, its language, its
// safety against a hostile scheme, and the refusals. The browser tests
// (tests/browser/) open the same pages in Chromium.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "cli_test_util.hpp"

namespace jf {
namespace {

using testing::run_jianfu;
using testing::slurp;
using testing::TempDir;

const std::string kEx = JIANFU_SOURCE_DIR "/examples/";

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

TEST(CliReport, QingshanPageHoldsEverySectionAndFinding) {
  TempDir dir;
  const std::string out = (dir.path / "q.html").string();
  auto r = run_jianfu("report " + kEx + "qingshan-2025.assess -o " + out, "LANG=C");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string page = slurp(out);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0), 0u) << "a Chinese scheme gets a Chinese page";
  size_t summary = page.find("<section id=\"summary\">"), table = page.find("<section id=\"scheme\">"),
         charts = page.find("<section id=\"charts\">");
  ASSERT_NE(summary, std::string::npos);
  EXPECT_LT(summary, table);
  EXPECT_LT(table, charts);
  EXPECT_EQ(page.find("<section id=\"diff\">"), std::string::npos);
  EXPECT_NE(page.find("即使全部达标，仍有 10 项惩戒落在 12 个单位中的 3 个身上"), std::string::npos);
  auto json = nlohmann::json::parse(run_jianfu("check --format json " + kEx + "qingshan-2025.assess").out);
  EXPECT_EQ(count(page, "<details class=\"finding"), json["diagnostics"].size());
  for (const auto& d : json["diagnostics"])
    EXPECT_NE(page.find("data-rule=\"" + d["rule"].get<std::string>() + "\" data-line=\"" +
                        std::to_string(d["line"].get<int>()) + "\""),
              std::string::npos)
        << d.dump();
}

TEST(CliReport, FindingsSitOnTheRowTheyConcern) {
  TempDir dir;
  const std::string scheme = dir.write("rows.assess", R"(scheme "rows" {
  total 100
  units 甲镇, 乙镇, 丙镇, 丁镇
}
department 两办 kind office
group 经济 points 60 {
  indicator 收入 {
    owner 两办
    points 50
    score rank
    penalty bottom 1 -> interview
  }
}
indicator 党建 {
  owner 两办
  points 50
  score threshold target "完成"
}
)");
  auto r = run_jianfu("report " + scheme);
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string& p = r.out;
  size_t general = p.find("<div class=\"general\">"), group = p.find("<tr class=\"group\"><th colspan=\"5\" scope=\"rowgroup\">经济"),
         item = p.find("<td class=\"c-item\">收入"), other = p.find("<td class=\"c-item\">党建");
  ASSERT_NE(other, std::string::npos);
  auto at = [&](const char* rule) { return p.find(std::string("data-rule=\"") + rule + "\""); };
  EXPECT_LT(general, at("JF101"));  // the whole scheme: above the table
  EXPECT_LT(at("JF101"), group);
  EXPECT_LT(group, at("JF004"));    // the group's points: on the group's row
  EXPECT_LT(at("JF004"), item);
  EXPECT_LT(item, at("JF103"));     // the item's scoring: on the item's row
  EXPECT_LT(at("JF102"), other);
  EXPECT_EQ(p.find("data-rule", other), p.find("data-rule", p.find("<section id=\"charts\">"))) << "党建 has none";
}

TEST(CliReport, LoadsNothingAndRunsNothing) {
  auto r = run_jianfu("report " + kEx + "qingshan-2025.assess");
  ASSERT_EQ(r.code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("content=\"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='")));
  EXPECT_EQ(count(r.out, "<script"), 0u);
  EXPECT_EQ(count(r.out, "<style>"), 1u);
  EXPECT_EQ(count(r.out, " style=\""), 0u) << "style attributes would need 'unsafe-inline'";
  // The only URL is SVG's namespace name, which is never fetched.
  EXPECT_EQ(count(r.out, "http://") + count(r.out, "https://"), count(r.out, "xmlns=\"http://www.w3.org/2000/svg\""));
}

TEST(CliReport, LanguageFlagWins) {
  auto r = run_jianfu("report --lang en " + kEx + "qingshan-2025.assess");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(r.out.find("10 penalties fall on 3 of 12 units even though all meet every standard:"), std::string::npos);
}

TEST(CliReport, DataAndAgainstAddTheirSections) {
  auto r = run_jianfu("--lang en report " + kEx + "qingshan-2025.assess --data " + kEx +
                      "qingshan-2025-results.csv --against " + kEx + "reformed-2025.assess");
  ASSERT_EQ(r.code, 0) << r.err;
  size_t diff = r.out.find("<section id=\"diff\">"), scores = r.out.find("<section id=\"scores\">");
  ASSERT_NE(diff, std::string::npos);
  ASSERT_NE(scores, std::string::npos);
  EXPECT_LT(r.out.find("<section id=\"charts\">"), diff);
  EXPECT_LT(diff, scores);
  EXPECT_NE(r.out.find("units scored;"), std::string::npos);
  EXPECT_EQ(count(r.out.substr(scores), "<tr"), 13u) << "a header and 12 units";
}

TEST(CliReport, HostileSchemeReachesThePageAsTextOnly) {
  TempDir dir;
  const std::string scheme = dir.write("h.assess", R"(scheme "<script>alert(1)</script>\"><img src=x onerror=alert(2)>" {
  year 2025
  total 100
  units 甲镇, 乙镇
}
department 两办 "'><svg onload=alert(3)>" kind office
indicator 收入 "</td></tr></table><iframe src=x>" {
  owner 两办
  points 100
  score rank
  penalty bottom 1 -> interview
}
)");
  auto r = run_jianfu("report " + scheme);
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* bad : {"<script", "<img", "<iframe", "<svg onload", "</table><iframe"})
    EXPECT_EQ(r.out.find(bad), std::string::npos) << bad;
  EXPECT_NE(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"),
            std::string::npos);
  EXPECT_NE(r.out.find("&#39;&gt;&lt;svg onload=alert(3)&gt;"), std::string::npos);
}

TEST(CliReport, RefusesToWriteOverAnInput) {
  TempDir dir;
  const std::string scheme = dir.write("s.assess", slurp(kEx + "reformed-2025.assess"));
  auto r = run_jianfu("report " + scheme + " -o " + scheme);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("the output file is one of the report's inputs"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(scheme), slurp(kEx + "reformed-2025.assess"));
  const std::string data = dir.write("d.csv", slurp(kEx + "qingshan-2025-results.csv"));
  r = run_jianfu("report " + kEx + "qingshan-2025.assess --data " + data + " -o " + data);
  EXPECT_EQ(r.code, 2);
}

TEST(CliReport, SchemeThatDoesNotParseIsReportedNotRendered) {
  TempDir dir;
  const std::string scheme = dir.write("broken.assess", "scheme \"x\" {\n  total 100\n}\nindicator a {\n  points\n}\n");
  const std::string out = (dir.path / "e.html").string();
  auto r = run_jianfu("--lang en report " + scheme + " -o " + out);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("error[JF001]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("broken.assess:6:1: error[JF001]"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(CliReport, BadDataIsListedWithItsRow) {
  TempDir dir;
  const std::string data = dir.write("d.csv", "unit,indicator,value,events\n无此镇,财政收入,1,\n");
  auto r = run_jianfu("--lang en report " + kEx + "qingshan-2025.assess --data " + data);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(data + ":row 2: "), std::string::npos) << r.err;
}

TEST(CliReport, TableInputIsReportedLikeASchemeFile) {
  auto r = run_jianfu("report " + kEx + "qingshan-2025-table.csv");
  ASSERT_EQ(r.code, 0) << r.err;
  auto json = nlohmann::json::parse(run_jianfu("check --format json " + kEx + "qingshan-2025-table.csv").out);
  EXPECT_EQ(count(r.out, "<details class=\"finding"), json["diagnostics"].size());
}

}  // namespace
}  // namespace jf
