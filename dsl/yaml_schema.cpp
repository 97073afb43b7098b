#include "dsl/yaml_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "dsl/yaml_reader.hpp"

namespace jf {
namespace {

const What kDocument{"the document", "文档"};
const What kSchemeWhat{"scheme", "方案"};
const What kDepartment{"department", "部门"};
const What kGroup{"group", "指标组"};
const What kIndicator{"indicator", "指标"};
const What kScore{"score", "计分方式"};
const What kReport{"report", "报送要求"};
const What kDeduction{"deduction", "扣分项"};
const What kPenalty{"penalty", "惩戒"};
const What kInspection{"inspection", "检查"};
const What kWording{"wording", "原文"};

using Words = std::vector<std::string_view>;

/// Parses "5" or "10%" (percent) as written inside a trigger or action.
std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

class SchemeReader {
 public:
  SchemeReader(YamlReader& r, Scheme& s) : r_(r), s_(s) {}

  bool read(uint32_t root) {
    const YamlNode& top = r_.node(root);
    if (top.kind != YamlKind::mapping) {
      Span at = top.span;
      at.end = std::max(at.end, at.begin + 1);
      r_.error(at, {fmt::format("the top level must be a mapping with a `scheme` key, got {}", describe_en(top)),
                    fmt::format("顶层必须是包含 `scheme` 键的映射，实际是{}", describe_zh(top))});
      return false;
    }
    auto f = r_.fields(root, "top level", kDocument,
                       {"scheme", "departments", "groups", "indicators", "inspections",
                        "overall_penalties"});
    if (!f) return false;
    if (auto* v = f->get("scheme")) read_info(v->value);
    else r_.missing(*f, "scheme", kDocument);
    each(f->get("departments"), "departments", [&](uint32_t n) { read_department(n); });
    each(f->get("groups"), "groups", [&](uint32_t n) { read_group(n); });
    each(f->get("indicators"), "indicators", [&](uint32_t n) { read_indicator(n); });
    each(f->get("inspections"), "inspections", [&](uint32_t n) { read_inspection(n); });
    each(f->get("overall_penalties"), "overall_penalties", [&](uint32_t n) {
      if (auto p = read_penalty(n)) s_.overall_penalties.push_back(std::move(*p));
    });
    add_implicit_groups();
    return true;
  }

 private:
  template <typename F>
  void each(const YamlField* f, std::string_view label, F&& fn) {
    if (!f) return;
    if (auto items = r_.list(f->value, label))
      for (uint32_t n : *items) fn(n);
  }
  template <typename T, typename F>
  void get(const YamlFields& f, std::string_view key, F&& read, T& into) {
    if (auto* v = f.get(key))
      if (auto x = read(v->value, key)) into = std::move(*x);
  }
  auto num() {
    return [this](uint32_t n, std::string_view k) { return r_.number(n, k); };
  }
  auto str() {
    return [this](uint32_t n, std::string_view k) { return r_.string(n, k); };
  }
  auto name() {
    return [this](uint32_t n, std::string_view k) { return r_.name(n, k); };
  }
  Span span_of(const YamlFields& f, std::string_view key) {
    auto* v = f.get(key);
    return v ? r_.value_span(*v) : Span{};
  }
  /// A required name; reports it missing.
  std::optional<Name> required_name(const YamlFields& f, std::string_view key, What what) {
    auto* v = f.get(key);
    if (!v) {
      r_.missing(f, key, what);
      return std::nullopt;
    }
    return r_.name(v->value, key);
  }
  template <typename E, typename From>
  std::optional<E> enum_field(const YamlFields& f, std::string_view key, const Words& words,
                              From from) {
    auto* v = f.get(key);
    if (!v) return std::nullopt;
    if (auto w = r_.word(v->value, key, words)) return from(*w);
    return std::nullopt;
  }
  std::vector<Name> names(const YamlFields& f, std::string_view key) {
    std::vector<Name> out;
    each(f.get(key), key, [&](uint32_t n) {
      if (auto x = r_.name(n, key)) out.push_back(std::move(*x));
    });
    return out;
  }

