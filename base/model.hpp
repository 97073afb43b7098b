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

/// A name as written, with where it was written.
struct Name {
  std::string text;
  Span span;
  bool operator==(const Name& o) const { return text == o.text; }  // spans never compare
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
  Span span;                          // the whole scheme header
  Span total_span, units_span, year_span;
  bool operator==(const SchemeInfo& o) const {
    return name == o.name && year == o.year && total == o.total && units == o.units &&
           unit_count == o.unit_count;
  }
};

struct Department {
  Name id;
  std::string display;  // empty when not given
  std::optional<DeptKind> kind;
  Span span, kind_span;
  bool operator==(const Department& o) const {
    return id == o.id && display == o.display && kind == o.kind;
  }
};

struct Group {
  Name id;
  std::optional<double> points;
  Span span, points_span;
  bool operator==(const Group& o) const { return id == o.id && points == o.points; }
};

struct Scoring {
  ScoreMode mode = ScoreMode::threshold;
  std::optional<std::string> target_text;
  std::optional<double> target_number;
  std::optional<double> top, step, floor;
  bool lower_better = false;
  std::optional<std::string> ties;  // "share" or free text
  Span span;
  bool operator==(const Scoring& o) const {
    return mode == o.mode && target_text == o.target_text && target_number == o.target_number &&
           top == o.top && step == o.step && floor == o.floor && lower_better == o.lower_better &&
           ties == o.ties;
  }
};

struct Reporting {
  Frequency frequency = Frequency::monthly;
  double forms = 1;                 // forms per period
  std::optional<double> times;      // overrides the periods a year
  Span span;
  bool operator==(const Reporting& o) const {
    return frequency == o.frequency && forms == o.forms && times == o.times;
  }
};

struct Evidence {
  EvidenceKind kind;
  Span span;
  bool operator==(const Evidence& o) const { return kind == o.kind; }
};

struct Deduction {
  double points = 0;
  std::string event;          // e.g. late_report
  std::optional<double> cap;
  Span span;
  bool operator==(const Deduction& o) const {
    return points == o.points && event == o.event && cap == o.cap;
  }
};

struct Trigger {
  TriggerKind kind = TriggerKind::bottom;
  double value = 0;  // N for bottom, percent for bottom_percent, X for below; 0 for last
  Span span;
  bool operator==(const Trigger& o) const { return kind == o.kind && value == o.value; }
};

struct Action {
  ActionKind kind;
  double amount = 0;  // points for `deduct X`
  Span span;
  bool operator==(const Action& o) const { return kind == o.kind && amount == o.amount; }
};

struct Penalty {
  Trigger trigger;
  std::vector<Action> actions;
  Span span;
  bool operator==(const Penalty& o) const { return trigger == o.trigger && actions == o.actions; }
};

/// An indicator's wording as its source document wrote it (考核内容, 评分标准,
/// 考核方式), verbatim: nothing a document says is dropped, and the clause
/// reader (base/clauses.hpp) reads its scoring criteria from
/// `standard`. `from` is where it came from (e.g. "细则.csv row 4"). Every
/// text is empty when not given.
struct Wording {
  std::string content, standard, method, from;
  Span content_span, standard_span, method_span, from_span;
  bool empty() const { return content.empty() && standard.empty() && method.empty() && from.empty(); }
  bool operator==(const Wording& o) const {
    return content == o.content && standard == o.standard && method == o.method && from == o.from;
  }
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
  Span span, points_span, key_span;
  /// Other departments named in the same owner cell of a table (县委办、县政府办):
  /// each counts the item as its own; the points are split among all owners.
  std::vector<Name> co_owners;
  /// The display name, or the id when there is none.
  const std::string& name() const { return display.empty() ? id.text : display; }
  bool operator==(const Indicator& o) const {
    return id == o.id && display == o.display && group == o.group && owner == o.owner &&
           co_owners == o.co_owners && points == o.points && key == o.key && score == o.score && report == o.report &&
           evidence == o.evidence && deductions == o.deductions && penalties == o.penalties &&
           proves == o.proves && wording == o.wording;
  }
};

struct Inspection {
  Name id;
  Name by;
  InspectionFrequency frequency = InspectionFrequency::annual;
  std::optional<double> times;
  InspectionKind kind = InspectionKind::regular;
  Span span;
  bool operator==(const Inspection& o) const {
    return id == o.id && by == o.by && frequency == o.frequency && times == o.times &&
           kind == o.kind;
  }
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
  bool operator==(const Scheme& o) const {
    return info == o.info && departments == o.departments && groups == o.groups &&
           indicators == o.indicators && inspections == o.inspections &&
           overall_penalties == o.overall_penalties;
  }
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
