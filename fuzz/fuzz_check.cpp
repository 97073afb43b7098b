// libFuzzer target: the whole `jianfu check` pipeline on one file (load,
// structure checks, facts, the built-in pack, fingerprints) and every output
// format. The first byte picks the syntax, so one corpus holds both.
#include "dsl/scheme_loader.hpp"
#include "pipeline/check_pipeline.hpp"
#include "render/render.hpp"
#include "fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static jf::SourceSet rule_sources;
  static const jf::RuleSet& rules = jf::fuzz::builtin_rules(rule_sources);
  const char* path = (data[0] & 1) ? "fuzz.yaml" : "fuzz.assess";
  jf::SourceSet sources;
  uint32_t id = sources.add(path, jf::fuzz::bytes(data + 1, size - 1));
  // Rule spans point into rule_sources; renderers only look at findings of
  // this file, which all carry this file's id.
  jf::FileCheck c = jf::check_file(sources, id, &rules, jf::fuzz::fuzz_limits());
  for (const jf::Diagnostic& d : c.diagnostics)
    if (d.span.file != id) __builtin_trap();
  std::vector<std::string> files{path};
  for (jf::Lang lang : {jf::Lang::en, jf::Lang::zh}) {
    jf::render_text(c.diagnostics, sources, {lang, true});
    jf::render_summary(c.diagnostics, 1, {lang, false});
    jf::render_json(c.diagnostics, sources, files, lang);
    jf::render_sarif(c.diagnostics, sources, rules.rules(), lang, "fuzz");
    jf::render_github(c.diagnostics, sources, lang);
    jf::render_gitlab(c.diagnostics, sources, lang);
    jf::render_junit(c.diagnostics, sources, files, lang);
  }
  return 0;
}
