// The scheme as the evaluator sees it: the model, its facts and a few derived
// tables built once per evaluation and shared by every rule.
#pragma once
#include <cstdint>
#include <iterator>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/lexicon.hpp"

#include "base/span.hpp"
#include "base/diagnostic.hpp"
#include "engine/facts.hpp"
#include "base/model.hpp"
#include "engine/rule_value.hpp"

namespace jf::rt {

struct Model {
  Model(const Scheme& s, const Facts& f);
  const Scheme& scheme;
  const Facts& facts;
  /// Indicator k's `text` (id, name, target): bytes [text_at[k], text_at[k+1])
  /// of one buffer, so a lookup by address finds k (lexicon_hits).
  std::string text_buf;
  std::vector<uint32_t> text_at;
  std::string_view text(size_t k) const { return std::string_view(text_buf).substr(text_at[k], text_at[k + 1] - text_at[k]); }
  std::vector<std::vector<int>> group_indicators;  // per group
  std::vector<char> dept_has_veto;                 // per department
  std::vector<Value> penalties;                    // every indicator penalty, then overall ones
  std::vector<Value> deductions;                   // every deduction
  std::vector<Value> criteria;                     // every indicator's criteria
  int indicator_index(const Indicator* i) const { return static_cast<int>(i - scheme.indicators.data()); }
  /// The run's lexicon hits in `text`, searched once per evaluation: several
  /// rules look up the same indicator text, each for one or more classes.
  /// Only texts that outlive the evaluation (`stable`: the model's own or
  /// the rule program's, never a computed string) are kept, by address.
  const std::vector<LexiconHit>& lexicon_hits(std::string_view text, bool stable) const;
  /// The hits in a computed `text` known to begin with the stable `lead`
  /// (a join whose only non-empty piece came first: JF308 joins an
  /// indicator's text with its app criteria's, most often none). When the
  /// rest is spaces and no pattern holds one, those are `lead`'s hits, kept
  /// once; otherwise `text` is searched as any computed string.
  const std::vector<LexiconHit>& lexicon_hits_after(std::string_view text, std::string_view lead) const;

 private:
  // The hits of each stable text, by its address and length, in an
  // open-addressed table: an unordered_map node per text cost a cache miss
  // per lookup (8 % of the pack on 5,000 indicators). The hit lists sit in a
  // deque so a reference handed out stays valid as more texts are searched.
  struct HitSlot {
    const char* data = nullptr;
    size_t size = 0;
    uint32_t index = kEmpty;  // into found_
  };
  static constexpr uint32_t kEmpty = ~uint32_t{0};
  void grow_hits() const;
  // The hits of each indicator's `text`, by indicator (searched on first
  // use): rules walk the indicators in order, so these stay in cache where a
  // hash probe per text missed it.
  mutable std::vector<std::vector<LexiconHit>> text_hits_;
  mutable std::vector<char> text_searched_;
  mutable std::shared_ptr<const Lexicon> lexicon_;
  mutable std::vector<HitSlot> table_;  // size a power of two, at most half full
  mutable std::deque<std::vector<LexiconHit>> found_;
  mutable std::vector<LexiconHit> scratch_;  // the hits of a computed text
};

/// Item `i` of list `l` (i < l.n).
Value item(const Value& l, size_t i, const Model& m);
/// item_into for every kind of list (the switch on its source).
void item_into_any(Value& out, const Value& l, size_t i, const Model& m);

/// The lists whose items are model elements stored side by side (indicators,
/// criteria, deductions…): the element kind, the element's size in bytes
/// and whether the item carries the list's owning indicator (ctx). Size 0
/// for the other sources (built values, strings, index lists).
struct ElementRun {
  uint32_t size;
  Elem elem;
  bool ctx;
};
inline constexpr ElementRun kElementRuns[] = {
    {0, Elem::scheme, false},                                // values
    {sizeof(Name), Elem::unit, false},                       // units
    {sizeof(Department), Elem::department, false},           // departments
    {sizeof(Group), Elem::group, false},                     // groups
    {sizeof(Indicator), Elem::indicator, false},             // indicators
    {sizeof(Inspection), Elem::inspection, false},           // inspections
    {sizeof(Penalty), Elem::penalty, true},                  // penalties
    {sizeof(Deduction), Elem::deduction, true},              // deductions
    {sizeof(Action), Elem::action, false},                   // actions
    {0, Elem::scheme, false},                                // action_kinds
    {0, Elem::scheme, false},                                // evidence
    {0, Elem::scheme, false},                                // name_texts
    {0, Elem::scheme, false},                                // indicator_refs
    {0, Elem::scheme, false},                                // inspection_refs
    {sizeof(Criterion), Elem::criterion, true},              // criteria
    {0, Elem::scheme, false},                                // strings
};
static_assert(std::size(kElementRuns) == static_cast<size_t>(ListSrc::strings) + 1);

/// item(l, i, m) written over `out` in place: a loop variable's slot is
/// set per element without building a temporary and move-assigning it.
/// Inline for the loops' commonest case, a list of model elements written
/// over a slot that holds nothing computed: the item's address from the
/// list's base, without item_into_any's switch and call (what it writes is
/// what item_into_any writes: tests/engine_rule_plan_test.cpp).
inline void item_into(Value& out, const Value& l, size_t i, const Model& m) {
  const ElementRun& run = kElementRuns[l.sub];
  if (run.size == 0 || out.hold) return item_into_any(out, l, i, m);
  out.kind = Kind::element, out.sub = static_cast<uint8_t>(run.elem), out.ctx = run.ctx ? l.ctx : -1;
  out.n = 0, out.num = 0, out.ptr = static_cast<const char*>(l.ptr) + i * run.size;
}
/// Item `i` of `l` by reference when the list stores it (a built list),
/// else written into `tmp`: a read without a copy (lexicon classes, words).
inline const Value& item_ref(const Value& l, size_t i, const Model& m, Value& tmp) {
  if (l.src() == ListSrc::values) return static_cast<const Value*>(l.ptr)[i];
  item_into(tmp, l, i, m);
  return tmp;
}
/// Where a value points: an element's span, a list's first element, else nothing.
bool span_of(const Value& v, const Model& m, Span& out);
/// A value as messages show it (numbers per format_number, lists joined).
std::string render(const Value& v, const Model& m, Lang lang);
/// A value as the argument `name` of a finding's message: independent of the
/// model (which the findings outlive) and rendered later in either language,
/// as render() renders it in that language.
MessageArg message_arg(std::string name, const Value& v, const Model& m);
/// Equality of two values (strings and enum words by spelling; elements by identity).
bool equal(const Value& a, const Value& b, const Model& m);

}  // namespace jf::rt
