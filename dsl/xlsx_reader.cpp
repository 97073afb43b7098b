#include "dsl/xlsx_reader.hpp"

#include "dsl/parse_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "base/decimal.hpp"
#include "dsl/office_package.hpp"

namespace jf {
namespace {

// The text of a string item (<si> or <is>): plain <t> or rich-text runs
// <r><t>; phonetic guides (<rPh>) are not part of the text.
std::string string_item(const pugi::xml_node& si) {
  std::string out;
  for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
    std::string_view name = local_name(c);
    if (name == "t") out += c.text().get();
    else if (name == "r")
      for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling())
        if (local_name(t) == "t") out += t.text().get();
  }
  // Excel writes a carriage return inside a cell as _x000D_ next to the line feed.
  for (size_t at; (at = out.find("_x000D_")) != std::string::npos;) out.erase(at, 7);
  return out;
}

// A number as Excel shows it in a General cell: 41.5 stays 41.5, 10 is 10,
// and binary noise (0.30000000000000004) is cut at 15 significant digits.
std::string number_text(std::string_view v) {
  std::optional<double> d = decimal_value(v, {.max_chars = 64, .allow_exponent = true});
  if (!d) return std::string(v);
  return fmt::format("{}", decimal_value(fmt::format("{:.15g}", *d), {.allow_exponent = true}).value_or(*d));
}

// Resolves a relationship target against the workbook's folder.
std::string part_path(std::string target) {
  if (target.starts_with("/")) return target.substr(1);
  return "xl/" + target;
}

}  // namespace

bool parse_cell_ref(std::string_view ref, uint32_t& col, uint32_t& row) {
  size_t i = 0;
  uint64_t c = 0, r = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4) c = c * 26 + static_cast<uint64_t>(ref[i++] - 'A' + 1);
  if (i == 0 || i == ref.size()) return false;
  size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && digits < 8) r = r * 10 + static_cast<uint64_t>(ref[i++] - '0'), ++digits;
  if (i != ref.size() || r == 0) return false;
  col = static_cast<uint32_t>(c - 1);
  row = static_cast<uint32_t>(r);
  return true;
}

