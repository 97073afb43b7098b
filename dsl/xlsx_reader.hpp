// Excel workbooks (.xlsx): every sheet as published — shared and inline
// strings, numbers as Excel shows them, merged ranges — as a Grid of cell
// texts, one GridTable per sheet in workbook order.
#pragma once
#include <string_view>

#include "dsl/table_grid.hpp"

namespace jf {

Grid read_xlsx(std::string_view bytes, const GridLimits& limits);

/// "B12" → column 1 (0-based) and row 12; false when not a cell reference.
bool parse_cell_ref(std::string_view ref, uint32_t& col, uint32_t& row);

}  // namespace jf
