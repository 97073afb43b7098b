// Shared helpers of the libFuzzer targets: limits small enough that a run
// explores them, and the built-in rule pack compiled once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "pipeline/builtin_rules.hpp"
#include "engine/rule_set.hpp"
#include "pipeline/rule_loader.hpp"

namespace jf::fuzz {

/// The production defaults, except a smaller file cap so that the fuzzer's
/// inputs (at most -max_len bytes) can also cross it.
inline Limits fuzz_limits() {
  Limits l;
  l.max_file_bytes = 64u << 10;
  return l;
}

/// The fuzzer's bytes as a string (may hold NULs and invalid UTF-8).
inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// The built-in pack, compiled once per process: every check input runs it.
/// `sources` must outlive the returned set (spans point into it).
inline const RuleSet& builtin_rules(SourceSet& sources) {
  static RuleSet set = [&] {
    RuleSet s;
    std::vector<Diagnostic> errors;
    for (const EmbeddedFile& f : builtin_rule_files())
      add_rule_file(s, sources, sources.add(std::string(f.path), std::string(f.text)), true, errors);
    if (!errors.empty()) __builtin_trap();  // the shipped pack must compile
    return s;
  }();
  return set;
}

}  // namespace jf::fuzz
