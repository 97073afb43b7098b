#include "dsl/table_import.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "dsl/scheme_writer.hpp"
#include "dsl/table_phrases.hpp"

namespace jf {
namespace {

Diagnostic unread_note(Span span, Text message, Text help = {}) {
  return {.rule = "JF099", .name = "import-unread", .category = "structure", .severity = Severity::info,
          .span = span, .message = std::move(message), .help = std::move(help)};
}

std::string ident(std::string_view s) {  // an .assess identifier from free text
  std::string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string ch(s.substr(i, len));
    if (is_assess_identifier(out + ch)) out += ch;
    i += len;
  }
  return out;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] { if (!cur.empty()) out.push_back(cur); cur.clear(); };
  for (size_t i = 0; i < s.size();) {
    bool sep3 = s.compare(i, 3, "、") == 0 || s.compare(i, 3, "，") == 0 || s.compare(i, 3, "；") == 0 ||
                s.compare(i, 3, "／") == 0;
    if (sep3) { flush(); i += 3; continue; }
    if (s[i] == ',' || s[i] == ';' || s[i] == '/' || s[i] == ' ') { flush(); ++i; continue; }
    cur += s[i++];
  }
  flush();
  return out;
}

// Builds the scheme row by row.
class Importer {
 public:
  Importer(const SourceSet& sources, uint32_t file, const ImportOptions& o, ImportResult& out)
      : src_(sources[file]), file_(file), o_(o), out_(out) {}

