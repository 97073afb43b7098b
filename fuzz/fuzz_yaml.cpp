// libFuzzer target: the YAML scheme loader (both the libyaml fast path and the
// yaml-cpp event path behind it).
#include "dsl/scheme_loader.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_yaml) {
  jf::SourceSet sources;
  uint32_t id = sources.add("fuzz.yaml", jf::fuzz::bytes(data, size));
  jf::LoadResult r = jf::load_scheme(sources, id, jf::fuzz::fuzz_limits());
  for (const jf::Diagnostic& d : r.diagnostics)
    if (d.span.file != id || d.span.end < d.span.begin || d.span.end > size) __builtin_trap();
  return 0;
}
