// libFuzzer target: `.jianfu.yaml` (rules, select, ignore, severity, params,
// lang, fail-on, exclude), untrusted in CI on a pull request. Every error
// must lie inside the file.
#include "dsl/config_loader.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_config) {
  jf::SourceSet sources;
  uint32_t id = sources.add(".jianfu.yaml", jf::fuzz::bytes(data, size));
  std::vector<jf::Diagnostic> errors;
  jf::load_config(sources, id, jf::fuzz::fuzz_limits(), errors);
  for (const jf::Diagnostic& d : errors)
    if (d.span.file != id || d.span.begin > d.span.end || d.span.end > size) __builtin_trap();
  return 0;
}
