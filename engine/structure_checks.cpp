#include "engine/structure_checks.hpp"

#include "base/spelling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace jf {
namespace {

struct Catalogue {
  const char* id;
  const char* name;
};
constexpr Catalogue kUnknownRef{"JF002", "unknown-reference"};
constexpr Catalogue kDuplicate{"JF003", "duplicate-id"};
constexpr Catalogue kPoints{"JF004", "points-mismatch"};
constexpr Catalogue kCycle{"JF005", "proof-cycle"};
constexpr Catalogue kDegenerate{"JF006", "degenerate-penalty"};
constexpr Catalogue kFewUnits{"JF007", "rank-too-few-units"};
constexpr Catalogue kBadNumber{"JF008", "bad-number"};
constexpr Catalogue kNoUnits{"JF011", "no-units"};

Diagnostic make(const Catalogue& c, Span span, Text message, Text help) {
  return {.rule = c.id, .name = c.name, .category = "structure", .severity = Severity::error, .span = span,
          .message = std::move(message), .help = std::move(help)};
}

std::string num(double v) { return format_number(v); }

Span or_span(Span preferred, Span fallback) { return preferred.end > preferred.begin ? preferred : fallback; }

template <typename T, typename IdOf>
void dedupe(std::vector<T>& items, IdOf id_of, const char* kind_en, const char* kind_zh,
            std::vector<Diagnostic>& out) {
  std::unordered_set<std::string> seen;
  std::vector<T> kept;
  kept.reserve(items.size());
  for (T& item : items) {
    const Name& id = id_of(item);
    if (seen.insert(id.text).second) {
      kept.push_back(std::move(item));
      continue;
    }
    out.push_back(make(kDuplicate, or_span(id.span, item.span),
                       {fmt::format("{} `{}` is declared more than once", kind_en, id.text),
                        fmt::format("{}“{}”重复定义", kind_zh, id.text)},
                       {"rename one of them or merge them; only the first is used",
                        "请改名或合并；只有第一个定义生效"}));
  }
  items = std::move(kept);
}

class Checker {
 public:
  Checker(const Scheme& s, const Facts& f) : s_(s), f_(f) {}

  std::vector<Diagnostic> run() {
    references();
    points();
    cycles();
    penalties();
    few_units();
    no_units();
    numbers();
    return std::move(out_);
  }

 private:
  void references() {
    std::vector<std::string_view> departments, indicators;
    for (const Department& d : s_.departments) departments.push_back(d.id.text);
    for (const Indicator& i : s_.indicators) indicators.push_back(i.id.text);
    for (const Indicator& ind : s_.indicators) {
      if (!ind.owner.text.empty() && !f_.department_index.count(ind.owner.text))
        unknown(ind.owner, "owner", "负责部门", "department", "部门", departments);
      for (const Name& c : ind.co_owners)  // `owner A, B`: each names a department
        if (!f_.department_index.count(c.text)) unknown(c, "owner", "负责部门", "department", "部门", departments);
      for (const Name& p : ind.proves)
        if (!f_.indicator_index.count(p.text))
          unknown(p, "`proves` target", "proves 对象", "indicator", "指标", indicators);
    }
    for (const Inspection& in : s_.inspections)
      if (!f_.department_index.count(in.by.text))
        unknown(in.by, "inspection `by`", "检查实施部门", "department", "部门", departments);
  }

  // With one declared id a character or two away (a homophone typed by a
  // pinyin input method), the help names it; `check --fix` applies it.
  void unknown(const Name& n, const char* what_en, const char* what_zh, const char* kind_en, const char* kind_zh,
               const std::vector<std::string_view>& declared) {
    std::string_view near = nearest_name(n.text, declared);
    Text help = near.empty() ? Text{fmt::format("declare the {} or correct the name", kind_en),
                                    fmt::format("请先声明该{}，或更正名称", kind_zh)}
                             : Text{fmt::format("did you mean `{}`?", near), fmt::format("是否应为“{}”？", near)};
    out_.push_back(make(kUnknownRef, n.span,
                        {fmt::format("{} `{}` is not a declared {}", what_en, n.text, kind_en),
                         fmt::format("{}“{}”不是已声明的{}", what_zh, n.text, kind_zh)},
                        std::move(help)));
    if (!near.empty() && n.span.end > n.span.begin) out_.back().fix.push_back({n.span, std::string(near)});
  }

