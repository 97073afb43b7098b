#include "dsl/yaml_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "dsl/yaml_reader.hpp"
#include "base/model_fields.hpp"

namespace jf {
namespace {

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

/// The YAML keys of each part, from the field table once per process rather
/// than once per element read.
const Words& keys_of(Part p) {
  static const std::vector<Words> keys = [] {
    std::vector<Words> out;
    for (Part q : model_parts()) {
      if (out.size() <= static_cast<size_t>(q)) out.resize(static_cast<size_t>(q) + 1);
      out[static_cast<size_t>(q)] = yaml_keys(q);
    }
    return out;
  }();
  return keys.at(static_cast<size_t>(p));
}

/// The spellings of an enum of the table, likewise once per process.
const Words& spellings_of(const EnumInfo& e) {
  static const std::vector<std::pair<const EnumInfo*, Words>> all = [] {
    std::vector<std::pair<const EnumInfo*, Words>> out;
    for (const EnumInfo* info : model_enums()) out.emplace_back(info, info->spellings());
    return out;
  }();
  for (const auto& entry : all)
    if (entry.first == &e) return entry.second;
  // An enum outside model_enums(): spelled on each use, as before.
  thread_local Words spelled;
  spelled = e.spellings();
  return spelled;
}

class SchemeReader {
 public:
  SchemeReader(YamlReader& r, Scheme& s) : r_(r), s_(s) {}

