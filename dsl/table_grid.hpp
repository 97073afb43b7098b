// A table as published, before any meaning is given to it: the cells of each
// table (Word) or sheet (Excel) or of a CSV file, each knowing where it is —
// table or sheet, row, column — and where its text lies in the document text
// that findings point into.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"

namespace jf {

/// One cell. `text` is UTF-8, trimmed; [begin, end) is the cell in the
/// document text and `text_begin` the offset of text[0] there.
struct GridCell {
  std::string text;
  uint32_t begin = 0, end = 0, text_begin = 0;
  bool merged = false;  // continues a merged cell above (its text copied down)
};

/// One row as published: `row` is the table's or sheet's 1-based row number
/// (a CSV row is the spreadsheet row, whatever line breaks its cells hold).
struct GridRow {
  uint32_t row = 0;
  std::vector<GridCell> cells;  // index = 0-based column
};

/// A paragraph of a Word document around a table (title, 总分, 考核对象, 备注).
struct GridParagraph {
  std::string text;
  uint32_t begin = 0, end = 0;
};

struct GridTable {
  uint32_t index = 1;                 // 1-based table (Word) or sheet (Excel) number
  std::string name;                   // the sheet's name; empty for Word tables and CSV
  std::vector<GridRow> rows;
  std::vector<GridParagraph> before;  // paragraphs between the previous table and this one
  std::vector<GridParagraph> after;   // paragraphs after the last table (notes)
};

enum class GridKind { csv, docx, xlsx };

/// A problem that stops reading (fatal): where, and what to do.
struct GridProblem {
  uint32_t row = 0;             // 0: the whole file
  uint32_t begin = 0, end = 0;  // bytes of the document text (or of the file, for encodings)
  Text message;
  Text help;
};

struct Grid {
  GridKind kind = GridKind::csv;
  std::vector<GridTable> tables;
  std::vector<GridProblem> problems;
  bool ok() const { return problems.empty(); }
};

/// Bounds on what a document may hold (docs/security.md, "Documents").
struct GridLimits {
  uint64_t max_unpacked_bytes = 64u << 20;  // all zip entries read, uncompressed
  uint32_t max_entries = 10000;            // zip entries
  uint32_t max_ratio = 200;                // uncompressed / compressed, per entry read
  uint32_t max_rows = 100000;              // rows of all tables
  uint32_t max_columns = 200;
  uint32_t max_cell_bytes = 64u << 10;     // one cell's text
  // A merged cell repeats its text in every cell it covers and a wide one
  // adds empty cells, so a small part can describe a huge grid: these bound
  // what is built from it (.docx/.xlsx; found by fuzz_document, issue 18).
  uint32_t max_cells = 500000;             // cells of all tables / sheets, covered ones included
  uint64_t max_text_bytes = 32u << 20;     // text of all cells, repeats included
  uint32_t max_xml_depth = 256;            // element nesting in a part (the readers recurse)
};

}  // namespace jf
