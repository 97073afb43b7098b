#include "engine/facts.hpp"

#include <gtest/gtest.h>

namespace jf {
namespace {

Indicator item(std::string id, double points, std::string owner = "") {
  Indicator i;
  i.id.text = std::move(id);
  i.points = points;
  i.owner.text = std::move(owner);
  return i;
}

Scheme two_departments() {
  Scheme s;
  s.info.total = 100;
  s.info.units = {{"甲"}, {"乙"}, {"丙"}, {"丁"}};
  s.departments = {{{"两办"}, "", DeptKind::office, {}, {}}, {{"环保局"}, "", DeptKind::line, {}, {}}};
  Indicator a = item("a", 60, "两办");
  a.report = Reporting{Frequency::monthly, 2, std::nullopt, {}};
  a.evidence = {{EvidenceKind::ledger, {}}, {EvidenceKind::photo, {}}};
  Indicator b = item("b", 40, "环保局");
  b.report = Reporting{Frequency::adhoc, 1, std::nullopt, {}};
  Indicator c = item("c", 0, "环保局");  // evidence without a report: counted once
  c.evidence = {{EvidenceKind::minutes, {}}};
  Indicator bonus = item("bonus", 5, "两办");
  bonus.score.mode = ScoreMode::bonus;
  s.indicators = {a, b, c, bonus};
  Inspection year{{"年终"}, {"两办"}, InspectionFrequency::annual, std::nullopt, InspectionKind::regular, {}};
  Inspection spot{{"暗访"}, {"两办"}, InspectionFrequency::spot, 3.0, InspectionKind::regular, {}};
  Inspection q{{"季度"}, {"未声明"}, InspectionFrequency::quarterly, std::nullopt, InspectionKind::regular, {}};
  s.inspections = {year, spot, q};
  return s;
}

TEST(Facts, FormsEvidenceAndInspectionsPerUnitYear) {
  Facts f = compute_facts(two_departments());
  EXPECT_EQ(f.unit_count, 4);
  EXPECT_EQ(f.indicators[0].forms_per_year, 24);     // monthly × 2
  EXPECT_EQ(f.indicators[1].forms_per_year, 12);     // adhoc counts 12
  EXPECT_EQ(f.forms_per_year, 36);
  EXPECT_EQ(f.indicators[0].evidence_per_year, 24);  // 2 kinds × 12 periods
  EXPECT_EQ(f.indicators[2].evidence_per_year, 1);   // 1 kind, no report
  EXPECT_EQ(f.evidence_per_year, 25);
  EXPECT_EQ(f.inspections_per_year, 1 + 3 + 4);
  EXPECT_EQ(f.inspection_by[2], -1);
}

TEST(Facts, DepartmentPointsAndShareLeaveBonusAside) {
  Facts f = compute_facts(two_departments());
  EXPECT_EQ(f.points_sum, 100);
  EXPECT_EQ(f.departments[0].points, 60);
  EXPECT_DOUBLE_EQ(f.departments[0].share, 0.6);
  EXPECT_DOUBLE_EQ(f.departments[1].share, 0.4);
  EXPECT_EQ(f.departments[0].indicators.size(), 2u);
  EXPECT_EQ(f.departments[0].inspections.size(), 2u);
}

TEST(Facts, ProofDepthAndCycles) {
  Scheme s;
  s.indicators = {item("work", 1), item("check", 1), item("meta", 1), item("x", 1), item("y", 1), item("z", 1)};
  s.indicators[1].proves = {{"work"}};
  s.indicators[2].proves = {{"check"}, {"work"}};
  s.indicators[3].proves = {{"y"}};
  s.indicators[4].proves = {{"x"}};
  s.indicators[5].proves = {{"x"}, {"nowhere"}};
  Facts f = compute_facts(s);
  EXPECT_EQ(f.indicators[0].proof_depth, 0);
  EXPECT_EQ(f.indicators[1].proof_depth, 1);
  EXPECT_EQ(f.indicators[2].proof_depth, 2);
  EXPECT_EQ(f.indicators[3].proof_depth, std::nullopt);  // on a cycle
  EXPECT_EQ(f.indicators[5].proof_depth, std::nullopt);  // behind a cycle
  ASSERT_EQ(f.proof_cycles.size(), 1u);
  EXPECT_EQ(f.proof_cycles[0], (std::vector<int>{3, 4}));
}

TEST(Facts, LongProofChainDoesNotRecurse) {
  Scheme s;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    s.indicators.push_back(item("i" + std::to_string(i), 0));
    if (i > 0) s.indicators.back().proves = {{"i" + std::to_string(i - 1)}};
  }
  Facts f = compute_facts(s);
  EXPECT_EQ(f.indicators[n - 1].proof_depth, n - 1);
}

TEST(Facts, UnitsPenalisedUnderFullCompliance) {
  EXPECT_EQ(hits_under_full_compliance({TriggerKind::bottom, 3, {}}, 12), 3);
  EXPECT_EQ(hits_under_full_compliance({TriggerKind::bottom, 30, {}}, 12), 12);
  EXPECT_EQ(hits_under_full_compliance({TriggerKind::bottom_percent, 10, {}}, 12), 2);  // 1.2 rounds up
  EXPECT_EQ(hits_under_full_compliance({TriggerKind::bottom_percent, 25, {}}, 12), 3);  // exactly 3
  EXPECT_EQ(hits_under_full_compliance({TriggerKind::last, 0, {}}, 12), 1);
  EXPECT_EQ(hits_under_full_compliance({TriggerKind::below, 60, {}}, 12), 0);
}

TEST(Facts, PeriodsAYear) {
  EXPECT_EQ(periods_per_year(Frequency::daily), 365);
  EXPECT_EQ(periods_per_year(Frequency::weekly), 52);
  EXPECT_EQ(periods_per_year(Frequency::semiannual), 2);
  Inspection spot;
  spot.frequency = InspectionFrequency::spot;
  EXPECT_EQ(inspections_per_year(spot), 1);
}

}  // namespace
}  // namespace jf
