#include "base/model.hpp"

#include "base/model_fields.hpp"

// The spellings live in the field table's enum lists (base/model_fields.cpp).
namespace jf {
namespace {

template <typename E>
std::string_view name_of(E e) {
  const EnumInfo& info = enum_info(e);
  size_t i = static_cast<size_t>(e);
  return i < info.words.size() ? info.words[i].word : "?";
}
template <typename E>
std::optional<E> value_of(std::string_view s) {
  int i = enum_info(E{}).find(s);
  if (i < 0) return std::nullopt;
  return static_cast<E>(i);
}
template <typename E>
std::vector<std::string_view> names_of() {
  std::vector<std::string_view> out;
  for (const EnumWord& w : enum_info(E{}).words) out.push_back(w.word);
  return out;
}

}  // namespace

std::string_view to_string(DeptKind e) { return name_of(e); }
std::string_view to_string(ScoreMode e) { return name_of(e); }
std::string_view to_string(Frequency e) { return name_of(e); }
std::string_view to_string(EvidenceKind e) { return name_of(e); }
std::string_view to_string(TriggerKind e) { return name_of(e); }
std::string_view to_string(ActionKind e) { return name_of(e); }
std::string_view to_string(InspectionFrequency e) { return name_of(e); }
std::string_view to_string(InspectionKind e) { return name_of(e); }

std::optional<DeptKind> dept_kind_from(std::string_view s) { return value_of<DeptKind>(s); }
std::optional<ScoreMode> score_mode_from(std::string_view s) { return value_of<ScoreMode>(s); }
// `annual` is read as `yearly` (the enum's alias).
std::optional<Frequency> frequency_from(std::string_view s) { return value_of<Frequency>(s); }
std::optional<EvidenceKind> evidence_kind_from(std::string_view s) { return value_of<EvidenceKind>(s); }
std::optional<ActionKind> action_kind_from(std::string_view s) { return value_of<ActionKind>(s); }
std::optional<InspectionFrequency> inspection_frequency_from(std::string_view s) {
  return value_of<InspectionFrequency>(s);
}
std::optional<InspectionKind> inspection_kind_from(std::string_view s) { return value_of<InspectionKind>(s); }

std::vector<std::string_view> dept_kind_names() { return names_of<DeptKind>(); }
std::vector<std::string_view> score_mode_names() { return names_of<ScoreMode>(); }
std::vector<std::string_view> frequency_names() { return names_of<Frequency>(); }
std::vector<std::string_view> evidence_kind_names() { return names_of<EvidenceKind>(); }
std::vector<std::string_view> action_kind_names() { return names_of<ActionKind>(); }
std::vector<std::string_view> inspection_frequency_names() { return names_of<InspectionFrequency>(); }
std::vector<std::string_view> inspection_kind_names() { return names_of<InspectionKind>(); }

}  // namespace jf
