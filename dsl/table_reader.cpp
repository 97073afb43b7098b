#include "dsl/table_reader.hpp"

#include <csv.h>
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "base/decimal.hpp"
#include "base/message.hpp"
#include "base/text_util.hpp"
#include "base/source.hpp"
#include "base/vocabulary.hpp"

namespace jf {
namespace {

constexpr size_t kHeaderSearchRows = 15;  // titles, notes and totals above the header

struct Synonyms {
  TableField field;
  std::vector<std::string_view> names;
};

// Header names as counties write them (docs/import.md lists them), from
// lexicon/vocabulary/table_headers.yaml, in the order fields are tried.
// Matched after removing blanks and a parenthesised suffix such as （分）.
const std::vector<Synonyms>& synonym_table() {
  static const std::vector<Synonyms> t = [] {
    const std::pair<TableField, std::string_view> fields[] = {
        {TableField::seq, "table_headers.fields.seq"},         {TableField::group, "table_headers.fields.group"},
        {TableField::indicator, "table_headers.fields.indicator"}, {TableField::points, "table_headers.fields.points"},
        {TableField::content, "table_headers.fields.content"}, {TableField::standard, "table_headers.fields.standard"},
        {TableField::method, "table_headers.fields.method"},   {TableField::owner, "table_headers.fields.owner"},
        {TableField::mode, "table_headers.fields.mode"},
    };
    std::vector<Synonyms> v;
    for (const auto& f : fields) {
      auto words = vocabulary(f.second);
      v.push_back({f.first, {words.begin(), words.end()}});
    }
    return v;
  }();
  return t;
}

// A header as compared: blanks and line breaks removed, a trailing
// parenthesised note (（分）, (分值)) removed.
std::string normalize_header(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') continue;
    if (s.substr(i, 3) == "\u3000") { i += 2; continue; }
    out += s[i];
  }
  static const auto opens = vocabulary("marks.open_brackets"), closes = vocabulary("marks.close_brackets");
  for (size_t k = 0; k < opens.size() && k < closes.size(); ++k) {
    const std::string_view open = opens[k], close = closes[k];
    size_t o = out.rfind(open);
    if (o != std::string::npos && o > 0 && out.ends_with(close)) out.resize(o);
  }
  return out;
}

// Header texts are also matched part by part: 考核方式/说明.
std::vector<std::string> header_parts(const std::string& h) {
  std::vector<std::string> parts{h};
  std::string cur;
  auto flush = [&] { if (!cur.empty() && cur != h) parts.push_back(cur); cur.clear(); };
  static const auto separators = vocabulary("table_headers.part_separators");
  for (size_t i = 0; i < h.size(); ++i) {
    auto sep = std::find_if(separators.begin(), separators.end(),
                            [&](std::string_view w) { return h.compare(i, w.size(), w) == 0; });
    if (sep != separators.end()) {
      flush();
      i += sep->size() - 1;
      continue;
    }
    cur += h[i];
  }
  flush();
  return parts;
}

// A message in both languages (messages/parse_table_grid.yaml).
Text both(const Message& m) { return {m.in(Lang::en), m.in(Lang::zh)}; }

GridProblem grid_problem(uint32_t at, uint32_t row, const Message& m) { return {row, at, at + 1, both(m)}; }

// ---- CSV cells --------------------------------------------------------------

// libcsv fed one byte at a time, so each callback knows the offset of the
// delimiter or terminator that ended the field. Rows count terminators
// outside quotes, CRLF once, so they are the spreadsheet's row numbers.
struct Splitter {
  GridTable table;
  GridRow current;
  std::string_view text;
  uint32_t pos = 0, field_start = 0, row = 1;
  uint32_t max_columns = 200, max_rows = 100000, max_cell = 1u << 16, max_cells = 500000;
  uint64_t cells = 0;  // of all rows, empty ones included: each costs a GridCell
  uint32_t too_many_row = 0;  // the row of the first cell past max_cells
  bool in_record = false, too_wide = false, too_long = false, too_big = false, too_many = false;

