// The fields of the scheme model as data: one row per field of every element
// (base/model.hpp), with its YAML key, `.assess` keyword, rule-language name,
// documentation and enum words. The YAML reader, both writers, `diff`, the
// plain rule-language accessors, the field tables of the docs and the JSON
// Schema of `jianfu schema` all read this table, so a new field is one row
// here plus its member in model.hpp (docs/fields.md).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/model.hpp"

namespace jf {

/// The model elements that have fields. `document` is the top level of a
/// scheme file (the Scheme struct's lists); `scheme` its header (SchemeInfo).
enum class Part : uint8_t {
  document, scheme, department, group, indicator, score, report, wording, deduction, penalty, inspection,
};

/// How a field is stored and written.
enum class FieldType : uint8_t {
  text,        // std::string; "" = not given
  name,        // Name (an identifier in `.assess`); text "" = not given
  id_text,     // std::string holding a name without its span; "" = not given
  number,      // double, always written
  opt_number,  // std::optional<double>
  opt_text,    // std::optional<std::string>; `words` lists values written bare in `.assess`
  flag,        // bool; false = not given
  word,        // an enum, always set (the first word unless given)
  opt_word,    // std::optional of an enum
  names,       // std::vector<Name>
  owners,      // Indicator::owner, written with Indicator::co_owners: one name, or a list whose first owns the item
  words,       // std::vector<Evidence>: a list of enum words
  part,        // a nested element (`nested`)
  opt_part,    // std::optional of a nested element (Reporting, the only one)
  parts,       // std::vector of nested elements
  // Fields whose written form is its own small syntax (the readers and
  // writers spell them out; the table still names, types and documents them):
  units,       // SchemeInfo: `units` names, or `unit_count` when a number
  target,      // Scoring: `target_number` when a plain number, else `target_text`
  trigger,     // Penalty::trigger: `bottom N`, `bottom N%`, `last`, `below X`
  actions,     // Penalty::actions: `interview`, …, `deduct X`
};

/// One enum word and its Chinese name (the name Chinese messages show).
struct EnumWord {
  std::string_view word, zh;
};

/// An enum of the model: its words in declaration order (index = value).
struct EnumInfo {
  std::string_view name;             // "frequency": docs and JSON Schema
  std::span<const EnumWord> words;
  std::string_view alias = {};       // another spelling read as…
  std::string_view alias_of = {};    // …this word (`annual` for `yearly`)
  /// The value of an enum member as its index; -1 when an optional one is empty.
  int (*get)(const void* member, bool optional) = nullptr;
  /// Sets an enum member (or resets an optional one with -1).
  void (*set)(void* member, bool optional, int index) = nullptr;
  /// The index of `word` (or of the alias' word); -1 when unknown.
  int find(std::string_view word) const;
  /// Every spelling, alias last: for "expected one of" and did-you-mean.
  std::vector<std::string_view> spellings() const;
};

/// One field of one element.
struct ModelField {
  Part part;
  std::string_view member;       // its name in base/model.hpp
  FieldType type;
  bool required;                 // an element without it is left out (JF001)
  std::string_view yaml;         // the YAML key ("" when it has none)
  std::string_view assess;       // the `.assess` keyword ("" when positional or none)
  std::string_view rule;         // the rule-language field reading it as stored ("" none)
  std::string_view en, zh;       // documentation
  const EnumInfo* words = nullptr;
  Part nested = Part::document;  // for part, opt_part and parts
  bool in_diff = true;           // `diff` names it when it changed
  /// The member inside an element of `part` (typed by `type`).
  void* (*at)(void* element) = nullptr;
  /// Where its value was written, when the model keeps that; else null.
  SourceSpan* (*span)(void* element) = nullptr;
  /// Whether two elements hold the same value of this field (spans aside).
  bool (*equal)(const void* a, const void* b) = nullptr;

  template <class T>
  T& ref(void* element) const { return *static_cast<T*>(at(element)); }
  template <class T>
  const T& ref(const void* element) const { return *static_cast<const T*>(at(const_cast<void*>(element))); }
};

/// What an element is called: the YAML key that lists it and its name in
/// messages, in both languages.
struct PartInfo {
  Part part;
  std::string_view key;          // "departments", "score", …
  std::string_view en, zh;       // "department", "部门"
  std::string_view doc_en, doc_zh;
};

/// Every field of `part`, in the order both writers write them.
std::span<const ModelField> model_fields(Part part);
const PartInfo& part_info(Part part);
/// All parts, document first.
std::span<const Part> model_parts();
/// The field of `part` with YAML key `key`, or null.
const ModelField* find_yaml_field(Part part, std::string_view key);
/// The YAML keys of `part`, in table order.
std::vector<std::string_view> yaml_keys(Part part);
/// Every enum of the model, and `ties`' bare word.
std::span<const EnumInfo* const> model_enums();
/// The enums of the model by type (base/model.cpp spells them with these).
const EnumInfo& enum_info(DeptKind);
const EnumInfo& enum_info(ScoreMode);
const EnumInfo& enum_info(Frequency);
const EnumInfo& enum_info(EvidenceKind);
const EnumInfo& enum_info(TriggerKind);
const EnumInfo& enum_info(ActionKind);
const EnumInfo& enum_info(InspectionFrequency);
const EnumInfo& enum_info(InspectionKind);

/// Whether a writer writes the field: given (non-empty, set, true) or
/// always written (required, or a plain number with a default).
bool field_given(const ModelField& f, const void* element);
/// Whether rules read the field as the model stores it (`i.points`): it names
/// a rule-language field and holds a plain value (a text, number, flag, word
/// or list of them). Such a field needs no line in engine/rule_fields.cpp;
/// a nested element or a field with its own syntax is read through a
/// hand-written field of the same name there.
bool rule_reads_as_stored(const ModelField& f);
/// The enum word of a word or opt_word field; "" when not given.
std::string_view field_word(const ModelField& f, const void* element);

}  // namespace jf
