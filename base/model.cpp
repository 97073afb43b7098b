#include "base/model.hpp"

#include <array>
#include <utility>

namespace jf {
namespace {

template <typename E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<DeptKind, 6> kDeptKinds{{{DeptKind::office, "office"},
                                         {DeptKind::line, "line"},
                                         {DeptKind::assessment, "assessment"},
                                         {DeptKind::supervision, "supervision"},
                                         {DeptKind::efficiency, "efficiency"},
                                         {DeptKind::third_party, "third_party"}}};
constexpr Table<ScoreMode, 5> kScoreModes{{{ScoreMode::threshold, "threshold"},
                                           {ScoreMode::rank, "rank"},
                                           {ScoreMode::deduction, "deduction"},
                                           {ScoreMode::veto, "veto"},
                                           {ScoreMode::bonus, "bonus"}}};
constexpr Table<Frequency, 7> kFrequencies{{{Frequency::daily, "daily"},
                                            {Frequency::weekly, "weekly"},
                                            {Frequency::monthly, "monthly"},
                                            {Frequency::quarterly, "quarterly"},
                                            {Frequency::semiannual, "semiannual"},
                                            {Frequency::yearly, "yearly"},
                                            {Frequency::adhoc, "adhoc"}}};
constexpr Table<EvidenceKind, 5> kEvidence{{{EvidenceKind::ledger, "ledger"},
                                            {EvidenceKind::photo, "photo"},
                                            {EvidenceKind::materials, "materials"},
                                            {EvidenceKind::minutes, "minutes"},
                                            {EvidenceKind::system_entry, "system_entry"}}};
constexpr Table<TriggerKind, 4> kTriggers{{{TriggerKind::bottom, "bottom"},
                                           {TriggerKind::bottom_percent, "bottom_percent"},
                                           {TriggerKind::last, "last"},
                                           {TriggerKind::below, "below"}}};
constexpr Table<ActionKind, 7> kActions{{{ActionKind::interview, "interview"},
                                         {ActionKind::statement, "statement"},
                                         {ActionKind::notice, "notice"},
                                         {ActionKind::veto, "veto"},
                                         {ActionKind::deduct, "deduct"},
                                         {ActionKind::disqualify, "disqualify"},
                                         {ActionKind::accountability, "accountability"}}};
constexpr Table<InspectionFrequency, 5> kInspFreq{{{InspectionFrequency::annual, "annual"},
                                                   {InspectionFrequency::semiannual, "semiannual"},
                                                   {InspectionFrequency::quarterly, "quarterly"},
                                                   {InspectionFrequency::monthly, "monthly"},
                                                   {InspectionFrequency::spot, "spot"}}};
constexpr Table<InspectionKind, 2> kInspKinds{{{InspectionKind::regular, "regular"},
                                               {InspectionKind::third_party, "third_party"}}};

template <typename E, size_t N>
std::string_view name_of(const Table<E, N>& t, E e) {
  for (auto& [k, v] : t)
    if (k == e) return v;
  return "?";
}
template <typename E, size_t N>
std::optional<E> value_of(const Table<E, N>& t, std::string_view s) {
  for (auto& [k, v] : t)
    if (v == s) return k;
  return std::nullopt;
}
template <typename E, size_t N>
std::vector<std::string_view> names_of(const Table<E, N>& t) {
  std::vector<std::string_view> out;
  for (auto& kv : t) out.push_back(kv.second);
  return out;
}

}  // namespace

std::string_view to_string(DeptKind e) { return name_of(kDeptKinds, e); }
std::string_view to_string(ScoreMode e) { return name_of(kScoreModes, e); }
std::string_view to_string(Frequency e) { return name_of(kFrequencies, e); }
std::string_view to_string(EvidenceKind e) { return name_of(kEvidence, e); }
std::string_view to_string(TriggerKind e) { return name_of(kTriggers, e); }
std::string_view to_string(ActionKind e) { return name_of(kActions, e); }
std::string_view to_string(InspectionFrequency e) { return name_of(kInspFreq, e); }
std::string_view to_string(InspectionKind e) { return name_of(kInspKinds, e); }

std::optional<DeptKind> dept_kind_from(std::string_view s) { return value_of(kDeptKinds, s); }
std::optional<ScoreMode> score_mode_from(std::string_view s) { return value_of(kScoreModes, s); }
std::optional<Frequency> frequency_from(std::string_view s) {
  if (s == "annual") return Frequency::yearly;
  return value_of(kFrequencies, s);
}
std::optional<EvidenceKind> evidence_kind_from(std::string_view s) { return value_of(kEvidence, s); }
std::optional<ActionKind> action_kind_from(std::string_view s) { return value_of(kActions, s); }
std::optional<InspectionFrequency> inspection_frequency_from(std::string_view s) {
  return value_of(kInspFreq, s);
}
std::optional<InspectionKind> inspection_kind_from(std::string_view s) {
  return value_of(kInspKinds, s);
}

std::vector<std::string_view> dept_kind_names() { return names_of(kDeptKinds); }
std::vector<std::string_view> score_mode_names() { return names_of(kScoreModes); }
std::vector<std::string_view> frequency_names() { return names_of(kFrequencies); }
std::vector<std::string_view> evidence_kind_names() { return names_of(kEvidence); }
std::vector<std::string_view> action_kind_names() { return names_of(kActions); }
std::vector<std::string_view> inspection_frequency_names() { return names_of(kInspFreq); }
std::vector<std::string_view> inspection_kind_names() { return names_of(kInspKinds); }

}  // namespace jf
