// The deduction events the importer names in English (late_report, …), each
// with the Chinese words that name it in a table. Described once: the table
// importer reads the words (dsl/table_phrases.cpp, event_id) and Chinese
// messages show the first word of an id (a Chinese message is Chinese
// throughout: `每次 迟报 扣 1 分`, not `每次 late_report 扣 1 分`).
#pragma once
#include <span>
#include <string_view>

namespace jf {

struct EventWord {
  std::string_view zh, id;
  bool imported;  // read in tables; false: an id written by hand in schemes only
};

std::span<const EventWord> event_words();

/// The Chinese name of an event id (late_report → 迟报), or `id` itself when
/// it is none (an id written in Chinese already is).
std::string_view event_name_zh(std::string_view id);

}  // namespace jf
