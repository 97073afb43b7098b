// Parser messages that must stay `Text` (the syntax trees carry Text, so
// the grammars do not include the findings): built from the catalogue
// (messages/parse_*.yaml) where the message is made, rendered in both
// languages at once.
#pragma once
#include <initializer_list>
#include <string>

#include "base/message.hpp"

namespace jf {

/// The catalogue message `key` with `args`, rendered in English and Chinese.
inline Text parse_text(std::string key, std::initializer_list<MessageArg> args = {}) {
  Message m = msg(std::move(key), args);
  return {m.in(Lang::en), m.in(Lang::zh)};
}

/// `m` rendered in English and Chinese.
inline Text parse_text(const Message& m) { return {m.in(Lang::en), m.in(Lang::zh)}; }

}  // namespace jf
