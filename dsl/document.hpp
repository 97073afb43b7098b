// A scheme given as a table — Word (.docx), Excel (.xlsx), CSV or TSV — read
// the same way for every command: bytes → Grid → layout (dsl/table_reader.hpp)
// → the UTF-8 text that findings point into, with the place of every cell
// ("table 1, row 12, 评分标准") for files that have no lines to show.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "dsl/table_reader.hpp"

namespace jf {

enum class DocumentKind { none, csv, tsv, docx, xlsx, legacy_word, legacy_excel };

/// The kind a path names by its extension (any case); `none` for .assess,
/// .yaml and everything else.
DocumentKind document_kind(const std::string& path);
inline bool is_document_path(const std::string& path) { return document_kind(path) != DocumentKind::none; }

/// How to read a document, and what a table cannot say. `units`/`total`
/// replace what the document says (`--units`/`--total` on the command line);
/// `default_units`/`default_total` apply only where the document says
/// nothing (a project's `.jianfu.yaml` `documents:`), since a 考核对象 or
/// 总分 paragraph of the document itself is more specific than the project.
struct DocumentOptions {
  TableOptions table;
  std::vector<std::string> units;
  std::optional<double> total;
  std::vector<std::string> default_units;
  std::optional<double> default_total;
};

/// What was read from a document; a SourceFile holds it.
struct Document {
  GridKind kind = GridKind::csv;
  Table table;              // problems set when it could not be read
  DocumentOptions options;  // what it was read with: load_scheme imports it with these
};

/// Reads a document's bytes into a SourceFile whose text is the document's
/// UTF-8 text (a CSV: its text decoded; Word/Excel: each row on a line, cells
/// separated by tabs) and whose places name the table, row and column.
/// Never throws on bad input: problems are in document()->table.problems.
std::unique_ptr<SourceFile> read_document(std::string path, std::string bytes, const DocumentOptions& options = {});

/// Adds `path` to `sources`: a document through read_document, any other
/// file as it is. The one entry every command uses to read a scheme; the
/// options go with the document to the importer (load_scheme).
uint32_t add_scheme_source(SourceSet& sources, std::string path, std::string bytes, const DocumentOptions& options = {});
void set_scheme_source(SourceSet& sources, uint32_t id, std::string path, std::string bytes,
                       const DocumentOptions& options = {});

}  // namespace jf
