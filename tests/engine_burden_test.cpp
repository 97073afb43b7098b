// Burden figures on the shipped examples, each computed by hand in the comments.
#include "engine/burden.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "pipeline/check_pipeline.hpp"
#include "render/render_burden.hpp"

namespace jf {
namespace {

FileCheck load(const std::string& name) {
  static SourceSet sources;  // spans stay valid for the whole test run
  std::ifstream in(std::string(JIANFU_SOURCE_DIR "/examples/") + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  uint32_t id = sources.add(name, ss.str());
  FileCheck fc = check_file(sources, id, nullptr, Limits{});
  EXPECT_TRUE(fc.parsed) << name;
  return fc;
}

const BurdenRow& dept(const Burden& b, const std::string& id) {
  for (const BurdenRow& r : b.departments)
    if (r.id == id) return r;
  throw std::runtime_error("no department " + id);
}

TEST(Burden, QingshanTotals) {
  FileCheck fc = load("qingshan-2025.assess");
  Burden b = compute_burden(fc.scheme, fc.facts);
  EXPECT_EQ(b.units, 12);
  EXPECT_EQ(b.total.indicators, 22);
  EXPECT_EQ(b.total.points, 1000);
  // Forms: 12+52+24+36+52+12+4+24+365+52+12+52+24+4+12+24+4+12+0+12+4+0.
  EXPECT_EQ(b.total.forms, 793);
  // Evidence: kinds × periods (1 without report), e.g. 秸秆禁烧 2 × 365 = 730.
  EXPECT_EQ(b.total.evidence, 1386);
  // Inspections: annual 1 + semiannual 2 + quarterly 4 + spot 1 + third-party 1.
  EXPECT_EQ(b.total.inspections, 9);
  // 18 ranked items worth 780 of 1000 points.
  EXPECT_EQ(b.total.ranked_points, 780);
  EXPECT_DOUBLE_EQ(b.total.ranked_share, 0.78);
  // 作风效能 → 减负成效 → 督查落实 → (人居环境, 秸秆禁烧, 信访稳定): depth 3.
  EXPECT_EQ(b.total.proof_depth, 3);
  // Veto items 防止返贫, 安全生产; veto actions on 秸秆禁烧 and 信访稳定.
  EXPECT_EQ(b.total.vetoes, 4);
}

TEST(Burden, QingshanDepartments) {
  FileCheck fc = load("qingshan-2025.assess");
  Burden b = compute_burden(fc.scheme, fc.facts);
  EXPECT_EQ(b.departments[0].id, "两办");  // 200 points: sorted first
  EXPECT_EQ(b.departments[0].points, 200);
  EXPECT_DOUBLE_EQ(b.departments[0].share, 0.2);
  EXPECT_EQ(b.departments[1].id, "农业农村局");
  const BurdenRow& agri = dept(b, "农业农村局");  // 人居环境 70 + 粮食生产 50 + 防止返贫 50
  EXPECT_EQ(agri.points, 170);
  EXPECT_EQ(agri.ranked_points, 120);
  EXPECT_EQ(agri.forms, 52 + 12 + 24);
  EXPECT_EQ(agri.evidence, 104 + 12 + 24);
  EXPECT_EQ(agri.vetoes, 1);
  const BurdenRow& eco = dept(b, "生态环境局");
  EXPECT_EQ(eco.forms, 365);
  EXPECT_EQ(eco.evidence, 730);
  const BurdenRow& eff = dept(b, "效能办");
  EXPECT_EQ(eff.points, 60);
  EXPECT_EQ(eff.proof_depth, 3);
  EXPECT_EQ(eff.inspections, 1);
  EXPECT_EQ(dept(b, "考核办").inspections, 4);
  EXPECT_EQ(dept(b, "考核办").points, 0);
}

TEST(Burden, ReformedIsLight) {
  FileCheck fc = load("reformed-2025.assess");
  Burden b = compute_burden(fc.scheme, fc.facts);
  EXPECT_EQ(b.total.indicators, 8);
  EXPECT_EQ(b.total.forms, 7);      // five yearly forms + semiannual 2
  EXPECT_EQ(b.total.evidence, 1);   // 基层组织: minutes, no report
  EXPECT_EQ(b.total.inspections, 1);
  EXPECT_EQ(b.total.ranked_points, 0);
  EXPECT_EQ(dept(b, "两办").points, 75);  // 20 + 10 + 15 + 15 + 10 + 5
}

// Well-formed enough for any XML parser: tags balance, attributes quoted,
// no raw `&` or `<` in text. A small checker keeps the test dependency-free.
bool balanced_xml(const std::string& s, std::string& why) {
  std::vector<std::string> stack;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      size_t semi = s.find(';', i);
      std::string ent = s.substr(i, semi == std::string::npos ? 0 : semi - i + 1);
      if (ent != "&amp;" && ent != "&lt;" && ent != "&gt;" && ent != "&quot;" && ent != "&apos;")
        return why = "bad entity at " + std::to_string(i), false;
    }
    if (s[i] != '<') continue;
    size_t end = s.find('>', i);
    if (end == std::string::npos) return why = "unclosed tag", false;
    std::string tag = s.substr(i + 1, end - i - 1);
    i = end;
    if (tag[0] == '?' || tag.back() == '/') continue;
    std::string name = tag.substr(tag[0] == '/' ? 1 : 0, tag.find_first_of(" \n", 0) - (tag[0] == '/' ? 1 : 0));
    if (tag[0] == '/') {
      if (stack.empty() || stack.back() != name) return why = "mismatched </" + name + ">", false;
      stack.pop_back();
    } else {
      stack.push_back(name);
    }
  }
  if (!stack.empty()) return why = "unclosed <" + stack.back() + ">", false;
  return true;
}

TEST(Burden, SvgIsWellFormedAndNamesEveryDepartment) {
  FileCheck fc = load("qingshan-2025.assess");
  Burden b = compute_burden(fc.scheme, fc.facts);
  std::string svg = render_burden_svg("青山 <&> 方案", b, Lang::zh);
  std::string why;
  EXPECT_TRUE(balanced_xml(svg, why)) << why;
  EXPECT_NE(svg.find("青山 &lt;&amp;&gt; 方案"), std::string::npos);
  EXPECT_NE(svg.find("Noto Sans CJK SC"), std::string::npos);
  for (const Department& d : fc.scheme.departments)
    EXPECT_NE(svg.find(">" + d.id.text + "</text>"), std::string::npos) << d.id.text;
}

TEST(Burden, SvgCheckerCatchesBrokenXml) {
  std::string why;
  EXPECT_FALSE(balanced_xml("<svg><text>a & b</text></svg>", why));
  EXPECT_FALSE(balanced_xml("<svg><text>a</svg>", why));
}

}  // namespace
}  // namespace jf
