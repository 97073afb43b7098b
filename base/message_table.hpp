// The message catalogue as compiled into the binary: generated at build time
// from messages/*.yaml by messages/gen_message_table.cpp (base/message.hpp).
#pragma once
#include <span>
#include <string_view>

namespace jf {

struct MessageEntry {
  std::string_view key;
  std::string_view en;
  std::string_view zh;
};

/// Every entry, sorted by key (keys are unique: the generator refuses a
/// duplicate).
std::span<const MessageEntry> message_table();

}  // namespace jf