Grid read_xlsx(std::string_view bytes, const GridLimits& limits) {
  Grid g;
  g.kind = GridKind::xlsx;
  OfficePackage pkg(bytes, limits);
  auto fail = [&] {
    g.problems.push_back({0, 0, 0, *pkg.problem()});
    return g;
  };
  pugi::xml_document wb, rels, shared;
  if (!pkg.xml("xl/workbook.xml", wb)) return fail();
  if (!pkg.xml("xl/_rels/workbook.xml.rels", rels)) return fail();
  std::map<std::string, std::string> targets;  // relationship id → part
  for (pugi::xml_node r : rels.child("Relationships").children())
    if (local_name(r) == "Relationship")
      targets[r.attribute("Id").as_string()] = part_path(r.attribute("Target").as_string());
  std::vector<std::string> strings;
  if (pkg.has("xl/sharedStrings.xml")) {
    if (!pkg.xml("xl/sharedStrings.xml", shared)) return fail();
    for (pugi::xml_node si : shared.first_child().children())
      if (local_name(si) == "si") {
        strings.push_back(string_item(si));
        if (strings.back().size() > limits.max_cell_bytes) {
          g.problems.push_back({0, 0, 0,
                                parse_text("parse.table.xlsx.cell_too_long", {arg("limit", limits.max_cell_bytes)})});
          return g;
        }
      }
  }
  uint32_t total_rows = 0;
  uint64_t copies = 0, cells = 0, text_bytes = 0;  // of all sheets, repeats included
  pugi::xml_node sheets = wb.first_child().child("sheets");
  for (pugi::xml_node s : sheets.children()) {
    if (local_name(s) != "sheet") continue;
    GridTable t;
    t.index = static_cast<uint32_t>(g.tables.size() + 1);
    t.name = s.attribute("name").as_string();
    auto it = targets.find(local_attr(s, "id").as_string());
    pugi::xml_document sheet;
    if (it == targets.end() || !pkg.has(it->second)) continue;  // a chart sheet or a dangling link
    if (!pkg.xml(it->second, sheet, "row", limits.max_rows)) return fail();
    pugi::xml_node ws = sheet.first_child();
    // A problem of this sheet, named after it in each language.
    auto problem = [&](uint32_t row, const Message& m) {
      auto in = [&](Lang l) { return msg("parse.table.xlsx.in_sheet", {arg("sheet", t.name), arg("problem", m.in(l))}).in(l); };
      g.problems.push_back({row, 0, 0, {in(Lang::en), in(Lang::zh)}});
    };
    for (pugi::xml_node r : ws.child("sheetData").children()) {
      if (local_name(r) != "row") continue;
      GridRow row;
      row.row = r.attribute("r").as_uint(t.rows.empty() ? 1 : t.rows.back().row + 1);
      if (++total_rows > limits.max_rows) {
        problem(row.row, msg("parse.table.xlsx.too_many_rows", {arg("limit", limits.max_rows)}));
        return g;
      }
      uint32_t next_col = 0;
      for (pugi::xml_node c : r.children()) {
        if (local_name(c) != "c") continue;
        uint32_t col = next_col, rr = row.row;
        if (auto ref = c.attribute("r")) parse_cell_ref(ref.as_string(), col, rr);
        next_col = col + 1;
        if (col >= limits.max_columns) {
          problem(row.row, msg("parse.table.xlsx.too_many_columns", {arg("row", row.row), arg("limit", limits.max_columns)}));
          return g;
        }
        std::string_view type = c.attribute("t").as_string();
        std::string_view v = c.child("v").text().get();
        std::string text;
        if (type == "s") {
          size_t k = std::strtoul(std::string(v).c_str(), nullptr, 10);
          if (k < strings.size()) text = strings[k];
        } else if (type == "inlineStr") {
          text = string_item(c.child("is"));
        } else if (type == "str" || type == "e") {
          text = v;
        } else if (type == "b") {
          text = v == "1" ? "TRUE" : "FALSE";
        } else if (!v.empty()) {
          text = number_text(v);
        }
        if (text.size() > limits.max_cell_bytes) {
          problem(row.row, msg("parse.table.xlsx.row_cell_too_long", {arg("row", row.row), arg("limit", limits.max_cell_bytes)}));
          return g;
        }
        text_bytes += text.size();
        if (text_bytes > limits.max_text_bytes) {
          problem(row.row, msg("parse.table.xlsx.too_much_text", {arg("limit", limits.max_text_bytes)}));
          return g;
        }
        if (row.cells.size() <= col) row.cells.resize(col + 1);
        row.cells[col].text = std::move(text);
      }
      cells += row.cells.size();
      if (cells > limits.max_cells) {
        problem(row.row, msg("parse.table.xlsx.too_many_cells", {arg("limit", limits.max_cells)}));
        return g;
      }
      if (!t.rows.empty() && row.row <= t.rows.back().row) continue;  // out of order: keep the first
      t.rows.push_back(std::move(row));
    }
    // Merged ranges: Excel keeps the text in the top-left cell; the rows
    // below it in the first column mean the same (a merged 责任单位 or 一级指标).
    for (pugi::xml_node m : ws.child("mergeCells").children()) {
      std::string_view ref = m.attribute("ref").as_string();
      size_t colon = ref.find(':');
      uint32_t c1, r1, c2, r2;
      if (colon == std::string_view::npos || !parse_cell_ref(ref.substr(0, colon), c1, r1) ||
          !parse_cell_ref(ref.substr(colon + 1), c2, r2) || r2 <= r1)
        continue;
      auto top = std::lower_bound(t.rows.begin(), t.rows.end(), r1, [](const GridRow& x, uint32_t v) { return x.row < v; });
      if (top == t.rows.end() || top->row != r1 || top->cells.size() <= c1) continue;
      const std::string text = top->cells[c1].text;
      // Only rows that hold other cells matter: a row absent from sheetData is empty.
      for (auto at = std::upper_bound(t.rows.begin(), t.rows.end(), r1, [](uint32_t v, const GridRow& x) { return v < x.row; });
           at != t.rows.end() && at->row <= r2; ++at) {
        if (at->cells.size() <= c1) cells += c1 + 1 - at->cells.size(), at->cells.resize(c1 + 1);
        if (at->cells[c1].text.empty()) {
          at->cells[c1].text = text, at->cells[c1].merged = true;
          text_bytes += text.size();
        }
        if (text_bytes > limits.max_text_bytes || cells > limits.max_cells) {
          problem(at->row, msg("parse.table.xlsx.merged_too_much",
                               {arg("bytes", limits.max_text_bytes), arg("cells", limits.max_cells)}));
          return g;
        }
        if (++copies > 4ull * limits.max_rows) break;  // overlapping ranges cannot make this quadratic
      }
    }
    g.tables.push_back(std::move(t));
  }
  if (g.tables.empty())
    g.problems.push_back({0, 0, 0, parse_text("parse.table.xlsx.no_sheet")});
  return g;
}

}  // namespace jf
