#include "dsl/results_loader.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

#include "base/decimal.hpp"
#include "base/text_util.hpp"
#include "dsl/byte_checks.hpp"
#include "dsl/fullwidth.hpp"
#include "base/source.hpp"
#include "dsl/yaml_reader.hpp"
#include "dsl/yaml_tree.hpp"

namespace jf {
namespace {

constexpr size_t kMaxIssues = 50;

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::optional<double> number(std::string_view s) { return decimal_value(s, {.allow_exponent = true}); }

// One CSV record with the line it starts on.
struct Record {
  uint32_t line = 0;
  std::vector<std::string> fields;
};

// libcsv callbacks: fields and record ends. Line numbers are counted from
// record terminators (CR, LF, CRLF once) and newlines inside quoted fields.
struct Collector {
  std::vector<Record> records;
  Record current;
  uint32_t line = 1;
  bool last_was_cr = false;
  bool in_record = false;

  static void on_field(void* data, size_t len, void* self) {
    auto* c = static_cast<Collector*>(self);
    if (!c->in_record) c->current.line = c->line, c->in_record = true;
    std::string f(static_cast<const char*>(data), len);
    c->line += static_cast<uint32_t>(std::count(f.begin(), f.end(), '\n'));
    c->current.fields.push_back(std::move(f));
    c->last_was_cr = false;
  }
  static void on_record(int term, void* self) {
    auto* c = static_cast<Collector*>(self);
    const bool crlf = term == '\n' && c->last_was_cr && !c->in_record;
    if (!crlf && term != -1) ++c->line;
    c->last_was_cr = term == '\r';
    if (c->in_record) c->records.push_back(std::move(c->current));
    c->current = Record{};
    c->in_record = false;
  }
};

struct Columns {
  int unit = -1, indicator = -1, value = -1, events = -1;
};

void add(LoadedResults& out, uint32_t row, std::string en, std::string zh) {
  if (out.issues.size() < kMaxIssues) out.issues.push_back({row, {std::move(en), std::move(zh)}});
}

std::optional<Columns> read_header(const Record& h, LoadedResults& out) {
  Columns c;
  for (size_t i = 0; i < h.fields.size(); ++i) {
    const std::string name = lower(std::string(trim(h.fields[i])));
    int* slot = name == "unit" || name == "单位" ? &c.unit
                : name == "indicator" || name == "指标" ? &c.indicator
                : name == "value" || name == "值" ? &c.value
                : name == "events" || name == "事件" ? &c.events
                : nullptr;
    if (!slot) {
      add(out, h.line, fmt::format("unknown column `{}` (use unit, indicator, value, events)", name),
          fmt::format("未知的列 `{}`（可用：unit、indicator、value、events）", name));
    } else if (*slot >= 0) {
      add(out, h.line, fmt::format("column `{}` appears twice", name), fmt::format("列 `{}` 出现了两次", name));
    } else {
      *slot = static_cast<int>(i);
    }
  }
  if (c.unit < 0 || c.indicator < 0)
    add(out, h.line, "the header needs the columns `unit` and `indicator`", "表头必须包含 `unit` 和 `indicator` 两列");
  if (c.value < 0 && c.events < 0)
    add(out, h.line, "the header needs a `value` or an `events` column", "表头必须包含 `value` 或 `events` 列");
  if (!out.issues.empty()) return std::nullopt;
  return c;
}

// `late_report=2; fire_spot=1` (also `；`); counts are whole numbers ≥ 0.
void read_events(std::string_view cell, uint32_t row, UnitResult& r, LoadedResults& out) {
  std::string text;  // the cell with full-width `；` read as `;`
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell.substr(i, 3) == "；") text += ';', i += 2;
    else text += cell[i];
  }
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string item(trim(std::string_view(text).substr(start, end - start)));
    start = end + 1;
    if (item.empty()) continue;
    size_t eq = item.find('=');
    std::string name(trim(std::string_view(item).substr(0, eq == std::string::npos ? 0 : eq)));
    auto count = eq == std::string::npos ? std::nullopt : number(trim(std::string_view(item).substr(eq + 1)));
    if (name.empty() || !count || *count < 0 || *count != std::floor(*count)) {
      add(out, row, fmt::format("event `{}` must be written name=count with a whole count ≥ 0", item),
          fmt::format("事件 `{}` 应写作 名称=次数，次数为非负整数", item));
    } else if (!r.events.emplace(name, *count).second) {
      add(out, row, fmt::format("event `{}` is given twice", name), fmt::format("事件 `{}` 重复出现", name));
    }
  }
}

