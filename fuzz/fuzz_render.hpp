// What the check targets share: check one file, render it in the one format
// and language byte 0 picks, and assert the output and finding bounds.
#pragma once
#include "pipeline/check_pipeline.hpp"
#include "render/render.hpp"
#include "fuzz/fuzz_common.hpp"

namespace jf::fuzz {

inline int check_and_render(const uint8_t* data, size_t size, const RuleSet* rules) {
  if (size == 0) return 0;
  const uint8_t pick = data[0];
  const char* path = (pick & 1) ? "fuzz.yaml" : "fuzz.assess";
  SourceSet sources;
  uint32_t id = sources.add(path, bytes(data + 1, size - 1));
  FileCheck c = check_file(sources, id, rules, fuzz_limits());
  for (const Diagnostic& d : c.diagnostics)
    if (d.span.file != id) __builtin_trap();
  const Lang lang = (pick & 0x10) ? Lang::zh : Lang::en;
  std::vector<std::string> files{path};
  std::string out;
  switch ((pick >> 1) & 7) {
    case 0:
      out = render_text(c.diagnostics, sources, {lang, true});
      assert_quote_window(out);
      break;
    case 1: out = render_json(c.diagnostics, sources, files, lang); break;
    case 2: out = render_sarif(c.diagnostics, sources, rules ? rules->rules() : std::vector<RuleMeta>{}, lang, "fuzz"); break;
    case 3: out = render_github(c.diagnostics, sources, lang); break;
    case 4: out = render_gitlab(c.diagnostics, sources, lang); break;
    case 5: out = render_junit(c.diagnostics, sources, files, lang); break;
    default: out = render_summary(c.diagnostics, 1, {lang, false}); break;
  }
  assert_bounds(c.diagnostics, size, out.size());
  return 0;
}

}  // namespace jf::fuzz
