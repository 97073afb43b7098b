// Chinese names of the scheme language's enum words (weekly → 每周), for
// Chinese messages: a zh message interpolating an enum stays Chinese.
#pragma once
#include <string_view>

namespace jf {

/// The Chinese name of an enum word of the model (frequency, evidence kind,
/// score mode, trigger, action, department or inspection kind) or of a
/// deduction event (late_report → 迟报), or `word`
/// itself when it is none.
std::string_view enum_name_zh(std::string_view word);

}  // namespace jf
