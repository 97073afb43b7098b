// Shared helpers of the libFuzzer targets: limits small enough that a run
// explores them, and the built-in rule pack compiled once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "dsl/table_grid.hpp"
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

/// Document bounds small enough that a fuzzer's input (64 KiB) can cross
/// every one of them, merged-cell repeats included.
inline GridLimits document_limits() {
  GridLimits l;
  l.max_unpacked_bytes = 1u << 20;
  l.max_entries = 64;
  l.max_rows = 64;
  l.max_columns = 32;
  l.max_cell_bytes = 1u << 10;
  l.max_cells = 2048;
  l.max_text_bytes = 16u << 10;
  return l;
}

/// The most text a document may be laid out into (docs/security.md,
/// "Documents"): the cells' text (repeats included), a tab or newline per
/// cell and row, and paragraphs, which are no longer than the XML holding
/// them (`xml_bytes`).
inline uint64_t document_text_bound(uint64_t xml_bytes, const GridLimits& l) {
  return l.max_text_bytes + l.max_cells + l.max_rows + xml_bytes;
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
    if (!errors.empty()) __builtin_trap();  // the shipped pack must compile
    if (s.rules().empty()) {
      std::fprintf(stderr, "no built-in rule file rules/%.*s.rules\n", static_cast<int>(family.size()), family.data());
      std::exit(2);
    }
    return s;
  }();
  return set;
}

/// The finding cap docs/security.md promises, asserted so the fuzzer can
/// find inputs that break it: at most 200 findings per rule and file plus
/// one "N more" note. (The output and cost bounds: fuzz_bounds.hpp.)
inline void assert_findings_cap(const std::vector<Diagnostic>& ds) {
  std::map<std::string_view, size_t> per_rule;
  for (const Diagnostic& d : ds)
    if (d.rule != "JF001" && ++per_rule[d.rule] > 201) __builtin_trap();
}

/// The text format quotes at most a window of a source line: the span's
/// first 240 bytes and 120 either side (render/render_text.cpp), each byte
/// escaped to at most 10 (`\u{10FFFF}`), plus the gutter and the `...`
/// marks. A quote of the whole line made output quadratic (issue 18).
inline void assert_quote_window(std::string_view text_output) {
  constexpr size_t kMaxQuoteLine = (240 + 2 * 120) * 10 + 64;
  for (size_t at = 0; at < text_output.size();) {
    size_t end = text_output.find('\n', at);
    if (end == std::string_view::npos) end = text_output.size();
    // Colour codes are the only raw ESC bytes (a file's are escaped): drop them.
    std::string line;
    for (size_t i = at; i < end; ++i) {
      if (text_output[i] == '\x1b') {
        size_t m = text_output.find('m', i);
        if (m != std::string_view::npos && m < end) { i = m; continue; }
      }
      line += text_output[i];
    }
    size_t gutter = line.find_first_not_of(" 0123456789");
    if (gutter != std::string::npos && gutter > 0 && line.compare(gutter, 1, "|") == 0 &&
        line.size() > kMaxQuoteLine)
      __builtin_trap();
    at = end + 1;
  }
}

}  // namespace jf::fuzz
