// A scheme given as a table — Word (.docx), Excel (.xlsx), CSV or TSV — read
// the same way for every command: bytes → Grid → layout (dsl/table_reader.hpp)
// → the UTF-8 text that findings point into, with the place of every cell
// ("table 1, row 12, 评分标准") for files that have no lines to show.
#pragma once
#include <memory>
#include <string>

#include "base/source.hpp"
#include "dsl/table_reader.hpp"

namespace jf {

enum class DocumentKind { none, csv, tsv, docx, xlsx, legacy_word, legacy_excel };

/// The kind a path names by its extension (any case); `none` for .assess,
/// .yaml and everything else.
DocumentKind document_kind(const std::string& path);
inline bool is_document_path(const std::string& path) { return document_kind(path) != DocumentKind::none; }

/// What was read from a document; a SourceFile holds it.
struct Document {
  GridKind kind = GridKind::csv;
  Table table;  // problems set when it could not be read
};

/// Reads a document's bytes into a SourceFile whose text is the document's
/// UTF-8 text (a CSV: its text decoded; Word/Excel: each row on a line, cells
/// separated by tabs) and whose places name the table, row and column.
/// Never throws on bad input: problems are in document()->table.problems.
std::unique_ptr<SourceFile> read_document(std::string path, std::string bytes, const TableOptions& options = {});

/// Adds `path` to `sources`: a document through read_document, any other
/// file as it is. The one entry every command uses to read a scheme.
uint32_t add_scheme_source(SourceSet& sources, std::string path, std::string bytes, const TableOptions& options = {});
void set_scheme_source(SourceSet& sources, uint32_t id, std::string path, std::string bytes,
                       const TableOptions& options = {});

}  // namespace jf