  static void on_field(void* data, size_t len, void* self) {
    auto* s = static_cast<Splitter*>(self);
    if (!s->in_record) s->current.row = s->row, s->in_record = true;
    if (len > s->max_cell) s->too_big = true;
    // A file of commas is all empty cells, about 56 bytes of grid each (a
    // 4 MB one held 259 MB and took 4 s): the cell bound stops the read.
    if (++s->cells > s->max_cells) {
      if (!s->too_many) s->too_many = true, s->too_many_row = s->current.row;
      return;
    }
    if (s->current.cells.size() < s->max_columns) {
      GridCell c;
      c.text = len > s->max_cell ? std::string() : trim(std::string_view(static_cast<const char*>(data), len));
      c.begin = s->field_start;
      c.end = s->pos;
      // The text's first byte: skip blanks and an opening quote.
      uint32_t t = c.begin;
      while (t < c.end && (s->text[t] == ' ' || s->text[t] == '\t' || s->text[t] == '"')) ++t;
      if (!c.text.empty()) {
        size_t found = s->text.substr(t, c.end - t).find(c.text.substr(0, std::min<size_t>(c.text.size(), 3)));
        if (found != std::string_view::npos) t += static_cast<uint32_t>(found);
      }
      c.text_begin = t;
      s->current.cells.push_back(std::move(c));
    } else {
      s->too_wide = true;
    }
    s->field_start = s->pos + 1;
  }
  static void on_record(int term, void* self) {
    auto* s = static_cast<Splitter*>(self);
    if (s->in_record) {
      if (s->table.rows.size() >= s->max_rows) s->too_long = true;
      else s->table.rows.push_back(std::move(s->current));
    }
    s->current = GridRow{};
    s->in_record = false;
    s->field_start = s->pos + 1;
    const bool lf_of_crlf = term == '\n' && s->pos > 0 && s->text[s->pos - 1] == '\r';
    if (term == '\r' || (term == '\n' && !lf_of_crlf)) ++s->row;
  }
};

bool blank_row(const GridRow& r) {
  for (const GridCell& c : r.cells)
    if (!c.text.empty()) return false;
  return true;
}

// ---- header -----------------------------------------------------------------

struct HeaderMatch {
  int column[kTableFieldCount];
  int recognised = 0;
  HeaderMatch() { std::fill(std::begin(column), std::end(column), -1); }
  bool has(TableField f) const { return column[static_cast<int>(f)] >= 0; }
};

std::optional<TableField> field_of(const std::string& header, const TableOptions& o) {
  const std::string h = normalize_header(header);
  if (h.empty()) return std::nullopt;
  for (auto& [field, name] : o.columns)
    if (normalize_header(name) == h) return field;
  std::optional<TableField> first;
  for (const std::string& part : header_parts(h))
    for (const Synonyms& s : synonym_table())
      for (std::string_view n : s.names)
        if (part == n) {
          // 评估内容与计分方法: one column holding both; the scoring is what matters.
          if (s.field == TableField::standard) return s.field;
          if (!first) first = s.field;
        }
  if (first) return first;
  // Longer names built around a known one: 考核责任单位（部门）, 评分标准及扣分办法.
  auto has = [&](std::string_view key) {
    for (std::string_view w : vocabulary(key))
      if (h.find(w) != std::string::npos) return true;
    return false;
  };
  if (has("table_headers.standard_hints")) return TableField::standard;
  if (has("table_headers.owner_hints") && has("table_headers.owner_context")) return TableField::owner;
  return std::nullopt;
}

HeaderMatch match_header(const GridRow& r, const TableOptions& o) {
  HeaderMatch m;
  for (size_t i = 0; i < r.cells.size(); ++i) {
    if (i > 0 && r.cells[i].merged == false && r.cells[i].text.empty()) continue;
    auto hit = field_of(r.cells[i].text, o);
    if (hit && m.column[static_cast<int>(*hit)] < 0) {
      m.column[static_cast<int>(*hit)] = static_cast<int>(i);
      ++m.recognised;
    }
  }
  // A group-like column alone names the indicators (考核项目 with no 考核指标).
  if (!m.has(TableField::indicator) && m.has(TableField::group)) {
    std::swap(m.column[static_cast<int>(TableField::indicator)], m.column[static_cast<int>(TableField::group)]);
  }
  return m;
}

bool usable(const HeaderMatch& m) {
  return m.has(TableField::indicator) && (m.has(TableField::points) || m.has(TableField::standard));
}

// ---- rows ---------------------------------------------------------------------

std::string strip_blanks(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') continue;
    if (s.substr(i, 3) == "\u3000") { i += 2; continue; }
    out += s[i];
  }
  return out;
}

