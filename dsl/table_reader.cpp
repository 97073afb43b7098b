#include "dsl/table_reader.hpp"

#include <csv.h>
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <memory>

#include "base/source.hpp"

namespace jf {
namespace {

constexpr size_t kHeaderSearchRows = 20;  // titles and notes above the header
constexpr size_t kMaxColumns = 200;

struct Synonyms {
  TableField field;
  std::vector<std::string_view> names;
};

// Header names as counties write them (docs/import.md lists them). Matched
// after removing blanks and a parenthesised suffix such as （分）.
const std::vector<Synonyms>& synonym_table() {
  static const std::vector<Synonyms> t = {
      {TableField::seq, {"序号", "编号", "No", "no"}},
      {TableField::group, {"一级指标", "考核项目", "考核类别", "类别", "项目", "考核大类", "指标类别"}},
      {TableField::indicator, {"二级指标", "考核指标", "指标名称", "指标", "具体指标", "考核事项", "工作任务"}},
      {TableField::points, {"分值", "各项分值", "分数", "标准分", "权重", "赋分"}},
      {TableField::content, {"考核内容", "工作内容", "目标任务", "考核要点", "主要内容"}},
      {TableField::standard, {"评分标准", "评分细则", "计分办法", "考核标准", "评分办法", "扣分标准"}},
      {TableField::method, {"考核方式", "说明", "考核方法", "考核方式及说明", "备注", "考核方式和说明"}},
      {TableField::owner,
       {"考核责任单位", "负责考核部门", "责任单位", "考核单位", "牵头单位", "考核部门", "牵头考核单位"}},
      {TableField::mode, {"赋分办法", "赋分方式", "计分方式"}},
  };
  return t;
}

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  auto blank_at = [&](size_t i, bool back) -> size_t {  // bytes of a blank at i (or ending at i)
    if (!back) {
      if (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) return 1;
      if (s.substr(i, 3) == "\u3000") return 3;
    } else {
      if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\r' || s[i - 1] == '\n')) return 1;
      if (i >= 3 && s.substr(i - 3, 3) == "\u3000") return 3;
    }
    return 0;
  };
  while (a < b)
    if (size_t n = blank_at(a, false)) a += n; else break;
  while (b > a)
    if (size_t n = blank_at(b, true)) b -= n; else break;
  return std::string(s.substr(a, b - a));
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
  for (auto [open, close] : {std::pair{"（", "）"}, std::pair{"(", ")"}}) {
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
  for (size_t i = 0; i < h.size(); ++i) {
    if (h[i] == '/') { flush(); continue; }
    if (h.substr(i, 3) == "／" || h.substr(i, 3) == "、") { flush(); i += 2; continue; }
    cur += h[i];
  }
  flush();
  return parts;
}

// ---- encoding ---------------------------------------------------------------

struct Decoded {
  std::string text;               // UTF-8
  std::vector<uint32_t> raw;      // raw offset of each byte of `text`, plus one past the end
  TableEncoding encoding = TableEncoding::utf8;
  bool bom = false;
  std::optional<TableProblem> problem;
};

TableProblem problem_at(uint32_t at, uint32_t len, std::string en, std::string zh, uint32_t row = 0) {
  return {row, at, at + len, {std::move(en), std::move(zh)}};
}

uint32_t row_of(std::string_view bytes, uint32_t at) {
  uint32_t row = 1;
  for (uint32_t i = 0; i < at && i < bytes.size(); ++i) row += bytes[i] == '\n';
  return row;
}

// GB18030 character length from its lead bytes (1, 2 or 4), 0 when invalid.
size_t gb_length(std::string_view b, size_t i) {
  auto c = static_cast<unsigned char>(b[i]);
  if (c < 0x80) return 1;
  if (c == 0x80 || c == 0xFF || i + 1 >= b.size()) return 0;
  auto d = static_cast<unsigned char>(b[i + 1]);
  if (d >= 0x30 && d <= 0x39) return i + 3 < b.size() ? 4 : 0;
  return d >= 0x40 && d != 0x7F && d != 0xFF ? 2 : 0;
}

// Converts character by character so each UTF-8 byte knows its raw offset
// (diagnostics then point at the file's own bytes).
void decode_gb18030(std::string_view bytes, Decoded& d) {
  d.encoding = TableEncoding::gb18030;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    d.problem = problem_at(0, 0, "this system cannot convert GB18030 (iconv)", "本系统无法转换 GB18030（iconv）");
    return;
  }
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  d.text.reserve(bytes.size() * 3 / 2);
  for (size_t i = 0; i < bytes.size();) {
    size_t n = gb_length(bytes, i);
    char out[16];
    char* in_p = const_cast<char*>(bytes.data() + i);
    size_t in_left = n, out_left = sizeof out;
    char* out_p = out;
    if (n == 0 || iconv(cd, &in_p, &in_left, &out_p, &out_left) == static_cast<size_t>(-1) || in_left != 0) {
      uint32_t at = static_cast<uint32_t>(i);
      d.problem = problem_at(at, 1,
                             fmt::format("byte {} (row {}) is neither UTF-8 nor GB18030: unknown encoding", at,
                                         row_of(bytes, at)),
                             fmt::format("第 {} 字节（第 {} 行）既不是 UTF-8 也不是 GB18030：无法识别的编码", at,
                                         row_of(bytes, at)),
                             row_of(bytes, at));
      return;
    }
    for (char* p = out; p < out_p; ++p) d.text += *p, d.raw.push_back(static_cast<uint32_t>(i));
    i += n;
  }
  d.raw.push_back(static_cast<uint32_t>(bytes.size()));
}

Decoded decode(std::string_view bytes, TableEncoding want) {
  Decoded d;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    d.problem = problem_at(0, 2, "the file is UTF-16; save it as CSV UTF-8 (or CSV in GB18030)",
                           "文件是 UTF-16 编码；请另存为 CSV UTF-8（或 GB18030 编码的 CSV）", 1);
    return d;
  }
  SourceFile src("", std::string(bytes));
  const bool utf8_ok = !src.first_invalid_utf8();
  if (want == TableEncoding::gb18030 || (want == TableEncoding::detect && !utf8_ok)) {
    decode_gb18030(bytes, d);
    return d;
  }
  if (!utf8_ok) {
    uint32_t at = *src.first_invalid_utf8();
    d.problem = problem_at(at, 1,
                           fmt::format("invalid UTF-8 at byte {} (row {}); try --encoding gb18030", at,
                                       row_of(bytes, at)),
                           fmt::format("第 {} 字节（第 {} 行）不是有效的 UTF-8；可试 --encoding gb18030", at,
                                       row_of(bytes, at)),
                           row_of(bytes, at));
    return d;
  }
  d.bom = src.bom_size() > 0;
  d.text = std::string(src.body());
  d.raw.resize(d.text.size() + 1);
  for (uint32_t i = 0; i < d.raw.size(); ++i) d.raw[i] = i + src.bom_size();
  return d;
}

