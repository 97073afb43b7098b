#include "bench/scheme_gen.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

#include "dsl/scheme_writer.hpp"

namespace jf::bench {
namespace {

// splitmix64: tiny, portable, and its output does not depend on the standard
// library (std::uniform_int_distribution differs between implementations).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ull + 0x1234567ull) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  template <class T, size_t N>
  const T& pick(const std::array<T, N>& a) { return a[below(static_cast<int>(N))]; }

 private:
  uint64_t s_;
};

constexpr std::array<const char*, 24> kPlaces{"城关", "河口", "石桥", "白沙", "龙潭", "柳营", "花园", "新店",
                                              "黄土岭", "清水", "枫林", "南岗", "青岩", "孟关", "燕楼", "马铃",
                                              "黔陶", "高坡", "久安", "麦坪", "双河", "金竹", "桃源", "松柏"};
constexpr std::array<const char*, 20> kLineDepts{"发改局", "农业农村局", "生态环境局", "应急管理局", "信访局",
                                                 "自然资源局", "住建局", "卫健委", "教育局", "民政局",
                                                 "市场监管局", "林业局", "水利局", "统计局", "交通运输局",
                                                 "人社局", "文旅局", "商务局", "司法局", "医保局"};
constexpr std::array<const char*, 8> kGroups{"经济发展", "乡村振兴", "生态环保", "安全稳定",
                                             "社会事业", "党建与作风", "营商环境", "民生保障"};
constexpr std::array<const char*, 24> kTopics{"财政收入", "招商引资", "项目建设", "人居环境", "粮食生产",
                                              "高标准农田", "防止返贫", "秸秆禁烧", "河长制", "森林防火",
                                              "信访稳定", "安全生产", "食品安全", "控辍保学", "基本公卫",
                                              "养老服务", "农房安全", "基层党建", "督查落实", "垃圾分类",
                                              "污水治理", "集体经济", "就业创业", "医保参保"};
constexpr std::array<const char*, 8> kTargets{"完成年度目标任务", "完成率不低于95%", "不发生较大事故",
                                              "群众满意度不低于90%", "按期完成上级下达任务", "达到省定标准",
                                              "无重大负面舆情", "全部达标"};
constexpr std::array<const char*, 6> kEvents{"late_report", "data_error", "fire_spot",
                                             "missing_form", "complaint", "late_submission"};

Name name(std::string text) { return Name{std::move(text), {}}; }

std::vector<Department> departments(Rng& r, int n) {
  std::vector<Department> out;
  auto add = [&](std::string id, std::string display, DeptKind kind) {
    out.push_back(Department{.id = name(std::move(id)), .display = std::move(display), .kind = kind});
  };
  add("两办", "县委办、县政府办", DeptKind::office);
  add("考核办", "县考核办", DeptKind::assessment);
  add("督查办", "县委督查室", DeptKind::supervision);
  add("效能办", "县效能办", DeptKind::efficiency);
  add("组织部", "县委组织部", DeptKind::office);
  for (int i = 0; static_cast<int>(out.size()) < n; ++i) {
    std::string id = kLineDepts[i % kLineDepts.size()];
    if (i >= static_cast<int>(kLineDepts.size())) id += std::to_string(i / kLineDepts.size() + 1);
    add(id, "县" + id, r.chance(0.05) ? DeptKind::third_party : DeptKind::line);
  }
  return out;
}

Scoring scoring(Rng& r, double rank_share, double points) {
  Scoring s;
  double u = static_cast<double>(r.next() >> 11) * 0x1.0p-53;
  if (u < rank_share) {
    s.mode = ScoreMode::rank;
    if (r.chance(0.3)) s.target_text = kTargets[r.below(kTargets.size())];
    if (r.chance(0.4)) {
      s.top = points;
      s.step = r.between(1, 3);
    }
  } else if (u < rank_share + 0.06) {
    s.mode = ScoreMode::deduction;
  } else if (u < rank_share + 0.08) {
    s.mode = ScoreMode::veto;
    s.target_text = "不发生较大以上事故";
  } else {
    s.mode = ScoreMode::threshold;
    if (r.chance(0.7)) s.target_text = kTargets[r.below(kTargets.size())];
    else if (r.chance(0.5)) s.target_number = r.between(80, 100);
  }
  return s;
}

Indicator indicator(Rng& r, int index, const std::vector<Department>& depts, double rank_share, int units) {
  Indicator in;
  const char* topic = kTopics[index % kTopics.size()];
  in.id = name(fmt::format("{}{:04}", topic, index + 1));
  if (r.chance(0.6)) in.display = fmt::format("{}工作第{}项", topic, index + 1);
  // Line departments own most items, as in the schemes the tool exists for.
  int owner = r.chance(0.7) ? r.between(5, static_cast<int>(depts.size()) - 1) : r.below(5);
  in.owner = depts[owner].id;
  double points = r.between(1, 8) * 5;
  in.points = points;
  in.key = r.chance(0.2);
  in.score = scoring(r, rank_share, points);
  if (r.chance(0.85)) {
    static constexpr std::array<Frequency, 7> f{Frequency::monthly, Frequency::quarterly, Frequency::monthly,
                                                Frequency::weekly, Frequency::semiannual, Frequency::yearly,
                                                Frequency::adhoc};
    in.report = Reporting{.frequency = r.pick(f), .forms = static_cast<double>(r.between(1, 3))};
  }
  static constexpr std::array<EvidenceKind, 5> ev{EvidenceKind::ledger, EvidenceKind::photo,
                                                  EvidenceKind::materials, EvidenceKind::minutes,
                                                  EvidenceKind::system_entry};
  int first = r.below(5), kinds = r.below(4);
  for (int k = 0; k < kinds; ++k) in.evidence.push_back(Evidence{ev[(first + k) % 5], {}});
  for (int d = r.below(3); d > 0; --d) {
    Deduction de{.points = r.between(1, 4) * 0.5, .event = kEvents[r.below(kEvents.size())]};
    if (r.chance(0.5)) de.cap = r.between(2, 5);
    in.deductions.push_back(de);
  }
  if (in.score.mode == ScoreMode::rank && r.chance(0.35)) {
    Penalty p;
    int t = r.below(3);
    if (t == 0) p.trigger = Trigger{TriggerKind::bottom, static_cast<double>(r.between(1, std::min(3, units - 1)))};
    else if (t == 1) p.trigger = Trigger{TriggerKind::last, 0};
    else p.trigger = Trigger{TriggerKind::bottom_percent, static_cast<double>(r.between(1, 3) * 10)};
    static constexpr std::array<ActionKind, 5> acts{ActionKind::interview, ActionKind::statement,
                                                    ActionKind::notice, ActionKind::disqualify,
                                                    ActionKind::accountability};
    int a0 = r.below(5), na = r.between(1, 3);
    for (int a = 0; a < na; ++a) p.actions.push_back(Action{acts[(a0 + a) % 5], 0, {}});
    in.penalties.push_back(p);
  }
  return in;
}

}  // namespace

