// libFuzzer target: the 考核细则 table reader and importer (CSV/TSV, UTF-8
// or GB18030 detected) behind `jianfu import` and `check TABLE.csv`; byte 0
// picks CSV or TSV. Every finding must lie inside the file.
#include "dsl/table_import.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_table) {
  if (size == 0) return 0;
  jf::SourceSet sources;
  const char* path = (data[0] & 1) ? "fuzz.tsv" : "fuzz.csv";
  uint32_t id = sources.add(path, jf::fuzz::bytes(data + 1, size - 1));
  jf::ImportResult r = jf::import_table(sources, id, jf::ImportOptions{});
  for (const auto* list : {&r.errors, &r.notes})
    for (const jf::Diagnostic& d : *list)
      if (d.span.file != id || d.span.begin > d.span.end || d.span.end > size - 1) __builtin_trap();
  return 0;
}