  bool read(uint32_t root) {
    const YamlNode& top = r_.node(root);
    if (top.kind != YamlKind::mapping) {
      Span at = top.span;
      at.end = std::max(at.end, at.begin + 1);
      r_.error(at, msg("parse.yaml.top_not_mapping", {jf::word("kind", describe_key(top))}));
      return false;
    }
    auto f = fields(root, Part::document);
    if (!f) return false;
    if (auto* v = f->get("scheme")) read_info(v->value);
    else r_.missing(*f, "scheme", what(Part::document));
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
  /// The part's name in messages: parse.yaml.part.<part> (its English name
  /// without "the ").
  /// Built once per process: every element read names its part.
  static const What& what(Part p) {
    static const std::vector<What> all = [] {
      std::vector<What> out;
      for (Part q : model_parts()) {
        if (out.size() <= static_cast<size_t>(q)) out.resize(static_cast<size_t>(q) + 1);
        std::string_view en = part_info(q).en;
        if (en.starts_with("the ")) en.remove_prefix(4);
        // keys: parse.yaml.part.*
        out[static_cast<size_t>(q)] = What{"parse.yaml.part." + std::string(en)};
      }
      return out;
    }();
    return all.at(static_cast<size_t>(p));
  }
  /// The mapping of an element of `p`, checked against the keys of its fields.
  std::optional<YamlFields> fields(uint32_t n, Part p) {
    return r_.fields(n, p == Part::document ? "top level" : part_info(p).key, what(p), keys_of(p));
  }

  /// Reads every field of `p` whose value is one plain YAML value or a list of
  /// them (texts, names, numbers, bools, words) into `element`, as the field
  /// table types it; reports a required one missing. The element-shaped fields
  /// (nested mappings, `units`, `target`, `when`, `actions`) are the callers'.
  /// False when a required field is missing or unusable.
  bool read_plain(const YamlFields& f, Part p, void* element) {
    return read_fields(f, p, element, [](const ModelField&, const YamlField&) {});
  }
  /// read_plain, calling `nested(field, entry)` for each other field given,
  /// in table order (so findings come in the order of the fields).
  template <typename Nested>
  bool read_fields(const YamlFields& f, Part p, void* element, Nested&& nested) {
    bool ok = true;
    for (const ModelField& m : model_fields(p)) {
      if (m.yaml.empty()) continue;
      if (!plain_type(m.type)) {
        if (const YamlField* v = f.get(m.yaml)) nested(m, *v);
        continue;
      }
      const YamlField* v = f.get(m.yaml);
      if (m.span) *m.span(element) = v ? r_.value_span(*v) : Span{};
      if (!v) {
        if (m.required) r_.missing(f, m.yaml, what(p)), ok = false;
        continue;
      }
      if (!read_value(m, v->value, element) && m.required) ok = false;
    }
    return ok;
  }
  static bool plain_type(FieldType t) {
    switch (t) {
      case FieldType::part:
      case FieldType::opt_part:
      case FieldType::parts:
      case FieldType::units:
      case FieldType::target:
      case FieldType::trigger:
      case FieldType::actions: return false;
      default: return true;
    }
  }
  bool read_value(const ModelField& m, uint32_t n, void* e) {
    std::string_view k = m.yaml;
    switch (m.type) {
      case FieldType::text:
        if (auto x = r_.string(n, k)) return m.ref<std::string>(e) = std::move(*x), true;
        return false;
      case FieldType::id_text:
        if (auto x = r_.name(n, k)) return m.ref<std::string>(e) = std::move(x->text), true;
        return false;
      case FieldType::name:
        if (auto x = r_.name(n, k)) return m.ref<Name>(e) = std::move(*x), true;
        return false;
      case FieldType::number:
        if (auto x = r_.number(n, k)) return m.ref<double>(e) = *x, true;
        return false;
      case FieldType::opt_number:
        if (auto x = r_.number(n, k)) return m.ref<std::optional<double>>(e) = *x, true;
        return false;
      case FieldType::opt_text:
        if (auto x = r_.string(n, k)) return m.ref<std::optional<std::string>>(e) = std::move(*x), true;
        return false;
      case FieldType::flag:
        if (auto x = r_.boolean(n, k)) return m.ref<bool>(e) = *x, true;
        return false;
      case FieldType::word:
      case FieldType::opt_word:
        if (auto w = r_.word(n, k, spellings_of(*m.words))) {
          m.words->set(m.at(e), m.type == FieldType::opt_word, m.words->find(*w));
          return true;
        }
        return false;
      case FieldType::owners: return owners(n, *static_cast<Indicator*>(e)), true;
      case FieldType::names: {
        auto& out = m.ref<std::vector<Name>>(e);
        each(n, k, [&](uint32_t item) {
          if (auto x = r_.name(item, k)) out.push_back(std::move(*x));
        });
        return true;
      }
      case FieldType::words: {
        auto& out = m.ref<std::vector<Evidence>>(e);
        each(n, k, [&](uint32_t item) {
          if (auto w = r_.word(item, k, spellings_of(*m.words)))
            out.push_back({static_cast<EvidenceKind>(m.words->find(*w)), r_.node(item).span});
        });
        return true;
      }
      default: return false;
    }
  }

  template <typename F>
  void each(uint32_t n, std::string_view label, F&& fn) {
    if (auto items = r_.list(n, label))
      for (uint32_t item : *items) fn(item);
  }
  template <typename F>
  void each(const YamlField* f, std::string_view label, F&& fn) {
    if (!f) return;
    if (auto items = r_.list(f->value, label))
      for (uint32_t n : *items) fn(n);
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
        r_.error(x.span, msg("parse.scheme.owner_twice", {arg("name", x.text)}), msg("parse.scheme.owner_twice.help"));
        continue;
      }
      if (ind.owner.text.empty()) ind.owner = std::move(x);
      else ind.co_owners.push_back(std::move(x));
    }
  }

  void read_info(uint32_t n) {
    auto f = fields(n, Part::scheme);
    if (!f) return;
    SchemeInfo& info = s_.info;
    info.span = r_.node(n).span;
    read_plain(*f, Part::scheme, &info);
    info.units_span = Span{};
    if (auto* v = f->get("units")) {
      info.units_span = r_.value_span(*v);
      const YamlNode& u = r_.node(v->value);
      if (u.kind == YamlKind::sequence) {
        each(v->value, "units", [&](uint32_t item) {
          if (auto x = r_.name(item, "units")) info.units.push_back(std::move(*x));
        });
      } else if (u.kind == YamlKind::scalar && u.plain && parse_number(u.text)) {
        info.unit_count = parse_number(u.text);
      } else {
        r_.wrong_type(v->value, "units", {"parse.yaml.expected.units"});
      }
    }
  }

  void read_department(uint32_t n) {
    auto f = fields(n, Part::department);
    if (!f) return;
    Department d;
    d.span = r_.node(n).span;
    if (read_plain(*f, Part::department, &d)) s_.departments.push_back(std::move(d));
  }

