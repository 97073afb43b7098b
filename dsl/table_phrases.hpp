// The documented phrase patterns of 评分标准 / 考核方式 / 考核内容 cells
// (docs/import.md): each one sets a model field and says which bytes it read.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/model.hpp"
#include "base/event_words.hpp"
#include "base/number_words.hpp"

namespace jf {

/// One understood phrase: bytes [begin, end) of the cell text and what it set,
/// e.g. "score rank top 100".
struct Found {
  size_t begin = 0, end = 0;
  std::string field;
};

/// What reading one cell produced. `unread` are the pieces (clauses between
/// ；。, and ，) no pattern touched: [begin, end) in the cell text.
struct Reading {
  std::vector<Found> found;
  std::vector<std::pair<size_t, size_t>> unread;
};

/// Maps bytes [begin, end) of the cell text to a span in the file.
using SpanOf = std::function<Span(size_t, size_t)>;

/// 评分标准 (and 赋分办法): score mode, top/step/floor, deductions with caps
/// (扣完为止 caps at `points`), penalties, veto items, bonus items. Sets
/// `scoring_set` when a score-mode phrase was found.
Reading read_standard(std::string_view text, std::optional<double> points, Indicator& ind, bool& scoring_set,
                      const SpanOf& span_of);

/// A 核查…的台账 reference, resolved to indicator ids after all rows are read.
struct ProofRef {
  std::string name;
  Span span;
};

/// 考核方式/说明 (and 考核内容): reporting frequency and forms, evidence, proof
/// links, key items (重点工作/中心工作).
Reading read_method(std::string_view text, Indicator& ind, std::vector<ProofRef>& proofs, const SpanOf& span_of);

/// 考核内容 and 评分标准, read when 考核方式 named no reporting frequency: in one
/// sentence (between ；;。 and line breaks), a periodic frequency word (每日, 每周,
/// 每月, 每季度, 每半年, 每年…) and after it a reporting verb (上报/报送/填报, with
/// `N份` after it for the forms). A frequency of an activity alone (每周开展巡查)
/// is not reporting; nor is a report tied to an event or another time between
/// the two (及时/立即/发现…上报, 年底上报). Sets `ind.report` from the first one.
Reading read_report_clauses(std::string_view text, Indicator& ind, const SpanOf& span_of);

/// Only the key-item markers of a cell (考核内容, 指标名称): the bytes read.
Reading read_key(std::string_view text, Indicator& ind, const SpanOf& span_of);

/// A department kind guessed from its name (县委办 → office, 督查 → supervision …);
/// nullopt when the name says nothing (still treated as line by the importer).
std::optional<DeptKind> guess_dept_kind(std::string_view name);

/// The event id of a deduction phrase: 迟报 → late_report, 漏报 →
/// missing_report, 逾期办结 → late_submission, 数据差错 → data_error, 火点 →
/// fire_spot; other text is kept as written (an identifier with CJK letters).
std::string event_id(std::string_view phrase);

}  // namespace jf
