#include "engine/enum_names_zh.hpp"

#include <unordered_map>

#include "base/event_words.hpp"
#include "base/model_fields.hpp"

namespace jf {
namespace {

// Every word (and alias) of the model's enums with the Chinese name the
// first enum that knows it gives, built once: messages ask for thousands of
// words per file (every department and list item), and a scan of every enum
// per word cost a third of a county file's message texts.
const std::unordered_map<std::string_view, std::string_view>& enum_names() {
  static const auto names = [] {
    std::unordered_map<std::string_view, std::string_view> m;
    for (const EnumInfo* e : model_enums()) {
      if (e->name == "ties") continue;  // not a model enum: `share` stays as written
      auto add = [&](std::string_view key) {
        if (int i = e->find(key); i >= 0) m.emplace(key, e->words[static_cast<size_t>(i)].zh);  // the first enum wins
      };
      if (!e->alias.empty()) add(e->alias);
      for (const EnumWord& w : e->words) add(w.word);
    }
    return m;
  }();
  return names;
}

}  // namespace

std::string_view enum_name_zh(std::string_view word) {
  // The names are the field table's (base/model_fields.cpp); a word two
  // enums share (veto, monthly, third_party, …) reads the same in both, and
  // an alias (annual) reads as its word.
  const auto& names = enum_names();
  if (auto it = names.find(word); it != names.end()) return it->second;
  // Deduction events (late_report → 迟报): base/event_words.cpp.
  return event_name_zh(word);
}

}  // namespace jf
