// What the check targets share: check one file, render it in the one format
// and language byte 0 picks, and assert the finding cap, the output bound
// of that format and the check's cost against its charged steps
// (fuzz_bounds.hpp).
#pragma once
#include <algorithm>

#include "pipeline/check_pipeline.hpp"
#include "render/check_formats.hpp"
#include "render/render.hpp"
#include "fuzz/fuzz_bounds.hpp"
#include "fuzz/fuzz_common.hpp"

namespace jf::fuzz {

inline int check_and_render(const uint8_t* data, size_t size, const RuleSet* rules) {
  if (size == 0) return 0;
  const uint8_t pick = data[0];
  const char* path = (pick & 1) ? "fuzz.yaml" : "fuzz.assess";
  SourceSet sources;
  uint32_t id = sources.add(path, bytes(data + 1, size - 1));
  // The check's CPU time against the steps and regex units its rules
  // charged (fuzz_bounds.hpp): a slow run must have paid for its time.
  start_charges();
  const uint64_t started = thread_cpu_ns();
  FileCheck c = check_file(sources, id, rules, fuzz_limits());
  assert_cost_bound("the check", thread_cpu_ns() - started, size);
  for (const Diagnostic& d : c.diagnostics)
    if (d.span.file != id) __builtin_trap();
  const Lang lang = (pick & 0x10) ? Lang::zh : Lang::en;
  std::vector<std::string> files{path};
  // Bits 1-3 (low) and 5-7 (high) pick a registered format
  // (render/check_formats.cpp); the one value past the list renders the
  // summary line. Six bits leave room for new rows: with eight choices or
  // fewer, bits 5-7 change nothing, so old seeds keep their format.
  const auto formats = check_formats();
  const size_t which = (((pick >> 1) & 7) | ((pick >> 2) & 0x38)) % (formats.size() + 1);
  const std::vector<RuleMeta> no_rules;
  std::string out;
  if (which == formats.size()) {
    out = render_summary(c.diagnostics, 1, {lang, false});
  } else {
    auto format = formats[which].make({lang, formats[which].name == "text", rules ? &rules->rules() : &no_rules, "fuzz"});
    out = render_report(*format, c.diagnostics, sources, files, /*per_file=*/true);
    if (formats[which].name == "text") assert_quote_window(out);
  }
  assert_findings_cap(c.diagnostics);
  assert_output_bound(which == formats.size() ? nullptr : &formats[which], size, out.size());
  return 0;
}

}  // namespace jf::fuzz
