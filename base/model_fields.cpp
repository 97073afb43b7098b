#include "base/model_fields.hpp"

#include <array>
#include <optional>

namespace jf {
namespace {

// ---- enums ----------------------------------------------------------------

template <class E>
int enum_get(const void* member, bool optional) {
  if (!optional) return static_cast<int>(*static_cast<const E*>(member));
  const auto& o = *static_cast<const std::optional<E>*>(member);
  return o ? static_cast<int>(*o) : -1;
}
template <class E>
void enum_set(void* member, bool optional, int index) {
  if (!optional) {
    *static_cast<E*>(member) = static_cast<E>(index);
    return;
  }
  auto& o = *static_cast<std::optional<E>*>(member);
  if (index < 0) o.reset();
  else o = static_cast<E>(index);
}

// The Chinese names are those Chinese messages show (weekly → 每周); words
// two enums share (veto, monthly, third_party, …) read the same in both.
constexpr EnumWord kDeptKindWords[] = {{"office", "两办"},          {"line", "条线部门"},
                                       {"assessment", "考核办"},    {"supervision", "督查部门"},
                                       {"efficiency", "效能办"},    {"third_party", "第三方"}};
constexpr EnumWord kScoreModeWords[] = {{"threshold", "达标计分"}, {"rank", "排名计分"}, {"deduction", "扣分制"},
                                        {"veto", "一票否决"},      {"bonus", "加分"}};
constexpr EnumWord kFrequencyWords[] = {{"daily", "每日"},       {"weekly", "每周"},     {"monthly", "每月"},
                                        {"quarterly", "每季度"}, {"semiannual", "每半年"}, {"yearly", "每年"},
                                        {"adhoc", "随时"}};
constexpr EnumWord kEvidenceWords[] = {{"ledger", "台账"},    {"photo", "照片"},          {"materials", "书面材料"},
                                       {"minutes", "会议记录"}, {"system_entry", "系统录入"}};
constexpr EnumWord kTriggerWords[] = {{"bottom", "排名倒数"}, {"bottom_percent", "排名倒数百分比"},
                                      {"last", "末位"},       {"below", "低于分数线"}};
constexpr EnumWord kActionWords[] = {{"interview", "约谈"}, {"statement", "表态发言"}, {"notice", "通报"},
                                     {"veto", "一票否决"},  {"deduct", "扣分"},       {"disqualify", "取消评优资格"},
                                     {"accountability", "问责"}};
constexpr EnumWord kInspFreqWords[] = {{"annual", "每年"},  {"semiannual", "每半年"}, {"quarterly", "每季度"},
                                       {"monthly", "每月"}, {"spot", "随机抽查"}};
constexpr EnumWord kInspKindWords[] = {{"regular", "常规"}, {"third_party", "第三方"}};
constexpr EnumWord kTiesWords[] = {{"share", "并列同分"}};

const EnumInfo kDeptKind{"dept_kind", kDeptKindWords, {}, {}, enum_get<DeptKind>, enum_set<DeptKind>};
const EnumInfo kScoreMode{"score_mode", kScoreModeWords, {}, {}, enum_get<ScoreMode>, enum_set<ScoreMode>};
const EnumInfo kFrequency{"frequency", kFrequencyWords, "annual", "yearly", enum_get<Frequency>, enum_set<Frequency>};
const EnumInfo kEvidence{"evidence_kind", kEvidenceWords, {}, {}, enum_get<EvidenceKind>, enum_set<EvidenceKind>};
const EnumInfo kTrigger{"trigger_kind", kTriggerWords, {}, {}, enum_get<TriggerKind>, enum_set<TriggerKind>};
const EnumInfo kAction{"action_kind", kActionWords, {}, {}, enum_get<ActionKind>, enum_set<ActionKind>};
const EnumInfo kInspFreq{"inspection_frequency", kInspFreqWords, {}, {}, enum_get<InspectionFrequency>,
                         enum_set<InspectionFrequency>};
const EnumInfo kInspKind{"inspection_kind", kInspKindWords, {}, {}, enum_get<InspectionKind>,
                         enum_set<InspectionKind>};
// Not an enum of the model: the one `ties` value written bare in `.assess`.
const EnumInfo kTies{"ties", kTiesWords};

const EnumInfo* const kEnums[] = {&kDeptKind, &kScoreMode, &kFrequency, &kEvidence, &kTrigger,
                                  &kAction,   &kInspFreq,  &kInspKind,  &kTies};

// ---- member access ----------------------------------------------------------

template <auto M>
struct Member;
template <class C, class T, T C::*M>
struct Member<M> {
  static void* at(void* e) { return &(static_cast<C*>(e)->*M); }
  static bool equal(const void* a, const void* b) {
    return static_cast<const C*>(a)->*M == static_cast<const C*>(b)->*M;
  }
};
template <auto M>
struct SpanOf;
template <class C, SourceSpan C::*M>
struct SpanOf<M> {
  static SourceSpan* at(void* e) { return &(static_cast<C*>(e)->*M); }
};

// One row: FIELD(Part, Struct, member, type, required, yaml, assess, rule, en, zh, …rest).
#define FIELD(PART, STRUCT, MEMBER, TYPE, REQ, YAML, ASSESS, RULE, EN, ZH, WORDS, NESTED, DIFF, SPAN) \
  ModelField {                                                                                     \
    Part::PART, #MEMBER, FieldType::TYPE, REQ, YAML, ASSESS, RULE, EN, ZH, WORDS, Part::NESTED, DIFF, \
        Member<&STRUCT::MEMBER>::at, SPAN, Member<&STRUCT::MEMBER>::equal                          \
  }
// The owner field is written with the co-owners (`owner A, B`), so it is
// equal only when both are: `diff` then names an owner change once.
bool owners_equal(const void* a, const void* b) {
  const auto& x = *static_cast<const Indicator*>(a);
  const auto& y = *static_cast<const Indicator*>(b);
  return x.owner == y.owner && x.co_owners == y.co_owners;
}
constexpr ModelField with_equal(ModelField f, bool (*equal)(const void*, const void*)) {
  f.equal = equal;
  return f;
}
#define NO_SPAN nullptr
#define SPAN(STRUCT, MEMBER) SpanOf<&STRUCT::MEMBER>::at

const ModelField kDocument[] = {
    FIELD(document, Scheme, info, part, true, "scheme", "scheme", "scheme",
          "the header: name, year, total points and units", "方案抬头：名称、年度、总分和被考核单位",
          nullptr, scheme, true, NO_SPAN),
    FIELD(document, Scheme, departments, parts, false, "departments", "department", "departments",
          "the county departments that own indicators or run inspections", "承担指标或开展检查的县级部门",
          nullptr, department, true, NO_SPAN),
    FIELD(document, Scheme, groups, parts, false, "groups", "group", "groups",
          "first-level headings (一级指标) holding indicators", "一级指标，下设二级指标", nullptr, group, true,
          NO_SPAN),
    FIELD(document, Scheme, indicators, parts, false, "indicators", "indicator", "indicators",
          "the assessed items", "考核指标", nullptr, indicator, true, NO_SPAN),
    FIELD(document, Scheme, inspections, parts, false, "inspections", "inspection", "inspections",
          "inspections units must receive", "被考核单位需接受的检查", nullptr, inspection, true, NO_SPAN),
    FIELD(document, Scheme, overall_penalties, parts, false, "overall_penalties", "penalty overall",
          "overall_penalties", "penalties on the overall ranking", "针对总排名的惩戒", nullptr, penalty, true,
          NO_SPAN),
};

const ModelField kScheme[] = {
    FIELD(scheme, SchemeInfo, name, text, true, "name", "", "name", "the scheme's name", "方案名称", nullptr,
          document, true, NO_SPAN),
    FIELD(scheme, SchemeInfo, year, opt_number, false, "year", "year", "year", "the year assessed", "考核年度",
          nullptr, document, true, SPAN(SchemeInfo, year_span)),
    FIELD(scheme, SchemeInfo, total, opt_number, false, "total", "total", "total",
          "the points the non-bonus items must add up to", "非加分项应合计的总分", nullptr, document, true,
          SPAN(SchemeInfo, total_span)),
    FIELD(scheme, SchemeInfo, units, units, false, "units", "units", "units",
          "the assessed units (乡镇) by name, or their number", "被考核单位（乡镇）的名称或数量", nullptr,
          document, true, SPAN(SchemeInfo, units_span)),
    FIELD(scheme, SchemeInfo, unit_count, opt_number, false, "", "", "",
          "the number of units when `units` gives a number", "`units` 写数字时的单位数", nullptr, document,
          true, NO_SPAN),
};

const ModelField kDepartment[] = {
    FIELD(department, Department, id, name, true, "id", "", "id", "the department's id", "部门标识", nullptr,
          document, true, NO_SPAN),
    FIELD(department, Department, display, text, false, "name", "", "", "its display name",
          "显示名称", nullptr, document, true, NO_SPAN),
    FIELD(department, Department, kind, opt_word, false, "kind", "kind", "kind", "what kind of department",
          "部门类别", &kDeptKind, document, true, SPAN(Department, kind_span)),
};

const ModelField kGroup[] = {
    FIELD(group, Group, id, name, true, "id", "", "id", "the group's id", "指标组标识", nullptr, document, true,
          NO_SPAN),
    FIELD(group, Group, points, opt_number, false, "points", "points", "points", "the group's points",
          "指标组分值", nullptr, document, true, SPAN(Group, points_span)),
};

const ModelField kIndicator[] = {
    FIELD(indicator, Indicator, id, name, true, "id", "", "id", "the indicator's id", "指标标识", nullptr,
          document, true, NO_SPAN),
    FIELD(indicator, Indicator, display, text, false, "name", "", "", "its display name", "显示名称", nullptr,
          document, true, NO_SPAN),
    FIELD(indicator, Indicator, group, id_text, false, "group", "", "group",
          "the group it belongs to (`.assess`: the enclosing `group` block)",
          "所属指标组（`.assess` 中为所在的 `group` 块）", nullptr, document, true, NO_SPAN),
    with_equal(FIELD(indicator, Indicator, owner, owners, false, "owner", "owner", "owner_id",
                     "the id of the department that scores it; a list when several share the item (the first owns it)",
                     "负责评分的部门标识；多个部门共担时为列表（第一个为主责）", nullptr, document, true, NO_SPAN),
               owners_equal),
    FIELD(indicator, Indicator, points, opt_number, false, "points", "points", "points", "its points", "分值",
          nullptr, document, true, SPAN(Indicator, points_span)),
    FIELD(indicator, Indicator, key, flag, false, "key", "key", "key", "key / central work (重点工作)",
          "重点工作", nullptr, document, true, SPAN(Indicator, key_span)),
    FIELD(indicator, Indicator, score, part, false, "score", "score", "score",
          "how it is scored (threshold when not given)", "计分方式（未写时为达标计分）", nullptr, score, true,
          NO_SPAN),
    FIELD(indicator, Indicator, report, opt_part, false, "report", "report", "report",
          "what units file, how often", "被考核单位报送的报表及频次", nullptr, report, true, NO_SPAN),
    FIELD(indicator, Indicator, evidence, words, false, "evidence", "evidence", "evidence",
          "the proof kept for it", "需留存的佐证", &kEvidence, document, true, NO_SPAN),
    FIELD(indicator, Indicator, deductions, parts, false, "deductions", "deduct", "deductions",
          "points taken per event", "按事件扣分", nullptr, deduction, true, NO_SPAN),
    FIELD(indicator, Indicator, penalties, parts, false, "penalties", "penalty", "penalties",
          "what happens to units that trigger it", "对触发条件的单位的惩戒", nullptr, penalty, true, NO_SPAN),
    FIELD(indicator, Indicator, proves, names, false, "proves", "proves", "proves_ids",
          "the ids of the indicators whose work or proof it audits", "其所核查的指标的标识", nullptr, document,
          true, NO_SPAN),
    FIELD(indicator, Indicator, wording, part, false, "wording", "", "",
          "the source document's wording, verbatim", "原文表述，逐字保留", nullptr, wording, true, NO_SPAN),
    FIELD(indicator, Indicator, co_owners, names, false, "", "", "",
          "the other departments that share the item (written in `owner`)",
          "共担该指标的其他部门（写在 `owner` 中）", nullptr, document, false, NO_SPAN),
};

const ModelField kScore[] = {
    FIELD(score, Scoring, mode, word, true, "mode", "", "mode", "the scoring mode", "计分方式", &kScoreMode,
          document, true, NO_SPAN),
    FIELD(score, Scoring, target_text, target, false, "target", "target", "target",
          "the target: a plain number is a number, anything else a text", "目标：纯数字为数值，否则为文本",
          nullptr, document, true, NO_SPAN),
    FIELD(score, Scoring, target_number, opt_number, false, "", "", "target_number",
          "the target when it is a number", "目标为数字时的数值", nullptr, document, true, NO_SPAN),
    FIELD(score, Scoring, top, opt_number, false, "top", "top", "top", "rank: the first place's points",
          "排名计分：第一名的分值", nullptr, document, true, NO_SPAN),
    FIELD(score, Scoring, step, opt_number, false, "step", "step", "step", "rank: each next place gets this less",
          "排名计分：每降一名减少的分值", nullptr, document, true, NO_SPAN),
    FIELD(score, Scoring, floor, opt_number, false, "floor", "floor", "floor", "rank: the lowest score",
          "排名计分：最低分", nullptr, document, true, NO_SPAN),
    FIELD(score, Scoring, lower_better, flag, false, "lower_better", "lower_better", "lower_better",
          "a lower result ranks higher", "数值越低排名越前", nullptr, document, true, NO_SPAN),
    FIELD(score, Scoring, ties, opt_text, false, "ties", "ties", "ties",
          "how tied units are placed: `share` or a description", "并列的处理：`share` 或文字说明", &kTies,
          document, true, NO_SPAN),
};

const ModelField kReport[] = {
    FIELD(report, Reporting, frequency, word, true, "frequency", "", "frequency", "how often units file",
          "报送频次", &kFrequency, document, true, NO_SPAN),
    FIELD(report, Reporting, forms, number, false, "forms", "forms", "forms", "forms per period (default 1)",
          "每期报表数（默认 1）", nullptr, document, true, NO_SPAN),
    FIELD(report, Reporting, times, opt_number, false, "times", "times", "times",
          "periods a year, overriding the frequency's", "每年期数，覆盖频次对应的期数", nullptr, document, true,
          NO_SPAN),
};

const ModelField kWording[] = {
    FIELD(wording, Wording, content, text, false, "content", "content", "content", "考核内容, verbatim",
          "考核内容（原文）", nullptr, document, true, SPAN(Wording, content_span)),
    FIELD(wording, Wording, standard, text, false, "standard", "standard", "standard", "评分标准, verbatim",
          "评分标准（原文）", nullptr, document, true, SPAN(Wording, standard_span)),
    FIELD(wording, Wording, method, text, false, "method", "method", "method", "考核方式, verbatim",
          "考核方式（原文）", nullptr, document, true, SPAN(Wording, method_span)),
    FIELD(wording, Wording, from, text, false, "from", "from", "from",
          "where the wording came from, such as `row 4`", "原文出处，如 `row 4`", nullptr, document, false,
          SPAN(Wording, from_span)),
};

const ModelField kDeduction[] = {
    FIELD(deduction, Deduction, points, number, true, "points", "", "points", "points taken per event",
          "每次扣除的分值", nullptr, document, true, NO_SPAN),
    FIELD(deduction, Deduction, event, id_text, true, "per", "per", "event", "the event (a name)", "扣分事件（名称）",
          nullptr, document, true, NO_SPAN),
    FIELD(deduction, Deduction, cap, opt_number, false, "cap", "cap", "cap", "the most it takes in all",
          "扣分上限", nullptr, document, true, NO_SPAN),
};

const ModelField kPenalty[] = {
    FIELD(penalty, Penalty, trigger, trigger, true, "when", "", "trigger",
          "`bottom N`, `bottom N%`, `last` or `below X`", "`bottom N`、`bottom N%`、`last` 或 `below X`",
          &kTrigger, document, true, NO_SPAN),
    FIELD(penalty, Penalty, actions, actions, true, "actions", "->", "actions",
          "what is done: a list of actions, `deduct X` with its points", "惩戒措施列表，`deduct X` 写明分值",
          &kAction, document, true, NO_SPAN),
};

const ModelField kInspection[] = {
    FIELD(inspection, Inspection, id, name, true, "id", "", "id", "the inspection's id", "检查标识", nullptr,
          document, true, NO_SPAN),
    FIELD(inspection, Inspection, by, name, true, "by", "by", "by_id", "the id of the department that runs it",
          "开展检查的部门标识", nullptr, document, true, NO_SPAN),
    FIELD(inspection, Inspection, frequency, word, true, "frequency", "", "frequency", "how often",
          "检查频次", &kInspFreq, document, true, NO_SPAN),
    FIELD(inspection, Inspection, times, opt_number, false, "times", "times", "times",
          "times a year, overriding the frequency's", "每年次数，覆盖频次对应的次数", nullptr, document, true,
          NO_SPAN),
    FIELD(inspection, Inspection, kind, word, false, "kind", "kind", "kind", "`regular` (the default) or `third_party`",
          "`regular`（默认）或 `third_party`", &kInspKind, document, true, NO_SPAN),
};

#undef FIELD
#undef NO_SPAN
#undef SPAN

const PartInfo kParts[] = {
    {Part::document, "", "the document", "文档", "the top level of a scheme file", "方案文件的顶层"},
    {Part::scheme, "scheme", "scheme", "方案", "the scheme header", "方案抬头"},
    {Part::department, "departments", "department", "部门", "a county department", "县级部门"},
    {Part::group, "groups", "group", "指标组", "a first-level heading", "一级指标"},
    {Part::indicator, "indicators", "indicator", "指标", "an assessed item", "考核指标"},
    {Part::score, "score", "score", "计分方式", "how an indicator is scored", "指标的计分方式"},
    {Part::report, "report", "report", "报送要求", "what units file for an indicator", "指标的报送要求"},
    {Part::wording, "wording", "wording", "原文", "an indicator's source wording", "指标的原文表述"},
    {Part::deduction, "deductions", "deduction", "扣分项", "points taken per event", "按事件扣分"},
    {Part::penalty, "penalties", "penalty", "惩戒", "what happens to units that trigger it",
     "对触发条件的单位的惩戒"},
    {Part::inspection, "inspections", "inspection", "检查", "an inspection units receive", "被考核单位接受的检查"},
};

constexpr Part kAllParts[] = {Part::document,  Part::scheme,    Part::department, Part::group,
                              Part::indicator, Part::score,     Part::report,     Part::wording,
                              Part::deduction, Part::penalty,   Part::inspection};

}  // namespace

int EnumInfo::find(std::string_view word) const {
  if (!alias.empty() && word == alias) word = alias_of;
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i].word == word) return static_cast<int>(i);
  return -1;
}

