#include "engine/scorer.hpp"

#include <gtest/gtest.h>

#include "engine/facts.hpp"

namespace jf {
namespace {

Indicator item(std::string id, ScoreMode mode, double points) {
  Indicator i;
  i.id.text = std::move(id);
  i.score.mode = mode;
  i.points = points;
  return i;
}

Penalty penalty(TriggerKind k, double v, std::vector<Action> actions) {
  return Penalty{{k, v, {}}, std::move(actions), {}};
}

UnitResult value(double v) { return UnitResult{v, std::nullopt, {}, 0}; }
UnitResult passed(bool p) { return UnitResult{std::nullopt, p, {}, 0}; }
UnitResult events(std::map<std::string, double> e) { return UnitResult{std::nullopt, std::nullopt, std::move(e), 0}; }

// Four units, one item of each mode; every figure below is worked by hand in
// docs/score.md ("A worked example").
Scheme four_units() {
  Scheme s;
  s.info.total = 100;
  s.info.units = {{"甲"}, {"乙"}, {"丙"}, {"丁"}};
  Indicator a = item("A", ScoreMode::rank, 40);
  a.score.top = 40;
  a.score.step = 10;
  a.penalties = {penalty(TriggerKind::bottom, 1, {{ActionKind::interview}})};
  Indicator b = item("B", ScoreMode::threshold, 30);
  b.score.target_number = 60;
  Indicator c = item("C", ScoreMode::deduction, 20);
  c.deductions = {{2, "late_report", 5.0, {}}, {3, "data_error", std::nullopt, {}}};
  Indicator d = item("D", ScoreMode::veto, 10);
  Indicator e = item("E", ScoreMode::bonus, 5);
  s.indicators = {a, b, c, d, e};
  s.overall_penalties = {penalty(TriggerKind::bottom, 2, {{ActionKind::notice}}),
                         penalty(TriggerKind::below, 50, {{ActionKind::deduct, 3}})};
  return s;
}

ResultTable four_results() {
  ResultTable t;
  t.units["甲"] = {{"A", value(90)}, {"B", value(70)}, {"C", events({{"late_report", 4}})},
                  {"D", passed(true)}, {"E", value(8)}};
  t.units["乙"] = {{"A", value(80)}, {"B", value(50)}, {"C", events({{"data_error", 7}})},
                  {"D", passed(true)}, {"E", value(2)}};
  t.units["丙"] = {{"A", value(80)}, {"B", passed(true)}, {"C", events({})}, {"D", passed(false)}};
  t.units["丁"] = {{"A", value(70)}, {"B", value(60)},
                  {"C", events({{"late_report", 1}, {"data_error", 1}})}, {"D", passed(true)}};
  return t;
}

const UnitScore& unit(const ScoreReport& r, const std::string& name) {
  for (const UnitScore& u : r.units)
    if (u.unit == name) return u;
  throw std::runtime_error("no unit " + name);
}

TEST(Scorer, RankTiesSharePlaceAndPoints) {
  ScoreReport r = score(four_units(), four_results());
  EXPECT_EQ(unit(r, "甲").items[0].place, 1);
  EXPECT_EQ(unit(r, "乙").items[0].place, 2);
  EXPECT_EQ(unit(r, "丙").items[0].place, 2);
  EXPECT_EQ(unit(r, "丁").items[0].place, 4);
  EXPECT_EQ(unit(r, "甲").items[0].points, 40);
  EXPECT_EQ(unit(r, "乙").items[0].points, 30);
  EXPECT_EQ(unit(r, "丙").items[0].points, 30);
  EXPECT_EQ(unit(r, "丁").items[0].points, 10);  // 40 − 10 × 3
  EXPECT_EQ(r.indicator_hits[0][0], 1);          // bottom 1: 丁 only
}

TEST(Scorer, ThresholdDeductionVetoBonus) {
  ScoreReport r = score(four_units(), four_results());
  EXPECT_EQ(unit(r, "乙").items[1].points, 0);  // 50 < 60
  EXPECT_TRUE(unit(r, "乙").items[1].failed);
  EXPECT_EQ(unit(r, "丁").items[1].points, 30);  // 60 ≥ 60
  EXPECT_EQ(unit(r, "甲").items[2].points, 15);  // 4 × 2 = 8, capped at 5
  EXPECT_EQ(unit(r, "乙").items[2].points, 0);   // 7 × 3 = 21 > 20: never below zero
  EXPECT_EQ(unit(r, "乙").items[2].deducted, 20);
  EXPECT_EQ(unit(r, "丁").items[2].points, 15);  // 2 + 3
  EXPECT_EQ(unit(r, "甲").items[4].points, 5);   // bonus 8, up to 5
  EXPECT_EQ(unit(r, "乙").items[4].points, 2);
  EXPECT_TRUE(unit(r, "丙").vetoed);
  EXPECT_EQ(unit(r, "丙").subtotal, 80);
  EXPECT_EQ(unit(r, "丙").total, 0);
}

TEST(Scorer, OverallRankingAndPenalties) {
  ScoreReport r = score(four_units(), four_results());
  ASSERT_EQ(r.units.size(), 4u);
  EXPECT_EQ(r.units[0].unit, "甲");
  EXPECT_EQ(r.units[0].total, 100);
  EXPECT_EQ(r.units[1].unit, "丁");
  EXPECT_EQ(r.units[1].total, 65);
  EXPECT_EQ(r.units[2].unit, "乙");
  EXPECT_EQ(r.units[2].subtotal, 42);
  EXPECT_EQ(r.units[2].total, 39);  // below 50 → deduct 3
  EXPECT_EQ(r.units[2].place, 3);
  EXPECT_EQ(r.units[3].unit, "丙");
  EXPECT_EQ(r.overall_hits, (std::vector<int>{2, 2}));
  ASSERT_EQ(r.units[1].penalties.size(), 1u);  // 丁: bottom 1 on A
  EXPECT_EQ(r.units[1].penalties[0].indicator, 0);
}

TEST(Scorer, RankPointsLinearSpreadFloorAndClamp) {
  Scoring s;
  EXPECT_EQ(rank_points(s, 30, 1, 4), 30);
  EXPECT_EQ(rank_points(s, 30, 2, 4), 20);
  EXPECT_EQ(rank_points(s, 30, 4, 4), 0);
  s.floor = 6;
  EXPECT_EQ(rank_points(s, 30, 2, 4), 22);
  EXPECT_EQ(rank_points(s, 30, 4, 4), 6);
  Scoring ts;
  ts.top = 30;
  ts.step = 2;
  EXPECT_EQ(rank_points(ts, 30, 12, 12), 8);
  ts.step = 4;
  EXPECT_EQ(rank_points(ts, 30, 9, 12), 0);  // 30 − 32 clamps at 0
}

TEST(Scorer, LowerIsBetter) {
  Scheme s;
  s.info.units = {{"a"}, {"b"}, {"c"}};
  Indicator i = item("x", ScoreMode::rank, 10);
  i.score.lower_better = true;
  s.indicators = {i};
  ResultTable t;
  t.units["a"] = {{"x", value(5)}};
  t.units["b"] = {{"x", value(3)}};
  t.units["c"] = {{"x", value(9)}};
  ScoreReport r = score(s, t);
  EXPECT_EQ(r.units[0].unit, "b");
  EXPECT_EQ(r.units[0].items[0].points, 10);
  EXPECT_EQ(r.units[1].items[0].points, 5);
  EXPECT_EQ(r.units[2].unit, "c");
}

Scheme twelve_units() {
  Scheme s;
  s.info.total = 100;
  s.info.unit_count = 12;
  Indicator r = item("秸秆禁烧", ScoreMode::rank, 30);
  r.score.top = 30;
  r.score.step = 2;
  r.penalties = {penalty(TriggerKind::bottom, 3, {{ActionKind::interview}}),
                 penalty(TriggerKind::below, 10, {{ActionKind::notice}}),
                 penalty(TriggerKind::last, 0, {{ActionKind::veto}})};
  Indicator t = item("党建", ScoreMode::threshold, 70);
  t.score.target_text = "完成";
  t.penalties = {penalty(TriggerKind::bottom_percent, 10, {{ActionKind::statement}}),
                 penalty(TriggerKind::below, 60, {{ActionKind::notice}})};
  s.indicators = {r, t};
  s.overall_penalties = {penalty(TriggerKind::bottom, 3, {{ActionKind::interview}}),
                         penalty(TriggerKind::below, 90, {{ActionKind::notice}})};
  return s;
}

TEST(Scorer, CompliantCounterfactual) {
  Scheme s = twelve_units();
  ScoreReport r = score_compliant(s, unit_names(s));
  EXPECT_TRUE(r.compliant);
  // bottom 3 → 3; below 10 → place 12 has 30 − 22 = 8 → 1; last → 1.
  EXPECT_EQ(r.indicator_hits[0], (std::vector<int>{3, 1, 1}));
  // bottom 10% of 12 → ceil(1.2) = 2; below 60 on a 70-point standard met → 0.
  EXPECT_EQ(r.indicator_hits[1], (std::vector<int>{2, 0}));
  // Totals 100, 98, …, 80 (#11), #12 vetoed → 0. Below 90: #7 (88) … #12 → 6.
  EXPECT_EQ(r.overall_hits, (std::vector<int>{3, 6}));
  EXPECT_EQ(r.units.back().unit, "#12");
  EXPECT_TRUE(r.units.back().vetoed);
  EXPECT_EQ(r.units[0].total, 100);
}

TEST(Scorer, FactsAgreeWithCompliantScoring) {
  Scheme s = twelve_units();
  Facts f = compute_facts(s);
  ScoreReport r = score_compliant(s, unit_names(s));
  for (size_t i = 0; i < s.indicators.size(); ++i)
    for (size_t p = 0; p < s.indicators[i].penalties.size(); ++p)
      EXPECT_EQ(f.indicators[i].penalty_hits[p], r.indicator_hits[i][p]) << i << "/" << p;
  EXPECT_EQ(f.overall_penalty_hits, (std::vector<double>{3, 6}));
}

TEST(Scorer, DescribesTriggersAndActions) {
  EXPECT_EQ(describe_trigger({TriggerKind::bottom_percent, 10, {}}, Lang::en), "bottom 10%");
  EXPECT_EQ(describe_trigger({TriggerKind::bottom, 3, {}}, Lang::zh), "后3名");
  std::vector<Action> a{{ActionKind::interview, 0, {}}, {ActionKind::deduct, 2, {}}};
  EXPECT_EQ(describe_actions(a, Lang::en), "interview, deduct 2");
  EXPECT_EQ(describe_actions(a, Lang::zh), "约谈、扣2分");
}

}  // namespace
}  // namespace jf
