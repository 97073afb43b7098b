#include "engine/rule_types.hpp"

#include "base/clauses.hpp"
#include "base/model.hpp"

namespace jf::rt {

namespace {
template <class E>
std::vector<std::string_view> spellings(E last) {
  std::vector<std::string_view> out;
  for (int i = 0; i <= static_cast<int>(last); ++i) out.push_back(to_string(static_cast<E>(i)));
  return out;
}
}  // namespace

const std::vector<EnumInfo>& enums() {
  static const std::vector<EnumInfo> all = {
      {"dept_kind", spellings(DeptKind::third_party)},
      {"score_mode", spellings(ScoreMode::bonus)},
      {"frequency", spellings(Frequency::adhoc)},
      {"evidence_kind", spellings(EvidenceKind::system_entry)},
      {"trigger_kind", spellings(TriggerKind::below)},
      {"action_kind", spellings(ActionKind::accountability)},
      {"inspection_frequency", spellings(InspectionFrequency::spot)},
      {"inspection_kind", spellings(InspectionKind::third_party)},
      {"points_kind", spellings(PointsKind::sanction)},
  };
  return all;
}

bool enum_has(int enum_id, std::string_view word) {
  if (enum_id < 0 || enum_id >= static_cast<int>(enums().size())) return false;
  for (auto v : enums()[enum_id].values)
    if (v == word) return true;
  return false;
}

bool is_enum_word(std::string_view word) {
  for (size_t i = 0; i < enums().size(); ++i)
    if (enum_has(static_cast<int>(i), word)) return true;
  return false;
}

std::string_view elem_name(Elem e) {
  static constexpr std::string_view names[] = {
      "scheme",  "unit",    "department", "group",  "indicator",  "score", "report",
      "deduction", "penalty", "trigger",  "action", "inspection", "group_by group", "criterion"};
  return names[static_cast<int>(e)];
}

MessageArg type_arg(std::string name, const Type& t) {
  static constexpr std::string_view elems[] = {
      "rules_types.elem.scheme",     "rules_types.elem.unit",       "rules_types.elem.department",
      "rules_types.elem.group",      "rules_types.elem.indicator",  "rules_types.elem.score",
      "rules_types.elem.report",     "rules_types.elem.deduction",  "rules_types.elem.penalty",
      "rules_types.elem.trigger",    "rules_types.elem.action",     "rules_types.elem.inspection",
      "rules_types.elem.bucket",     "rules_types.elem.criterion"};
  MessageArg a;
  switch (t.t) {
    case T::any: a = word(name, "rules_types.any"); break;
    case T::null: return word(std::move(name), "rules_types.null");
    case T::number: a = word(name, "rules_types.number"); break;
    case T::boolean: a = word(name, "rules_types.bool"); break;
    case T::string: a = word(name, "rules_types.string"); break;
    case T::enum_: a = keyed(name, "rules_types.enum", {arg("name", enums()[t.enum_id].name)}); break;
    case T::word: a = keyed(name, "rules_types.word", {arg("word", t.word)}); break;
    case T::element: a = word(name, elems[static_cast<int>(t.elem)]); break;
    case T::list:
      return keyed(std::move(name), "rules_types.list_of",
                   {t.item ? type_arg("item", *t.item) : word("item", "rules_types.any")});
  }
  if (!t.nullable) return a;
  a.name = "type";
  return keyed(std::move(name), "rules_types.nullable", {std::move(a)});
}

}  // namespace jf::rt
