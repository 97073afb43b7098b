// libFuzzer target: the `.assess` parser (bytes checks, grammar, lowering).
#include "dsl/scheme_loader.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_assess) {
  jf::SourceSet sources;
  uint32_t id = sources.add("fuzz.assess", jf::fuzz::bytes(data, size));
  jf::LoadResult r = jf::load_scheme(sources, id, jf::fuzz::fuzz_limits());
  // Every finding must point inside the file it names.
  for (const jf::Diagnostic& d : r.diagnostics)
    if (d.span.file != id || d.span.end < d.span.begin || d.span.end > size) __builtin_trap();
  return 0;
}
