#include "base/event_words.hpp"

namespace jf {

namespace {

// The first row of an id is its Chinese name in messages.
constexpr EventWord kEventWords[] = {
    {"迟报", "late_report", true},       {"漏报", "missing_report", true}, {"逾期办结", "late_submission", true},
    {"逾期", "late_submission", true},   {"数据差错", "data_error", true}, {"数据错误", "data_error", true},
    {"火点", "fire_spot", true},         {"少报", "missing_report", true}, {"迟交材料", "late_submit", false},
    {"缺报表格", "missing_form", false},
};

}  // namespace

std::span<const EventWord> event_words() { return kEventWords; }

std::string_view event_name_zh(std::string_view id) {
  for (const EventWord& e : kEventWords)
    if (e.id == id) return e.zh;
  return id;
}

}  // namespace jf
