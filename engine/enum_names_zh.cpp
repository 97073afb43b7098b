#include "engine/enum_names_zh.hpp"

#include "base/model_fields.hpp"

#include "base/event_words.hpp"

namespace jf {

std::string_view enum_name_zh(std::string_view word) {
  // The names are the field table's (base/model_fields.cpp); a word two
  // enums share (veto, monthly, third_party, …) reads the same in both, and
  // an alias (annual) reads as its word.
  for (const EnumInfo* e : model_enums()) {
    if (e->name == "ties") continue;  // not a model enum: `share` stays as written
    int i = e->find(word);
    if (i >= 0) return e->words[i].zh;
  }
  // Deduction events (late_report → 迟报): base/event_words.cpp.
  return event_name_zh(word);
}

}  // namespace jf