  // `owner: A` or `owner: [A, B]`: the first owns the item, the others
  // share it (co_owners); a name given twice is reported and counted once.
  void owners(uint32_t n, Indicator& ind) {
    std::vector<Name> all;
    if (r_.node(n).kind == YamlKind::sequence) {
      if (auto items = r_.list(n, "owner"))
        for (uint32_t e : *items)
          if (auto x = r_.name(e, "owner")) all.push_back(std::move(*x));
    } else if (auto x = r_.name(n, "owner")) {
      all.push_back(std::move(*x));
    }
    for (Name& x : all) {
      if (x.text == ind.owner.text ||
          std::any_of(ind.co_owners.begin(), ind.co_owners.end(), [&](const Name& c) { return c.text == x.text; })) {
        r_.error(x.span, {fmt::format("`{}` is named twice in `owner`", x.text),
                          fmt::format("`owner` 中 `{}` 出现了两次", x.text)},
                 {"name each department once", "每个部门只写一次"});
        continue;
      }
      if (ind.owner.text.empty()) ind.owner = std::move(x);
      else ind.co_owners.push_back(std::move(x));
    }
  }

  void read_info(uint32_t n) {
    auto f = r_.fields(n, "scheme", kSchemeWhat, {"name", "year", "total", "units"});
    if (!f) return;
    SchemeInfo& info = s_.info;
    info.span = r_.node(n).span;
    if (auto* v = f->get("name")) {
      if (auto s = r_.string(v->value, "name")) info.name = *s;
    } else {
      r_.missing(*f, "name", kSchemeWhat);
    }
    get(*f, "year", num(), info.year);
    get(*f, "total", num(), info.total);
    info.year_span = span_of(*f, "year");
    info.total_span = span_of(*f, "total");
    info.units_span = span_of(*f, "units");
    if (auto* v = f->get("units")) {
      const YamlNode& u = r_.node(v->value);
      if (u.kind == YamlKind::sequence) info.units = names(*f, "units");
      else if (u.kind == YamlKind::scalar && u.plain && parse_number(u.text))
        info.unit_count = parse_number(u.text);
      else r_.wrong_type(v->value, "units", {"a list of names or a number", "名称列表或数字"});
    }
  }

  void read_department(uint32_t n) {
    auto f = r_.fields(n, "departments", kDepartment, {"id", "name", "kind"});
    if (!f) return;
    Department d;
    d.span = r_.node(n).span;
    auto id = required_name(*f, "id", kDepartment);
    get(*f, "name", str(), d.display);
    d.kind = enum_field<DeptKind>(*f, "kind", dept_kind_names(), dept_kind_from);
    d.kind_span = span_of(*f, "kind");
    if (!id) return;
    d.id = std::move(*id);
    s_.departments.push_back(std::move(d));
  }

  void read_group(uint32_t n) {
    auto f = r_.fields(n, "groups", kGroup, {"id", "points"});
    if (!f) return;
    Group g;
    g.span = r_.node(n).span;
    auto id = required_name(*f, "id", kGroup);
    get(*f, "points", num(), g.points);
    g.points_span = span_of(*f, "points");
    if (!id) return;
    g.id = std::move(*id);
    s_.groups.push_back(std::move(g));
  }

  void read_indicator(uint32_t n) {
    auto f = r_.fields(n, "indicators", kIndicator,
                       {"id", "name", "group", "owner", "points", "key", "score", "report",
                        "evidence", "deductions", "penalties", "proves", "wording"});
    if (!f) return;
    Indicator ind;
    ind.span = r_.node(n).span;
    auto id = required_name(*f, "id", kIndicator);
    get(*f, "name", str(), ind.display);
    std::optional<Name> group;
    get(*f, "group", name(), group);
    if (auto* v = f->get("owner")) owners(v->value, ind);
    get(*f, "points", num(), ind.points);
    ind.points_span = span_of(*f, "points");
    get(*f, "key", [this](uint32_t v, std::string_view k) { return r_.boolean(v, k); }, ind.key);
    ind.key_span = span_of(*f, "key");
    if (auto* v = f->get("score")) read_score(v->value, ind.score);
    if (auto* v = f->get("report")) ind.report = read_report(v->value);
    each(f->get("evidence"), "evidence", [&](uint32_t e) {
      if (auto w = r_.word(e, "evidence", evidence_kind_names()))
        ind.evidence.push_back({*evidence_kind_from(*w), r_.node(e).span});
    });
    each(f->get("deductions"), "deductions", [&](uint32_t d) {
      if (auto x = read_deduction(d)) ind.deductions.push_back(std::move(*x));
    });
    each(f->get("penalties"), "penalties", [&](uint32_t p) {
      if (auto x = read_penalty(p)) ind.penalties.push_back(std::move(*x));
    });
    ind.proves = names(*f, "proves");
    if (auto* v = f->get("wording")) read_wording(v->value, ind.wording);
    if (!id) return;
    ind.id = std::move(*id);
    if (group) {
      ind.group = group->text;
      group_uses_.push_back(std::move(*group));
    }
    s_.indicators.push_back(std::move(ind));
  }

