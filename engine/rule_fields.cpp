// The fields of each model element as rules see them, resolved once at compile
// time to a plain accessor function.
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <map>
#include <utility>

#include "base/vocabulary.hpp"
#include "base/model_fields.hpp"
#include "engine/rule_model.hpp"
#include "engine/rule_types.hpp"

namespace jf::rt {

/// A plain field: the model row and, for the wording's texts read on an
/// indicator (`i.content`), the indicator's `wording` row that holds them.
struct PlainField {
  const ModelField* row = nullptr;
  const ModelField* outer = nullptr;
};

namespace {
using Plain = PlainField;

// Enum ids, in the order of enums(), of the fields not read as stored.
constexpr int kTrigger = 4, kAction = 5, kPointsKind = 8;

Value opt(const std::optional<double>& v) { return v ? Value::number(*v) : Value{}; }
Value opt_str(const std::optional<std::string>& v) { return v ? Value::view(*v) : Value{}; }
template <class E>
Value word(E e) { return Value::view(to_string(e)); }

Type num(bool nullable = false) { return Type::of(T::number, nullable); }
Type str(bool nullable = false) { return Type::of(T::string, nullable); }
Type boolean() { return Type::of(T::boolean); }
Type el(Elem e, bool nullable = false) { return Type::element(e, nullable); }
Type list(Type item) { return Type::list_of(std::move(item)); }
Type en(int id, bool nullable = false) { return Type::enumeration(id, nullable); }

template <class V>
Value list_of(ListSrc src, const std::vector<V>& v, int ctx = -1) {
  return Value::list(src, v.data(), v.size(), ctx);
}

const Scheme& S(const Model& m) { return m.scheme; }

// A deduction per listed sub-item (每小项, 每项) cannot exceed points × the
// number of sub-items the wording lists: that is its bound (null otherwise).
Value sub_item_bound(const Deduction& d, int sub_items) {
  static const std::string_view sub_item = vocabulary_text("wording.sub_item"), item = vocabulary_text("wording.item");
  bool per_item = d.event.find(sub_item) != std::string::npos || d.event.rfind(item, 0) == 0;
  return per_item && sub_items > 0 ? Value::number(d.points * sub_items) : Value{};
}
int dept_index(const Value& v, const Model& m) {
  return static_cast<int>(&v.as<Department>() - m.scheme.departments.data());
}
const DepartmentFacts& DF(const Value& v, const Model& m) {
  static const DepartmentFacts none;
  size_t i = dept_index(v, m);
  return i < m.facts.departments.size() ? m.facts.departments[i] : none;
}
const IndicatorFacts& IF(const Value& v, const Model& m) {
  static const IndicatorFacts none;
  size_t i = m.indicator_index(&v.as<Indicator>());
  return i < m.facts.indicators.size() ? m.facts.indicators[i] : none;
}
int insp_index(const Value& v, const Model& m) {
  return static_cast<int>(&v.as<Inspection>() - m.scheme.inspections.data());
}

using Table = std::vector<Field>;

// ---- fields read as the model stores them (base/model_fields.hpp) --------

constexpr size_t kMaxPlain = 64;
// Fixed slots, claimed atomically: the field tables may be built on several
// threads at once, and a slot never moves once its accessor reads it.
std::array<Plain, kMaxPlain>& plains() {
  static std::array<Plain, kMaxPlain> p;
  return p;
}
std::atomic<size_t> plains_used{0};

Value plain_value(const Plain& p, const Value& s) {
  const void* e = s.ptr;
  if (p.outer) e = p.outer->at(const_cast<void*>(e));
  const ModelField& f = *p.row;
  switch (f.type) {
    case FieldType::text:
    case FieldType::id_text: return Value::view(f.ref<std::string>(e));
    case FieldType::name:
    case FieldType::owners: return Value::view(f.ref<Name>(e).text);  // the owner (the first named)
    case FieldType::number: return Value::number(f.ref<double>(e));
    case FieldType::opt_number: return opt(f.ref<std::optional<double>>(e));
    case FieldType::opt_text:
    case FieldType::target: return opt_str(f.ref<std::optional<std::string>>(e));
    case FieldType::flag: return Value::boolean(f.ref<bool>(e));
    case FieldType::word: return Value::view(field_word(f, e));
    case FieldType::opt_word: {
      std::string_view w = field_word(f, e);
      return w.empty() ? Value{} : Value::view(w);
    }
    case FieldType::names: return list_of(ListSrc::name_texts, f.ref<std::vector<Name>>(e));
    case FieldType::words: return list_of(ListSrc::evidence, f.ref<std::vector<Evidence>>(e));
    default: return {};
  }
}

// Accessors must be plain function pointers: one per registry slot.
template <size_t I>
Value plain_get(const Value& s, const Model&) {
  return plain_value(plains()[I], s);
}
template <size_t... I>
constexpr std::array<Accessor, sizeof...(I)> plain_accessors(std::index_sequence<I...>) {
  return {&plain_get<I>...};
}

int enum_id(const jf::EnumInfo* e) {
  const auto& all = enums();
  for (size_t i = 0; i < all.size(); ++i)
    if (e && all[i].name == e->name) return static_cast<int>(i);
  return -1;
}

Type plain_type(const ModelField& f) {
  switch (f.type) {
    case FieldType::number: return num();
    case FieldType::opt_number: return num(true);
    case FieldType::opt_text:
    case FieldType::target: return str(true);
    case FieldType::flag: return boolean();
    case FieldType::word: return en(enum_id(f.words));
    case FieldType::opt_word: return en(enum_id(f.words), true);
    case FieldType::names: return list(str());
    case FieldType::words: return list(en(enum_id(f.words)));
    default: return str();
  }
}

/// The rule-language field of `row` read as stored (`outer`: the row that
/// holds it, for a scheme header field or a wording text read on an
/// indicator): its type and accessor come from the field table.
Field plain_field(const ModelField& row, const ModelField* outer) {
  static constexpr auto accessors = plain_accessors(std::make_index_sequence<kMaxPlain>());
  size_t slot = plains_used++;
  if (slot >= kMaxPlain) std::abort();  // a programming error, found by every test run
  plains()[slot] = {&row, outer};
  return Field{row.rule, plain_type(row), accessors[slot], &plains()[slot]};
}

/// The fields of an element of `part`, in the order of its rows: every row
/// with a rule-language name that reads a stored value (rule_reads_as_stored)
/// becomes a field with no line here, so a new row is readable by rules as
/// soon as it names its field (docs/contributing.md, "A scheme field").
/// `derived` are the hand-written fields (values the model does not store as
/// such: elements, facts). One named like a row's YAML key (`i.owner`, the
/// department of `owner`) or standing for a row rules cannot read as stored
/// (`i.score`) takes that row's place; the others follow the rows, in their
/// order.
Table with_rows(Part part, Table derived) {
  Table out;
  std::vector<bool> used(derived.size(), false);
  auto take = [&](std::string_view name) {
    for (size_t i = 0; i < derived.size(); ++i)
      if (!used[i] && !name.empty() && derived[i].name == name) {
        used[i] = true;
        out.push_back(derived[i]);
      }
  };
  // A scheme value is the whole Scheme; its header fields sit in `info`.
  const ModelField* info = nullptr;
  if (part == Part::scheme)
    for (const ModelField& f : model_fields(Part::document))
      if (f.type == FieldType::part && f.nested == Part::scheme) info = &f;
  auto add_row = [&](const ModelField& f, const ModelField* outer) {
    take(f.yaml);
    if (rule_reads_as_stored(f)) out.push_back(plain_field(f, outer));
    else take(f.rule);
  };
  for (const ModelField& f : model_fields(part)) {
    if (f.type == FieldType::part && f.nested == Part::wording) {  // its texts are the indicator's (`i.content`)
      take(f.yaml);
      for (const ModelField& w : model_fields(f.nested)) add_row(w, &f);
      continue;
    }
    add_row(f, info);
  }
  for (size_t i = 0; i < derived.size(); ++i)
    if (!used[i]) out.push_back(derived[i]);
  return out;
}

// Each accessor is a captureless lambda: `s` is the element, `m` the model.
#define F(NAME, TYPE, ...) \
  Field { NAME, TYPE, [](const Value& s, const Model& m) -> Value { (void)s; (void)m; __VA_ARGS__ } }
// Derived fields that are always a number, a text or a bool: the accessor
// and its typed read from one expression, so the two cannot disagree.
#define FN(NAME, ...)                                                                                   \
  Field {                                                                                               \
    NAME, num(), [](const Value& s, const Model& m) -> Value { (void)s; (void)m; return Value::number(__VA_ARGS__); }, \
        nullptr, [](const Value& s, const Model& m) -> double { (void)s; (void)m; return __VA_ARGS__; }  \
  }
#define FS(NAME, TYPE, ...)                                                                             \
  Field {                                                                                               \
    NAME, TYPE, [](const Value& s, const Model& m) -> Value { (void)s; (void)m; return Value::view(__VA_ARGS__); }, \
        nullptr, nullptr,                                                                               \
        [](const Value& s, const Model& m) -> std::string_view { (void)s; (void)m; return __VA_ARGS__; } \
  }
#define FB(NAME, ...)                                                                                   \
  Field {                                                                                               \
    NAME, boolean(), [](const Value& s, const Model& m) -> Value { (void)s; (void)m; return Value::boolean(__VA_ARGS__); }, \
        nullptr, nullptr, nullptr,                                                                      \
        [](const Value& s, const Model& m) -> bool { (void)s; (void)m; return __VA_ARGS__; }            \
  }

const Table& scheme_fields() {
  static const Table t = with_rows(Part::scheme, {
      F("units", list(el(Elem::unit)), return list_of(ListSrc::units, S(m).info.units);),
      FN("unit_count", m.facts.unit_count),
      F("indicators", list(el(Elem::indicator)), return list_of(ListSrc::indicators, S(m).indicators);),
      F("departments", list(el(Elem::department)), return list_of(ListSrc::departments, S(m).departments);),
      F("groups", list(el(Elem::group)), return list_of(ListSrc::groups, S(m).groups);),
      F("inspections", list(el(Elem::inspection)), return list_of(ListSrc::inspections, S(m).inspections);),
      F("overall_penalties", list(el(Elem::penalty)), return list_of(ListSrc::penalties, S(m).overall_penalties);),
      FN("points_sum", m.facts.points_sum),
      FN("forms_per_year", m.facts.forms_per_year),
      FN("evidence_per_year", m.facts.evidence_per_year),
      FN("inspections_per_year", m.facts.inspections_per_year),
      FN("trace_points", m.facts.trace_points),
      FN("offered_points", m.facts.offered_points),
      FN("trace_share", m.facts.trace_share),
  });
  return t;
}

const Table& global_fields() {
  static const Table t = [] {
    Table g = {
        F("scheme", el(Elem::scheme), return Value::element(Elem::scheme, &S(m));),
        F("penalties", list(el(Elem::penalty)), return list_of(ListSrc::values, m.penalties);),
        F("deductions", list(el(Elem::deduction)), return list_of(ListSrc::values, m.deductions);),
        F("criteria", list(el(Elem::criterion)), return list_of(ListSrc::values, m.criteria);),
    };
    for (const Field& f : scheme_fields())
      for (std::string_view n : {"indicators", "departments", "groups", "inspections", "units", "overall_penalties"})
        if (f.name == n) g.push_back(f);
    return g;
  }();
  return t;
}

const Table& unit_fields() {
  static const Table t = {F("name", str(), return Value::view(s.as<Name>().text);)};
  return t;
}

const Table& department_fields() {
  static const Table t = with_rows(Part::department, {
      F("name", str(), const Department& d = s.as<Department>();
        return Value::view(d.display.empty() ? d.id.text : d.display);),
      F("indicators", list(el(Elem::indicator)), return list_of(ListSrc::indicator_refs, DF(s, m).indicators);),
      F("inspections", list(el(Elem::inspection)), return list_of(ListSrc::inspection_refs, DF(s, m).inspections);),
      FN("points", DF(s, m).points),
      FN("share", DF(s, m).share),
      FN("forms_per_year", DF(s, m).forms_per_year),
      FN("evidence_per_year", DF(s, m).evidence_per_year),
      F("has_veto", boolean(), size_t i = dept_index(s, m);
        return Value::boolean(i < m.dept_has_veto.size() && m.dept_has_veto[i]);),
  });
  return t;
}

const Table& group_fields() {
  static const Table t = with_rows(Part::group, {
      F("indicators", list(el(Elem::indicator)),
        size_t i = &s.as<Group>() - S(m).groups.data();
        return list_of(ListSrc::indicator_refs, m.group_indicators[i]);),
  });
  return t;
}

const Table& indicator_fields() {
  static const Table t = with_rows(Part::indicator, {
      FS("name", str(), s.as<Indicator>().name()),
      F("owner", el(Elem::department, true), int o = IF(s, m).owner;
        return o >= 0 ? Value::element(Elem::department, &S(m).departments[o]) : Value{};),
      F("score", el(Elem::score), return Value::element(Elem::score, &s.as<Indicator>().score);),
      F("report", el(Elem::report, true), const auto& r = s.as<Indicator>().report;
        return r ? Value::element(Elem::report, &*r) : Value{};),
      F("deductions", list(el(Elem::deduction)),
        return list_of(ListSrc::deductions, s.as<Indicator>().deductions, m.indicator_index(&s.as<Indicator>()));),
      F("penalties", list(el(Elem::penalty)),
        return list_of(ListSrc::penalties, s.as<Indicator>().penalties, m.indicator_index(&s.as<Indicator>()));),
      F("proves", list(el(Elem::indicator)), return list_of(ListSrc::indicator_refs, IF(s, m).proves);),
      F("proof_depth", num(true), const auto& d = IF(s, m).proof_depth;
        return d ? Value::number(*d) : Value{};),
      FN("forms_per_year", IF(s, m).forms_per_year),
      FN("evidence_per_year", IF(s, m).evidence_per_year),
      FS("text", str(), m.text(m.indicator_index(&s.as<Indicator>()))),
      F("criteria", list(el(Elem::criterion)),
        return list_of(ListSrc::criteria, IF(s, m).criteria, m.indicator_index(&s.as<Indicator>()));),
      FS("class", str(), IF(s, m).klass),
      FN("trace_points", IF(s, m).trace_points),
      FN("trace_share", IF(s, m).trace_share),
      F("sanctions", list(el(Elem::penalty)),
        return list_of(ListSrc::penalties, IF(s, m).sanctions, m.indicator_index(&s.as<Indicator>()));),
      FN("sub_items", IF(s, m).sub_items),
  });
  return t;
}

const Table& score_fields() {
  static const Table t = with_rows(Part::score, {
      F("has_target", boolean(), const Scoring& c = s.as<Scoring>();
        return Value::boolean(c.target_text || c.target_number);),
  });
  return t;
}

const Table& report_fields() {
  static const Table t = with_rows(Part::report, {
      F("periods", num(), const Reporting& r = s.as<Reporting>();
        return Value::number(r.times ? *r.times : periods_per_year(r.frequency));),
  });
  return t;
}

const Table& deduction_fields() {
  static const Table t = with_rows(Part::deduction, {
      F("bound", num(true), return sub_item_bound(s.as<Deduction>(), s.ctx < static_cast<int>(m.facts.indicators.size())
                                                                       ? m.facts.indicators[s.ctx].sub_items : 0);),
      F("indicator", el(Elem::indicator), return Value::element(Elem::indicator, &S(m).indicators[s.ctx]);),
  });
  return t;
}

const Table& penalty_fields() {
  static const Table t = with_rows(Part::penalty, {
      F("trigger", el(Elem::trigger), return Value::element(Elem::trigger, &s.as<Penalty>().trigger);),
      F("actions", list(el(Elem::action)), return list_of(ListSrc::actions, s.as<Penalty>().actions);),
      F("action_kinds", list(en(kAction)), return list_of(ListSrc::action_kinds, s.as<Penalty>().actions);),
      F("indicator", el(Elem::indicator, true),
        return s.ctx >= 0 ? Value::element(Elem::indicator, &S(m).indicators[s.ctx]) : Value{};),
      FB("overall", s.ctx < 0),
      F("hits_under_compliance", num(),
        return Value::number(hits_under_full_compliance(s.as<Penalty>().trigger, m.facts.unit_count));),
  });
  return t;
}

const Table& trigger_fields() {
  static const Table t = {
      F("kind", en(kTrigger), return word(s.as<Trigger>().kind);),
      FN("value", s.as<Trigger>().value),
  };
  return t;
}

const Table& action_fields() {
  static const Table t = {
      F("kind", en(kAction), return word(s.as<Action>().kind);),
      FN("amount", s.as<Action>().amount),
  };
  return t;
}

const Criterion& C(const Value& v) { return v.as<Criterion>(); }

const Table& criterion_fields() {
  static const Table t = {
      FS("text", str(), C(s).text),
      FS("condition", str(), C(s).condition),
      FS("kind", en(kPointsKind), to_string(C(s).kind)),
      FB("deducts", C(s).deducts),
      F("points", num(true), return C(s).amounts.empty() ? Value{} : Value::number(C(s).amounts.front());),
      F("max_points", num(true), const auto& a = C(s).amounts;
        return a.empty() ? Value{} : Value::number(*std::max_element(a.begin(), a.end()));),
      FN("tiers", static_cast<double>(C(s).amounts.size())),
      F("cap", num(true), return opt(C(s).cap);),
      FN("weight", C(s).weight(S(m).indicators[s.ctx].points)),
      FS("class", str(), C(s).klass),
      F("words", list(str()), return list_of(ListSrc::strings, C(s).words);),
      FB("understood", C(s).understood),
      FB("rewards", C(s).rewards()),
      FS("field", str(), C(s).field),
      F("indicator", el(Elem::indicator), return Value::element(Elem::indicator, &S(m).indicators[s.ctx]);),
  };
  return t;
}

const Table& inspection_fields() {
  static const Table t = with_rows(Part::inspection, {
      F("by", el(Elem::department, true), size_t i = insp_index(s, m);
        int d = i < m.facts.inspection_by.size() ? m.facts.inspection_by[i] : -1;
        return d >= 0 ? Value::element(Elem::department, &S(m).departments[d]) : Value{};),
      F("per_year", num(), size_t i = insp_index(s, m);
        return Value::number(i < m.facts.inspection_counts.size() ? m.facts.inspection_counts[i]
                                                                  : inspections_per_year(s.as<Inspection>()));),
  });
  return t;
}
#undef F

const Table& table(Elem e) {
  static const Table none;
  switch (e) {
    case Elem::scheme: return scheme_fields();
    case Elem::unit: return unit_fields();
    case Elem::department: return department_fields();
    case Elem::group: return group_fields();
    case Elem::indicator: return indicator_fields();
    case Elem::score: return score_fields();
    case Elem::report: return report_fields();
    case Elem::deduction: return deduction_fields();
    case Elem::penalty: return penalty_fields();
    case Elem::trigger: return trigger_fields();
    case Elem::action: return action_fields();
    case Elem::inspection: return inspection_fields();
    case Elem::bucket: return none;
    case Elem::criterion: return criterion_fields();
  }
  return none;
}

const Field* find_in(const Table& t, std::string_view name) {
  for (const Field& f : t)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace

const Field* find_field(Elem e, std::string_view name) { return find_in(table(e), name); }
const Field* find_global(std::string_view name) { return find_in(global_fields(), name); }

std::vector<std::string_view> global_names() {
  std::vector<std::string_view> out;
  for (const Field& f : global_fields()) out.push_back(f.name);
  return out;
}

std::vector<std::string_view> field_names(Elem e) {
  std::vector<std::string_view> out;
  if (e == Elem::bucket) return {"key", "items", "count"};
  for (const Field& f : table(e)) out.push_back(f.name);
  return out;
}

// ---- typed reads of plain fields (the same answers as plain_value) -------

PlainKind plain_kind(const PlainField* f) {
  if (!f) return PlainKind::other;
  switch (f->row->type) {
    case FieldType::number:
    case FieldType::opt_number: return PlainKind::number;
    case FieldType::text:
    case FieldType::id_text:
    case FieldType::name:
    case FieldType::owners:
    case FieldType::opt_text:
    case FieldType::target:
    case FieldType::word:
    case FieldType::opt_word: return PlainKind::string;
    default: return PlainKind::other;
  }
}

bool plain_number(const PlainField& p, const Value& s, double& out) {
  const void* e = s.ptr;
  if (p.outer) e = p.outer->at(const_cast<void*>(e));
  const ModelField& f = *p.row;
  if (f.type == FieldType::number) return out = f.ref<double>(e), true;
  const auto& v = f.ref<std::optional<double>>(e);
  out = v ? *v : 0;  // read_number of a null: its num, 0
  return v.has_value();
}

bool plain_string(const PlainField& p, const Value& s, std::string_view& out) {
  const void* e = s.ptr;
  if (p.outer) e = p.outer->at(const_cast<void*>(e));
  const ModelField& f = *p.row;
  out = {};
  switch (f.type) {
    case FieldType::text:
    case FieldType::id_text: return out = f.ref<std::string>(e), true;
    case FieldType::name:
    case FieldType::owners: return out = f.ref<Name>(e).text, true;
    case FieldType::opt_text:
    case FieldType::target: {
      const auto& v = f.ref<std::optional<std::string>>(e);
      if (v) out = *v;
      return v.has_value();
    }
    case FieldType::word: return out = field_word(f, e), true;
    case FieldType::opt_word: return out = field_word(f, e), !out.empty();
    default: return false;
  }
}

}  // namespace jf::rt
