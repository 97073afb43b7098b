// Word documents (.docx): every table (w:tbl) as published — merged cells
// (w:vMerge, w:gridSpan) included — and the paragraphs around them (title,
// 总分, 考核对象, 备注), as a Grid of cell texts. Offsets are set later
// (dsl/document.hpp lays the cells out into the document text).
#pragma once
#include <string_view>

#include "dsl/table_grid.hpp"

namespace jf {

Grid read_docx(std::string_view bytes, const GridLimits& limits);

}  // namespace jf