  static double scored_points(const Indicator& i) {
    return i.score.mode == ScoreMode::bonus ? 0 : i.points.value_or(0);
  }

  void points() {
    for (const Group& g : s_.groups) {
      if (!g.points) continue;
      double sum = 0;
      for (const Indicator& i : s_.indicators)
        if (i.group == g.id.text) sum += scored_points(i);
      if (std::fabs(sum - *g.points) > 1e-9)
        out_.push_back(make(kPoints, or_span(g.points_span, g.span),
                            {fmt::format("the indicators of group `{}` add up to {} points, not its stated {}",
                                         g.id.text, num(sum), num(*g.points)),
                             fmt::format("分组“{}”的指标合计 {} 分，与标明的 {} 分不符", g.id.text, num(sum),
                                         num(*g.points))},
                            {"correct the group's points or its indicators' points",
                             "请更正分组分值或其下指标分值"}));
    }
    if (s_.info.total && std::fabs(f_.points_sum - *s_.info.total) > 1e-9)
      out_.push_back(make(kPoints, or_span(s_.info.total_span, s_.info.span),
                          {fmt::format("the indicators add up to {} points, not the stated total of {} "
                                       "(bonus items are not counted)",
                                       num(f_.points_sum), num(*s_.info.total)),
                           fmt::format("指标合计 {} 分，与方案总分 {} 分不符（加分项不计入）",
                                       num(f_.points_sum), num(*s_.info.total))},
                          {"make the indicators' points add up to `total`, or correct `total`",
                           "请使各指标分值之和等于总分，或更正总分"}));
  }

  void cycles() {
    for (const auto& cycle : f_.proof_cycles) {
      std::string path;
      for (int i : cycle) path += s_.indicators[i].id.text + " → ";
      path += s_.indicators[cycle.front()].id.text;
      const Indicator& first = s_.indicators[cycle.front()];
      out_.push_back(make(kCycle, or_span(first.id.span, first.span),
                          {fmt::format("`proves` links form a cycle: {}", path),
                           fmt::format("proves 关系构成循环：{}", path)},
                          {"an item cannot audit itself, directly or through others: remove a link",
                           "指标不能直接或间接地核查自己：请删除其中一条 proves 关系"}));
    }
  }

  void penalty(const Penalty& p, double max_points, bool overall) {
    const double units = f_.unit_count;
    const Trigger& t = p.trigger;
    Span at = or_span(t.span, p.span);
    auto report = [&](std::string en, std::string zh) {
      out_.push_back(make(kDegenerate, at, {std::move(en), std::move(zh)},
                          {"a penalty must separate breaches from compliance: change its trigger",
                           "惩戒应区分违规与达标：请修改触发条件"}));
    };
    switch (t.kind) {
      case TriggerKind::bottom:
        if (t.value <= 0) report("`bottom " + num(t.value) + "` can never trigger", "“倒数 " + num(t.value) + " 名”永远不会触发");
        else if (units > 0 && t.value >= units)
          report(fmt::format("`bottom {}` hits every one of the {} units", num(t.value), num(units)),
                 fmt::format("“倒数 {} 名”覆盖全部 {} 个单位", num(t.value), num(units)));
        break;
      case TriggerKind::bottom_percent:
        if (t.value <= 0) report("`bottom " + num(t.value) + "%` can never trigger", "“倒数 " + num(t.value) + "%”永远不会触发");
        else if (t.value >= 100) report(fmt::format("`bottom {}%` hits every unit", num(t.value)),
                                        fmt::format("“倒数 {}%”覆盖全部单位", num(t.value)));
        break;
      case TriggerKind::last:
        if (units == 1) report("`last` hits the only unit", "“末位”就是唯一的单位");
        break;
      case TriggerKind::below:
        if (t.value <= 0)
          report(fmt::format("`below {}` can never trigger: scores are never below 0", num(t.value)),
                 fmt::format("“低于 {} 分”永远不会触发：得分不会低于 0", num(t.value)));
        else if (max_points >= 0 && t.value > max_points)
          report(fmt::format("`below {}` always triggers: the {} is worth only {} points", num(t.value),
                             overall ? "scheme" : "item", num(max_points)),
                 fmt::format("“低于 {} 分”必然触发：该{}满分只有 {} 分", num(t.value),
                             overall ? "方案" : "指标", num(max_points)));
        break;
    }
  }

