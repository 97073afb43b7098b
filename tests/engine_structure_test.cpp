#include "engine/structure_checks.hpp"

#include <gtest/gtest.h>

namespace jf {
namespace {

std::vector<std::string> ids(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (auto& d : ds) out.push_back(d.rule);
  return out;
}

Indicator item(std::string id, double points, std::string owner = "两办") {
  Indicator i;
  i.id.text = std::move(id);
  i.points = points;
  i.owner.text = std::move(owner);
  return i;
}

Scheme base() {
  Scheme s;
  s.info.total = 100;
  s.info.units = {{"甲"}, {"乙"}, {"丙"}, {"丁"}};
  s.departments = {{{"两办"}, "", DeptKind::office, {}, {}}};
  s.indicators = {item("a", 60), item("b", 40)};
  return s;
}

std::vector<Diagnostic> check(Scheme s) {
  std::vector<Diagnostic> out = remove_duplicate_ids(s);
  auto rest = check_structure(s, compute_facts(s));
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

TEST(Structure, CleanSchemeIsQuiet) { EXPECT_TRUE(check(base()).empty()); }

TEST(Structure, UnknownOwnerProvesAndInspector) {
  Scheme s = base();
  s.indicators[0].owner.text = "住建局";
  s.indicators[1].proves = {{"nowhere"}};
  s.inspections.push_back({{"年终"}, {"考核办"}, InspectionFrequency::annual, std::nullopt, InspectionKind::regular, {}});
  auto ds = check(s);
  EXPECT_EQ(ids(ds), (std::vector<std::string>{"JF002", "JF002", "JF002"}));
  EXPECT_EQ(ds[0].message.in(Lang::en), "owner `住建局` is not a declared department");
  EXPECT_EQ(ds[0].message.in(Lang::zh), "负责部门“住建局”不是已声明的部门");
}

// `owner 两办, 住建局`: every department named must be declared.
TEST(Structure, UnknownCoOwner) {
  Scheme s = base();
  s.indicators[0].co_owners = {{"住建局"}};
  auto ds = check(s);
  EXPECT_EQ(ids(ds), (std::vector<std::string>{"JF002"}));
  EXPECT_EQ(ds[0].message.in(Lang::en), "owner `住建局` is not a declared department");
}

TEST(Structure, DuplicateIdsAreReportedAndDropped) {
  Scheme s = base();
  s.indicators.push_back(item("a", 20));
  auto ds = remove_duplicate_ids(s);
  EXPECT_EQ(ids(ds), std::vector<std::string>{"JF003"});
  EXPECT_EQ(ds[0].message.in(Lang::en), "indicator `a` is declared more than once");
  EXPECT_EQ(s.indicators.size(), 2u);
  EXPECT_EQ(*s.indicators[0].points, 60);
}

TEST(Structure, PointsMustAddUpToTotalAndGroups) {
  Scheme s = base();
  s.info.total = 120;
  s.groups = {{{"发展"}, 50.0, {}, {}}};
  s.indicators[0].group = "发展";
  auto ds = check(s);
  ASSERT_EQ(ids(ds), (std::vector<std::string>{"JF004", "JF004"}));
  EXPECT_EQ(ds[0].message.in(Lang::en), "the indicators of group `发展` add up to 60 points, not its stated 50");
  EXPECT_EQ(ds[1].message.in(Lang::en), "the indicators add up to 100 points, not the stated total of 120 (bonus items are not counted)");
}

TEST(Structure, ProofCycleIsReportedOnce) {
  Scheme s = base();
  s.indicators[0].proves = {{"b"}};
  s.indicators[1].proves = {{"a"}};
  auto ds = check(s);
  ASSERT_EQ(ids(ds), std::vector<std::string>{"JF005"});
  EXPECT_EQ(ds[0].message.in(Lang::en), "`proves` links form a cycle: a → b → a");
}

TEST(Structure, DegeneratePenalties) {
  Scheme s = base();
  s.indicators[0].penalties = {{{TriggerKind::below, 70, {}}, {{ActionKind::notice, 0, {}}}, {}},
                               {{TriggerKind::bottom, 4, {}}, {{ActionKind::notice, 0, {}}}, {}},
                               {{TriggerKind::below, 0, {}}, {{ActionKind::notice, 0, {}}}, {}},
                               {{TriggerKind::bottom, 3, {}}, {{ActionKind::notice, 0, {}}}, {}}};
  auto ds = check(s);
  ASSERT_EQ(ids(ds), (std::vector<std::string>{"JF006", "JF006", "JF006"}));
  EXPECT_EQ(ds[0].message.in(Lang::en), "`below 70` always triggers: the item is worth only 60 points");
  EXPECT_EQ(ds[1].message.in(Lang::en), "`bottom 4` hits every one of the 4 units");
  EXPECT_EQ(ds[2].message.in(Lang::en), "`below 0` can never trigger: scores are never below 0");
}

TEST(Structure, RankingNeedsThreeUnits) {
  Scheme s = base();
  s.info.units.resize(2);
  s.indicators[0].score.mode = ScoreMode::rank;
  EXPECT_EQ(ids(check(s)), std::vector<std::string>{"JF007"});
}

TEST(Structure, BadNumbers) {
  Scheme s = base();
  s.indicators[0].points = -60;
  s.indicators[1].points = 220;  // keeps the total at 160? no: total mismatch is JF004
  s.info.total = 160;
  s.indicators[1].deductions = {{1, "late_report", -5.0, {}}};
  s.indicators[1].report = Reporting{Frequency::monthly, 2.5, std::nullopt, {}};
  auto ds = check(s);
  EXPECT_EQ(ids(ds), (std::vector<std::string>{"JF008", "JF008", "JF008"}));
  EXPECT_EQ(ds[0].message.in(Lang::en), "`a` points is -60: negative");
}

}  // namespace
}  // namespace jf
