// enum_name_zh answers from a table built once; it must name every word as
// the scan over the model's enums did (first enum that knows a word wins, an
// alias reads as its word, `ties` is no model enum, deduction events last).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/event_words.hpp"
#include "base/model_fields.hpp"
#include "engine/enum_names_zh.hpp"

namespace jf {
namespace {

std::string_view by_scan(std::string_view word) {
  for (const EnumInfo* e : model_enums()) {
    if (e->name == "ties") continue;
    int i = e->find(word);
    if (i >= 0) return e->words[static_cast<size_t>(i)].zh;
  }
  return event_name_zh(word);
}

TEST(EnumNamesZh, EveryWordAliasAndEventAsTheScanNamesIt) {
  std::vector<std::string> words = {"", "x", "annual", "yearly", "share", "veto", "monthly", "third_party", "县委办",
                                    "late_report", "Weekly", "weekly "};
  for (const EnumInfo* e : model_enums()) {
    words.emplace_back(e->alias);
    words.emplace_back(e->alias_of);
    for (const EnumWord& w : e->words) words.emplace_back(w.word), words.emplace_back(w.zh);
  }
  for (const EventWord& w : event_words()) words.emplace_back(w.id);
  size_t named = 0;
  for (const std::string& w : words) {
    EXPECT_EQ(enum_name_zh(w), by_scan(w)) << w;
    named += enum_name_zh(w) != w;
  }
  EXPECT_GT(named, 50u);  // the table is not empty
}

}  // namespace
}  // namespace jf