std::vector<std::string_view> EnumInfo::spellings() const {
  std::vector<std::string_view> out;
  for (const EnumWord& w : words) out.push_back(w.word);
  if (!alias.empty()) out.push_back(alias);
  return out;
}

std::span<const ModelField> model_fields(Part part) {
  switch (part) {
    case Part::document: return kDocument;
    case Part::scheme: return kScheme;
    case Part::department: return kDepartment;
    case Part::group: return kGroup;
    case Part::indicator: return kIndicator;
    case Part::score: return kScore;
    case Part::report: return kReport;
    case Part::wording: return kWording;
    case Part::deduction: return kDeduction;
    case Part::penalty: return kPenalty;
    case Part::inspection: return kInspection;
  }
  return {};
}

const PartInfo& part_info(Part part) { return kParts[static_cast<int>(part)]; }
std::span<const Part> model_parts() { return kAllParts; }
std::span<const EnumInfo* const> model_enums() { return kEnums; }
const EnumInfo& enum_info(DeptKind) { return kDeptKind; }
const EnumInfo& enum_info(ScoreMode) { return kScoreMode; }
const EnumInfo& enum_info(Frequency) { return kFrequency; }
const EnumInfo& enum_info(EvidenceKind) { return kEvidence; }
const EnumInfo& enum_info(TriggerKind) { return kTrigger; }
const EnumInfo& enum_info(ActionKind) { return kAction; }
const EnumInfo& enum_info(InspectionFrequency) { return kInspFreq; }
const EnumInfo& enum_info(InspectionKind) { return kInspKind; }