Scheme generate_scheme(const GenParams& p) {
  Rng r(p.seed);
  Scheme s;
  const int units = p.units > 0 ? p.units : r.between(8, 25);
  s.info.name = fmt::format("样例县{}年度乡镇综合考核方案（第{}号）", 2025, p.seed);
  s.info.year = 2025;
  for (int u = 0; u < units; ++u)
    s.info.units.push_back(name(fmt::format("{}{}", kPlaces[u % kPlaces.size()],
                                            u < static_cast<int>(kPlaces.size()) ? (u % 3 ? "镇" : "乡")
                                                                                 : fmt::format("{}镇", u))));
  s.departments = departments(r, std::max(5, p.departments));
  // Each scheme has its own ranking habit, so findings differ between files.
  const double rank_share = 0.15 + 0.5 * static_cast<double>(r.below(100)) / 100.0;
  const int groups = std::min<int>(kGroups.size(), std::max(1, p.indicators / 8));
  double total = 0;
  for (int g = 0; g < groups; ++g) s.groups.push_back(Group{.id = name(kGroups[g])});
  for (int i = 0; i < p.indicators; ++i) {
    Indicator in = indicator(r, i, s.departments, rank_share, units);
    in.group = kGroups[static_cast<size_t>(i) * groups / p.indicators];
    // A few audit items prove earlier ones: proof layers without cycles.
    if (i > 3 && r.chance(0.04))
      for (int k = r.between(1, 3); k > 0; --k) in.proves.push_back(s.indicators[r.below(i)].id);
    if (in.score.mode != ScoreMode::bonus && in.points) total += *in.points;
    s.indicators.push_back(std::move(in));
  }
  s.info.total = total;
  auto inspect = [&](std::string id, int by, InspectionFrequency f) {
    s.inspections.push_back(Inspection{.id = name(std::move(id)), .by = s.departments[by].id, .frequency = f});
  };
  inspect("年终考核", 1, InspectionFrequency::annual);
  if (r.chance(0.7)) inspect("半年考核", 1, InspectionFrequency::semiannual);
  if (r.chance(0.5)) inspect("季度督查", 2, InspectionFrequency::quarterly);
  if (r.chance(0.3)) inspect("作风暗访", 3, InspectionFrequency::spot);
  if (r.chance(0.3)) inspect("专项检查", r.between(5, static_cast<int>(s.departments.size()) - 1),
                             InspectionFrequency::semiannual);
  if (r.chance(0.3)) s.overall_penalties.push_back(Penalty{.trigger = {TriggerKind::bottom, 3},
                                                           .actions = {Action{ActionKind::interview, 0, {}}}});
  return s;
}

std::string scheme_text(const Scheme& s, bool assess) {
  if (!assess) return write_yaml(s);
  AssessText t = write_assess(s);
  if (!t.ok()) throw std::runtime_error("write_assess: " + t.error.in(jf::Lang::en));
  return t.text;
}

}  // namespace jf::bench