// 一、 (1) （一） (2) 1. / 1、 (3): the level of a numbered heading, 0 if none.
int heading_level(std::string_view text, std::string* rest) {
  static const RE2 l1(std::string(vocabulary_text("table_headers.heading_level1")));
  static const RE2 bare(std::string(vocabulary_text("table_headers.heading_bare")));  // 序号 一 with the name in the next cell
  static const RE2 l2(std::string(vocabulary_text("table_headers.heading_level2")));
  static const RE2 l3(std::string(vocabulary_text("table_headers.heading_level3")));
  std::string num;
  re2::StringPiece in(text.data(), text.size());
  if (RE2::FullMatch(in, l1, &num, rest)) return 1;
  if (RE2::FullMatch(in, bare, &num)) {
    if (rest) rest->clear();
    return 1;
  }
  if (RE2::FullMatch(in, l2, &num, rest)) return 2;
  if (RE2::FullMatch(in, l3, &num, rest)) return 3;
  return 0;
}

// 经济发展（41.5分） → 41.5; the text without it in `name`.
std::optional<double> trailing_points(const std::string& text, std::string* name) {
  static const RE2 re(std::string(vocabulary_text("table_headers.trailing_points")));
  std::string n, pts;
  if (!RE2::FullMatch(text, re, &n, &pts)) return std::nullopt;
  if (name) *name = n;
  return decimal_value(pts);  // at most 9 digits: a 400-digit figure is no heading
}

std::optional<double> number_cell(std::string_view text) {
  std::string t = strip_blanks(text);
  const std::string_view unit = vocabulary_text("marks.points");
  if (t.ends_with(unit)) t.resize(t.size() - unit.size());
  std::optional<double> v = decimal_value(t, {.max_chars = 20});
  if (!v || *v < 0) return std::nullopt;
  return v;
}

bool is_total(std::string_view text) {
  std::string t = strip_blanks(text);
  auto starts_with_any = [](std::string_view s, std::string_view key) {
    for (std::string_view w : vocabulary(key))
      if (s.starts_with(w)) return true;
    return false;
  };
  for (std::string_view w : vocabulary("table_headers.totals"))
    if (t == w || (t.starts_with(w) && (starts_with_any(std::string_view(t).substr(w.size()), "marks.open_brackets") ||
                                        starts_with_any(std::string_view(t).substr(w.size()), "marks.colons"))))
      return true;
  return false;
}

bool is_note(std::string_view text) {
  std::string t = strip_blanks(text);
  for (std::string_view w : vocabulary("table_headers.notes"))
    if (t.starts_with(w)) return true;
  return false;
}

class Layout {
 public:
  Layout(const GridTable& g, const HeaderMatch& m, size_t header, uint32_t table_no, Table& out)
      : g_(g), m_(m), header_(header), table_(table_no), out_(out) {}

  void rows() {
    for (size_t i = header_ + 1; i < g_.rows.size(); ++i) {
      const GridRow& r = g_.rows[i];
      if (blank_row(r)) continue;
      if (header_again(r)) continue;  // a header repeated on each page
      TableRow row;
      row.row = r.row;
      row.table = table_;
      row.begin = r.cells.empty() ? 0 : r.cells.front().begin;
      row.end = r.cells.empty() ? 0 : r.cells.back().end;
      for (int f = 0; f < kTableFieldCount; ++f)
        if (int c = m_.column[f]; c >= 0 && static_cast<size_t>(c) < r.cells.size()) {
          const GridCell& g = r.cells[c];
          Cell& cell = row.cells[f];
          cell.text = g.text;
          cell.begin = g.begin;
          cell.end = g.end;
          cell.text_begin = g.text_begin;
          cell.column = static_cast<uint32_t>(c);
          cell.carried = g.merged;
        } else {
          row.cells[f].begin = row.cells[f].end = row.cells[f].text_begin = row.begin;
          row.cells[f].column = c >= 0 ? static_cast<uint32_t>(c) : 0;
        }
      classify(r, row);
      out_.rows.push_back(std::move(row));
    }
  }

 private:
  bool header_again(const GridRow& r) const {
    HeaderMatch m = match_header(r, {});
    return usable(m) && m.recognised >= 2;
  }

