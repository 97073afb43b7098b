#include "engine/enum_names_zh.hpp"

#include <array>
#include <utility>

#include "dsl/table_phrases.hpp"

namespace jf {

std::string_view enum_name_zh(std::string_view word) {
  // Words shared by two enums (veto, semiannual, quarterly, monthly,
  // third_party) read the same in both.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 36> kNames{{
      {"daily", "每日"}, {"weekly", "每周"}, {"monthly", "每月"}, {"quarterly", "每季度"},
      {"semiannual", "每半年"}, {"yearly", "每年"}, {"annual", "每年"}, {"adhoc", "随时"}, {"spot", "随机抽查"},
      {"ledger", "台账"}, {"photo", "照片"}, {"materials", "书面材料"}, {"minutes", "会议记录"},
      {"system_entry", "系统录入"},
      {"threshold", "达标计分"}, {"rank", "排名计分"}, {"deduction", "扣分制"}, {"veto", "一票否决"},
      {"bonus", "加分"},
      {"bottom", "排名倒数"}, {"bottom_percent", "排名倒数百分比"}, {"last", "末位"}, {"below", "低于分数线"},
      {"interview", "约谈"}, {"statement", "表态发言"}, {"notice", "通报"}, {"deduct", "扣分"},
      {"disqualify", "取消评优资格"}, {"accountability", "问责"},
      {"office", "两办"}, {"line", "条线部门"}, {"assessment", "考核办"}, {"supervision", "督查部门"},
      {"efficiency", "效能办"}, {"third_party", "第三方"}, {"regular", "常规"},
  }};
  for (const auto& [en, zh] : kNames)
    if (en == word) return zh;
  // Deduction events (late_report → 迟报): their vocabulary lives with the
  // table phrases that read them.
  return event_name_zh(word);
}

}  // namespace jf
