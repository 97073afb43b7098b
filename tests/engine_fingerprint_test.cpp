// Anchors and fingerprints: what a finding's identity is made of.
#include <gtest/gtest.h>

#include "engine/fingerprint.hpp"
#include "engine/scheme_diff.hpp"

namespace jf {
namespace {

Indicator indicator(std::string id, uint32_t begin, uint32_t end) {
  Indicator ind;
  ind.id.text = std::move(id);
  ind.span = {0, begin, end};
  return ind;
}

TEST(Anchor, FindsTheIndicatorAndItsPartWhateverTheModelOrder) {
  Scheme s;
  s.indicators = {indicator("c", 200, 300), indicator("a", 0, 50), indicator("b", 60, 150)};
  s.indicators[2].penalties.resize(2);
  s.indicators[2].penalties[1].span = {0, 100, 120};
  AnchorFinder f(s);
  EXPECT_EQ(f.anchor({0, 10, 12}), "indicator:a");
  EXPECT_EQ(f.anchor({0, 105, 110}), "indicator:b/penalty:2");
  EXPECT_EQ(f.anchor({0, 299, 300}), "indicator:c");
  EXPECT_EQ(f.anchor({0, 55, 58}), "scheme");   // between indicators
  EXPECT_EQ(f.anchor({0, 40, 70}), "scheme");   // across two
  EXPECT_EQ(f.anchor({0, 400, 401}), "scheme");  // after all
  EXPECT_EQ(element_anchor(s, {0, 105, 110}), "indicator:b/penalty:2");
}

TEST(Anchor, OverlappingSpansFallBackToModelOrder) {
  Scheme s;
  s.indicators = {indicator("outer", 0, 100), indicator("inner", 10, 20)};
  EXPECT_EQ(AnchorFinder(s).anchor({0, 12, 14}), "indicator:outer");
  std::swap(s.indicators[0], s.indicators[1]);
  EXPECT_EQ(AnchorFinder(s).anchor({0, 12, 14}), "indicator:inner");
}

TEST(Fingerprint, IgnoresNumbersAndNumbersRepeats) {
  Scheme s;
  s.indicators = {indicator("a", 0, 50)};
  std::vector<Diagnostic> ds(3);
  for (auto& d : ds) d.rule = "JF101", d.span = {0, 5, 6};
  ds[0].message.in(Lang::en) = "ranked 3 of 5";
  ds[1].message.in(Lang::en) = "ranked 4 of 5";
  ds[2].message.in(Lang::en) = "other";
  assign_fingerprints(ds, s, "x.assess");
  EXPECT_EQ(ds[0].fingerprint.size(), 16u);
  EXPECT_EQ(ds[1].fingerprint, ds[0].fingerprint + "-1");
  EXPECT_NE(ds[2].fingerprint, ds[0].fingerprint);
}

// Issue 14: a decimal figure or a name list in the message is prose, not identity.
TEST(Fingerprint, NeverDependsOnTheMessage) {
  Scheme s;
  s.indicators = {indicator("a", 0, 50)};
  std::vector<Diagnostic> before(1), after(1);
  before[0].rule = after[0].rule = "JF201";
  before[0].span = after[0].span = {0, 5, 6};
  before[0].message.in(Lang::en) = "ranked share 50% (县财政局, 县统计局)";
  after[0].message.in(Lang::en) = "ranked share 48.96% (县财政局)";
  assign_fingerprints(before, s, "x.assess");
  assign_fingerprints(after, s, "x.assess");
  EXPECT_EQ(before[0].fingerprint, after[0].fingerprint);
  EXPECT_EQ(finding_key(s, before[0]), finding_key(s, after[0]));
}

}  // namespace
}  // namespace jf
