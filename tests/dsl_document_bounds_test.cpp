// Bounds on what a small Word or Excel part can make the readers build
// (docs/security.md, "Documents"): repeats of merged cells and shared
// strings, cells added by wide cells, and element nesting. Each of these
// cost gigabytes or crashed before the bound (found for fuzz_document).
#include <gtest/gtest.h>

#include <string>

#include "dsl/document.hpp"
#include "dsl/docx_reader.hpp"
#include "dsl/table_reader.hpp"
#include "dsl/xlsx_reader.hpp"
#include "fuzz/fuzz_document_input.hpp"

using namespace jf;

namespace {

const std::string kWord = R"(<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
const std::string kWordEnd = "</w:body></w:document>";

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

Grid word(const std::string& body, const GridLimits& limits = {}) {
  return read_docx(fuzz::zip_archive({{"word/document.xml", kWord + body + kWordEnd}}), limits);
}

std::string first_problem(const Grid& g) { return g.problems.empty() ? "" : g.problems.front().message.in(Lang::en); }

}  // namespace

// A 6.7 MB .docx whose first row restarts 20 merged cells of 3 KB took 38 s
// and 1 GB: every continuation cell below copied the text.
TEST(DocumentBounds, MergedCellRepeatsCountAgainstTheTextBound) {
  std::string cell = "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>" + repeat("考", 1000) +
                     "</w:t></w:r></w:p></w:tc>";
  std::string rows = "<w:tr>" + repeat(cell, 20) + "</w:tr>" +
                     repeat("<w:tr>" + repeat("<w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc>", 20) + "</w:tr>", 999);
  GridLimits limits;
  limits.max_text_bytes = 1u << 20;
  Grid g = word("<w:tbl>" + rows + "</w:tbl>", limits);
  EXPECT_EQ(first_problem(g),
            "the document's cells hold more than 1048576 bytes of text (a merged cell counts in every row it covers)");
  EXPECT_EQ(g.problems.front().message.in(Lang::zh), "文档中单元格的文字超过 1048576 字节（合并单元格按所跨行数重复计）");
  limits.max_text_bytes = 60u << 20;  // 1,000 rows x 20 cells x 3,000 bytes fit
  EXPECT_TRUE(word("<w:tbl>" + rows + "</w:tbl>", limits).ok());
}

// 20,000 rows of one cell spanning 200 columns (1.4 MB) took 42 s and 1.3 GB.
TEST(DocumentBounds, WideCellsCountAgainstTheCellBound) {
  std::string rows = repeat("<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"200\"/></w:tcPr></w:tc></w:tr>", 20000);
  Grid g = word("<w:tbl>" + rows + "</w:tbl>");
  EXPECT_EQ(first_problem(g),
            "the document's tables have more than 500000 cells (a wide cell counts every column it covers)");
  EXPECT_EQ(g.problems.front().row, 2501u);
}

TEST(DocumentBounds, SharedStringRepeatsCountAgainstTheTextBound) {
  const std::string sheet = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
                            repeat("<row>" + repeat(R"(<c t="s"><v>0</v></c>)", 100) + "</row>", 200) +
                            "</sheetData></worksheet>";
  const std::string strings = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>)" +
                              repeat("x", 60000) + "</t></si></sst>";
  std::string input = std::string(1, '\1') + sheet + '\0' + strings;
  fuzz::DocumentInput in = fuzz::document_input(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  Grid g = read_xlsx(in.bytes, GridLimits{});
  EXPECT_EQ(first_problem(g), "sheet 考核细则: the cells hold more than 33554432 bytes of text (a shared string counts "
                              "in every cell that uses it)");
}

// 500,000 nested elements in a paragraph overflowed the stack (SIGSEGV) in
// the reader's recursion; the part is refused before any reader walks it.
TEST(DocumentBounds, DeepNestingIsRefusedNotACrash) {
  Grid g = word("<w:p>" + repeat("<a>", 500000) + repeat("</a>", 500000) + "</w:p>");
  EXPECT_EQ(first_problem(g), "part `word/document.xml` nests elements more than 256 deep, which Office never writes; refused");
  EXPECT_TRUE(word("<w:p>" + repeat("<a>", 200) + repeat("</a>", 200) + "</w:p><w:tbl><w:tr><w:tc/></w:tr></w:tbl>").ok());
}

// Every cell's place names its column by the header's text: a 200-column
// header of 60 KB cells over 2,400 empty rows (a 15 MB .docx) took more than
// 4 GB. The name in a place is cut to 64 bytes at a character.
TEST(DocumentBounds, HeaderNamesInPlacesAreCut) {
  auto tc = [](const std::string& t) { return "<w:tc><w:p><w:r><w:t>" + t + "</w:t></w:r></w:p></w:tc>"; };
  std::string body = "<w:tbl><w:tr>" + tc("考核指标") + tc("分值") + tc("评分标准" + repeat("长", 100)) + "</w:tr><w:tr>" +
                     tc("指标一") + tc("10") + tc("文字") + "</w:tr></w:tbl>";
  auto file = read_document("h.docx", fuzz::zip_archive({{"word/document.xml", kWord + body + kWordEnd}}));
  const Place* p = file->place(static_cast<uint32_t>(file->text().find("文字")));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->en, "table 1, row 2, 评分标准" + repeat("长", 17) + "…");
}

// A 4 MB CSV of nothing but commas held 259 MB and took 4 s: every empty
// cell was a grid cell. The cell bound of Word and Excel applies to CSV/TSV
// too, counted as the cells are read, so the read stops at it.
TEST(DocumentBounds, EmptyCsvCellsCountAgainstTheCellBound) {
  const std::string commas = repeat(std::string(199, ',') + "\n", 20000);  // 4 million empty cells
  Grid g = split_csv(commas, false, GridLimits{});
  EXPECT_EQ(first_problem(g), "row 2501: more than 500000 cells");
  EXPECT_EQ(g.problems.front().message.zh, "第 2501 行：超过 500000 个单元格");
  EXPECT_EQ(g.problems.front().row, 2501u);
  EXPECT_TRUE(g.tables.empty());
  // The bound counts every cell, the last one of a file without a final newline too.
  GridLimits limits;
  limits.max_cells = 6;
  EXPECT_TRUE(split_csv("a,b,c\nd,e,f\n", false, limits).ok());
  EXPECT_TRUE(split_csv("a,b,c\nd,e,f", false, limits).ok());
  EXPECT_EQ(first_problem(split_csv("a,b,c\nd,e,f\ng", false, limits)), "row 3: more than 6 cells");
  EXPECT_EQ(first_problem(split_csv("a,b,c\nd,e,f,g\n", false, limits)), "row 2: more than 6 cells");
}
