// The field table (base/model_fields.hpp) against the model it describes:
// every member of every model struct has a row (or is a span), and a scheme
// with every field set survives both writers and loaders as an equal model —
// so a member added to base/model.hpp and forgotten anywhere fails here.
#include <algorithm>
#include <gtest/gtest.h>

#include "dsl/scheme_loader.hpp"
#include "dsl/scheme_writer.hpp"
#include "base/model_fields.hpp"
#include "engine/rule_types.hpp"

namespace jf {
namespace {

// ---- counting the members of an aggregate ----------------------------------

/// Converts to any member type, so `T{Any{}, …}` compiles exactly while
/// there are members left to initialise. Only ever used unevaluated.
struct Any {
  template <class T>
  operator T&() const noexcept {
    static T* never = nullptr;
    return *never;
  }
};
template <class T, class... A>
constexpr size_t count_members() {
  if constexpr (requires { T{A{}..., Any{}}; }) return count_members<T, A..., Any>();
  else return sizeof...(A);
}

/// How many members the struct of `part` has.
size_t members_of(Part p) {
  switch (p) {
    case Part::document: return count_members<Scheme>();
    case Part::scheme: return count_members<SchemeInfo>();
    case Part::department: return count_members<Department>();
    case Part::group: return count_members<Group>();
    case Part::indicator: return count_members<Indicator>();
    case Part::score: return count_members<Scoring>();
    case Part::report: return count_members<Reporting>();
    case Part::wording: return count_members<Wording>();
    case Part::deduction: return count_members<Deduction>();
    case Part::penalty: return count_members<Penalty>();
    case Part::inspection: return count_members<Inspection>();
  }
  return 0;
}

TEST(ModelFields, EveryMemberHasARowOrIsASpan) {
  for (Part p : model_parts()) {
    size_t rows = 0, spans = 0;
    for (const ModelField& f : model_fields(p)) {
      EXPECT_EQ(f.part, p) << f.member;
      ++rows;
      if (f.span) ++spans;
    }
    // The element's own span (every element but the document and the wording,
    // whose spans are per text); the document's file id.
    size_t own = p == Part::wording ? 0 : 1;
    EXPECT_EQ(members_of(p), rows + spans + own)
        << part_info(p).en << ": a member of base/model.hpp has no row in base/model_fields.cpp";
  }
}

TEST(ModelFields, KeysAreUniqueAndWordsComplete) {
  for (Part p : model_parts()) {
    std::vector<std::string_view> keys = yaml_keys(p);
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end()) << part_info(p).en;
    for (const ModelField& f : model_fields(p)) {
      bool enum_type = f.type == FieldType::word || f.type == FieldType::opt_word || f.type == FieldType::words;
      if (enum_type) {
        EXPECT_NE(f.words, nullptr) << f.member;
      }
      EXPECT_FALSE(f.en.empty()) << f.member;
      EXPECT_FALSE(f.zh.empty()) << f.member;
    }
  }
  for (const EnumInfo* e : model_enums())
    for (const EnumWord& w : e->words) EXPECT_FALSE(w.zh.empty()) << e->name << " " << w.word;
  // The enum spellings of base/model.hpp are the table's.
  EXPECT_EQ(to_string(Frequency::adhoc), "adhoc");
  EXPECT_EQ(frequency_from("annual"), Frequency::yearly);
  EXPECT_EQ(inspection_kind_names(), (std::vector<std::string_view>{"regular", "third_party"}));
}

// ---- every field set, through both syntaxes ---------------------------------

/// Sets every field of `p` that a scheme file can write to a value other
/// than its default, through the table's accessors.
void fill(Part p, void* e) {
  for (const ModelField& f : model_fields(p)) {
    if (f.yaml.empty()) continue;  // not written in either syntax (co-owners, target_number, unit_count)
    std::string word = "名" + std::string(f.yaml);
    switch (f.type) {
      case FieldType::text: f.ref<std::string>(e) = "text of " + std::string(f.yaml); break;
      case FieldType::id_text: f.ref<std::string>(e) = word; break;
      case FieldType::name: f.ref<Name>(e).text = word; break;
      case FieldType::number: f.ref<double>(e) = 7; break;
      case FieldType::opt_number: f.ref<std::optional<double>>(e) = 3.5; break;
      case FieldType::opt_text: f.ref<std::optional<std::string>>(e) = "a \"quoted\" text"; break;
      case FieldType::flag: f.ref<bool>(e) = true; break;
      case FieldType::word:
      case FieldType::opt_word:
        f.words->set(f.at(e), f.type == FieldType::opt_word, static_cast<int>(f.words->words.size()) - 1);
        break;
      case FieldType::names: f.ref<std::vector<Name>>(e) = {{"甲"}, {"乙"}}; break;
      case FieldType::owners: {  // an owner and the departments that share the item
        auto& i = *static_cast<Indicator*>(e);
        i.owner.text = word;
        i.co_owners = {{"乙部门"}, {"丙部门"}};
        break;
      }
      case FieldType::words:
        for (size_t i = 0; i < f.words->words.size(); ++i)
          f.ref<std::vector<Evidence>>(e).push_back({static_cast<EvidenceKind>(i)});
        break;
      case FieldType::part: fill(f.nested, f.at(e)); break;
      case FieldType::opt_part: {
        auto& r = f.ref<std::optional<Reporting>>(e);
        r.emplace();
        fill(f.nested, &*r);
        break;
      }
      case FieldType::parts: {
        auto add = [&](auto& list) {
          list.emplace_back();
          fill(f.nested, &list.back());
        };
        switch (f.nested) {
          case Part::department: add(f.ref<std::vector<Department>>(e)); break;
          case Part::group: add(f.ref<std::vector<Group>>(e)); break;
          case Part::indicator: add(f.ref<std::vector<Indicator>>(e)); break;
          case Part::deduction: add(f.ref<std::vector<Deduction>>(e)); break;
          case Part::penalty: add(f.ref<std::vector<Penalty>>(e)); break;
          case Part::inspection: add(f.ref<std::vector<Inspection>>(e)); break;
          default: ADD_FAILURE() << "a list of " << part_info(f.nested).en << " the test cannot fill";
        }
        break;
      }
      case FieldType::units: f.ref<std::vector<Name>>(e) = {{"城关镇"}, {"河口乡"}}; break;
      case FieldType::target: f.ref<std::optional<std::string>>(e) = "全部达标"; break;
      case FieldType::trigger: f.ref<Trigger>(e) = {TriggerKind::bottom_percent, 10}; break;
      case FieldType::actions:
        f.ref<std::vector<Action>>(e) = {{ActionKind::interview}, {ActionKind::deduct, 2}};
        break;
    }
  }
}

Scheme full_scheme() {
  Scheme s;
  fill(Part::document, &s);
  // An indicator sits in a declared group (the loaders add undeclared ones).
  s.indicators[0].group = s.groups[0].id.text;
  return s;
}

LoadResult load_text(SourceSet& sources, std::string name, std::string text) {
  uint32_t id = sources.add(std::move(name), std::move(text));
  return load_scheme(sources, id, Limits{});
}

TEST(ModelFields, EveryFieldSurvivesYaml) {
  Scheme s = full_scheme();
  SourceSet sources;
  std::string yaml = write_yaml(s);
  LoadResult back = load_text(sources, "all.yaml", yaml);
  ASSERT_TRUE(back.diagnostics.empty()) << back.diagnostics[0].message.in(Lang::en) << "\n" << yaml;
  EXPECT_TRUE(back.scheme == s) << yaml;
}

TEST(ModelFields, EveryFieldSurvivesAssess) {
  Scheme s = full_scheme();
  SourceSet sources;
  AssessText text = write_assess(s);
  ASSERT_TRUE(text.ok()) << text.error.in(Lang::en);
  LoadResult back = load_text(sources, "all.assess", text.text);
  ASSERT_TRUE(back.diagnostics.empty()) << back.diagnostics[0].message.in(Lang::en) << "\n" << text.text;
  EXPECT_TRUE(back.scheme == s) << text.text;
}

TEST(ModelFields, EqualityComparesEveryFieldButNoSpan) {
  // Spans never make elements differ; every field that is set does.
  Indicator a, b;
  b.span = {0, 10, 20};
  b.points_span = {0, 3, 4};
  EXPECT_TRUE(a == b);
  b.co_owners.push_back({"县委办"});
  EXPECT_FALSE(a == b);
  Scheme x = full_scheme(), y = full_scheme();
  EXPECT_TRUE(x == y);
  for (const ModelField& f : model_fields(Part::indicator)) {
    if (f.yaml.empty()) continue;
    Indicator d = x.indicators[0];
    Indicator plain;
    if (!field_given(f, &d)) continue;
    EXPECT_FALSE(f.equal(&d, &plain)) << f.member;
  }
}

TEST(ModelFields, RuleLanguageReadsEveryNamedField) {
  // Each row with a rule-language name is a field of its element in rules
  // (the wording's texts are read on the indicator: `i.content`).
  const std::pair<Part, rt::Elem> elems[] = {
      {Part::scheme, rt::Elem::scheme},       {Part::department, rt::Elem::department},
      {Part::group, rt::Elem::group},         {Part::indicator, rt::Elem::indicator},
      {Part::score, rt::Elem::score},         {Part::report, rt::Elem::report},
      {Part::wording, rt::Elem::indicator},   {Part::deduction, rt::Elem::deduction},
      {Part::penalty, rt::Elem::penalty},     {Part::inspection, rt::Elem::inspection}};
  for (auto [part, elem] : elems)
    for (const ModelField& f : model_fields(part))
      if (!f.rule.empty()) {
        EXPECT_NE(rt::find_field(elem, f.rule), nullptr) << part_info(part).en << "." << f.rule;
      }
}

TEST(ModelFields, RuleFieldNamesAreUnique) {
  // The plain fields come from the rows and the derived ones are written by
  // hand (engine/rule_fields.cpp): a row whose rule name is also a derived
  // field's would make one of them unreachable.
  for (int e = 0; e <= static_cast<int>(rt::Elem::criterion); ++e) {
    std::vector<std::string_view> names = rt::field_names(static_cast<rt::Elem>(e));
    std::sort(names.begin(), names.end());
    auto dup = std::adjacent_find(names.begin(), names.end());
    EXPECT_EQ(dup, names.end()) << rt::elem_name(static_cast<rt::Elem>(e)) << "." << *dup;
  }
}

}  // namespace
}  // namespace jf