  // The distinct non-empty texts of a row, in column order (a cell merged
  // across the row shows once).
  static std::vector<std::pair<size_t, std::string>> texts(const GridRow& r) {
    std::vector<std::pair<size_t, std::string>> out;
    for (size_t c = 0; c < r.cells.size(); ++c)
      if (!r.cells[c].text.empty() &&
          std::none_of(out.begin(), out.end(), [&](auto& x) { return x.second == r.cells[c].text; }))
        out.push_back({c, r.cells[c].text});
    return out;
  }

  void classify(const GridRow& r, TableRow& row) {
    auto texts_ = texts(r);
    if (texts_.empty()) return;
    const std::string& first = texts_.front().second;
    auto cell = [&](TableField f) -> const std::string& { return row.at(f).text; };
    const bool has_detail = !cell(TableField::standard).empty() || !cell(TableField::content).empty() ||
                            !cell(TableField::method).empty() || !cell(TableField::mode).empty();
    // 备注：… (a note row below the table, usually one merged cell)
    if (is_note(first) && texts_.size() <= 2) {
      row.kind = RowKind::note;
      for (auto& [c, t] : texts_) row.heading += (row.heading.empty() ? "" : " ") + t;
      return;
    }
    // 合计 / 总分 (in 序号, 一级指标 or 指标 columns, or a merged cell)
    for (auto& [c, t] : texts_) {
      if (static_cast<int>(c) == m_.column[static_cast<int>(TableField::points)]) continue;
      if (is_total(t)) {
        row.kind = RowKind::total;
        row.heading = t;
        row.heading_points = number_cell(cell(TableField::points));
        if (!row.heading_points) {  // 合计 1000 in some other cell
          for (auto& [c2, t2] : texts_)
            if (c2 != c)
              if (auto v = number_cell(t2)) { row.heading_points = v; break; }
        }
        return;
      }
      break;  // only the row's first text can say 合计
    }
    // Group headings.
    std::string rest;
    const std::string& seq = cell(TableField::seq);
    const std::string& name = cell(TableField::indicator);
    const std::string& grp = cell(TableField::group);
    int level = 0;
    std::string heading;
    if (!seq.empty() && (level = heading_level(seq, &rest)) > 0 && level < 3 && (name.empty() || !has_detail)) {
      // 一、经济发展（10分） in 序号, or 一 / 一、 there and the name in the next cell.
      heading = !rest.empty() ? rest : !name.empty() ? name : texts_.size() > 1 ? texts_[1].second : std::string();
    } else if (name.empty() && !grp.empty() && !row.at(TableField::group).carried && !has_detail) {
      heading = grp;  // the 一级指标 column holds the heading
      level = 1;
    } else if (texts_.size() == 1 || (texts_.size() == 2 && number_cell(texts_[1].second) &&
                                       static_cast<int>(texts_[1].first) == m_.column[static_cast<int>(TableField::points)])) {
      // One text across the row (a merged heading), or only a name and points.
      if (!number_cell(first) && !has_detail && (seq.empty() || heading_level(seq, &rest) > 0 || seq == first)) {
        heading = first;
        level = std::max(1, heading_level(first, &rest));
      }
    } else if (name.empty() && !has_detail && trailing_points(first, nullptr)) {
      heading = first;
      level = 1;
    }
    if (heading.empty()) return;
    row.weak = texts_.size() == 2 && !trailing_points(heading, nullptr) && heading_level(heading, &rest) == 0;
    if (int l = heading_level(heading, &rest); l > 0) heading = rest, level = l;
    std::string n;
    if (auto p = trailing_points(heading, &n)) heading = n, row.heading_points = p;
    else if (auto v = number_cell(cell(TableField::points))) row.heading_points = v;
    row.kind = RowKind::group;
    row.heading = heading;
    row.level = level;
  }

  const GridTable& g_;
  const HeaderMatch& m_;
  size_t header_;
  uint32_t table_;
  Table& out_;
};

