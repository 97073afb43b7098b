// Reading a 考核细则 table (CSV/TSV from Excel or WPS) into rows of cells that
// know their row, column and bytes in the file: encoding, header, carry-down.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace jf {

/// The columns the importer understands. `content` is 考核内容, `standard`
/// 评分标准, `method` 考核方式/说明, `mode` 赋分办法.
enum class TableField { seq, group, indicator, points, content, standard, method, owner, mode };
constexpr int kTableFieldCount = 9;

/// The English key of a field (used by `--columns` maps), e.g. "standard".
std::string_view to_string(TableField);
std::optional<TableField> table_field_from(std::string_view);

enum class TableEncoding { detect, utf8, gb18030 };

/// One cell: its text (UTF-8, quotes removed, trimmed) and where its raw bytes
/// are in the file as read (offsets into the original bytes, whatever the
/// encoding).
struct Cell {
  std::string text;
  uint32_t begin = 0, end = 0;  // raw bytes of the cell, quotes included
  uint32_t text_begin = 0;      // raw offset of text[0] (after quote and blanks)
  uint32_t text_pos = 0;        // offset of text[0] in the decoded text (Table::raw_offset)
  bool carried = false;         // filled from the row above (a merged cell)
};

/// One data row: the cells of the known columns (missing ones empty).
struct TableRow {
  uint32_t row = 0;  // 1-based spreadsheet row
  uint32_t begin = 0, end = 0;
  Cell cells[kTableFieldCount];
  const Cell& at(TableField f) const { return cells[static_cast<int>(f)]; }
  Cell& at(TableField f) { return cells[static_cast<int>(f)]; }
};

/// A problem with the table itself (fatal) at a row (0: the whole file).
struct TableProblem {
  uint32_t row = 0;
  uint32_t begin = 0, end = 0;  // raw bytes to point at
  Text message;
};

/// What the reader found. `problems` non-empty means the table could not be read.
struct Table {
  std::vector<TableRow> rows;
  std::vector<std::string> header_names;  // per TableField, the header as written ("" if absent)
  std::vector<char> column_letters;       // per TableField, 'A'…; 0 if absent
  uint32_t header_row = 0, header_begin = 0, header_end = 0;
  std::vector<std::string> preamble;      // non-empty cells of rows above the header (titles, notes)
  std::vector<uint32_t> preamble_rows;
  TableEncoding encoding = TableEncoding::utf8;
  bool bom = false, tabs = false;
  std::vector<TableProblem> problems;
  std::vector<uint32_t> raw_map;          // decoded byte → raw byte offset (one past the end included)
  struct Ignored {
    char letter;
    std::string name;
    uint32_t begin, end;
  };
  std::vector<Ignored> ignored;           // header cells no field matched
  bool ok() const { return problems.empty(); }
  /// Raw offset of byte `k` of a cell's text (exact unless the cell holds "" escapes).
  uint32_t raw_offset(const Cell& c, size_t k) const {
    if (raw_map.empty()) return c.text_begin;
    return raw_map[std::min<size_t>(c.text_pos + k, raw_map.size() - 1)];
  }
};

/// Options: forced encoding and column renames (field → header text as written).
struct TableOptions {
  TableEncoding encoding = TableEncoding::detect;
  std::map<TableField, std::string> columns;
  bool tabs = false;  // force TSV (else: `.tsv` or a header with tabs and no commas)
};

/// Reads `bytes` (a whole file). Never throws on bad input; sizes are bounded by the caller.
Table read_table(std::string_view bytes, const TableOptions& options);

/// The column synonyms recognised for each field (for docs and messages).
const std::vector<std::string_view>& header_synonyms(TableField);

}  // namespace jf
