#include "base/event_words.hpp"

#include <vector>

#include "base/vocabulary.hpp"

namespace jf {

// The words are data: lexicon/vocabulary/events.yaml. The first row of an id
// is its Chinese name in messages.
std::span<const EventWord> event_words() {
  static const std::vector<EventWord> all = [] {
    std::vector<EventWord> v;
    for (auto [zh, id] : vocabulary_pairs("events.imported")) v.push_back({zh, id, true});
    for (auto [zh, id] : vocabulary_pairs("events.hand_written")) v.push_back({zh, id, false});
    return v;
  }();
  return all;
}

std::string_view event_name_zh(std::string_view id) {
  for (const EventWord& e : event_words())
    if (e.id == id) return e.zh;
  return id;
}

}  // namespace jf