// Merged cells in CSV exports are empty below their first row: the group,
// owner and 赋分办法 carry down — but never past a group heading, so one
// group's owner is not given to the next group's items.
void carry_down(std::vector<TableRow>& rows) {
  const TableField carried[] = {TableField::group, TableField::owner, TableField::mode};
  Cell last[kTableFieldCount];
  uint32_t table = UINT32_MAX;
  for (TableRow& r : rows) {
    if (r.table != table) {
      for (Cell& c : last) c = {};
      table = r.table;
    }
    if (r.kind == RowKind::group) {
      last[static_cast<int>(TableField::owner)] = {};
      last[static_cast<int>(TableField::mode)] = {};
      last[static_cast<int>(TableField::group)] = {};
      continue;
    }
    if (r.kind != RowKind::item) continue;
    if (!r.at(TableField::group).text.empty() && !r.at(TableField::group).carried &&
        r.at(TableField::group).text != last[static_cast<int>(TableField::group)].text) {
      last[static_cast<int>(TableField::owner)] = {};
      last[static_cast<int>(TableField::mode)] = {};
    }
    for (TableField f : carried) {
      Cell& c = r.at(f);
      Cell& prev = last[static_cast<int>(f)];
      if (c.text.empty() && !prev.text.empty()) {
        uint32_t begin = c.begin, column = c.column;
        c = prev;
        c.carried = true;
        c.column = column;
        (void)begin;
      } else if (!c.text.empty()) {
        prev = c;
      }
    }
  }
}

// 考核项目 / 考核指标 mean different things in different counties: the column
// whose texts repeat (or are left empty, merged) is the group, the one with a
// different text on each row is the indicator.
void disambiguate(const GridTable& g, size_t header, HeaderMatch& m) {
  int& gi = m.column[static_cast<int>(TableField::group)];
  int& ii = m.column[static_cast<int>(TableField::indicator)];
  if (gi < 0 || ii < 0) return;
  auto distinct = [&](int col) {
    std::vector<std::string> seen;
    for (size_t i = header + 1; i < g.rows.size(); ++i)
      if (static_cast<size_t>(col) < g.rows[i].cells.size()) {
        const std::string& t = g.rows[i].cells[col].text;
        if (!t.empty() && std::find(seen.begin(), seen.end(), t) == seen.end()) seen.push_back(t);
      }
    return seen.size();
  };
  if (distinct(gi) > distinct(ii)) std::swap(gi, ii);
}

struct Found {
  size_t header = 0;
  HeaderMatch m;
};

std::optional<Found> find_header(const GridTable& g, const TableOptions& o) {
  for (size_t h = 0; h < g.rows.size() && h < kHeaderSearchRows; ++h) {
    HeaderMatch m = match_header(g.rows[h], o);
    if (!usable(m)) continue;
    // A two-row header (考核指标 over 一级指标 | 二级指标): the second row wins
    // where it names a field, the first keeps the rest.
    if (h + 1 < g.rows.size()) {
      HeaderMatch next = match_header(g.rows[h + 1], o);
      if (next.recognised >= 2 && !number_cell(g.rows[h + 1].cells.empty() ? "" : g.rows[h + 1].cells[0].text)) {
        for (int f = 0; f < kTableFieldCount; ++f)
          if (next.column[f] < 0 && m.column[f] >= 0 &&
              std::find(std::begin(next.column), std::end(next.column), m.column[f]) == std::end(next.column))
            next.column[f] = m.column[f];
        if (usable(next)) {
          disambiguate(g, h + 1, next);
          return Found{h + 1, next};
        }
      }
    }
    disambiguate(g, h, m);
    return Found{h, m};
  }
  return std::nullopt;
}

std::string table_label(const TableHeader& h, Lang lang) {
  if (h.kind == GridKind::docx) return msg("parse.table.grid.docx_label", {arg("n", h.index)}).in(lang);
  if (h.kind == GridKind::xlsx) return msg("parse.table.grid.sheet_label", {arg("name", h.name)}).in(lang);
  return {};
}

}  // namespace

