#include "dsl/results_loader.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

#include "base/vocabulary.hpp"
#include "base/decimal.hpp"
#include "base/text_util.hpp"
#include "dsl/byte_checks.hpp"
#include "dsl/fullwidth.hpp"
#include "dsl/parse_text.hpp"
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

// `key` and `args`: a message of messages/parse_results.yaml.
void add(LoadedResults& out, uint32_t row, std::string key, std::initializer_list<MessageArg> args = {}) {
  if (out.issues.size() < kMaxIssues) out.issues.push_back({row, parse_text(std::move(key), args)});
}
void add(LoadedResults& out, uint32_t row, const Message& m) {
  if (out.issues.size() < kMaxIssues) out.issues.push_back({row, {m.in(Lang::en), m.in(Lang::zh)}});
}

std::optional<Columns> read_header(const Record& h, LoadedResults& out) {
  Columns c;
  for (size_t i = 0; i < h.fields.size(); ++i) {
    const std::string name = lower(std::string(trim(h.fields[i])));
    int* slot = vocabulary_has("results_file.columns.unit", name)        ? &c.unit
                : vocabulary_has("results_file.columns.indicator", name) ? &c.indicator
                : vocabulary_has("results_file.columns.value", name)     ? &c.value
                : vocabulary_has("results_file.columns.events", name)    ? &c.events
                                                                    : nullptr;
    if (!slot) {
      add(out, h.line, "parse.results.unknown_column", {arg("name", name)});
    } else if (*slot >= 0) {
      add(out, h.line, "parse.results.column_twice", {arg("name", name)});
    } else {
      *slot = static_cast<int>(i);
    }
  }
  if (c.unit < 0 || c.indicator < 0)
    add(out, h.line, "parse.results.header_needs_unit_indicator");
  if (c.value < 0 && c.events < 0)
    add(out, h.line, "parse.results.header_needs_value");
  if (!out.issues.empty()) return std::nullopt;
  return c;
}

// `late_report=2; fire_spot=1` (also `；`); counts are whole numbers ≥ 0.
void read_events(std::string_view cell, uint32_t row, UnitResult& r, LoadedResults& out) {
  std::string text;  // the cell with full-width `；` (results_file.event_separators) read as `;`
  static const auto separators = vocabulary("results_file.event_separators");
  for (size_t i = 0; i < cell.size(); ++i) {
    auto sep = std::find_if(separators.begin(), separators.end(),
                            [&](std::string_view w) { return cell.compare(i, w.size(), w) == 0; });
    if (sep != separators.end()) text += ';', i += sep->size() - 1;
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
      add(out, row, "parse.results.bad_event", {arg("item", item)});
    } else if (!r.events.emplace(name, *count).second) {
      add(out, row, "parse.results.event_twice", {arg("name", name)});
    }
  }
}

// A value that is no number nor pass/fail; one typed with a Chinese input
// method (`７０．４`) is named as such, with what to write.
void bad_value(LoadedResults& out, uint32_t row, const std::string& v) {
  UnitResult probe;
  const std::string ascii = to_halfwidth(v);
  if (ascii != v && parse_value(ascii, probe))
    return add(out, row, "parse.results.full_width_value", {arg("value", v), arg("ascii", ascii)});
  add(out, row, "parse.results.bad_value", {arg("value", v)});
}

void add_result(LoadedResults& out, const std::string& unit, const std::string& ind, UnitResult r) {
  if (unit.empty()) return add(out, r.row, "parse.results.empty_unit");
  if (ind.empty()) return add(out, r.row, "parse.results.empty_indicator");
  auto [it, fresh] = out.table.units[unit].emplace(ind, r);
  if (!fresh)
    add(out, r.row, "parse.results.duplicate",
        {arg("unit", unit), arg("indicator", ind), arg("first", it->second.row)});
}

void read_row(const Record& rec, const Columns& c, size_t width, LoadedResults& out) {
  if (rec.fields.size() == 1 && trim(rec.fields[0]).empty()) return;  // a blank line
  if (rec.fields.size() != width)
    return add(out, rec.line, "parse.results.field_count", {arg("n", rec.fields.size()), arg("width", width)});
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
  static const What kEntry{"parse.results.what.entry"};
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
      r.wrong_type(v->value, "events", {"parse.results.expected.events"});
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
    static const What kDoc{"parse.results.what.file"};
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
    add(out, src.locate(d.span.begin).line, d.message);
  if (out.issues.empty() && out.table.units.empty())
    add(out, 0, "parse.results.no_results");
  return out;
}

}  // namespace

bool parse_value(std::string_view cell, UnitResult& r) {
  const std::string v = lower(std::string(trim(cell)));
  if (vocabulary_has("results_file.pass", v)) return r.pass = true, true;
  if (vocabulary_has("results_file.fail", v)) return r.pass = false, true;
  r.value = number(v);
  return r.value.has_value();
}

LoadedResults parse_results_csv(std::string_view text) {
  LoadedResults out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    add(out, 0, "parse.results.csv_init");
    return out;
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&p, csv_free);
  Collector col;
  size_t done = csv_parse(&p, text.data(), text.size(), Collector::on_field, Collector::on_record, &col);
  if (done != text.size() || csv_fini(&p, Collector::on_field, Collector::on_record, &col) != 0) {
    add(out, col.line, "parse.results.bad_csv", {arg("error", csv_strerror(csv_error(&p)))});
    return out;
  }
  std::erase_if(col.records, [](const Record& r) { return r.fields.size() == 1 && trim(r.fields[0]).empty(); });
  if (col.records.empty()) {
    add(out, 0, "parse.results.empty_file");
    return out;
  }
  std::optional<Columns> c = read_header(col.records[0], out);
  if (!c) return out;
  for (size_t i = 1; i < col.records.size(); ++i) read_row(col.records[i], *c, col.records[0].fields.size(), out);
  if (col.records.size() == 1) add(out, 0, "parse.results.header_only");
  return out;
}

LoadedResults load_results(const std::string& path, const std::string& bytes) {
  SourceFile src(path, bytes);
  if (auto bad = first_byte_problem(src)) {
    LoadedResults out;
    add(out, src.locate(bad->at).line, bad->message);
    return out;
  }
  if (path.ends_with(".yaml") || path.ends_with(".yml")) return parse_results_yaml(src);
  return parse_results_csv(src.body());
}

}  // namespace jf
