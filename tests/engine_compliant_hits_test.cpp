// compliant_penalty_hits is the facts' shortcut through the full-compliance
// counterfactual: it must count exactly what score_compliant's report counts,
// on ordinary schemes and on hostile ones (negative and fractional points,
// every trigger and action, huge and odd values, no units).
#include <gtest/gtest.h>

#include "tests/random_input.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/scorer.hpp"

namespace jf {
namespace {

// A small deterministic generator (splitmix64): the same schemes everywhere.
struct Rng : test::SplitMix {
  int below(int n) { return static_cast<int>(SplitMix::below(static_cast<uint64_t>(n))); }
  bool coin() { return next() & 1; }
  // Mostly ordinary figures, sometimes edges: 0, negative, fractional, huge, NaN, infinite.
  double figure(bool hostile) {
    if (hostile) switch (below(12)) {
        case 0: return 0;
        case 1: return -static_cast<double>(below(50));
        case 2: return below(1000) / 7.0;
        case 3: return 1e300;
        case 4: return std::numeric_limits<double>::quiet_NaN();
        case 5: return std::numeric_limits<double>::infinity();
        case 6: return 0.1 + 0.2;
        default: break;
      }
    return below(40) + (coin() ? 0.5 : 0);
  }
};

Trigger trigger(Rng& r, bool hostile) {
  Trigger t;
  t.kind = static_cast<TriggerKind>(r.below(4));  // bottom, bottom_percent, last, below
  t.value = t.kind == TriggerKind::bottom_percent ? r.below(120) : r.figure(hostile);
  return t;
}

std::vector<Action> actions(Rng& r, bool hostile) {
  std::vector<Action> out;
  for (int k = r.below(3); k >= 0; --k)
    out.push_back({static_cast<ActionKind>(r.below(7)), r.figure(hostile), {}});
  return out;
}

Scheme random_scheme(uint64_t seed, bool hostile) {
  Rng r{seed};
  Scheme s;
  const int units = r.below(hostile ? 40 : 26);
  if (r.coin()) s.info.unit_count = units;
  else
    for (int u = 0; u < units; ++u) s.info.units.push_back({std::to_string(u)});
  const int items = r.below(hostile ? 30 : 70);
  for (int i = 0; i < items; ++i) {
    Indicator ind;
    ind.id.text = std::to_string(i);
    ind.score.mode = static_cast<ScoreMode>(r.below(5));
    if (r.below(8) != 0) ind.points = r.figure(hostile);
    if (r.coin()) ind.score.top = r.figure(hostile);
    if (r.coin()) ind.score.step = r.figure(hostile);
    if (r.coin()) ind.score.floor = r.figure(hostile);
    ind.score.lower_better = r.coin();
    if (r.coin()) ind.deductions.push_back({r.figure(hostile), "late", std::nullopt, {}});
    for (int k = r.below(4); k > 0; --k) ind.penalties.push_back({trigger(r, hostile), actions(r, hostile), {}});
    s.indicators.push_back(std::move(ind));
  }
  for (int k = r.below(4); k > 0; --k) s.overall_penalties.push_back({trigger(r, hostile), actions(r, hostile), {}});
  return s;
}

void expect_same(const Scheme& s, uint64_t seed) {
  const std::vector<std::string> units = unit_names(s);
  const ScoreReport full = score_compliant(s, units);
  const CompliantHits fast = compliant_penalty_hits(s, static_cast<int>(units.size()));
  EXPECT_EQ(fast.indicator_hits, full.indicator_hits) << "seed " << seed;
  EXPECT_EQ(fast.overall_hits, full.overall_hits) << "seed " << seed;
}

TEST(CompliantHits, SameAsScoreCompliantOnGeneratedSchemes) {
  for (uint64_t seed = 1; seed <= 400; ++seed) expect_same(random_scheme(seed, false), seed);
}

TEST(CompliantHits, SameAsScoreCompliantOnHostileSchemes) {
  for (uint64_t seed = 1; seed <= 1500; ++seed) expect_same(random_scheme(seed * 7919, true), seed);
}

TEST(CompliantHits, RankedItemsAndOverallPenaltiesHitTheRightUnits) {
  // Three units; a ranked item 30 → 0 and a threshold item 10: totals 40, 25, 10.
  Scheme s;
  s.info.unit_count = 3;
  Indicator a;
  a.score.mode = ScoreMode::rank;
  a.points = 30;
  a.penalties.push_back({{TriggerKind::below, 20, {}}, {{ActionKind::deduct, 20, {}}}, {}});  // units 2 and 3
  Indicator b;
  b.points = 10;
  s.indicators = {a, b};
  s.overall_penalties.push_back({{TriggerKind::below, 10, {}}, {}, {}});  // 40, 5, 0 after the deduction: two
  s.overall_penalties.push_back({{TriggerKind::last, 0, {}}, {}, {}});
  const CompliantHits h = compliant_penalty_hits(s, 3);
  EXPECT_EQ(h.indicator_hits, (std::vector<std::vector<int>>{{2}, {}}));
  EXPECT_EQ(h.overall_hits, (std::vector<int>{2, 1}));
}

TEST(CompliantHits, NoUnitsHitNothing) {
  Scheme s = random_scheme(5, false);
  const CompliantHits h = compliant_penalty_hits(s, 0);
  for (const auto& per : h.indicator_hits)
    for (int v : per) EXPECT_EQ(v, 0);
  for (int v : h.overall_hits) EXPECT_EQ(v, 0);
}

}  // namespace
}  // namespace jf
