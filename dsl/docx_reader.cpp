#include "dsl/docx_reader.hpp"

#include "dsl/parse_text.hpp"

#include <fmt/format.h>

#include "dsl/office_package.hpp"

namespace jf {
namespace {

class DocxReader {
 public:
  DocxReader(Grid& g, const GridLimits& l) : g_(g), l_(l) {}

  void body(const pugi::xml_node& parent) {
    for (pugi::xml_node n = parent.first_child(); n && g_.ok(); n = n.next_sibling()) {
      std::string_view name = local_name(n);
      if (name == "p") {
        std::string t = paragraph(n);
        if (!t.empty()) pending_.push_back({std::move(t)});
      } else if (name == "tbl") {
        table(n);
      } else if (name == "sdt") {  // a content control wraps paragraphs and tables
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
          if (local_name(c) == "sdtContent") body(c);
      }
    }
  }

  void finish() {
    if (!g_.tables.empty()) g_.tables.back().after = std::move(pending_);
  }

 private:
  // The text of a paragraph: runs, tabs and breaks, in order.
  std::string paragraph(const pugi::xml_node& p) {
    std::string out;
    collect(p, out);
    return out;
  }
  void collect(const pugi::xml_node& n, std::string& out) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      std::string_view name = local_name(c);
      if (name == "t") out += c.text().get();
      else if (name == "tab") out += ' ';
      else if (name == "br" || name == "cr") out += '\n';
      else if (name == "delText" || name == "instrText" || name == "rPr" || name == "pPr") continue;
      else collect(c, out);  // runs, hyperlinks, smart tags, insertions
      if (out.size() > l_.max_cell_bytes) return;
    }
  }

  std::string cell_text(const pugi::xml_node& tc) {
    std::string out;
    for (pugi::xml_node c = tc.first_child(); c; c = c.next_sibling()) {
      std::string_view name = local_name(c);
      std::string part;
      if (name == "p") part = paragraph(c);
      else if (name == "sdt") collect(c, part);
      else if (name == "tbl") collect(c, part);  // a table inside a cell: its text only
      else continue;
      if (part.empty()) continue;
      if (!out.empty()) out += '\n';
      out += part;
      if (out.size() > l_.max_cell_bytes) break;
    }
    return out;
  }

  void table(const pugi::xml_node& tbl) {
    GridTable t;
    t.index = static_cast<uint32_t>(g_.tables.size() + 1);
    t.before = std::move(pending_);
    pending_.clear();
    std::vector<std::string> merged_above;  // per column: the text of a vMerge run
    uint32_t row_no = 0;
    for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      if (local_name(tr) != "tr") continue;
      GridRow row;
      row.row = ++row_no;
      size_t col = 0;
      if (pugi::xml_node pr = tr.child("w:trPr"))
        col = pr.child("w:gridBefore").attribute("w:val").as_uint();
      for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
        if (local_name(tc) == "sdt") {  // a content control around cells
          for (pugi::xml_node c = tc.child("w:sdtContent").first_child(); c && g_.ok(); c = c.next_sibling())
            if (local_name(c) == "tc") add_cell(c, row, col, merged_above);
          continue;
        }
        if (local_name(tc) == "tc") add_cell(tc, row, col, merged_above);
        if (!g_.ok()) return;
      }
      if (++rows_ > l_.max_rows) {
        g_.problems.push_back({row.row, 0, 0,
                               parse_text("parse.table.docx.too_many_rows", {arg("limit", l_.max_rows)})});
        return;
      }
      cells_ += row.cells.size();
      if (cells_ > l_.max_cells) {
        g_.problems.push_back({row.row, 0, 0,
                               parse_text("parse.table.docx.too_many_cells", {arg("limit", l_.max_cells)})});
        return;
      }
      t.rows.push_back(std::move(row));
    }
    g_.tables.push_back(std::move(t));
  }

  void add_cell(const pugi::xml_node& tc, GridRow& row, size_t& col, std::vector<std::string>& merged_above) {
    pugi::xml_node pr = tc.child("w:tcPr");
    size_t span = std::max(1u, pr.child("w:gridSpan").attribute("w:val").as_uint(1));
    pugi::xml_node vm = pr.child("w:vMerge");
    GridCell c;
    c.text = cell_text(tc);
    if (c.text.size() > l_.max_cell_bytes) {
      g_.problems.push_back({row.row, 0, 0,
                             parse_text("parse.table.docx.cell_too_long", {arg("table", g_.tables.size() + 1),
                                                                           arg("row", row.row), arg("limit", l_.max_cell_bytes)})});
      return;
    }
    if (col + span > l_.max_columns) {
      g_.problems.push_back({row.row, 0, 0,
                             parse_text("parse.table.docx.too_many_columns", {arg("table", g_.tables.size() + 1),
                                                                              arg("row", row.row), arg("limit", l_.max_columns)})});
      return;
    }
    if (merged_above.size() < col + span) merged_above.resize(col + span);
    if (vm) {
      std::string_view val = vm.attribute("w:val").as_string();
      if (val == "restart") {
        merged_above[col] = c.text;
      } else {  // continues the cell above: Word leaves it empty, it means the same
        c.text = merged_above[col];
        c.merged = true;
      }
    } else {
      merged_above[col].clear();
    }
    text_ += c.text.size();
    if (text_ > l_.max_text_bytes) {
      g_.problems.push_back({row.row, 0, 0,
                             parse_text("parse.table.docx.too_much_text", {arg("limit", l_.max_text_bytes)})});
      return;
    }
    if (row.cells.size() < col) row.cells.resize(col);
    row.cells.push_back(std::move(c));
    for (size_t k = 1; k < span; ++k) row.cells.push_back({});  // the columns a wide cell covers
    col += span;
  }

  Grid& g_;
  const GridLimits& l_;
  std::vector<GridParagraph> pending_;
  uint32_t rows_ = 0;
  uint64_t cells_ = 0, text_ = 0;  // of all tables, merged repeats included
};

}  // namespace

Grid read_docx(std::string_view bytes, const GridLimits& limits) {
  Grid g;
  g.kind = GridKind::docx;
  OfficePackage pkg(bytes, limits);
  pugi::xml_document doc;
  if (!pkg.xml("word/document.xml", doc, "w:tr", limits.max_rows)) {
    g.problems.push_back({0, 0, 0, *pkg.problem()});
    return g;
  }
  pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) {
    g.problems.push_back({0, 0, 0,
                          parse_text("parse.table.docx.no_body")});
    return g;
  }
  DocxReader r(g, limits);
  r.body(body);
  r.finish();
  if (g.ok() && g.tables.empty())
    g.problems.push_back({0, 0, 0,
                          parse_text("parse.table.docx.no_table")});
  return g;
}

}  // namespace jf