// A value that is no number nor pass/fail; one typed with a Chinese input
// method (`７０．４`) is named as such, with what to write.
void bad_value(LoadedResults& out, uint32_t row, const std::string& v) {
  UnitResult probe;
  const std::string ascii = to_halfwidth(v);
  if (ascii != v && parse_value(ascii, probe))
    return add(out, row, fmt::format("value `{}` is written with full-width characters: write `{}`", v, ascii),
               fmt::format("值 `{}` 使用了全角字符，应写作 `{}`", v, ascii));
  add(out, row, fmt::format("value `{}` is neither a number nor pass/fail", v),
      fmt::format("值 `{}` 既不是数字，也不是达标/未达标", v));
}

void add_result(LoadedResults& out, const std::string& unit, const std::string& ind, UnitResult r) {
  if (unit.empty()) return add(out, r.row, "the unit is empty", "单位为空");
  if (ind.empty()) return add(out, r.row, "the indicator is empty", "指标为空");
  auto [it, fresh] = out.table.units[unit].emplace(ind, r);
  if (!fresh)
    add(out, r.row, fmt::format("duplicate result for {} / {} (first at row {})", unit, ind, it->second.row),
        fmt::format("{} / {} 的结果重复（首次出现在第 {} 行）", unit, ind, it->second.row));
}

void read_row(const Record& rec, const Columns& c, size_t width, LoadedResults& out) {
  if (rec.fields.size() == 1 && trim(rec.fields[0]).empty()) return;  // a blank line
  if (rec.fields.size() != width)
    return add(out, rec.line, fmt::format("{} fields where the header has {}", rec.fields.size(), width),
               fmt::format("本行有 {} 个字段，表头有 {} 个", rec.fields.size(), width));
  UnitResult r;
  r.row = rec.line;
  if (c.value >= 0) {
    std::string v(trim(rec.fields[c.value]));
    if (!v.empty() && !parse_value(v, r)) {
      return bad_value(out, rec.line, v);
    }
  }
  if (c.events >= 0) read_events(rec.fields[c.events], rec.line, r, out);
  add_result(out, std::string(trim(rec.fields[c.unit])), std::string(trim(rec.fields[c.indicator])), std::move(r));
}


// One `- {unit, indicator, value, events}` entry of a YAML results file.
void read_yaml_entry(YamlReader& r, const SourceFile& src, uint32_t node, LoadedResults& out) {
  static const What kEntry{"a result", "结果"};
  auto f = r.fields(node, "results entry", kEntry, {"unit", "indicator", "value", "events"});
  if (!f) return;
  UnitResult res;
  res.row = src.locate(r.node(node).span.begin).line;
  std::optional<std::string> unit, ind;
  if (auto* v = f->get("unit")) unit = r.string(v->value, "unit");
  else r.missing(*f, "unit", kEntry);
  if (auto* v = f->get("indicator")) ind = r.string(v->value, "indicator");
  else r.missing(*f, "indicator", kEntry);
  if (auto* v = f->get("value")) {
    const YamlNode& n = r.node(v->value);
    if (n.kind != YamlKind::scalar || !parse_value(n.text, res)) {
      return bad_value(out, res.row, std::string(n.text));
    }
  }
  if (auto* v = f->get("events")) {
    const YamlNode& m = r.node(v->value);
    if (m.kind != YamlKind::mapping) {
      r.wrong_type(v->value, "events", {"a mapping of event: count", "“事件: 次数”映射"});
    } else {
      std::string cell;  // the CSV form, so both formats share one reader
      for (size_t i = 0; i + 1 < m.children.size(); i += 2)
        cell += fmt::format("{}={};", r.node(m.children[i]).text, r.node(m.children[i + 1]).text);
      read_events(cell, res.row, res, out);
    }
  }
  if (unit && ind) add_result(out, std::string(trim(*unit)), std::string(trim(*ind)), std::move(res));
}