// ---- CSV records ------------------------------------------------------------

struct RawField {
  std::string text;
  uint32_t begin = 0, end = 0;  // offsets in the decoded text
};
struct RawRecord {
  uint32_t row = 0;
  std::vector<RawField> fields;
};

// libcsv fed one byte at a time, so each callback knows the offset of the
// delimiter or terminator that ended the field. Rows count terminators
// outside quotes, CRLF once, so they are the spreadsheet's row numbers.
struct Splitter {
  std::vector<RawRecord> records;
  RawRecord current;
  std::string_view text;
  uint32_t pos = 0, field_start = 0, row = 1;
  bool in_record = false, too_wide = false;

  static void on_field(void* data, size_t len, void* self) {
    auto* s = static_cast<Splitter*>(self);
    if (!s->in_record) s->current.row = s->row, s->in_record = true;
    if (s->current.fields.size() < kMaxColumns)
      s->current.fields.push_back({trim(std::string_view(static_cast<const char*>(data), len)), s->field_start, s->pos});
    else
      s->too_wide = true;
    s->field_start = s->pos + 1;
  }
  static void on_record(int term, void* self) {
    auto* s = static_cast<Splitter*>(self);
    if (s->in_record) s->records.push_back(std::move(s->current));
    s->current = RawRecord{};
    s->in_record = false;
    s->field_start = s->pos + 1;
    const bool lf_of_crlf = term == '\n' && s->pos > 0 && s->text[s->pos - 1] == '\r';
    if (term == '\r' || (term == '\n' && !lf_of_crlf)) ++s->row;
  }
};

bool all_empty(const RawRecord& r) {
  for (const RawField& f : r.fields)
    if (!f.text.empty()) return false;
  return true;
}

// ---- header -----------------------------------------------------------------

struct HeaderMatch {
  std::vector<int> column;  // per field, index into the record or -1
  int recognised = 0;
};