  void penalties() {
    for (const Indicator& i : s_.indicators)
      for (const Penalty& p : i.penalties) penalty(p, i.points.value_or(-1), false);
    for (const Penalty& p : s_.overall_penalties) penalty(p, s_.info.total.value_or(-1), true);
  }

  void few_units() {
    if (f_.unit_count >= 3 || (s_.info.units.empty() && !s_.info.unit_count)) return;
    for (const Indicator& i : s_.indicators)
      if (i.score.mode == ScoreMode::rank)
        out_.push_back(make(kFewUnits, or_span(i.score.span, i.span),
                            {fmt::format("`{}` is ranked among only {} units", i.id.text, num(f_.unit_count)),
                             fmt::format("“{}”只在 {} 个单位之间排名", i.id.text, num(f_.unit_count))},
                            {"with fewer than 3 units a ranking says nothing: score against a standard",
                             "单位少于 3 个时排名没有意义：请按标准计分"}));
  }

  // Without units, ranking rules (JF102, JF104, …) have no places to count
  // and would stay silent: say so once rather than let silence read as clean.
  void no_units() {
    if (!s_.info.units.empty() || s_.info.unit_count) return;
    size_t ranked = 0;
    for (const Indicator& i : s_.indicators) ranked += i.score.mode == ScoreMode::rank;
    auto by_place = [](const Penalty& p) { return p.trigger.kind != TriggerKind::below; };
    bool places = ranked > 0 || std::any_of(s_.overall_penalties.begin(), s_.overall_penalties.end(), by_place);
    for (const Indicator& i : s_.indicators)
      places = places || std::any_of(i.penalties.begin(), i.penalties.end(), by_place);
    if (!places) return;
    Diagnostic d = make(kNoUnits, s_.info.span,
                        {fmt::format("the scheme names no units, so the ranking checks cannot count places "
                                     "({} ranked {}, penalties by place): they are skipped",
                                     ranked, ranked == 1 ? "indicator" : "indicators"),
                         fmt::format("方案没有写明被考核单位，排名类检查无法计算名次（{} 个排名计分指标及按名次的处罚），"
                                     "这些检查已跳过",
                                     ranked)},
                        {"list the assessed units (`units 甲镇, 乙镇, …`) or give their number (`units 12`); for a "
                         "Word/Excel/CSV table, pass --units or set `documents: units:` in .jianfu.yaml",
                         "请列出被考核单位（`units 甲镇, 乙镇, …`）或写明数量（`units 12`）；Word/Excel/CSV 表格可用 "
                         "--units 参数，或在 .jianfu.yaml 中设置 `documents: units:`"});
    d.severity = Severity::warning;
    out_.push_back(std::move(d));
  }

  // What a number is. Named only when one is bad: building the names of
  // every number of every indicator cost more than checking them.
  struct What {
    const char* en;
    const char* zh;
    const std::string* id = nullptr;  // the element's id, quoted before en/zh
    const char* kind_en = "";  // before the id: "group "
    const char* kind_zh = "";
    std::string name_en() const { return id ? fmt::format("{}`{}` {}", kind_en, *id, en) : en; }
    std::string name_zh() const { return id ? fmt::format("{}“{}”{}", kind_zh, *id, zh) : zh; }
  };

  void bad(Span at, const What& what, double v, const char* why_en, const char* why_zh) {
    out_.push_back(make(kBadNumber, at,
                        {fmt::format("{} is {}: {}", what.name_en(), num(v), why_en),
                         fmt::format("{}为 {}：{}", what.name_zh(), num(v), why_zh)},
                        {"use a finite, non-negative number of a plausible size", "请使用有限、非负且大小合理的数值"}));
  }