const ModelField* find_yaml_field(Part part, std::string_view key) {
  for (const ModelField& f : model_fields(part))
    if (!f.yaml.empty() && f.yaml == key) return &f;
  return nullptr;
}

std::vector<std::string_view> yaml_keys(Part part) {
  std::vector<std::string_view> out;
  for (const ModelField& f : model_fields(part))
    if (!f.yaml.empty()) out.push_back(f.yaml);
  return out;
}

bool field_given(const ModelField& f, const void* e) {
  switch (f.type) {
    case FieldType::text:
    case FieldType::id_text: return !f.ref<std::string>(e).empty();
    case FieldType::name:
    case FieldType::owners: return !f.ref<Name>(e).text.empty();
    case FieldType::number: return true;
    case FieldType::opt_number: return f.ref<std::optional<double>>(e).has_value();
    case FieldType::opt_text: return f.ref<std::optional<std::string>>(e).has_value();
    case FieldType::flag: return f.ref<bool>(e);
    case FieldType::word: return f.required || f.words->get(f.at(const_cast<void*>(e)), false) != 0;
    case FieldType::opt_word: return f.words->get(f.at(const_cast<void*>(e)), true) >= 0;
    case FieldType::names: return !f.ref<std::vector<Name>>(e).empty();
    case FieldType::words: return !f.ref<std::vector<Evidence>>(e).empty();
    case FieldType::opt_part: return f.ref<std::optional<Reporting>>(e).has_value();
    case FieldType::part:
      for (const ModelField& n : model_fields(f.nested))
        if (field_given(n, f.at(const_cast<void*>(e)))) return true;
      return false;
    case FieldType::parts:
    case FieldType::units:
    case FieldType::target:
    case FieldType::trigger:
    case FieldType::actions: return true;
  }
  return true;
}

bool rule_reads_as_stored(const ModelField& f) {
  switch (f.type) {
    case FieldType::part:
    case FieldType::opt_part:
    case FieldType::parts:
    case FieldType::units:
    case FieldType::trigger:
    case FieldType::actions: return false;
    default: return !f.rule.empty();
  }
}

std::string_view field_word(const ModelField& f, const void* e) {
  if (!f.words || (f.type != FieldType::word && f.type != FieldType::opt_word)) return {};
  int i = f.words->get(f.at(const_cast<void*>(e)), f.type == FieldType::opt_word);
  return i >= 0 && i < static_cast<int>(f.words->words.size()) ? f.words->words[i].word : std::string_view();
}

}  // namespace jf
