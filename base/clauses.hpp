// Scoring clauses (docs/import.md, "Clauses"): a scoring text split into
// criteria, each with its points, its condition and what it rewards (a class
// of the lexicon, base/lexicon.hpp). Read from an indicator's kept wording by
// import (to say what it understood) and by the facts (for the rules, the
// trace share and burden).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/lexicon.hpp"

namespace jf {

/// How a criterion's points work.
enum class PointsKind {
  award,       // 得3分, 计10分, 得满分
  deduction,   // 扣2分, 迟报扣0.1分
  per_event,   // 每次扣1分, 每篇得0.5分 (a cap in `cap`)
  tiers,       // 分别得1分、0.6分、0.4分; 分别奖20、10分
  proportion,  // 按比例计分
  rank,        // 按排名计分
  none,        // 不得分, 不计分: the item's points depend on it
  veto,        // 一票否决
  downgrade,   // 降一个等级
  cap,         // 扣完为止 alone: bounds the deductions before it
  sanction,    // 约谈, 通报批评, 问责, 取消评先评优: a penalty, not points
};
std::string_view to_string(PointsKind);
std::vector<std::string_view> points_kind_names();

struct Criterion {
  std::string field;            // content, standard or method: the wording it was read from
  size_t begin = 0, end = 0;    // bytes of the clause in that text
  std::string text;             // the clause as written
  std::string condition;        // what earns or loses the points, as written (may be empty)
  PointsKind kind = PointsKind::award;
  bool deducts = false;         // loses points rather than earning them
  std::vector<double> amounts;  // one for award/deduction/per_event, several for tiers
  std::optional<double> cap;    // 最多扣5分; 扣完为止 → the item's points
  std::string klass;            // a reward class (lexicon.hpp), empty when no word decides it
  std::vector<std::string> words;  // the lexicon words found in the condition
  bool understood = false;      // points read; false: it looks like scoring but was not read
  /// Points this criterion stands for, to weigh its class (docs/burden.md).
  double weight(std::optional<double> item_points) const;
  /// Whether points are earned by meeting the condition: an award, or an item
  /// that gives nothing without it (不得分). Deductions punish its absence.
  bool rewards() const { return understood && (!deducts || kind == PointsKind::none); }
};

/// Whether a piece of text looks like scoring (分, 扣, 加分, 否决, 不得分, 降…等级).
bool looks_like_scoring(std::string_view text);

/// The criteria of one wording text. Pieces without points and not looking
/// like scoring are description: kept in the wording, no criterion. A
/// piece that looks like scoring but whose points are not read is a
/// criterion with `understood` false.
std::vector<Criterion> read_criteria(std::string_view text, std::string_view field,
                                     std::optional<double> item_points, const Lexicon& lex);

/// The class a text's words decide (first of reward_classes() found), with the words.
std::string classify(std::string_view text, const Lexicon& lex, std::vector<std::string>* words = nullptr);

}  // namespace jf