// `results: [ … ]` read from parser events like a YAML scheme (never a node
// tree from yaml-cpp), with the same depth and alias guards.
LoadedResults parse_results_yaml(const SourceFile& src) {
  LoadedResults out;
  std::vector<Diagnostic> problems;
  Limits limits;
  if (auto tree = read_yaml_document(src, 0, limits, problems)) {
    YamlReader r(*tree, src, limits, problems);
    static const What kDoc{"the results file", "结果文件"};
    if (auto f = r.fields(tree->root, "top level", kDoc, {"results"})) {
      if (auto* v = f->get("results")) {
        if (auto items = r.list(v->value, "results"))
          for (uint32_t n : *items) read_yaml_entry(r, src, n, out);
      } else {
        r.missing(*f, "results", kDoc);
      }
    }
  }
  for (const Diagnostic& d : problems)
    add(out, src.locate(d.span.begin).line, d.message.in(Lang::en), d.message.in(Lang::zh));
  if (out.issues.empty() && out.table.units.empty())
    add(out, 0, "the file has no results", "文件中没有结果");
  return out;
}

}  // namespace

bool parse_value(std::string_view cell, UnitResult& r) {
  const std::string v = lower(std::string(trim(cell)));
  for (const char* w : {"pass", "yes", "true", "达标", "是", "合格"})
    if (v == w) return r.pass = true, true;
  for (const char* w : {"fail", "no", "false", "未达标", "否", "不合格"})
    if (v == w) return r.pass = false, true;
  r.value = number(v);
  return r.value.has_value();
}

LoadedResults parse_results_csv(std::string_view text) {
  LoadedResults out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    add(out, 0, "cannot start the CSV parser", "无法初始化 CSV 解析器");
    return out;
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&p, csv_free);
  Collector col;
  size_t done = csv_parse(&p, text.data(), text.size(), Collector::on_field, Collector::on_record, &col);
  if (done != text.size() || csv_fini(&p, Collector::on_field, Collector::on_record, &col) != 0) {
    add(out, col.line, fmt::format("malformed CSV: {}", csv_strerror(csv_error(&p))),
        fmt::format("CSV 格式错误：{}", csv_strerror(csv_error(&p))));
    return out;
  }
  std::erase_if(col.records, [](const Record& r) { return r.fields.size() == 1 && trim(r.fields[0]).empty(); });
  if (col.records.empty()) {
    add(out, 0, "the file is empty: expected a header and result rows", "文件为空：应有表头和结果行");
    return out;
  }
  std::optional<Columns> c = read_header(col.records[0], out);
  if (!c) return out;
  for (size_t i = 1; i < col.records.size(); ++i) read_row(col.records[i], *c, col.records[0].fields.size(), out);
  if (col.records.size() == 1) add(out, 0, "the file has a header but no results", "文件只有表头，没有结果");
  return out;
}

LoadedResults load_results(const std::string& path, const std::string& bytes) {
  SourceFile src(path, bytes);
  if (auto bad = first_byte_problem(src)) {
    LoadedResults out;
    add(out, src.locate(bad->at).line, bad->message.in(Lang::en), bad->message.in(Lang::zh));
    return out;
  }
  if (path.ends_with(".yaml") || path.ends_with(".yml")) return parse_results_yaml(src);
  return parse_results_csv(src.body());
}

}  // namespace jf