  // The source wording, verbatim: content, standard, method, from.
  void read_wording(uint32_t n, Wording& w) {
    auto f = r_.fields(n, "wording", kWording, {"content", "standard", "method", "from"});
    if (!f) return;
    get(*f, "content", str(), w.content);
    get(*f, "standard", str(), w.standard);
    get(*f, "method", str(), w.method);
    get(*f, "from", str(), w.from);
    w.content_span = span_of(*f, "content");
    w.standard_span = span_of(*f, "standard");
    w.method_span = span_of(*f, "method");
    w.from_span = span_of(*f, "from");
  }

  void read_score(uint32_t n, Scoring& sc) {
    auto f = r_.fields(n, "score", kScore,
                       {"mode", "target", "top", "step", "floor", "lower_better", "ties"});
    if (!f) return;
    sc.span = r_.node(n).span;
    if (f->get("mode")) {
      if (auto m = enum_field<ScoreMode>(*f, "mode", score_mode_names(), score_mode_from)) sc.mode = *m;
    } else {
      r_.missing(*f, "mode", kScore);
    }
    if (auto* v = f->get("target")) {
      const YamlNode& t = r_.node(v->value);
      if (t.kind == YamlKind::scalar && t.plain && parse_number(t.text))
        sc.target_number = parse_number(t.text);
      else if (auto s = r_.string(v->value, "target"))
        sc.target_text = *s;
    }
    get(*f, "top", num(), sc.top);
    get(*f, "step", num(), sc.step);
    get(*f, "floor", num(), sc.floor);
    get(*f, "lower_better", [this](uint32_t v, std::string_view k) { return r_.boolean(v, k); },
        sc.lower_better);
    get(*f, "ties", str(), sc.ties);
  }

  std::optional<Reporting> read_report(uint32_t n) {
    auto f = r_.fields(n, "report", kReport, {"frequency", "forms", "times"});
    if (!f) return std::nullopt;
    Reporting rep;
    rep.span = r_.node(n).span;
    Words freq = frequency_names();
    freq.push_back("annual");
    get(*f, "forms", num(), rep.forms);
    get(*f, "times", num(), rep.times);
    if (!f->get("frequency")) {
      r_.missing(*f, "frequency", kReport);
      return std::nullopt;
    }
    auto fr = enum_field<Frequency>(*f, "frequency", freq, frequency_from);
    if (!fr) return std::nullopt;
    rep.frequency = *fr;
    return rep;
  }

  std::optional<Deduction> read_deduction(uint32_t n) {
    auto f = r_.fields(n, "deductions", kDeduction, {"points", "per", "cap"});
    if (!f) return std::nullopt;
    Deduction d;
    d.span = r_.node(n).span;
    std::optional<double> points;
    get(*f, "points", num(), points);
    if (!f->get("points")) r_.missing(*f, "points", kDeduction);
    auto per = required_name(*f, "per", kDeduction);
    get(*f, "cap", num(), d.cap);
    if (!points || !per) return std::nullopt;
    d.points = *points;
    d.event = per->text;
    return d;
  }

  std::optional<Penalty> read_penalty(uint32_t n) {
    auto f = r_.fields(n, "penalties", kPenalty, {"when", "actions"});
    if (!f) return std::nullopt;
    Penalty p;
    p.span = r_.node(n).span;
    std::optional<Trigger> trigger;
    if (auto* v = f->get("when")) trigger = read_trigger(v->value);
    else r_.missing(*f, "when", kPenalty);
    bool actions_ok = true;
    if (!f->get("actions")) {
      r_.missing(*f, "actions", kPenalty);
      actions_ok = false;
    }
    each(f->get("actions"), "actions", [&](uint32_t a) {
      if (auto x = read_action(a)) p.actions.push_back(*x);
      else actions_ok = false;
    });
    if (!trigger || !actions_ok) return std::nullopt;
    p.trigger = *trigger;
    return p;
  }