HeaderMatch match_header(const RawRecord& r, const TableOptions& o) {
  HeaderMatch m;
  m.column.assign(kTableFieldCount, -1);
  for (size_t i = 0; i < r.fields.size(); ++i) {
    const std::string h = normalize_header(r.fields[i].text);
    if (h.empty()) continue;
    std::optional<TableField> hit;
    for (auto& [field, name] : o.columns)
      if (normalize_header(name) == h) hit = field;
    if (!hit)
      for (const std::string& part : header_parts(h))
        for (const Synonyms& s : synonym_table())
          for (std::string_view n : s.names)
            if (!hit && part == n) hit = s.field;
    if (hit && m.column[static_cast<int>(*hit)] < 0) {
      m.column[static_cast<int>(*hit)] = static_cast<int>(i);
      ++m.recognised;
    }
  }
  return m;
}

bool usable(const HeaderMatch& m) {
  auto has = [&](TableField f) { return m.column[static_cast<int>(f)] >= 0; };
  return has(TableField::indicator) && (has(TableField::points) || has(TableField::standard));
}

Cell make_cell(const RawField& f, const Decoded& d) {
  Cell c;
  c.text = f.text;
  c.begin = d.raw[std::min<size_t>(f.begin, d.raw.size() - 1)];
  c.end = d.raw[std::min<size_t>(f.end, d.raw.size() - 1)];
  // The text's first byte: skip blanks and an opening quote in the decoded text.
  uint32_t t = f.begin;
  while (t < f.end && (d.text[t] == ' ' || d.text[t] == '\t' || d.text[t] == '"')) ++t;
  if (!f.text.empty()) {
    size_t found = std::string_view(d.text).substr(t, f.end - t).find(f.text.substr(0, std::min<size_t>(f.text.size(), 3)));
    if (found != std::string_view::npos) t += static_cast<uint32_t>(found);
  }
  c.text_begin = d.raw[std::min<size_t>(t, d.raw.size() - 1)];
  c.text_pos = t;
  return c;
}

void carry_down(std::vector<TableRow>& rows) {
  const TableField carried[] = {TableField::group, TableField::owner, TableField::mode};
  Cell last[kTableFieldCount];
  for (TableRow& r : rows) {
    const bool new_group = !r.at(TableField::group).text.empty();
    if (new_group) last[static_cast<int>(TableField::owner)] = {}, last[static_cast<int>(TableField::mode)] = {};
    if (r.at(TableField::indicator).text.empty()) {  // a group heading row: only the group carries
      if (new_group) last[static_cast<int>(TableField::group)] = r.at(TableField::group);
      continue;
    }
    for (TableField f : carried) {
      Cell& c = r.at(f);
      Cell& prev = last[static_cast<int>(f)];
      if (c.text.empty() && !prev.text.empty()) {
        c = prev;
        c.carried = true;
      } else if (!c.text.empty()) {
        prev = c;
      }
    }
  }
}

}  // namespace

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

