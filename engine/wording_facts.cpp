// What an indicator's words reward: its criteria (read from the kept wording
// with the run's lexicon) and the share of its points that reward traces
// (留痕分占比, docs/burden.md).
#include <re2/re2.h>

#include <algorithm>

#include "base/clauses.hpp"
#include "base/lexicon.hpp"
#include "base/number_words.hpp"
#include "base/vocabulary.hpp"
#include "engine/facts.hpp"

namespace jf {
namespace {

// The largest enumerator of a list written in the wording: （1）(2) 3、 ①
// or 一是 二是 …; 0 when the wording lists nothing.
int count_sub_items(const std::string& text) {
  static const re2::RE2 numbered(std::string(vocabulary_text("wording.numbered")));
  static const auto circles = vocabulary("wording.circled");
  static const re2::RE2 circled([] {
    std::string p = "(";  // appended piece by piece: GCC 12 -Wrestrict misreads "(" + a returned string
    p += vocabulary_alternation("wording.circled");
    p += ')';
    return p;
  }());
  static const re2::RE2 said(std::string(vocabulary_text("wording.said")));
  int most = 0;
  re2::StringPiece in(text);
  std::string n;
  while (RE2::FindAndConsume(&in, numbered, &n)) most = std::max(most, std::stoi(n));
  in = re2::StringPiece(text);
  while (RE2::FindAndConsume(&in, circled, &n))
    for (size_t k = 0; k < circles.size(); ++k)
      if (n == circles[k]) most = std::max(most, static_cast<int>(k) + 1);
  in = re2::StringPiece(text);
  while (RE2::FindAndConsume(&in, said, &n))
    if (auto v = parse_number(n)) most = std::max(most, static_cast<int>(*v));
  if (most > 0) return most;
  // No numbers: 完成糖蔗种植面积、进厂产量、良种种植及示范片建设任务计10分，
  // 每小项不完成任务扣1分 lists its sub-items with 、 and 及/以及/和 before
  // the per-item deduction; each joiner adds one.
  static const auto per_item = vocabulary("wording.per_item");
  static const auto joiner_words = vocabulary("wording.joiners");
  static const std::string_view open_list = vocabulary_text("wording.open_list");
  size_t at = std::string::npos;
  for (std::string_view w : per_item)
    if (at == std::string::npos) at = text.find(w);
  if (at == std::string::npos) return 0;
  const std::string_view before(text.data(), at);
  if (before.find(open_list) != std::string_view::npos) return 0;  // 、…等: an open list bounds nothing
  int joiners = 0;
  for (std::string_view j : joiner_words)
    for (size_t k = before.find(j); k != std::string_view::npos; k = before.find(j, k + j.size())) ++joiners;
  return joiners > 0 ? joiners + 1 : 0;
}

}  // namespace

void compute_wording_facts(const Scheme& s, Facts& f) {
  auto lex = lexicon();
  for (size_t i = 0; i < s.indicators.size() && i < f.indicators.size(); ++i) {
    const Indicator& ind = s.indicators[i];
    IndicatorFacts& x = f.indicators[i];
    std::string own = ind.id.text + " " + ind.display;
    if (ind.score.target_text) own += " " + *ind.score.target_text;
    own += " " + ind.wording.content;
    x.klass = classify(own, *lex);
    for (auto [field, text] : {std::pair<std::string_view, const std::string*>{"content", &ind.wording.content},
                               {"standard", &ind.wording.standard}, {"method", &ind.wording.method}}) {
      if (text->empty()) continue;
      for (Criterion& c : read_criteria(*text, field, ind.points, *lex)) {
        if (c.klass.empty()) c.klass = x.klass;  // 按比例计分: what the item itself is about
        x.criteria.push_back(std::move(c));
      }
    }
    x.sub_items = count_sub_items(ind.wording.content + "\n" + ind.wording.standard);
    double all = 0, trace = 0, rewarded = 0;
    for (const Criterion& c : x.criteria) {
      if (!c.understood) continue;
      double w = c.weight(ind.points);
      all += w;
      if (c.rewards()) rewarded += w;
      if (is_trace_class(c.klass)) trace += w;
    }
    // An item without points (a bonus item, say) offers what its criteria award.
    const double points = ind.points ? *ind.points : rewarded;
    x.offered_points = points;
    if (all > 0) x.trace_points = points * trace / all;
    else x.trace_points = is_trace_class(x.klass) ? points : 0;
    x.trace_share = points > 0 ? x.trace_points / points : 0;
    f.trace_points += x.trace_points;
    f.offered_points += points;
  }
  f.trace_share = f.offered_points > 0 ? f.trace_points / f.offered_points : 0;
}

}  // namespace jf
