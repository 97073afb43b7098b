// What the check targets share: check one file, render it in the one format
// and language byte 0 picks, and assert the finding cap, the output bound
// of that format and the check's cost against its charged steps
// (fuzz_bounds.hpp).
#pragma once
#include <algorithm>

#include "pipeline/check_pipeline.hpp"
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
  std::string out;
  const auto format = static_cast<Format>(std::min((pick >> 1) & 7, static_cast<int>(Format::summary)));
  switch (format) {
    case Format::text:
      out = render_text(c.diagnostics, sources, {lang, true});
      assert_quote_window(out);
      break;
    case Format::json: out = render_json(c.diagnostics, sources, files, lang); break;
    case Format::sarif: out = render_sarif(c.diagnostics, sources, rules ? rules->rules() : std::vector<RuleMeta>{}, lang, "fuzz"); break;
    case Format::github: out = render_github(c.diagnostics, sources, lang); break;
    case Format::gitlab: out = render_gitlab(c.diagnostics, sources, lang); break;
    case Format::junit: out = render_junit(c.diagnostics, sources, files, lang); break;
    case Format::summary: out = render_summary(c.diagnostics, 1, {lang, false}); break;
  }
  assert_findings_cap(c.diagnostics);
  assert_output_bound(format, size, out.size());
  return 0;
}

}  // namespace jf::fuzz