Table read_table(std::string_view bytes, const TableOptions& options) {
  Table t;
  t.header_names.assign(kTableFieldCount, "");
  t.column_letters.assign(kTableFieldCount, 0);
  Decoded d = decode(bytes, options.encoding);
  t.encoding = d.encoding;
  t.bom = d.bom;
  if (d.problem) {
    t.problems.push_back(*d.problem);
    return t;
  }
  for (uint32_t i = 0; i < d.text.size(); ++i) {
    auto c = static_cast<unsigned char>(d.text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      t.problems.push_back(problem_at(d.raw[i], 1,
                                      fmt::format("control character 0x{:02X} at byte {} (row {})", c, d.raw[i],
                                                  row_of(d.text, i)),
                                      fmt::format("第 {} 字节（第 {} 行）有控制字符 0x{:02X}", d.raw[i],
                                                  row_of(d.text, i), c),
                                      row_of(d.text, i)));
      return t;
    }
  }
  std::string_view first_line = std::string_view(d.text).substr(0, d.text.find('\n'));
  t.tabs = options.tabs || (first_line.find('\t') != std::string_view::npos && first_line.find(',') == std::string_view::npos);

  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    t.problems.push_back(problem_at(0, 0, "cannot start the CSV parser", "无法初始化 CSV 解析器"));
    return t;
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&p, csv_free);
  if (t.tabs) csv_set_delim(&p, '\t');
  Splitter s;
  s.text = d.text;
  for (; s.pos < d.text.size(); ++s.pos) {
    if (csv_parse(&p, d.text.data() + s.pos, 1, Splitter::on_field, Splitter::on_record, &s) != 1) break;
  }
  if (s.pos != d.text.size() || csv_fini(&p, Splitter::on_field, Splitter::on_record, &s) != 0) {
    uint32_t at = d.raw[std::min<size_t>(s.pos, d.raw.size() - 1)];
    t.problems.push_back(problem_at(at, 1,
                                    fmt::format("row {}: malformed CSV ({}); a quote is probably not closed", s.row,
                                                csv_strerror(csv_error(&p))),
                                    fmt::format("第 {} 行：CSV 格式错误（{}）；可能有未闭合的引号", s.row,
                                                csv_strerror(csv_error(&p))),
                                    s.row));
    return t;
  }
  if (s.too_wide) {
    t.problems.push_back(problem_at(0, 0, fmt::format("more than {} columns", kMaxColumns),
                                    fmt::format("超过 {} 列", kMaxColumns)));
    return t;
  }
  std::erase_if(s.records, all_empty);
  if (s.records.empty()) {
    t.problems.push_back(problem_at(0, 0, "the table is empty: expected a header row and indicator rows",
                                    "表格为空：应有表头行和指标行"));
    return t;
  }

  size_t h = 0;
  HeaderMatch m;
  for (; h < s.records.size() && h < kHeaderSearchRows; ++h) {
    m = match_header(s.records[h], options);
    if (usable(m)) break;
  }
  if (h == s.records.size() || h == kHeaderSearchRows) {
    const RawRecord& first = s.records.front();
    t.problems.push_back(problem_at(
        d.raw[first.fields.front().begin], 1,
        fmt::format("no header row found in rows {}–{}: expected an indicator column (二级指标, 考核指标, …) "
                    "and a points (分值) or 评分标准 column; map unusual names with --columns",
                    first.row, s.records[std::min(h, s.records.size()) - 1].row),
        fmt::format("第 {}–{} 行中找不到表头：需要指标列（二级指标、考核指标等）以及分值列或评分标准列；"
                    "非常用列名可用 --columns 映射",
                    first.row, s.records[std::min(h, s.records.size()) - 1].row),
        first.row));
    return t;
  }
  const RawRecord& header = s.records[h];
  t.header_row = header.row;
  t.header_begin = d.raw[header.fields.front().begin];
  t.header_end = d.raw[header.fields.back().end];
  for (int f = 0; f < kTableFieldCount; ++f)
    if (int c = m.column[f]; c >= 0) {
      t.header_names[f] = header.fields[c].text;
      t.column_letters[f] = c < 26 ? static_cast<char>('A' + c) : '?';
    }
  for (size_t c = 0; c < header.fields.size(); ++c)
    if (std::find(m.column.begin(), m.column.end(), static_cast<int>(c)) == m.column.end() &&
        !header.fields[c].text.empty())
      t.ignored.push_back({c < 26 ? static_cast<char>('A' + c) : '?', header.fields[c].text,
                           d.raw[header.fields[c].begin], d.raw[header.fields[c].end]});
  for (size_t i = 0; i < h; ++i)
    for (const RawField& f : s.records[i].fields)
      if (!f.text.empty()) t.preamble.push_back(f.text), t.preamble_rows.push_back(s.records[i].row);

  for (size_t i = h + 1; i < s.records.size(); ++i) {
    const RawRecord& r = s.records[i];
    if (r.fields.size() != header.fields.size()) {
      uint32_t at = d.raw[r.fields.front().begin];
      t.problems.push_back(problem_at(at, 1,
                                      fmt::format("row {} has {} cells where the header (row {}) has {}", r.row,
                                                  r.fields.size(), header.row, header.fields.size()),
                                      fmt::format("第 {} 行有 {} 个单元格，表头（第 {} 行）有 {} 个", r.row,
                                                  r.fields.size(), header.row, header.fields.size()),
                                      r.row));
      if (t.problems.size() >= 20) break;
      continue;
    }
    TableRow row;
    row.row = r.row;
    row.begin = d.raw[r.fields.front().begin];
    row.end = d.raw[r.fields.back().end];
    for (int f = 0; f < kTableFieldCount; ++f)
      if (int c = m.column[f]; c >= 0) row.cells[f] = make_cell(r.fields[c], d);
    t.rows.push_back(std::move(row));
  }
  if (!t.problems.empty()) return t;
  if (t.rows.empty()) {
    t.problems.push_back(problem_at(t.header_begin, 1,
                                    fmt::format("the table has a header (row {}) but no indicator rows", t.header_row),
                                    fmt::format("表格只有表头（第 {} 行），没有指标行", t.header_row), t.header_row));
    return t;
  }
  carry_down(t.rows);
  t.raw_map = std::move(d.raw);
  return t;
}

}  // namespace jf