  void read_group(uint32_t n) {
    auto f = fields(n, Part::group);
    if (!f) return;
    Group g;
    g.span = r_.node(n).span;
    if (read_plain(*f, Part::group, &g)) s_.groups.push_back(std::move(g));
  }

  void read_indicator(uint32_t n) {
    auto f = fields(n, Part::indicator);
    if (!f) return;
    Indicator ind;
    ind.span = r_.node(n).span;
    bool ok = read_fields(*f, Part::indicator, &ind, [&](const ModelField& m, const YamlField& v) {
      switch (m.nested) {
        case Part::score: read_score(v.value, ind.score); break;
        case Part::report: ind.report = read_report(v.value); break;
        case Part::wording: read_wording(v.value, ind.wording); break;
        case Part::deduction:
          each(&v, m.yaml, [&](uint32_t d) {
            if (auto x = read_deduction(d)) ind.deductions.push_back(std::move(*x));
          });
          break;
        case Part::penalty:
          each(&v, m.yaml, [&](uint32_t p) {
            if (auto x = read_penalty(p)) ind.penalties.push_back(std::move(*x));
          });
          break;
        default: break;
      }
    });
    if (!ok) return;
    // A group named here but not declared becomes a group (add_implicit_groups).
    if (auto* v = f->get("group"); v && !ind.group.empty()) group_uses_.push_back({ind.group, r_.node(v->value).span});
    s_.indicators.push_back(std::move(ind));
  }

  // The source wording, verbatim: content, standard, method, from.
  void read_wording(uint32_t n, Wording& w) {
    if (auto f = fields(n, Part::wording)) read_plain(*f, Part::wording, &w);
  }

  void read_score(uint32_t n, Scoring& sc) {
    auto f = fields(n, Part::score);
    if (!f) return;
    sc.span = r_.node(n).span;
    read_plain(*f, Part::score, &sc);  // a score without `mode` stays threshold
    if (auto* v = f->get("target")) {
      const YamlNode& t = r_.node(v->value);
      if (t.kind == YamlKind::scalar && t.plain && parse_number(t.text))
        sc.target_number = parse_number(t.text);
      else if (auto s = r_.string(v->value, "target"))
        sc.target_text = *s;
    }
  }

  std::optional<Reporting> read_report(uint32_t n) {
    auto f = fields(n, Part::report);
    if (!f) return std::nullopt;
    Reporting rep;
    rep.span = r_.node(n).span;
    if (!read_plain(*f, Part::report, &rep)) return std::nullopt;
    return rep;
  }

  std::optional<Deduction> read_deduction(uint32_t n) {
    auto f = fields(n, Part::deduction);
    if (!f) return std::nullopt;
    Deduction d;
    d.span = r_.node(n).span;
    if (!read_plain(*f, Part::deduction, &d)) return std::nullopt;
    return d;
  }

  std::optional<Penalty> read_penalty(uint32_t n) {
    auto f = fields(n, Part::penalty);
    if (!f) return std::nullopt;
    Penalty p;
    p.span = r_.node(n).span;
    std::optional<Trigger> trigger;
    if (auto* v = f->get("when")) trigger = read_trigger(v->value);
    else r_.missing(*f, "when", what(Part::penalty));
    bool actions_ok = true;
    if (!f->get("actions")) {
      r_.missing(*f, "actions", what(Part::penalty));
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
    r_.error(t.span, msg("parse.yaml.bad_trigger", {arg("value", *text)}));
    return std::nullopt;
  }

  std::optional<Action> read_action(uint32_t n) {
    const YamlNode& node = r_.node(n);
    if (node.kind != YamlKind::scalar) {
      r_.wrong_type(n, "actions", {"parse.yaml.expected.actions"});
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
      r_.error(a.span, msg("parse.yaml.deduct_needs_points", {arg("value", node.text)}));
      return std::nullopt;
    }
    if (w.size() == 1) return a;
    r_.error(a.span, msg("parse.yaml.action_takes_no_value", {arg("action", head), arg("value", node.text)}));
    return std::nullopt;
  }

  void read_inspection(uint32_t n) {
    auto f = fields(n, Part::inspection);
    if (!f) return;
    Inspection in;
    in.span = r_.node(n).span;
    if (read_plain(*f, Part::inspection, &in)) s_.inspections.push_back(std::move(in));
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