std::string column_letters(uint32_t c) {
  std::string out;
  for (uint64_t n = uint64_t{c} + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

std::string Table::where_row(const TableRow& r, Lang lang) const {
  const TableHeader* h = r.table < headers.size() ? &headers[r.table] : nullptr;
  if (!h || h->kind == GridKind::csv) return msg("parse.table.grid.row", {arg("row", r.row)}).in(lang);
  return msg("parse.table.grid.labelled_row", {arg("label", table_label(*h, lang)), arg("row", r.row)}).in(lang);
}

std::string Table::where(const TableRow& r, TableField f, Lang lang) const {
  const TableHeader* h = r.table < headers.size() ? &headers[r.table] : nullptr;
  const int fi = static_cast<int>(f);
  const Cell& c = r.at(f);
  const std::string letters = jf::column_letters(c.column);
  const std::string name = h ? h->names[fi] : std::string();
  if (!h || h->kind == GridKind::csv)
    return msg("parse.table.grid.csv_cell", {arg("row", r.row), arg("col", letters), arg("name", name)}).in(lang);
  if (h->kind == GridKind::docx)
    return msg("parse.table.grid.docx_cell", {arg("n", h->index), arg("row", r.row), arg("name", name)}).in(lang);
  return msg("parse.table.grid.sheet_cell",
             {arg("sheet", h->name), arg("row", r.row), arg("name", name), arg("col", letters)})
      .in(lang);
}

std::string_view to_string(TableField f) {
  static constexpr std::string_view names[] = {"seq",      "group",  "indicator", "points", "content",
                                               "standard", "method", "owner",     "mode"};
  return names[static_cast<int>(f)];
}

std::optional<TableField> table_field_from(std::string_view s) {
  for (int i = 0; i < kTableFieldCount; ++i)
    if (to_string(static_cast<TableField>(i)) == s) return static_cast<TableField>(i);
  return std::nullopt;
}

const std::vector<std::string_view>& header_synonyms(TableField f) {
  return synonym_table()[static_cast<int>(f)].names;
}

Grid split_csv(std::string_view text, bool tabs, const GridLimits& limits) {
  Grid g;
  g.kind = GridKind::csv;
  for (uint32_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      uint32_t row = 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + i, '\n'));
      g.problems.push_back(grid_problem(i, row, msg("parse.table.grid.control_char",
                                                    {arg("code", fmt::format("{:02X}", c)), arg("at", i), arg("row", row)})));
      return g;
    }
  }
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    g.problems.push_back(grid_problem(0, 0, msg("parse.table.grid.no_parser")));
    return g;
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&p, csv_free);
  if (tabs) csv_set_delim(&p, '\t');
  Splitter s;
  s.text = text;
  s.max_columns = limits.max_columns;
  s.max_rows = limits.max_rows;
  s.max_cell = limits.max_cell_bytes;
  s.max_cells = limits.max_cells;
  const uint32_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  s.pos = s.field_start = bom;
  for (; s.pos < text.size() && !s.too_long && !s.too_many; ++s.pos)
    if (csv_parse(&p, text.data() + s.pos, 1, Splitter::on_field, Splitter::on_record, &s) != 1) break;
  if (s.too_long) {
    g.problems.push_back(grid_problem(s.pos, s.row, msg("parse.table.grid.too_many_rows", {arg("limit", limits.max_rows)})));
    return g;
  }
  // The cell bound, checked again after csv_fini: it delivers the last field.
  auto too_many_cells = [&] {
    uint32_t at = std::min<uint32_t>(s.pos, static_cast<uint32_t>(text.size()));
    const uint32_t row = s.too_many_row;
    g.problems.push_back(
        grid_problem(at, row, msg("parse.table.grid.too_many_cells", {arg("row", row), arg("limit", limits.max_cells)})));
    return g;
  };
  if (s.too_many) return too_many_cells();
  if (s.pos != text.size() || csv_fini(&p, Splitter::on_field, Splitter::on_record, &s) != 0) {
    uint32_t at = std::min<uint32_t>(s.pos, static_cast<uint32_t>(text.size()));
    g.problems.push_back(grid_problem(at, s.row,
                                      msg("parse.table.grid.malformed",
                                          {arg("row", s.row), arg("why", csv_strerror(csv_error(&p)))})));
    return g;
  }
  if (s.too_many) return too_many_cells();
  if (s.too_wide) {
    g.problems.push_back(grid_problem(0, 0, msg("parse.table.grid.too_many_columns", {arg("limit", limits.max_columns)})));
    return g;
  }
  if (s.too_big) {
    g.problems.push_back(
        grid_problem(0, 0, msg("parse.table.grid.cell_too_long", {arg("limit", limits.max_cell_bytes)})));
    return g;
  }
  g.tables.push_back(std::move(s.table));
  return g;
}

