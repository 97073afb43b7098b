// A 考核细则 table's layout: from a Grid (Word, Excel, CSV/TSV) to rows of
// the known fields, each cell knowing its table, row, column and place in the
// document text: header found by synonyms, group headings, totals, notes,
// merged cells carried down.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/table_grid.hpp"
#include "dsl/table_text_decode.hpp"
#include "base/diagnostic.hpp"

namespace jf {

/// The columns the importer understands. `content` is 考核内容, `standard`
/// 评分标准, `method` 考核方式/说明, `mode` 赋分办法.
enum class TableField { seq, group, indicator, points, content, standard, method, owner, mode };
constexpr int kTableFieldCount = 9;

/// The English key of a field (used by `--columns` maps), e.g. "standard".
std::string_view to_string(TableField);
std::optional<TableField> table_field_from(std::string_view);

/// One cell of a known column: its text (UTF-8, trimmed) and where it is in
/// the document text (dsl/document.hpp) that findings point into.
struct Cell {
  std::string text;
  uint32_t begin = 0, end = 0;  // the cell in the document text, quotes included
  uint32_t text_begin = 0;      // offset of text[0] there
  uint32_t column = 0;          // 0-based column as published
  bool carried = false;         // filled from the row above (a merged cell)
};

/// What a row below the header is, by its layout.
enum class RowKind {
  item,   // an indicator
  group,  // a group heading: 一、经济发展（300分）, a row with only a name and points
  total,  // 合计 / 总分 / 小计: read as a total, never an indicator
  note,   // 备注 / 注：…: a note, never an indicator
};

/// One data row: the cells of the known columns (missing ones empty).
struct TableRow {
  uint32_t row = 0;    // 1-based row as published (table or sheet row, spreadsheet row of a CSV)
  uint32_t table = 0;  // index into Table::headers
  uint32_t begin = 0, end = 0;
  RowKind kind = RowKind::item;
  std::string heading;                 // group and note rows: the text (numbering and points removed for groups)
  std::optional<double> heading_points;  // group and total rows: points written in the row
  int level = 0;                       // group rows: 1 for 一、, 2 for （一）, 3 for 1、 …
  bool weak = false;                   // a group row only by having a name and points
  Cell cells[kTableFieldCount];
  const Cell& at(TableField f) const { return cells[static_cast<int>(f)]; }
  Cell& at(TableField f) { return cells[static_cast<int>(f)]; }
};

/// A problem with the table itself (fatal) at a row (0: the whole file).
struct TableProblem {
  uint32_t row = 0;
  uint32_t begin = 0, end = 0;  // bytes to point at
  Text message;
  Text help;  // empty: the table's own problem (fix it or map its columns)
};

/// The header of one table or sheet: which column holds which field.
struct TableHeader {
  GridKind kind = GridKind::csv;
  uint32_t index = 1;  // table (Word) or sheet (Excel) number
  std::string name;    // the sheet's name
  uint32_t row = 0, begin = 0, end = 0;
  std::string names[kTableFieldCount];  // the header as written ("" if absent)
  int columns[kTableFieldCount];        // 0-based column, -1 if absent
  bool continued = false;               // a Word table continuing the one before (no header of its own)
};

/// What the reader found. `problems` non-empty means the table could not be read.
struct Table {
  std::vector<TableRow> rows;
  std::vector<TableHeader> headers;       // one per table or sheet read
  // The first header, as a CSV has only one:
  std::vector<std::string> header_names;  // per TableField, the header as written ("" if absent)
  std::vector<char> column_letters;       // per TableField, 'A'…; 0 if absent
  uint32_t header_row = 0, header_begin = 0, header_end = 0;
  std::vector<std::string> preamble;      // titles and notes above the header (Word: paragraphs before the table)
  std::vector<uint32_t> preamble_rows;    // their rows (0: a paragraph)
  std::vector<std::pair<uint32_t, uint32_t>> preamble_bytes;  // their [begin, end) in the document text
  std::vector<std::string> notes;         // 备注 rows and paragraphs after the table
  TableEncoding encoding = TableEncoding::utf8;
  bool bom = false, tabs = false;
  std::vector<TableProblem> problems;
  struct Ignored {
    char letter;
    std::string name;
    uint32_t begin, end;
    uint32_t table = 0;
  };
  std::vector<Ignored> ignored;           // header cells no field matched
  std::vector<std::string> skipped;       // tables or sheets without a usable header (their names)
  bool ok() const { return problems.empty(); }
  /// Offset of byte `k` of a cell's text in the document text (exact unless a CSV cell holds "" escapes).
  uint32_t raw_offset(const Cell& c, size_t k) const {
    return std::min<uint32_t>(c.text_begin + static_cast<uint32_t>(k), std::max(c.end, c.text_begin));
  }
  /// Where a cell is, for messages: "row 3 col F (评分标准)" in a CSV, "table 1, row 12, 评分标准"
  /// in Word, "sheet 细则, row 12, 评分标准 (F12)" in Excel.
  std::string where(const TableRow& r, TableField f, Lang lang) const;
  /// Where a row is: "row 3", "table 1, row 12", "sheet 细则, row 12".
  std::string where_row(const TableRow& r, Lang lang) const;
};

/// "A", …, "Z", "AA", … for a 0-based column.
std::string column_letters(uint32_t column);

/// Options: forced encoding and column renames (field → header text as written).
struct TableOptions {
  TableEncoding encoding = TableEncoding::detect;
  std::map<TableField, std::string> columns;
  bool tabs = false;  // force TSV (else: `.tsv` or a header with tabs and no commas)
  GridLimits limits;
};

/// The cells of a CSV/TSV text (already UTF-8) as one table, with offsets into `text`.
Grid split_csv(std::string_view text, bool tabs, const GridLimits& limits);

/// Finds the header of each table, the layout of the rows below it (groups,
/// totals, notes, merged cells carried down) and the columns of each field.
/// Word: every table with a header, and a table without one that has as many
/// columns as the one before (a table split across pages); Excel: the first
/// sheet with a header.
Table lay_out_table(const Grid& grid, const TableOptions& options);

/// A CSV/TSV file's bytes (any encoding of dsl/table_text_decode.hpp) to a
/// table; `text` receives the UTF-8 text its offsets point into.
Table read_table(std::string_view bytes, const TableOptions& options, std::string* text = nullptr);

/// The column synonyms recognised for each field (for docs and messages).
const std::vector<std::string_view>& header_synonyms(TableField);

}  // namespace jf
