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

std::string describe(const Type& t) {
  std::string s;
  switch (t.t) {
    case T::any: s = "any"; break;
    case T::null: return "null";
    case T::number: s = "number"; break;
    case T::boolean: s = "bool"; break;
    case T::string: s = "string"; break;
    case T::enum_: s = std::string(enums()[t.enum_id].name); break;
    case T::word: s = "word `" + t.word + "`"; break;
    case T::element: s = std::string(elem_name(t.elem)); break;
    case T::list: return "list of " + (t.item ? describe(*t.item) : std::string("any"));
  }
  return t.nullable ? s + "?" : s;
}

}  // namespace jf::rt
