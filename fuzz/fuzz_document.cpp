// libFuzzer target: Word (.docx) and Excel (.xlsx) 考核细则 as `check` and
// `import` read them (dsl/document.hpp): the zip archive (libzip), its XML
// parts (pugixml), the grid and its layout into the text findings point
// into. Byte 0 picks: bit 0 Excel, else Word; bit 1 the rest is a whole
// archive, else it is the main XML part, packed into an archive here so the
// fuzzer explores the XML readers instead of zip headers (an Excel input is
// then the sheet, a NUL, and the shared strings). Small grid limits let
// inputs cross them. Asserts: every finding inside the document text, and
// that text bounded by the input (merged cells repeat their text).
#include "dsl/document.hpp"
#include "dsl/scheme_loader.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_document_input.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_document) {
  if (size == 0) return 0;
  const jf::fuzz::DocumentInput in = jf::fuzz::document_input(data, size);
  jf::DocumentOptions options;
  options.table.limits = jf::fuzz::document_limits();
  jf::SourceSet sources;
  uint32_t id = jf::add_scheme_source(sources, in.path, in.bytes, options);
  const std::string& text = sources[id].text();
  const uint64_t xml_bytes = in.whole ? options.table.limits.max_unpacked_bytes : size - 1;
  if (text.size() > jf::fuzz::document_text_bound(xml_bytes, options.table.limits)) __builtin_trap();
  jf::LoadResult r = jf::load_scheme(sources, id, jf::fuzz::fuzz_limits());
  for (const jf::Diagnostic& d : r.diagnostics)
    if (d.span.file != id || d.span.begin > d.span.end || d.span.end > text.size()) __builtin_trap();
  return 0;
}
