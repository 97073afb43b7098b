// The text of a CSV/TSV file in UTF-8, whatever it was saved in: UTF-8 (with
// or without a BOM), GB18030/GBK (Excel and WPS on Chinese Windows) or UTF-16LE
// with a BOM (Excel's "Unicode text"). Findings then quote cells in UTF-8.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "dsl/table_grid.hpp"

namespace jf {

enum class TableEncoding { detect, utf8, gb18030, utf16le };

struct DecodedText {
  std::string text;  // UTF-8; for UTF-8 input the bytes as read (a BOM kept, so offsets match the file)
  TableEncoding encoding = TableEncoding::utf8;
  bool bom = false;
  std::optional<GridProblem> problem;  // offsets into the bytes as read
};

/// `want` detect: a UTF-16LE BOM, else UTF-8 when valid, else GB18030.
DecodedText decode_table_text(std::string_view bytes, TableEncoding want);

}  // namespace jf
