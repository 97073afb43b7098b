// Named limits that keep a crafted input from exhausting time, memory or stack.
#pragma once
#include <cstddef>
#include <cstdint>

namespace jf {

/// Input limits shared by both scheme syntaxes and the rule language. Each
/// has a default; exceeding one is a diagnostic naming the limit, never a crash.
struct Limits {
  size_t max_file_bytes = 32u << 20;   // larger files are refused with JF001
  uint32_t max_depth = 64;             // nesting of blocks, lists, expressions
  uint32_t max_syntax_errors = 50;     // per file; then one "too many errors" note
  uint32_t max_name_bytes = 1024;      // identifiers and ids
  uint32_t max_string_bytes = 64u << 10;
  uint32_t max_yaml_aliases = 1000;    // alias uses per YAML document
  uint32_t max_elements = 100000;      // units, departments, groups, indicators and their items
};

}  // namespace jf
