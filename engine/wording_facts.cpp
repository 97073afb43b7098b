// What an indicator's words reward: its criteria (read from the kept wording
// with the run's lexicon) and the share of its points that reward traces
// (留痕分占比, docs/burden.md).
#include <algorithm>

#include "base/clauses.hpp"
#include "base/lexicon.hpp"
#include "engine/facts.hpp"
#include "engine/sub_items.hpp"

namespace jf {

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
