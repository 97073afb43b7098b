// From a 考核细则 table to a scheme model: rows to groups, indicators and
// departments, with the provenance of every inferred field and an `info`
// finding (JF099) for each cell no phrase pattern understood.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/limits.hpp"
#include "dsl/document.hpp"
#include "dsl/scheme_loader.hpp"
#include "base/source.hpp"
#include "dsl/table_reader.hpp"
#include "base/diagnostic.hpp"
#include "base/model.hpp"

namespace jf {

/// What a table cannot say comes from here (dsl/document.hpp): `units` and
/// `total` (flags) replace the document's 考核对象/总分 words; the defaults
/// (a config) fill in only what neither says; else a TODO placeholder.
using ImportOptions = DocumentOptions;

/// The result of importing one file. Spans point into the file's own bytes.
struct ImportResult {
  Scheme scheme;
  std::vector<Diagnostic> errors;    // JF001: the table could not be read (nothing usable)
  std::vector<Diagnostic> notes;     // JF099 info: text no pattern understood, review items
  std::vector<std::string> comments; // provenance and placeholders, one line each, without `#`
  bool ok() const { return errors.empty(); }
};

/// Imports file `file` of `sources` (CSV, or TSV when the path ends in `.tsv`).
ImportResult import_table(const SourceSet& sources, uint32_t file, const ImportOptions& options);

/// `comments` as `# ` lines, to put before the written scheme.
std::string comment_block(const ImportResult& r);

/// load_scheme's entry for documents (.docx, .xlsx, .csv, .tsv): import with
/// the options the document was read with (Document::options), errors and
/// notes as the load diagnostics.
LoadResult load_table(const SourceSet& sources, uint32_t file, const Limits& limits);

/// Whether `path` names a table (`.csv` or `.tsv`, any case).
bool is_table_path(const std::string& path);

}  // namespace jf
