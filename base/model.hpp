// The scheme model: what a scheme says, whatever syntax it was written in.
// Plain structs with spans; both the .assess lowering and the YAML loader
// build it, and everything after parsing reads only this.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"

namespace jf {

/// Where a model value was written. Any two compare equal, so the defaulted
/// operator== of the model structs compares what a scheme says, never where:
/// a scheme converted to the other syntax and read back equals the original.
struct SourceSpan : Span {
  SourceSpan() = default;
  SourceSpan(const Span& s) : Span(s) {}  // NOLINT: implicit: assigned from parser spans
  SourceSpan(uint32_t file, uint32_t begin, uint32_t end) : Span{file, begin, end} {}
  bool operator==(const SourceSpan&) const { return true; }
};

/// A name as written, with where it was written.
struct Name {
  std::string text;
  SourceSpan span;
  bool operator==(const Name&) const = default;
};

enum class DeptKind { office, line, assessment, supervision, efficiency, third_party };
enum class ScoreMode { threshold, rank, deduction, veto, bonus };
enum class Frequency { daily, weekly, monthly, quarterly, semiannual, yearly, adhoc };
enum class EvidenceKind { ledger, photo, materials, minutes, system_entry };
enum class TriggerKind { bottom, bottom_percent, last, below };
enum class ActionKind { interview, statement, notice, veto, deduct, disqualify, accountability };
enum class InspectionFrequency { annual, semiannual, quarterly, monthly, spot };
enum class InspectionKind { regular, third_party };

struct SchemeInfo {
  std::string name;
  std::optional<double> year;
  std::optional<double> total;
  std::vector<Name> units;            // named units
  std::optional<double> unit_count;   // `units 12`: a count instead of names
  SourceSpan span;                          // the whole scheme header
  SourceSpan total_span, units_span, year_span;
  bool operator==(const SchemeInfo&) const = default;
};

struct Department {
  Name id;
  std::string display;  // empty when not given
  std::optional<DeptKind> kind;
  SourceSpan span, kind_span;
  bool operator==(const Department&) const = default;
};

struct Group {
  Name id;
  std::optional<double> points;
  SourceSpan span, points_span;
  bool operator==(const Group&) const = default;
};

struct Scoring {
  ScoreMode mode = ScoreMode::threshold;
  std::optional<std::string> target_text;
  std::optional<double> target_number;
  std::optional<double> top, step, floor;
  bool lower_better = false;
  std::optional<std::string> ties;  // "share" or free text
  SourceSpan span;
  bool operator==(const Scoring&) const = default;
};

struct Reporting {
  Frequency frequency = Frequency::monthly;
  double forms = 1;                 // forms per period
  std::optional<double> times;      // overrides the periods a year
  SourceSpan span;
  bool operator==(const Reporting&) const = default;
};

struct Evidence {
  EvidenceKind kind;
  SourceSpan span;
  bool operator==(const Evidence&) const = default;
};

struct Deduction {
  double points = 0;
  std::string event;          // e.g. late_report
  std::optional<double> cap;
  SourceSpan span;
  bool operator==(const Deduction&) const = default;
};

struct Trigger {
  TriggerKind kind = TriggerKind::bottom;
  double value = 0;  // N for bottom, percent for bottom_percent, X for below; 0 for last
  SourceSpan span;
  bool operator==(const Trigger&) const = default;
};

struct Action {
  ActionKind kind;
  double amount = 0;  // points for `deduct X`
  SourceSpan span;
  bool operator==(const Action&) const = default;
};

struct Penalty {
  Trigger trigger;
  std::vector<Action> actions;
  SourceSpan span;
  bool operator==(const Penalty&) const = default;
};

/// An indicator's wording as its source document wrote it (考核内容, 评分标准,
/// 考核方式), verbatim: nothing a document says is dropped, and the clause
/// reader (base/clauses.hpp) reads its scoring criteria from
/// `standard`. `from` is where it came from (e.g. "细则.csv row 4"). Every
/// text is empty when not given.
struct Wording {
  std::string content, standard, method, from;
  SourceSpan content_span, standard_span, method_span, from_span;
  bool empty() const { return content.empty() && standard.empty() && method.empty() && from.empty(); }
  bool operator==(const Wording&) const = default;
};

struct Indicator {
  Name id;
  std::string display;  // empty when not given
  std::string group;    // empty for a top-level indicator
  Name owner;           // text empty when not given
  std::optional<double> points;
  bool key = false;
  Scoring score;
  std::optional<Reporting> report;
  std::vector<Evidence> evidence;
  std::vector<Deduction> deductions;
  std::vector<Penalty> penalties;
  std::vector<Name> proves;
  Wording wording;
  SourceSpan span, points_span, key_span;
  /// Other departments named in the same owner cell of a table (县委办、县政府办):
  /// each counts the item as its own; the points are split among all owners.
  std::vector<Name> co_owners;
  /// The display name, or the id when there is none.
  const std::string& name() const { return display.empty() ? id.text : display; }
  bool operator==(const Indicator&) const = default;
};

struct Inspection {
  Name id;
  Name by;
  InspectionFrequency frequency = InspectionFrequency::annual;
  std::optional<double> times;
  InspectionKind kind = InspectionKind::regular;
  SourceSpan span;
  bool operator==(const Inspection&) const = default;
};

/// A whole scheme. Element order is source order. Ids may repeat here (the
/// structure checks report JF003 and drop the later copies).
struct Scheme {
  uint32_t file = 0;  // id in the run's SourceSet
  SchemeInfo info;
  std::vector<Department> departments;
  std::vector<Group> groups;
  std::vector<Indicator> indicators;
  std::vector<Inspection> inspections;
  std::vector<Penalty> overall_penalties;
  bool operator==(const Scheme&) const = default;
};

/// Keyword spellings shared by both syntaxes (e.g. "third_party", "bottom").
std::string_view to_string(DeptKind);
std::string_view to_string(ScoreMode);
std::string_view to_string(Frequency);
std::string_view to_string(EvidenceKind);
std::string_view to_string(TriggerKind);
std::string_view to_string(ActionKind);
std::string_view to_string(InspectionFrequency);
std::string_view to_string(InspectionKind);

/// Parses a keyword spelling; nullopt when unknown. `yearly` and `annual`
/// are both accepted for Frequency::yearly.
std::optional<DeptKind> dept_kind_from(std::string_view);
std::optional<ScoreMode> score_mode_from(std::string_view);
std::optional<Frequency> frequency_from(std::string_view);
std::optional<EvidenceKind> evidence_kind_from(std::string_view);
std::optional<ActionKind> action_kind_from(std::string_view);
std::optional<InspectionFrequency> inspection_frequency_from(std::string_view);
std::optional<InspectionKind> inspection_kind_from(std::string_view);

/// All spellings of an enum, for "expected one of" messages and did-you-mean.
std::vector<std::string_view> dept_kind_names();
std::vector<std::string_view> score_mode_names();
std::vector<std::string_view> frequency_names();
std::vector<std::string_view> evidence_kind_names();
std::vector<std::string_view> action_kind_names();
std::vector<std::string_view> inspection_frequency_names();
std::vector<std::string_view> inspection_kind_names();

}  // namespace jf
