// Anchors and fingerprints: what a finding's identity is made of.
#include <gtest/gtest.h>

#include <unordered_map>

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
  ds[0].message = Message(Text{"ranked 3 of 5", ""});
  ds[1].message = Message(Text{"ranked 4 of 5", ""});
  ds[2].message = Message(Text{"other", ""});
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
  before[0].message = Message(Text{"ranked share 50% (县财政局, 县统计局)", ""});
  after[0].message = Message(Text{"ranked share 48.96% (县财政局)", ""});
  assign_fingerprints(before, s, "x.assess");
  assign_fingerprints(after, s, "x.assess");
  EXPECT_EQ(before[0].fingerprint, after[0].fingerprint);
  EXPECT_EQ(finding_key(s, before[0]), finding_key(s, after[0]));
}


// assign_fingerprints hashes each anchor as it walks it and numbers repeats
// by sorting hashes; this is the plain way (the anchor written out by
// element_anchor, the key hashed whole, repeats counted in a map), compared
// on many findings of a scheme with every kind of element, nested and
// repeated spans, and rules that repeat.
TEST(Fingerprint, HashedWalkMatchesTheWrittenOutKey) {
  Scheme s;
  s.indicators = {indicator("甲", 0, 100), indicator("b", 100, 220), indicator("c", 230, 300)};
  s.indicators[0].penalties.resize(3);
  for (size_t i = 0; i < 3; ++i) s.indicators[0].penalties[i].span = {0, uint32_t(10 + 20 * i), uint32_t(25 + 20 * i)};
  s.indicators[1].deductions.resize(2);
  s.indicators[1].deductions[1].span = {0, 150, 170};
  s.indicators[1].evidence.resize(1);
  s.indicators[1].evidence[0].span = {0, 175, 190};
  s.indicators[1].score.span = {0, 192, 200};
  s.indicators[1].report.emplace();
  s.indicators[1].report->span = {0, 201, 210};
  s.departments.resize(2);
  s.departments[1].id.text = "县财政局";
  s.departments[1].span = {0, 300, 340};
  s.inspections.resize(1);
  s.inspections[0].id.text = "i1";
  s.inspections[0].span = {0, 340, 360};
  s.overall_penalties.resize(12);
  s.overall_penalties[11].span = {0, 360, 380};
  s.groups.resize(1);
  s.groups[0].id.text = "g";
  s.groups[0].span = {0, 380, 420};
  const char* rules[] = {"JF101", "JF204", "JF504", "JF9999-long-id"};
  std::vector<Diagnostic> ds(600);
  uint32_t x = 12345;
  for (Diagnostic& d : ds) {
    x = x * 1103515245u + 12345u;
    uint32_t begin = (x >> 8) % 440, len = (x >> 20) % 6;
    d.rule = rules[(x >> 4) % 4];
    d.span = {0, begin, begin + len};
  }
  assign_fingerprints(ds, s, "县/x.assess");

  std::unordered_map<uint64_t, int> seen;
  for (const Diagnostic& d : ds) {
    std::string key = std::string("县/x.assess") + '\x1f' + d.rule + '\x1f' + element_anchor(s, d.span);
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    int n = seen[h]++;
    std::string want(16, '0');
    for (int k = 15; k >= 0; --k, h >>= 4) want[size_t(k)] = "0123456789abcdef"[h & 15];
    if (n > 0) want += "-" + std::to_string(n);
    ASSERT_EQ(d.fingerprint, want) << d.rule << " at " << d.span.begin << "+" << (d.span.end - d.span.begin);
  }
}

}  // namespace
}  // namespace jf