  void run() {
    TableOptions topts = o_.table;
    std::string lower = src_.path();
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.ends_with(".tsv")) topts.tabs = true;
    table_ = read_table(src_.text(), topts);
    for (const TableProblem& p : table_.problems)
      out_.errors.push_back(syntax_error({file_, p.begin, std::max(p.end, p.begin)}, p.message,
                                         {"fix the table, or map its columns with --columns",
                                          "修改表格，或用 --columns 指定列的对应关系"}));
    if (!table_.ok()) return;
    out_.scheme.file = file_;
    header_span_ = {file_, table_.header_begin, table_.header_end};
    scheme_info();
    for (const Table::Ignored& c : table_.ignored) {
      out_.notes.push_back(unread_note({file_, c.begin, c.end},
                                       {fmt::format("column {} ({}) is not imported: no field has that name", c.letter, c.name),
                                        fmt::format("第 {} 列（{}）未导入：没有对应的字段", c.letter, c.name)},
                                       {"map it with --columns if it holds one of the known fields",
                                        "如果它是已知字段之一，请用 --columns 映射"}));
      comment(fmt::format("row {} col {} ({}): not imported", table_.header_row, c.letter, c.name));
    }
    for (const TableRow& r : table_.rows) row(r);
    if (!out_.errors.empty()) return;
    resolve_proofs();
    for (const Department& d : out_.scheme.departments)
      comment(fmt::format("department {} \"{}\": kind {} guessed from the name; review", d.id.text, d.display,
                          to_string(d.kind.value_or(DeptKind::line))));
  }

 private:
  void comment(std::string line) { out_.comments.push_back(std::move(line)); }

  // Digits a pattern matched in a title or group name: a total, a year or
  // points have at most 9 (std::stod threw on a 400-digit figure). A longer
  // one is reported at its row and not used.
  std::optional<double> bounded_number(const std::string& digits, uint32_t row, const char* what_en,
                                       const char* what_zh) {
    constexpr size_t kMaxDigits = 9;
    size_t count = static_cast<size_t>(std::count_if(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }));
    std::optional<double> v = count <= kMaxDigits ? parse_number(digits) : std::nullopt;
    if (v) return v;
    std::string_view line = row ? src_.line_text(row) : std::string_view();
    uint32_t at = line.empty() ? 0 : static_cast<uint32_t>(line.data() - src_.text().data());
    std::string shown = digits.size() > 20 ? digits.substr(0, 20) + "…" : digits;
    out_.errors.push_back(syntax_error(
        {file_, at, at + static_cast<uint32_t>(line.size())},
        {fmt::format("row {}: {} `{}` has {} digits, more than the {} a number here may have", row, what_en, shown,
                     count, kMaxDigits),
         fmt::format("第 {} 行：{} `{}` 有 {} 位数字，超过此处允许的 {} 位", row, what_zh, shown, count, kMaxDigits)},
        {"write the figure as a plain number of plausible size, e.g. 1000", "请写成大小合理的数字，如 1000"}));
    return std::nullopt;
  }

  Span cell_span(const Cell& c) const { return {file_, c.begin, std::max(c.end, c.begin)}; }
  SpanOf span_of(const Cell& c) const {
    return [this, &c](size_t a, size_t b) {
      return Span{file_, table_.raw_offset(c, a), std::max(table_.raw_offset(c, b), table_.raw_offset(c, a))};
    };
  }
  std::string where(const TableRow& r, TableField f) const {
    return fmt::format("row {} col {} ({})", r.row, table_.column_letters[static_cast<int>(f)],
                       table_.header_names[static_cast<int>(f)]);
  }
  std::string where_zh(const TableRow& r, TableField f) const {
    return fmt::format("第 {} 行第 {} 列（{}）", r.row, table_.column_letters[static_cast<int>(f)],
                       table_.header_names[static_cast<int>(f)]);
  }

  void scheme_info() {
    SchemeInfo& info = out_.scheme.info;
    info.span = info.total_span = info.units_span = info.year_span = header_span_;
    const std::string stem = std::filesystem::path(src_.path()).stem().string();
    info.name = table_.preamble.empty() ? stem : table_.preamble.front();
    std::string year;
    if (RE2::PartialMatch(info.name, "(20\\d\\d)", &year) || RE2::PartialMatch(stem, "(20\\d\\d)", &year)) {
      info.year = parse_number(year);
      comment(fmt::format("year {} guessed from the name \"{}\"", year, info.name));
    }
    for (size_t i = 0; i < table_.preamble.size(); ++i) {
      const std::string& p = table_.preamble[i];
      std::string n, list;
      if (!o_.total && p.find("千分制") != std::string::npos) info.total = 1000;
      if (!o_.total && p.find("百分制") != std::string::npos) info.total = 100;
      if (!o_.total && RE2::PartialMatch(p, "(?:总分|满分)[:：]?\\s*(\\d+)", &n))
        info.total = bounded_number(n, table_.preamble_rows[i], "the total", "总分");
      if (o_.units.empty() && RE2::PartialMatch(p, "(?:考核对象|被考核单位|参评单位)[:：]\\s*(.+)", &list))
        for (const std::string& u : split_list(list)) info.units.push_back({ident(u), header_span_});
      if (info.total && !o_.total && !total_noted_)
        comment(fmt::format("row {}: \"{}\" → total {}", table_.preamble_rows[i], p, format_number(*info.total))),
            total_noted_ = true;
    }
    if (o_.total) info.total = o_.total;
    for (const std::string& u : o_.units) info.units.push_back({ident(u), header_span_});
    if (!info.total)
      comment("TODO total: a table does not say the scheme's total; pass --total N (e.g. 1000 for 千分制)");
    if (info.units.empty())
      comment("TODO units: a table does not name the assessed units; pass --units 城关镇,河口乡,…");
    comment("TODO inspections and overall penalties: a table does not describe them; add them by hand");
  }

  std::optional<double> points(const TableRow& r) {
    const Cell& c = r.at(TableField::points);
    if (c.text.empty()) return std::nullopt;
    std::string t = c.text;
    if (t.ends_with("分")) t.resize(t.size() - 3);
    if (auto v = parse_number(t); v && *v >= 0) return v;
    out_.errors.push_back(syntax_error(cell_span(c),
                                       {fmt::format("{}: points `{}` is not a number", where(r, TableField::points), c.text),
                                        fmt::format("{}：分值 `{}` 不是数字", where_zh(r, TableField::points), c.text)},
                                       {"write the points as a number, e.g. 30", "分值请写成数字，如 30"}));
    return std::nullopt;
  }

  std::string group(const TableRow& r) { return group(r, r.at(TableField::group)); }
  std::string group(const TableRow& r, const Cell& c) {
    if (c.text.empty()) return {};
    std::string name = c.text, pts;
    // 一、经济发展（300分）: numbering and points are not part of the name.
    RE2::GlobalReplace(&name, "^[一二三四五六七八九十0-9]+[、.．]\\s*", "");
    std::optional<double> gp;
    if (RE2::PartialMatch(name, "[（(](\\d+(?:\\.\\d+)?)分[）)]", &pts))
      gp = bounded_number(pts, r.row, "the group's points", "分组分值");
    RE2::GlobalReplace(&name, "[（(][^）)]*[）)]$", "");
    std::string id = ident(name);
    if (id.empty()) id = fmt::format("group_r{}", r.row);
    auto& groups = out_.scheme.groups;
    if (std::none_of(groups.begin(), groups.end(), [&](const Group& g) { return g.id.text == id; })) {
      groups.push_back({{id, cell_span(c)}, gp, cell_span(c), cell_span(c)});
      comment(fmt::format("{}: \"{}\" → group {}{}", where(r, TableField::group), c.text, id,
                          gp ? " points " + format_number(*gp) : ""));
    }
    return id;
  }

  Name owner(const TableRow& r) {
    const Cell& c = r.at(TableField::owner);
    if (c.text.empty()) return {};
    auto& ds = out_.scheme.departments;
    for (const Department& d : ds)
      if (d.display == c.text) return {d.id.text, cell_span(c)};
    std::string id;
    for (const std::string& part : split_list(c.text)) id += (id.empty() ? "" : "_") + ident(part);
    if (id.empty()) id = fmt::format("dept_r{}", r.row);
    Department d;
    d.id = {id, cell_span(c)};
    d.display = c.text;
    d.kind = guess_dept_kind(c.text).value_or(DeptKind::line);
    d.span = d.kind_span = cell_span(c);
    ds.push_back(d);
    return {id, cell_span(c)};
  }

  void note_reading(const TableRow& r, TableField f, const Reading& rd) {
    const Cell& c = r.at(f);
    for (const Found& x : rd.found)
      comment(fmt::format("{}: 「{}」 → {}", where(r, f), c.text.substr(x.begin, x.end - x.begin), x.field));
    for (auto [a, b] : rd.unread) {
      std::string piece = c.text.substr(a, b - a);
      out_.notes.push_back(unread_note(span_of(c)(a, b),
                                       {fmt::format("{}: no pattern understood 「{}」; it is not in the scheme", where(r, f), piece),
                                        fmt::format("{}：未能识别「{}」，未写入方案", where_zh(r, f), piece)},
                                       {"rewrite it with a documented phrase (docs/import.md) or edit the scheme by hand",
                                        "请改用文档列出的写法（docs/import.md），或手工修改方案"}));
      comment(fmt::format("{}: 「{}」 → not understood (JF099)", where(r, f), piece));
    }
  }

  void row(const TableRow& r) {
    const Cell& name_cell = r.at(TableField::indicator);
    if (name_cell.text.empty()) {
      if (!r.at(TableField::group).text.empty()) { group(r); return; }
      // 一、经济发展（150分） written in the 序号 column: a group heading.
      if (const Cell& seq = r.at(TableField::seq); RE2::PartialMatch(seq.text, "^[一二三四五六七八九十]+、")) {
        group(r, seq);
        return;
      }
      out_.notes.push_back(unread_note({file_, r.begin, std::max(r.end, r.begin)},
                                       {fmt::format("row {} has no indicator name; it is not imported", r.row),
                                        fmt::format("第 {} 行没有指标名称，未导入", r.row)}));
      return;
    }
    Indicator ind;
    ind.span = cell_span(name_cell);
    ind.id = {ident(name_cell.text), ind.span};
    if (ind.id.text.empty()) ind.id.text = fmt::format("indicator_r{}", r.row);
    if (ind.id.text != name_cell.text) ind.display = name_cell.text;
    names_[name_cell.text] = ind.id.text;
    ind.group = group(r);
    ind.owner = owner(r);
    ind.points = points(r);
    ind.points_span = r.at(TableField::points).text.empty() ? ind.span : cell_span(r.at(TableField::points));
    ind.key_span = ind.span;
    ind.score.span = ind.span;
    comment(fmt::format("{}: \"{}\" → indicator {}{}{}", where(r, TableField::indicator), name_cell.text, ind.id.text,
                        ind.owner.text.empty() ? "" : " owner " + ind.owner.text,
                        ind.points ? " points " + format_number(*ind.points) : ""));
    if (r.at(TableField::owner).carried)
      comment(fmt::format("{}: owner carried down from the merged cell above", where(r, TableField::owner)));

    bool scoring = false;
    for (const Found& x : read_key(name_cell.text, ind, span_of(name_cell)).found)
      comment(fmt::format("{}: 「{}」 → key", where(r, TableField::indicator), name_cell.text.substr(x.begin, x.end - x.begin)));
    std::string content;
    TableField target_from = TableField::content;
    if (const Cell& c = r.at(TableField::content); !c.text.empty()) {
      Reading k = read_key(c.text, ind, span_of(c));
      for (const Found& x : k.found) comment(fmt::format("{}: 「{}」 → key", where(r, TableField::content), c.text.substr(x.begin, x.end - x.begin)));
      content = c.text;
      RE2::GlobalReplace(&content, "[（(]?(?:重点工作|中心工作|重点任务)[）)]?", "");
    }
    for (TableField f : {TableField::mode, TableField::standard}) {
      const Cell& c = r.at(f);
      if (!c.text.empty()) note_reading(r, f, read_standard(c.text, ind.points, ind, scoring, span_of(c)));
    }
    if (const Cell& c = r.at(TableField::method); !c.text.empty()) {
      std::vector<ProofRef> proofs;
      note_reading(r, TableField::method, read_method(c.text, ind, proofs, span_of(c)));
      for (ProofRef& p : proofs) proofs_.push_back({out_.scheme.indicators.size(), std::move(p)});
    }
    if (!scoring) {
      if (!ind.deductions.empty()) {
        ind.score.mode = ScoreMode::deduction;
        comment(fmt::format("row {}: only deductions → score deduction", r.row));
      } else {
        ind.score.mode = ScoreMode::threshold;
        const Cell& s = r.at(TableField::standard);
        if (content.empty() && !s.text.empty()) content = s.text, target_from = TableField::standard;  // stays as the target
        comment(fmt::format("row {}: no scoring phrase → score threshold (review)", r.row));
      }
    }
    if (ind.score.mode == ScoreMode::threshold && !content.empty()) {
      ind.score.target_text = content;
      comment(fmt::format("{}: \"{}\" → score target", where(r, target_from), content));
    } else if (!content.empty()) {
      const Cell& c = r.at(TableField::content);
      out_.notes.push_back(unread_note(cell_span(c),
                                       {fmt::format("{}: 「{}」 is a description; the scheme has no field for it", where(r, TableField::content), content),
                                        fmt::format("{}：「{}」是说明文字，方案中没有对应字段", where_zh(r, TableField::content), content)}));
      comment(fmt::format("{}: \"{}\" → not imported (description)", where(r, TableField::content), content));
    }
    out_.scheme.indicators.push_back(std::move(ind));
  }

  // 核查…的台账 names indicators by their names in the table.
  void resolve_proofs() {
    for (auto& [index, ref] : proofs_) {
      auto it = names_.find(ref.name);
      std::string id = it != names_.end() ? it->second : ident(ref.name);
      if (id.empty()) continue;
      out_.scheme.indicators[index].proves.push_back({id, ref.span});
    }
  }

  const SourceFile& src_;
  uint32_t file_;
  const ImportOptions& o_;
  ImportResult& out_;
  Table table_;
  Span header_span_;
  bool total_noted_ = false;
  std::map<std::string, std::string> names_;  // name as written → indicator id
  std::vector<std::pair<size_t, ProofRef>> proofs_;
};

}  // namespace

ImportResult import_table(const SourceSet& sources, uint32_t file, const ImportOptions& options) {
  ImportResult out;
  Importer(sources, file, options, out).run();
  return out;
}

std::string comment_block(const ImportResult& r) {
  std::string out;
  for (const std::string& line : r.comments) {
    std::string one = line;
    std::replace(one.begin(), one.end(), '\n', ' ');
    std::replace(one.begin(), one.end(), '\r', ' ');
    out += "# " + one + "\n";
  }
  return out;
}

bool is_table_path(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.ends_with(".csv") || lower.ends_with(".tsv");
}

LoadResult load_table(const SourceSet& sources, uint32_t file, const Limits&) {
  ImportResult r = import_table(sources, file, {});
  LoadResult out;
  out.scheme = std::move(r.scheme);
  out.scheme.file = file;
  out.ok = r.ok();
  out.diagnostics = std::move(r.errors);
  out.diagnostics.insert(out.diagnostics.end(), r.notes.begin(), r.notes.end());
  return out;
}

}  // namespace jf