  std::optional<Trigger> read_trigger(uint32_t n) {
    auto text = r_.string(n, "when");
    if (!text) return std::nullopt;
    Trigger t;
    t.span = r_.node(n).span;
    auto w = split_words(*text);
    if (w.size() == 1 && w[0] == "last") {
      t.kind = TriggerKind::last;
      return t;
    }
    if (w.size() == 2 && (w[0] == "bottom" || w[0] == "below")) {
      std::string_view num = w[1];
      bool percent = w[0] == "bottom" && num.size() > 1 && num.back() == '%';
      if (percent) num.remove_suffix(1);
      if (auto v = parse_number(num)) {
        t.kind = percent ? TriggerKind::bottom_percent
                         : (w[0] == "bottom" ? TriggerKind::bottom : TriggerKind::below);
        t.value = *v;
        return t;
      }
    }
    r_.error(t.span, {fmt::format("`when` must be `bottom N`, `bottom N%`, `last` or `below X`, got `{}`", *text),
                      fmt::format("`when` 必须是 `bottom N`、`bottom N%`、`last` 或 `below X`，实际是 `{}`", *text)});
    return std::nullopt;
  }

  std::optional<Action> read_action(uint32_t n) {
    const YamlNode& node = r_.node(n);
    if (node.kind != YamlKind::scalar) {
      r_.wrong_type(n, "actions", {"a list of actions", "惩戒措施列表"});
      return std::nullopt;
    }
    auto w = split_words(node.text);
    Action a;
    a.span = node.span;
    Words words = action_kind_names();
    std::string_view head = w.empty() ? std::string_view() : w[0];
    auto kind = action_kind_from(head);
    if (!kind) {
      r_.word(n, "action", words);  // reports the unknown word with a did-you-mean
      return std::nullopt;
    }
    a.kind = *kind;
    std::optional<double> amount = w.size() == 2 ? parse_number(w[1]) : std::nullopt;
    if (a.kind == ActionKind::deduct) {
      if (w.size() == 2 && amount) {
        a.amount = *amount;
        return a;
      }
      r_.error(a.span, {fmt::format("`deduct` needs the points, e.g. `deduct 5`, got `{}`", node.text),
                        fmt::format("`deduct` 需要写明分值，例如 `deduct 5`，实际是 `{}`", node.text)});
      return std::nullopt;
    }
    if (w.size() == 1) return a;
    r_.error(a.span, {fmt::format("action `{}` takes no value, got `{}`", head, node.text),
                      fmt::format("惩戒措施 `{}` 不带数值，实际是 `{}`", head, node.text)});
    return std::nullopt;
  }

  void read_inspection(uint32_t n) {
    auto f = r_.fields(n, "inspections", kInspection, {"id", "by", "frequency", "times", "kind"});
    if (!f) return;
    Inspection in;
    in.span = r_.node(n).span;
    auto id = required_name(*f, "id", kInspection);
    auto by = required_name(*f, "by", kInspection);
    std::optional<InspectionFrequency> freq;
    if (f->get("frequency"))
      freq = enum_field<InspectionFrequency>(*f, "frequency", inspection_frequency_names(),
                                             inspection_frequency_from);
    else
      r_.missing(*f, "frequency", kInspection);
    get(*f, "times", num(), in.times);
    if (auto k = enum_field<InspectionKind>(*f, "kind", inspection_kind_names(), inspection_kind_from))
      in.kind = *k;
    if (!id || !by || !freq) return;
    in.id = std::move(*id);
    in.by = std::move(*by);
    in.frequency = *freq;
    s_.inspections.push_back(std::move(in));
  }

  /// Groups named by indicators but not declared become groups, in order of first use.
  void add_implicit_groups() {
    for (const Name& use : group_uses_) {
      auto same = [&](const Group& g) { return g.id.text == use.text; };
      if (std::any_of(s_.groups.begin(), s_.groups.end(), same)) continue;
      Group g;
      g.id = use;
      g.span = use.span;
      s_.groups.push_back(std::move(g));
    }
  }

  YamlReader& r_;
  Scheme& s_;
  std::vector<Name> group_uses_;
};

}  // namespace

void read_scheme(const YamlTree& tree, const SourceSet& sources, uint32_t file,
                 const Limits& limits, LoadResult& out) {
  YamlReader reader(tree, sources[file], limits, out.diagnostics);
  if (!SchemeReader(reader, out.scheme).read(tree.root)) out.ok = false;
}

}  // namespace jf