Table lay_out_table(const Grid& grid, const TableOptions& options) {
  Table t;
  t.header_names.assign(kTableFieldCount, "");
  t.column_letters.assign(kTableFieldCount, 0);
  for (const GridProblem& p : grid.problems) t.problems.push_back({p.row, p.begin, p.end, p.message, p.help});
  if (!t.ok()) return t;
  auto whole = [&](const Message& m, uint32_t at = 0, uint32_t row = 0) {
    t.problems.push_back({row, at, at + 1, both(m)});
  };
  bool any_rows = false;
  for (const GridTable& g : grid.tables) any_rows = any_rows || std::any_of(g.rows.begin(), g.rows.end(), [](auto& r) { return !blank_row(r); });
  if (!any_rows) {
    whole(msg("parse.table.grid.empty"));
    return t;
  }
  const TableHeader* previous = nullptr;
  size_t previous_width = 0;
  std::vector<std::string> tried;
  for (const GridTable& g : grid.tables) {
    std::optional<Found> found = find_header(g, options);
    size_t width = 0;
    for (const GridRow& r : g.rows) width = std::max(width, r.cells.size());
    Found continued;
    if (!found && grid.kind == GridKind::docx && previous && width == previous_width && !g.rows.empty()) {
      // A table split across pages: the header is the previous table's.
      for (int f = 0; f < kTableFieldCount; ++f) continued.m.column[f] = previous->columns[f];
      continued.header = SIZE_MAX;
    } else if (!found) {
      std::string label = grid.kind == GridKind::docx ? fmt::format("table {}", g.index)
                          : grid.kind == GridKind::xlsx ? fmt::format("sheet {}", g.name)
                                                         : std::string();
      if (!label.empty()) t.skipped.push_back(label);
      tried.push_back(label);
      continue;
    }
    const Found& use = found ? *found : continued;
    TableHeader h;
    h.continued = !found;
    h.kind = grid.kind;
    h.index = g.index;
    h.name = g.name;
    const GridRow* hr = use.header == SIZE_MAX ? nullptr : &g.rows[use.header];
    h.row = hr ? hr->row : (previous ? previous->row : 0);
    // In a two-row header a field the first row named may lie past the
    // second row's last cell: its name is the first row's.
    const GridRow* above = hr && use.header > 0 ? &g.rows[use.header - 1] : nullptr;
    auto header_cell = [&](int c) -> const GridCell* {
      const size_t at = static_cast<size_t>(c);
      if (at < hr->cells.size()) return &hr->cells[at];
      return above && at < above->cells.size() ? &above->cells[at] : nullptr;
    };
    for (int f = 0; f < kTableFieldCount; ++f) {
      h.columns[f] = use.m.column[f];
      if (hr && use.m.column[f] >= 0) {
        if (const GridCell* c = header_cell(use.m.column[f])) h.names[f] = c->text;
      } else if (!hr && previous) {
        h.names[f] = previous->names[f];
      }
    }
    if (hr && !hr->cells.empty()) h.begin = hr->cells.front().begin, h.end = hr->cells.back().end;
    else if (!g.rows.empty() && !g.rows.front().cells.empty()) h.begin = h.end = g.rows.front().cells.front().begin;
    const uint32_t index = static_cast<uint32_t>(t.headers.size());
    t.headers.push_back(h);
    if (index == 0) {
      t.header_row = h.row;
      t.header_begin = h.begin;
      t.header_end = h.end;
      for (int f = 0; f < kTableFieldCount; ++f)
        if (h.columns[f] >= 0) {
          t.header_names[f] = h.names[f];
          t.column_letters[f] = h.columns[f] < 26 ? static_cast<char>('A' + h.columns[f]) : '?';
        }
      for (const GridParagraph& p : g.before)
        t.preamble.push_back(p.text), t.preamble_rows.push_back(0), t.preamble_bytes.emplace_back(p.begin, p.end);
      for (size_t i = 0; hr && i < use.header; ++i)
        for (const GridCell& c : g.rows[i].cells)
          if (!c.text.empty() && !c.merged &&
              (t.preamble.empty() || t.preamble.back() != c.text))
            t.preamble.push_back(c.text), t.preamble_rows.push_back(g.rows[i].row),
                t.preamble_bytes.emplace_back(c.begin, c.end);
    }
    if (hr)
      for (size_t c = 0; c < hr->cells.size(); ++c)
        if (std::find(std::begin(use.m.column), std::end(use.m.column), static_cast<int>(c)) == std::end(use.m.column) &&
            !hr->cells[c].text.empty() && !hr->cells[c].merged)
          t.ignored.push_back({c < 26 ? static_cast<char>('A' + c) : '?', hr->cells[c].text, hr->cells[c].begin,
                               hr->cells[c].end, index});
    if (grid.kind == GridKind::csv && hr) {  // a CSV row with more or fewer cells is a broken export
      for (size_t i = use.header + 1; i < g.rows.size() && t.problems.size() < 20; ++i)
        if (g.rows[i].cells.size() != hr->cells.size())
          t.problems.push_back({g.rows[i].row, g.rows[i].cells.front().begin, g.rows[i].cells.front().begin + 1,
                                both(msg("parse.table.grid.row_width",
                                         {arg("row", g.rows[i].row), arg("cells", g.rows[i].cells.size()),
                                          arg("header", hr->row), arg("header_cells", hr->cells.size())}))});
      if (!t.problems.empty()) return t;
    }
    Layout(g, use.m, use.header == SIZE_MAX ? static_cast<size_t>(-1) : use.header, index, t).rows();
    for (const GridParagraph& p : g.after) t.notes.push_back(p.text);
    previous = &t.headers.back();
    previous_width = width;
    if (grid.kind == GridKind::xlsx) break;  // the first sheet with a header is the table
  }
  if (t.headers.empty()) {
    const GridTable& g = grid.tables.front();
    const GridRow* first = nullptr;
    for (const GridRow& r : g.rows)
      if (!blank_row(r)) { first = &r; break; }
    uint32_t last = 0;
    for (size_t i = 0; i < g.rows.size() && i < kHeaderSearchRows; ++i) last = g.rows[i].row;
    const MessageArg where = grid.kind == GridKind::csv    ? arg("where", "")
                             : grid.kind == GridKind::docx ? word("where", "parse.table.grid.of_any_table")
                                                           : word("where", "parse.table.grid.of_any_sheet");
    whole(msg("parse.table.grid.no_header", {arg("first", first ? first->row : 1), arg("last", last), where}),
          first && !first->cells.empty() ? first->cells.front().begin : 0, first ? first->row : 0);
    return t;
  }
  // "A name and points" with nothing else is a heading only when the items
  // below it, up to the next heading, add up to its points; else it is an item.
  for (size_t i = t.rows.size(); i-- > 0;) {
    TableRow& r = t.rows[i];
    if (r.kind != RowKind::group || !r.weak) continue;
    double sum = 0;
    size_t items = 0;
    for (size_t k = i + 1; k < t.rows.size() && t.rows[k].kind == RowKind::item && t.rows[k].table == r.table; ++k, ++items)
      sum += number_cell(t.rows[k].at(TableField::points).text).value_or(0);
    if (items == 0 || !r.heading_points || std::abs(sum - *r.heading_points) > 0.01)
      r.kind = RowKind::item, r.heading.clear(), r.heading_points.reset();
  }
  if (std::none_of(t.rows.begin(), t.rows.end(), [](const TableRow& r) { return r.kind == RowKind::item; })) {
    whole(msg("parse.table.grid.header_only", {arg("row", t.header_row)}), t.header_begin, t.header_row);
    return t;
  }
  carry_down(t.rows);
  return t;
}

Table read_table(std::string_view bytes, const TableOptions& options, std::string* text_out) {
  DecodedText d = decode_table_text(bytes, options.encoding);
  Table t;
  if (d.problem) {
    t.header_names.assign(kTableFieldCount, "");
    t.column_letters.assign(kTableFieldCount, 0);
    t.problems.push_back({d.problem->row, d.problem->begin, d.problem->end, d.problem->message});
    t.encoding = d.encoding;
    if (text_out) *text_out = std::string(bytes);
    return t;
  }
  const size_t bom = d.text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::string_view body = std::string_view(d.text).substr(bom);
  std::string_view first_line = body.substr(0, body.find('\n'));
  const bool tabs = options.tabs || (first_line.find('\t') != std::string_view::npos &&
                                     first_line.find(',') == std::string_view::npos);
  Grid g = split_csv(d.text, tabs, options.limits);
  t = lay_out_table(g, options);
  t.encoding = d.encoding;
  t.bom = d.bom;
  t.tabs = tabs;
  if (text_out) *text_out = std::move(d.text);
  return t;
}

}  // namespace jf
