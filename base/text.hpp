// Text in both languages. Apart from the findings so that the syntax trees,
// which carry parser messages, do not recompile the grammars when
// base/diagnostic.hpp changes.
#pragma once
#include <string>

namespace jf {

enum class Lang { en, zh };

/// A text in both languages; the renderer picks one.
struct Text {
  std::string en;
  std::string zh;
  const std::string& in(Lang l) const { return l == Lang::zh && !zh.empty() ? zh : en; }
};

}  // namespace jf
