// The byte checks every file jianfu parses gets before any parser sees it:
// schemes, rule packs, configs, results (issue 18: NUL reached yaml-cpp
// through a .jianfu.yaml).
#pragma once
#include <cstdint>
#include <optional>

#include "base/source.hpp"
#include "base/diagnostic.hpp"

namespace jf {

struct ByteProblem {
  uint32_t at;  // byte offset
  Message message, help;
};

/// The first invalid UTF-8 sequence, else the first control byte other than
/// tab, LF and CR (NUL, ESC, ...), else nothing.
std::optional<ByteProblem> first_byte_problem(const SourceFile& src);

}  // namespace jf
