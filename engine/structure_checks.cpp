#include "engine/structure_checks.hpp"

#include "base/spelling.hpp"

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

Diagnostic make(const Catalogue& c, Span span, Message message, Message help) {
  return {.rule = c.id, .name = c.name, .category = "structure", .severity = Severity::error, .span = span,
          .message = std::move(message), .help = std::move(help)};
}

Span or_span(Span preferred, Span fallback) { return preferred.end > preferred.begin ? preferred : fallback; }

template <typename T, typename IdOf>
void dedupe(std::vector<T>& items, IdOf id_of, const char* kind, std::vector<Diagnostic>& out) {
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
                       msg("structure.duplicate", {word("kind", kind), arg("id", id.text)}),
                       msg("structure.duplicate.help")));
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
        unknown(ind.owner, "structure.ref.owner", "noun.department", departments);
      for (const Name& c : ind.co_owners)  // `owner A, B`: each names a department
        if (!f_.department_index.count(c.text)) unknown(c, "structure.ref.owner", "noun.department", departments);
      for (const Name& p : ind.proves)
        if (!f_.indicator_index.count(p.text)) unknown(p, "structure.ref.proves", "noun.indicator", indicators);
    }
    for (const Inspection& in : s_.inspections)
      if (!f_.department_index.count(in.by.text))
        unknown(in.by, "structure.ref.inspection_by", "noun.department", departments);
  }

  // With one declared id a character or two away (a homophone typed by a
  // pinyin input method), the help names it; `check --fix` applies it.
  void unknown(const Name& n, const char* what, const char* kind, const std::vector<std::string_view>& declared) {
    std::string_view near = nearest_name(n.text, declared);
    Message help = near.empty() ? msg("structure.unknown_reference.help", {word("kind", kind)})
                                : msg("common.did_you_mean", {arg("name", near)});
    out_.push_back(make(kUnknownRef, n.span,
                        msg("structure.unknown_reference", {word("what", what), arg("name", n.text), word("kind", kind)}),
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
                            msg("structure.group_points",
                                {arg("group", g.id.text), arg("sum", sum), arg("stated", *g.points)}),
                            msg("structure.group_points.help")));
    }
    if (s_.info.total && std::fabs(f_.points_sum - *s_.info.total) > 1e-9)
      out_.push_back(make(kPoints, or_span(s_.info.total_span, s_.info.span),
                          msg("structure.total_points", {arg("sum", f_.points_sum), arg("total", *s_.info.total)}),
                          msg("structure.total_points.help")));
  }

  void cycles() {
    for (const auto& cycle : f_.proof_cycles) {
      std::string path;
      for (int i : cycle) path += s_.indicators[i].id.text + " → ";
      path += s_.indicators[cycle.front()].id.text;
      const Indicator& first = s_.indicators[cycle.front()];
      out_.push_back(make(kCycle, or_span(first.id.span, first.span),
                          msg("structure.proof_cycle", {arg("path", path)}), msg("structure.proof_cycle.help")));
    }
  }

  void penalty(const Penalty& p, double max_points, bool overall) {
    const double units = f_.unit_count;
    const Trigger& t = p.trigger;
    Span at = or_span(t.span, p.span);
    auto report = [&](const char* key, std::initializer_list<MessageArg> args) {
      out_.push_back(make(kDegenerate, at, msg(key, args), msg("structure.penalty.help")));
    };
    switch (t.kind) {
      case TriggerKind::bottom:
        if (t.value <= 0) report("structure.penalty.bottom_never", {arg("n", t.value)});
        else if (units > 0 && t.value >= units)
          report("structure.penalty.bottom_all", {arg("n", t.value), arg("units", units)});
        break;
      case TriggerKind::bottom_percent:
        if (t.value <= 0) report("structure.penalty.percent_never", {arg("n", t.value)});
        else if (t.value >= 100) report("structure.penalty.percent_all", {arg("n", t.value)});
        break;
      case TriggerKind::last:
        if (units == 1) report("structure.penalty.last_only", {});
        break;
      case TriggerKind::below:
        if (t.value <= 0)
          report("structure.penalty.below_never", {arg("n", t.value)});
        else if (max_points >= 0 && t.value > max_points)
          report("structure.penalty.below_always", {arg("n", t.value), word("whole", overall ? "noun.scheme" : "noun.item"),
                                                    arg("max", max_points)});
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
                            msg("structure.few_units", {arg("id", i.id.text), arg("units", f_.unit_count)}),
                            msg("structure.few_units.help")));
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
    Diagnostic d = make(kNoUnits, s_.info.span, msg("structure.no_units", {arg("ranked", ranked)}),
                        msg("structure.no_units.help"));
    d.severity = Severity::warning;
    out_.push_back(std::move(d));
  }

  // What a number is. Named only when one is bad: building the names of
  // every number of every indicator cost more than checking them.
  struct What {
    const char* what;                 // a structure.number.* word
    const std::string* id = nullptr;  // the element's id, quoted before it
    bool group = false;               // the element is a group (named as one)
  };

  void bad(Span at, const What& w, double v, const char* why) {
    const char* key = !w.id ? "structure.bad_number" : w.group ? "structure.bad_number_of_group" : "structure.bad_number_of";
    std::vector<MessageArg> args{word("what", w.what), arg("value", v), word("why", why)};
    if (w.id) args.push_back(arg("id", *w.id));
    out_.push_back(make(kBadNumber, at, Message(key, std::move(args)), msg("structure.bad_number.help")));
  }

  // Points and caps: finite, ≥ 0, ≤ 1e6. Counts: finite, ≥ 0, whole, ≤ limit.
  void amount(Span at, const What& what, std::optional<double> v) {
    if (!v) return;
    if (!std::isfinite(*v)) bad(at, what, *v, "structure.why.not_finite");
    else if (*v < 0) bad(at, what, *v, "structure.why.negative");
    else if (*v > 1e6) bad(at, what, *v, "structure.why.too_large");
  }
  void count(Span at, const What& what, std::optional<double> v, double max) {
    if (!v) return;
    amount(at, what, v);
    if (std::isfinite(*v) && *v >= 0 && *v <= 1e6) {
      if (*v != std::floor(*v)) bad(at, what, *v, "structure.why.not_whole");
      else if (*v > max) bad(at, what, *v, "structure.why.too_large");
    }
  }

  void numbers() {
    const SchemeInfo& info = s_.info;
    amount(or_span(info.total_span, info.span), {"structure.number.total"}, info.total);
    count(or_span(info.units_span, info.span), {"structure.number.unit_count"}, info.unit_count, 100000);
    for (const Group& g : s_.groups)
      amount(or_span(g.points_span, g.span), {"structure.number.points", &g.id.text, true}, g.points);
    for (const Indicator& i : s_.indicators) {
      const std::string* id = &i.id.text;
      amount(or_span(i.points_span, i.span), {"structure.number.points", id}, i.points);
      for (auto v : {i.score.top, i.score.step, i.score.floor})
        amount(or_span(i.score.span, i.span), {"structure.number.rank_points", id}, v);
      if (i.report) {
        count(or_span(i.report->span, i.span), {"structure.number.forms", id}, i.report->forms, 1000);
        count(or_span(i.report->span, i.span), {"structure.number.reports", id}, i.report->times, 366 * 24);
      }
      for (const Deduction& d : i.deductions) {
        amount(or_span(d.span, i.span), {"structure.number.deduction", id}, d.points);
        amount(or_span(d.span, i.span), {"structure.number.deduction_cap", id}, d.cap);
      }
      for (const Penalty& p : i.penalties)
        for (const Action& a : p.actions)
          if (a.kind == ActionKind::deduct)
            amount(or_span(a.span, p.span), {"structure.number.penalty_deduction", id}, a.amount);
    }
    for (const Inspection& in : s_.inspections)
      count(in.span, {"structure.number.inspections", &in.id.text}, in.times, 366);
  }

  const Scheme& s_;
  const Facts& f_;
  std::vector<Diagnostic> out_;
};

}  // namespace

std::vector<Diagnostic> remove_duplicate_ids(Scheme& s) {
  std::vector<Diagnostic> out;
  dedupe(s.departments, [](const Department& d) -> const Name& { return d.id; }, "noun.department", out);
  dedupe(s.groups, [](const Group& g) -> const Name& { return g.id; }, "noun.group", out);
  dedupe(s.indicators, [](const Indicator& i) -> const Name& { return i.id; }, "noun.indicator", out);
  dedupe(s.inspections, [](const Inspection& i) -> const Name& { return i.id; }, "noun.inspection", out);
  // Repeated unit names are reported but kept: they are counted as written.
  std::unordered_set<std::string> seen;
  for (const Name& u : s.info.units)
    if (!seen.insert(u.text).second)
      out.push_back(make(kDuplicate, u.span,
                         msg("structure.duplicate_unit", {arg("id", u.text)}), msg("structure.duplicate_unit.help")));
  return out;
}

std::vector<Diagnostic> check_structure(const Scheme& scheme, const Facts& facts) {
  return Checker(scheme, facts).run();
}

}  // namespace jf