  // Points and caps: finite, ≥ 0, ≤ 1e6. Counts: finite, ≥ 0, whole, ≤ limit.
  void amount(Span at, const What& what, std::optional<double> v) {
    if (!v) return;
    if (!std::isfinite(*v)) bad(at, what, *v, "not a finite number", "不是有限数值");
    else if (*v < 0) bad(at, what, *v, "negative", "为负数");
    else if (*v > 1e6) bad(at, what, *v, "absurdly large", "大得不合理");
  }
  void count(Span at, const What& what, std::optional<double> v, double max) {
    if (!v) return;
    amount(at, what, v);
    if (std::isfinite(*v) && *v >= 0 && *v <= 1e6) {
      if (*v != std::floor(*v)) bad(at, what, *v, "not a whole number", "不是整数");
      else if (*v > max) bad(at, what, *v, "absurdly large", "大得不合理");
    }
  }

  void numbers() {
    const SchemeInfo& info = s_.info;
    amount(or_span(info.total_span, info.span), {"`total`", "总分"}, info.total);
    count(or_span(info.units_span, info.span), {"the unit count", "单位数"}, info.unit_count, 100000);
    for (const Group& g : s_.groups)
      amount(or_span(g.points_span, g.span), {"points", "分值", &g.id.text, "group ", "分组"}, g.points);
    for (const Indicator& i : s_.indicators) {
      const std::string* id = &i.id.text;
      amount(or_span(i.points_span, i.span), {"points", "分值", id}, i.points);
      for (auto v : {i.score.top, i.score.step, i.score.floor})
        amount(or_span(i.score.span, i.span), {"rank points", "排名分值", id}, v);
      if (i.report) {
        count(or_span(i.report->span, i.span), {"forms per period", "每期报表数", id}, i.report->forms, 1000);
        count(or_span(i.report->span, i.span), {"reports a year", "每年报送次数", id}, i.report->times, 366 * 24);
      }
      for (const Deduction& d : i.deductions) {
        amount(or_span(d.span, i.span), {"deduction", "扣分", id}, d.points);
        amount(or_span(d.span, i.span), {"deduction cap", "扣分上限", id}, d.cap);
      }
      for (const Penalty& p : i.penalties)
        for (const Action& a : p.actions)
          if (a.kind == ActionKind::deduct)
            amount(or_span(a.span, p.span), {"penalty deduction", "惩戒扣分", id}, a.amount);
    }
    for (const Inspection& in : s_.inspections)
      count(in.span, {"inspections a year", "每年检查次数", &in.id.text}, in.times, 366);
  }

  const Scheme& s_;
  const Facts& f_;
  std::vector<Diagnostic> out_;
};

}  // namespace

std::vector<Diagnostic> remove_duplicate_ids(Scheme& s) {
  std::vector<Diagnostic> out;
  dedupe(s.departments, [](const Department& d) -> const Name& { return d.id; }, "department", "部门", out);
  dedupe(s.groups, [](const Group& g) -> const Name& { return g.id; }, "group", "分组", out);
  dedupe(s.indicators, [](const Indicator& i) -> const Name& { return i.id; }, "indicator", "指标", out);
  dedupe(s.inspections, [](const Inspection& i) -> const Name& { return i.id; }, "inspection", "检查", out);
  // Repeated unit names are reported but kept: they are counted as written.
  std::unordered_set<std::string> seen;
  for (const Name& u : s.info.units)
    if (!seen.insert(u.text).second)
      out.push_back(make(kDuplicate, u.span,
                         {fmt::format("unit `{}` is listed more than once", u.text),
                          fmt::format("单位“{}”重复列出", u.text)},
                         {"list each unit once", "每个单位只列一次"}));
  return out;
}

std::vector<Diagnostic> check_structure(const Scheme& scheme, const Facts& facts) {
  return Checker(scheme, facts).run();
}

}  // namespace jf
