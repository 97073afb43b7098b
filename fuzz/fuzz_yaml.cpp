// libFuzzer target: the YAML scheme loader (our subset scanner, the libyaml
// fast path and the yaml-cpp event path behind them). Whenever the subset
// scanner reads the input, libyaml must read it too and build the same tree
// (dsl/yaml_subset_scanner.cpp declines everything else).
#include "dsl/scheme_loader.hpp"
#include "dsl/yaml_tree.hpp"
#include "dsl/yaml_tree_dump.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_yaml) {
  jf::SourceSet sources;
  uint32_t id = sources.add("fuzz.yaml", jf::fuzz::bytes(data, size));
  const jf::Limits limits = jf::fuzz::fuzz_limits();
  if (std::optional<jf::YamlTree> scanned = jf::read_yaml_subset(sources[id], id, limits)) {
    std::optional<jf::YamlTree> fast = jf::read_yaml_fast(sources[id], id, limits);
    if (!fast || jf::dump_yaml_tree(*scanned) != jf::dump_yaml_tree(*fast)) __builtin_trap();
  }
  jf::LoadResult r = jf::load_scheme(sources, id, limits);
  for (const jf::Diagnostic& d : r.diagnostics)
    if (d.span.file != id || d.span.end < d.span.begin || d.span.end > size) __builtin_trap();
  return 0;
}
