// Shared helpers of the libFuzzer targets: limits small enough that a run
// explores them, and the built-in rule pack compiled once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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

/// The built-in pack's rules from one file, `builtin:FAMILY.rules` (or every
/// file when `family` is empty), compiled once per process: a target per
/// family runs at hundreds of inputs per second, where the whole pack ran
/// at 22 (issue 18).
inline const RuleSet& builtin_family(SourceSet& sources, std::string_view family) {
  static RuleSet set = [&] {
    RuleSet s;
    std::vector<Diagnostic> errors;
    for (const EmbeddedFile& f : builtin_rule_files())
      if (family.empty() || f.path == "builtin:" + std::string(family) + ".rules")
        add_rule_file(s, sources, sources.add(std::string(f.path), std::string(f.text)), true, errors);
    if (!errors.empty() || s.rules().empty()) __builtin_trap();  // the shipped pack must compile
    return s;
  }();
  return set;
}

/// The bounds docs/security.md promises, asserted so the fuzzer can find
/// inputs that break them: at most 200 findings per rule and file plus one
/// "N more" note, and output linear in the input (a 64 KiB input may not
/// produce more than 64 bytes of report per input byte, plus 1 MiB).
inline void assert_bounds(const std::vector<Diagnostic>& ds, size_t input_bytes, size_t output_bytes) {
  std::map<std::string_view, size_t> per_rule;
  for (const Diagnostic& d : ds)
    if (d.rule != "JF001" && ++per_rule[d.rule] > 201) __builtin_trap();
  if (output_bytes > 64 * input_bytes + (size_t{1} << 20)) __builtin_trap();
}

}  // namespace jf::fuzz
