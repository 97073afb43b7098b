#include "dsl/table_import.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "base/vocabulary.hpp"
#include "base/utf8.hpp"
#include "dsl/document.hpp"
#include "dsl/scheme_writer.hpp"
#include "dsl/table_phrases.hpp"
#include "base/clauses.hpp"
#include "dsl/lexicon_reader.hpp"

namespace jf {
namespace {

Diagnostic unread_note(Span span, Message message, Message help = {}) {
  return {.rule = "JF099", .name = "import-unread", .category = "structure", .severity = Severity::info,
          .span = span, .message = std::move(message), .help = std::move(help)};
}

std::string ident(std::string_view s) {  // an .assess identifier from free text
  std::string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = utf8::sequence_length(c);
    std::string ch(s.substr(i, len));
    if (is_assess_identifier(out + ch)) out += ch;
    i += len;
  }
  return out;
}

// Table text quoted in an import comment: 「…」 (table_import.quote).
std::string table_quote(std::string_view text) {
  static const auto marks = vocabulary("table_import.quote");
  return std::string(marks[0]) + std::string(text) + std::string(marks[1]);
}

std::string join_numbers(const std::vector<double>& v) {
  std::string out;
  for (double x : v) out += (out.empty() ? "" : "/") + format_number(x);
  return out;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] { if (!cur.empty()) out.push_back(cur); cur.clear(); };
  static const auto separators = vocabulary("marks.list_separators");
  for (size_t i = 0; i < s.size();) {
    auto sep = std::find_if(separators.begin(), separators.end(),
                            [&](std::string_view w) { return s.compare(i, w.size(), w) == 0; });
    if (sep != separators.end()) { flush(); i += sep->size(); continue; }
    if (s[i] == ',' || s[i] == ';' || s[i] == '/' || s[i] == ' ') { flush(); ++i; continue; }
    cur += s[i++];
  }
  flush();
  return out;
}

// 县委办、县政府办 / 县委办，县政府办 / 县委办/县政府办 / one per line.
std::vector<std::string> split_owners(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    size_t a = 0, b = cur.size();
    while (a < b && (cur[a] == ' ' || cur[a] == '\t')) ++a;
    while (b > a && (cur[b - 1] == ' ' || cur[b - 1] == '\t')) --b;
    if (b > a) out.push_back(cur.substr(a, b - a));
    cur.clear();
  };
  static const auto separators = vocabulary("table_import.owner_separators");
  for (size_t i = 0; i < s.size();) {
    auto sep = std::find_if(separators.begin(), separators.end(),
                            [&](std::string_view w) { return s.compare(i, w.size(), w) == 0; });
    if (sep != separators.end()) {
      flush();
      i += sep->size();
      continue;
    }
    if (s[i] == ',' || s[i] == ';' || s[i] == '/' || s[i] == '\n' || s[i] == '\r') { flush(); ++i; continue; }
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
    if (src_.document()) {
      table_ = src_.document()->table;
    } else {  // added as plain text (tests): read it as a CSV/TSV now
      TableOptions topts = o_.table;
      if (document_kind(src_.path()) == DocumentKind::tsv) topts.tabs = true;
      table_ = read_table(src_.text(), topts);
    }
    const uint32_t size = static_cast<uint32_t>(src_.text().size());
    for (const TableProblem& p : table_.problems)
      out_.errors.push_back(syntax_error({file_, std::min(p.begin, size), std::min(std::max(p.end, p.begin), size)},
                                         p.message,
                                         p.help.in(Lang::en).empty() ? msg("parse.import.fix_table") : Message(p.help)));
    if (!table_.ok()) return;
    out_.scheme.file = file_;
    header_span_ = {file_, table_.header_begin, table_.header_end};
    scheme_info();
    for (const Table::Ignored& c : table_.ignored) {
      out_.notes.push_back(unread_note({file_, c.begin, c.end},
                                       msg("parse.import.column_unread", {arg("column", std::string(1, c.letter)), arg("name", c.name)}),
                                       msg("parse.import.column_unread.help")));
      comment(fmt::format("row {} col {} ({}): not imported", table_.header_row, c.letter, c.name));
    }
    for (const std::string& t : table_.skipped)
      comment(fmt::format("{}: no header row found; not imported", t));
    for (const TableRow& r : table_.rows) row(r);
    for (const std::string& n : table_.notes) comment(fmt::format("note: {}", n));
    if (!out_.errors.empty()) return;
    scheme_defaults();
    flatten_groups();
    resolve_proofs();
    for (const Department& d : out_.scheme.departments)
      comment(fmt::format("department {} \"{}\": kind {} guessed from the name; review", d.id.text, d.display,
                          to_string(d.kind.value_or(DeptKind::line))));
  }

 private:
  void comment(std::string line) { out_.comments.push_back(std::move(line)); }
  // A TODO line written into the scheme: English, as the scheme's other
  // comments and keywords are, whatever the run's language.
  static std::string todo(const char* key) { return std::string(catalogue_text(key, Lang::en)); }

  // Digits a pattern matched in a title or group name: a total, a year or
  // points have at most 9 (std::stod threw on a 400-digit figure). A longer
  // one is reported at its row and not used.
  /// `what` is a parse.import.what.* word.
  std::optional<double> bounded_number(const std::string& digits, uint32_t row, const char* what,
                                       std::optional<Span> place = std::nullopt) {
    constexpr size_t kMaxDigits = 9;
    size_t count = static_cast<size_t>(std::count_if(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }));
    std::optional<double> v = count <= kMaxDigits ? parse_number(digits) : std::nullopt;
    if (v) return v;
    std::string_view line = row ? src_.line_text(row) : std::string_view();
    uint32_t at = line.empty() ? 0 : static_cast<uint32_t>(line.data() - src_.text().data());
    std::string shown = digits.size() > 20 ? digits.substr(0, 20) + "…" : digits;
    // A paragraph (row 0) is named by its place, not by a row.
    Message m = row ? msg("parse.import.too_many_digits.row", {arg("row", row), jf::word("what", what), arg("shown", shown),
                                                               arg("count", count), arg("max", kMaxDigits)})
                    : msg("parse.import.too_many_digits", {jf::word("what", what), arg("shown", shown), arg("count", count),
                                                           arg("max", kMaxDigits)});
    out_.errors.push_back(syntax_error(place ? *place : Span{file_, at, at + static_cast<uint32_t>(line.size())},
                                       std::move(m), msg("parse.import.too_many_digits.help")));
    return std::nullopt;
  }

  // A paragraph or title cell above the header, in the document text.
  Span preamble_span(size_t i) const {
    if (i >= table_.preamble_bytes.size()) return header_span_;
    auto [b, e] = table_.preamble_bytes[i];
    return {file_, b, std::max(b, e)};
  }
  // "row 2" (a title row of a sheet or CSV) or "paragraph 3 before table 1" (Word), for comments.
  std::string preamble_where(size_t i) const {
    if (table_.preamble_rows[i]) return fmt::format("row {}", table_.preamble_rows[i]);
    const Place* p = src_.placed() ? src_.place(preamble_span(i).begin) : nullptr;
    return p ? p->en : "paragraph";
  }

  Span cell_span(const Cell& c) const { return {file_, c.begin, std::max(c.end, c.begin)}; }
  SpanOf span_of(const Cell& c) const {
    return [this, &c](size_t a, size_t b) {
      return Span{file_, table_.raw_offset(c, a), std::max(table_.raw_offset(c, b), table_.raw_offset(c, a))};
    };
  }
  std::string where(const TableRow& r, TableField f) const { return table_.where(r, f, Lang::en); }

  void scheme_info() {
    SchemeInfo& info = out_.scheme.info;
    info.span = info.total_span = info.units_span = info.year_span = header_span_;
    const std::string stem = std::filesystem::path(src_.path()).stem().string();
    // The title: the first text above the table that is not a 附件1 label
    // (a published 细则 is usually an attachment of the notice).
    info.name = stem;
    static const RE2 attachment_label(std::string(vocabulary_text("table_import.attachment_label")));
    static const RE2 total_label(std::string(vocabulary_text("table_import.total_label")));
    static const RE2 units_label(std::string(vocabulary_text("table_import.units_label")));
    for (const std::string& p : table_.preamble)
      if (!RE2::FullMatch(p, attachment_label)) {
        info.name = p;
        break;
      }
    std::string year;
    if (RE2::PartialMatch(info.name, "(20\\d\\d)", &year) || RE2::PartialMatch(stem, "(20\\d\\d)", &year)) {
      info.year = parse_number(year);
      comment(fmt::format("year {} guessed from the name \"{}\"", year, info.name));
    }
    for (size_t i = 0; i < table_.preamble.size(); ++i) {
      const std::string& p = table_.preamble[i];
      // A total or units read here point at this paragraph or title row (a
      // finding on the total names `paragraph 3 before table 1`).
      const Span at = preamble_span(i);
      std::string n, list;
      std::optional<double> total;
      if (p.find(vocabulary_text("table_import.per_thousand")) != std::string::npos) total = 1000;
      if (p.find(vocabulary_text("table_import.per_hundred")) != std::string::npos) total = 100;
      if (!o_.total && RE2::PartialMatch(p, total_label, &n))
        total = bounded_number(n, table_.preamble_rows[i], "parse.import.what.total", at);
      if (total && !o_.total) {
        info.total = total;
        info.total_span = at;
      }
      if (o_.units.empty() && RE2::PartialMatch(p, units_label, &list)) {
        info.units_span = at;
        for (const std::string& u : split_list(list)) info.units.push_back({ident(u), at});
      }
      if (info.total && !o_.total && !total_noted_)
        comment(fmt::format("{}: \"{}\" → total {}", preamble_where(i), p, format_number(*info.total))),
            total_noted_ = true;
    }
    if (o_.total) info.total = o_.total;
    for (const std::string& u : o_.units) info.units.push_back({ident(u), header_span_});
    info_comments_end_ = out_.comments.size();
  }

  // After the rows (a 合计 row may give the total): what neither the flags
  // nor the document said comes from the configuration, else is a TODO.
  // These lines go where the scheme's own lines end, above the rows'.
  void scheme_defaults() {
    SchemeInfo& info = out_.scheme.info;
    std::vector<std::string> lines;
    if (!info.total && o_.default_total) {
      info.total = o_.default_total;
      lines.push_back(fmt::format("total {} from the configuration (the document does not say)", format_number(*info.total)));
    }
    if (info.units.empty() && !o_.default_units.empty()) {
      for (const std::string& u : o_.default_units) info.units.push_back({ident(u), header_span_});
      lines.push_back(fmt::format("{} units from the configuration (the document does not name them)", info.units.size()));
    }
    if (!info.total)
      lines.push_back(todo("parse.import.todo.total"));
    if (info.units.empty()) lines.push_back(todo("parse.import.todo.units"));
    lines.push_back(todo("parse.import.todo.inspections"));
    out_.comments.insert(out_.comments.begin() + static_cast<std::ptrdiff_t>(info_comments_end_), lines.begin(), lines.end());
  }

  std::optional<double> points(const TableRow& r) {
    const Cell& c = r.at(TableField::points);
    if (c.text.empty()) return std::nullopt;
    std::string t = c.text;
    const std::string_view unit = vocabulary_text("marks.points");
    if (t.ends_with(unit)) t.resize(t.size() - unit.size());
    if (auto v = parse_number(t); v && *v >= 0) return v;
    auto in = [&](Lang l) {
      return msg("parse.import.points_not_number", {arg("where", table_.where(r, TableField::points, l)), arg("points", c.text)})
          .in(l);
    };
    out_.errors.push_back(
        syntax_error(cell_span(c), Text{in(Lang::en), in(Lang::zh)}, msg("parse.import.points_not_number.help")));
    return std::nullopt;
  }

  // A group by name (numbering and （N分） already removed by the layout, or
  // removed here for a 一级指标 cell), created at its first mention.
  std::string group_named(std::string name, std::optional<double> gp, Span span, const std::string& where_text,
                          const std::string& written, uint32_t row) {
    static const RE2 numbering(std::string(vocabulary_text("table_import.group_numbering")));
    static const RE2 group_points(std::string(vocabulary_text("table_import.group_points")));
    static const RE2 bracket_note(std::string(vocabulary_text("table_import.bracket_note")));
    RE2::GlobalReplace(&name, numbering, "");
    std::string pts;
    if (!gp && RE2::PartialMatch(name, group_points, &pts)) gp = bounded_number(pts, row, "parse.import.what.group_points");
    RE2::GlobalReplace(&name, bracket_note, "");
    std::string id = ident(name);
    if (id.empty()) id = fmt::format("group_r{}", row);
    auto& groups = out_.scheme.groups;
    if (std::none_of(groups.begin(), groups.end(), [&](const Group& g) { return g.id.text == id; })) {
      groups.push_back({{id, span}, gp, span, span});
      comment(fmt::format("{}: \"{}\" → group {}{}", where_text, written, id, gp ? " points " + format_number(*gp) : ""));
    }
    return id;
  }

  // The group of an item row: the 一级指标 cell, else the innermost heading above.
  std::string group(const TableRow& r) {
    const Cell& c = r.at(TableField::group);
    if (c.text.empty()) return heading_group(r);
    return group_named(c.text, std::nullopt, cell_span(c), where(r, TableField::group), c.text, r.row);
  }
  // Tables are separate unless one continues the other (a page break).
  uint32_t chain(uint32_t table) const {
    while (table > 0 && table < table_.headers.size() && table_.headers[table].continued) --table;
    return table;
  }
  std::string heading_group(const TableRow& r) {
    while (!headings_.empty() && headings_.back().table != chain(r.table)) headings_.pop_back();
    return headings_.empty() ? std::string() : headings_.back().id;
  }

  // 一、经济发展（300分） / （一）工业经济（100分）: the model's groups are flat,
  // so items belong to the innermost heading; an outer heading is kept as a
  // group of its own, with its points, and named in the comments.
  void heading(const TableRow& r) {
    while (!headings_.empty() && (headings_.back().level >= r.level || headings_.back().table != chain(r.table)))
      headings_.pop_back();
    Span span = heading_span(r);
    std::string id = group_named(r.heading, r.heading_points, span, table_.where_row(r, Lang::en), r.heading, r.row);
    if (!headings_.empty() && headings_.back().id != id) {
      comment(fmt::format("{}: group {} is inside group {}", table_.where_row(r, Lang::en), id, headings_.back().id));
      outer_.insert(headings_.back().id);
    }
    headings_.push_back({id, r.level, chain(r.table)});
  }
  Span heading_span(const TableRow& r) const {
    for (const Cell& c : r.cells)
      if (!c.text.empty()) return cell_span(c);
    return {file_, r.begin, std::max(r.end, r.begin)};
  }

  // The model's groups are flat: a heading that holds other headings and no
  // item of its own is dropped (its inner groups carry the points), and said so.
  void flatten_groups() {
    auto& gs = out_.scheme.groups;
    for (auto it = gs.begin(); it != gs.end();) {
      const bool used = std::any_of(out_.scheme.indicators.begin(), out_.scheme.indicators.end(),
                                    [&](const Indicator& i) { return i.group == it->id.text; });
      if (outer_.count(it->id.text) && !used) {
        comment(fmt::format("group {}{} holds other groups only; the scheme's groups are flat, so it is not a group "
                            "of its own",
                            it->id.text, it->points ? " (" + format_number(*it->points) + " points)" : ""));
        it = gs.erase(it);
      } else {
        ++it;
      }
    }
  }

  // 合计 / 总分 rows: the scheme's total when nothing else gave one.
  void total_row(const TableRow& r) {
    const bool sub = r.heading.find(vocabulary_text("table_import.subtotal")) != std::string::npos;
    comment(fmt::format("{}: \"{}\"{} → {} (not an indicator)", table_.where_row(r, Lang::en), r.heading,
                        r.heading_points ? " " + format_number(*r.heading_points) : "", sub ? "subtotal" : "total"));
    if (!sub && r.heading_points && !out_.scheme.info.total && !o_.total) {
      out_.scheme.info.total = r.heading_points;
      out_.scheme.info.total_span = heading_span(r);
      comment(fmt::format("{}: total {} taken from this row", table_.where_row(r, Lang::en), format_number(*r.heading_points)));
    }
  }

  // An owner cell may name several bodies (县委办、县政府办): each becomes a
  // department; the first owns the item, the others share it.
  std::vector<Name> owners(const TableRow& r) {
    const Cell& c = r.at(TableField::owner);
    std::vector<Name> out;
    if (c.text.empty()) return out;
    std::vector<std::string> parts = split_owners(c.text);
    if (parts.empty()) parts.push_back(c.text);
    auto& ds = out_.scheme.departments;
    for (const std::string& part : parts) {
      std::string id = ident(part);
      if (id.empty()) id = fmt::format("dept_r{}_{}", r.row, out.size() + 1);
      if (std::none_of(ds.begin(), ds.end(), [&](const Department& d) { return d.id.text == id; })) {
        Department d;
        d.id = {id, cell_span(c)};
        d.display = part;
        d.kind = guess_dept_kind(part).value_or(DeptKind::line);
        d.span = d.kind_span = cell_span(c);
        ds.push_back(d);
      }
      if (std::none_of(out.begin(), out.end(), [&](const Name& n) { return n.text == id; }))
        out.push_back({id, cell_span(c)});
    }
    if (out.size() > 1)
      comment(fmt::format("{}: \"{}\" names {} departments; they share the item", where(r, TableField::owner),
                          c.text, out.size()));
    return out;
  }

  // What a cell's phrases set, each scoring clause as a criterion with its
  // class, and JF099 only for a piece that looks like scoring and that
  // neither read; plain description stays in the wording, noted in a comment.
  void note_reading(const TableRow& r, TableField f, const Reading& rd, std::optional<double> points) {
    const Cell& c = r.at(f);
    for (const Found& x : rd.found)
      comment(fmt::format("{}: {} → {}", where(r, f), table_quote(c.text.substr(x.begin, x.end - x.begin)), x.field));
    const std::vector<Criterion> criteria = read_criteria(c.text, to_string(f), points, *lexicon_);
    for (const Criterion& k : criteria)
      if (k.understood)
        comment(fmt::format("{}: {} → criterion {}{}{}, class {}", where(r, f), table_quote(k.text), to_string(k.kind),
                            k.amounts.empty() ? "" : " " + join_numbers(k.amounts), k.deducts ? " (loses points)" : "",
                            k.klass.empty() ? "none" : k.klass));
    for (auto [a, b] : rd.unread) {
      std::string piece = c.text.substr(a, b - a);
      const size_t pa = a, pb = b;
      bool read = std::any_of(criteria.begin(), criteria.end(),
                              [&](const Criterion& k) { return k.understood && k.begin < pb && k.end > pa; });
      if (read) continue;
      if (!looks_like_scoring(piece)) {
        comment(fmt::format("{}: {} → description, kept in the wording", where(r, f), table_quote(piece)));
        continue;
      }
      auto in = [&](Lang l) {
        return msg("parse.import.scoring_unread", {arg("where", table_.where(r, f, l)), arg("piece", piece)}).in(l);
      };
      out_.notes.push_back(unread_note(span_of(c)(a, b), Text{in(Lang::en), in(Lang::zh)},
                                       msg("parse.import.scoring_unread.help")));
      comment(fmt::format("{}: {} → not understood (JF099)", where(r, f), table_quote(piece)));
    }
  }

  void row(const TableRow& r) {
    switch (r.kind) {
      case RowKind::group: heading(r); return;
      case RowKind::total: total_row(r); return;
      case RowKind::note: comment(fmt::format("{}: note: {}", table_.where_row(r, Lang::en), r.heading)); return;
      case RowKind::item: break;
    }
    const Cell& name_cell = r.at(TableField::indicator);
    if (name_cell.text.empty()) {
      out_.notes.push_back(unread_note({file_, r.begin, std::max(r.end, r.begin)},
                                       Text{msg("parse.import.no_name", {arg("where", table_.where_row(r, Lang::en))}).in(Lang::en),
                                            msg("parse.import.no_name", {arg("where", table_.where_row(r, Lang::zh))}).in(Lang::zh)}));
      return;
    }
    Indicator ind;
    ind.span = cell_span(name_cell);
    ind.id = {ident(name_cell.text), ind.span};
    if (ind.id.text.empty()) ind.id.text = fmt::format("indicator_r{}", r.row);
    if (ind.id.text != name_cell.text) ind.display = name_cell.text;
    names_[name_cell.text] = ind.id.text;
    ind.group = group(r);
    std::vector<Name> os = owners(r);
    if (!os.empty()) ind.owner = os.front();
    ind.co_owners.assign(os.begin() + std::min<size_t>(1, os.size()), os.end());
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
      comment(fmt::format("{}: {} → key", where(r, TableField::indicator), table_quote(name_cell.text.substr(x.begin, x.end - x.begin))));
    std::string content;
    TableField target_from = TableField::content;
    if (const Cell& c = r.at(TableField::content); !c.text.empty()) {
      Reading k = read_key(c.text, ind, span_of(c));
      for (const Found& x : k.found) comment(fmt::format("{}: {} → key", where(r, TableField::content), table_quote(c.text.substr(x.begin, x.end - x.begin))));
      content = c.text;
      static const RE2 key_mark(std::string(vocabulary_text("table_import.key_mark")));
      RE2::GlobalReplace(&content, key_mark, "");
    }
    for (TableField f : {TableField::mode, TableField::standard}) {
      const Cell& c = r.at(f);
      if (!c.text.empty()) note_reading(r, f, read_standard(c.text, ind.points, ind, scoring, span_of(c)), ind.points);
    }
    // Many published tables have no 评分标准 column: the 考核内容 cell ends
    // with its own scoring (…少报一次扣2分，迟报一次扣1分). Read it as the
    // standard too, or its deductions would be lost.
    if (const Cell& c = r.at(TableField::content);
        r.at(TableField::mode).text.empty() && r.at(TableField::standard).text.empty() && looks_like_scoring(c.text))
      note_reading(r, TableField::content, read_standard(c.text, ind.points, ind, scoring, span_of(c)), ind.points);
    if (const Cell& c = r.at(TableField::method); !c.text.empty()) {
      std::vector<ProofRef> proofs;
      note_reading(r, TableField::method, read_method(c.text, ind, proofs, span_of(c)), ind.points);
      for (ProofRef& p : proofs) proofs_.push_back({out_.scheme.indicators.size(), std::move(p)});
    }
    // Many published tables state the reporting in 考核内容 (每周…排查…上报镇信访办,
    // 每周一为固定上报日) or 评分标准, not in 考核方式: read it there when 考核方式 did not.
    for (TableField f : {TableField::content, TableField::standard})
      if (const Cell& c = r.at(f); !ind.report && !c.text.empty())
        for (const Found& x : read_report_clauses(c.text, ind, span_of(c)).found)
          comment(fmt::format("{}: {} → {}", where(r, f), table_quote(c.text.substr(x.begin, x.end - x.begin)), x.field));
    if (!scoring) {
      if (!ind.deductions.empty()) {
        ind.score.mode = ScoreMode::deduction;
        comment(fmt::format("{}: only deductions → score deduction", table_.where_row(r, Lang::en)));
      } else {
        ind.score.mode = ScoreMode::threshold;
        const Cell& s = r.at(TableField::standard);
        if (content.empty() && !s.text.empty()) content = s.text, target_from = TableField::standard;  // stays as the target
        comment(fmt::format("{}: no scoring phrase → score threshold (review)", table_.where_row(r, Lang::en)));
      }
    }
    // Every mode has a target: a veto's or a ranked item's 考核内容 is what it is about.
    if (!content.empty()) {
      ind.score.target_text = content;
      comment(fmt::format("{}: \"{}\" → score target", where(r, target_from), content));
    }
    keep_wording(r, ind);
    out_.scheme.indicators.push_back(std::move(ind));
  }

  // The row's wording, verbatim, with where it came from: nothing a document says is lost.
  void keep_wording(const TableRow& r, Indicator& ind) {
    Wording& w = ind.wording;
    auto keep = [&](TableField f, std::string& into, Span& span) {
      const Cell& c = r.at(f);
      if (c.text.empty()) return;
      into += (into.empty() ? "" : "\n") + c.text;
      if (span.end == 0) span = cell_span(c);
    };
    keep(TableField::content, w.content, w.content_span);
    keep(TableField::mode, w.standard, w.standard_span);
    keep(TableField::standard, w.standard, w.standard_span);
    keep(TableField::method, w.method, w.method_span);
    if (w.empty()) return;
    // The row alone: the file is named in the header comment, and the same
    // table in another encoding or under another name imports the same.
    w.from = fmt::format("row {}", r.row);
    w.from_span = {file_, r.begin, std::max(r.end, r.begin)};
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
  size_t info_comments_end_ = 0;  // where scheme_defaults' lines go
  std::map<std::string, std::string> names_;  // name as written → indicator id
  std::vector<std::pair<size_t, ProofRef>> proofs_;
  struct Heading {
    std::string id;
    int level;
    uint32_t table;
  };
  std::vector<Heading> headings_;  // the headings above the current row, outermost first
  std::set<std::string> outer_;    // groups that hold groups
  std::shared_ptr<const Lexicon> lexicon_ = lexicon();
};

}  // namespace

ImportResult import_table(const SourceSet& sources, uint32_t file, const ImportOptions& options) {
  use_builtin_lexicon();  // the clause reader's words
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

bool is_table_path(const std::string& path) { return is_document_path(path); }

LoadResult load_table(const SourceSet& sources, uint32_t file, const Limits&) {
  const Document* doc = sources[file].document().get();
  ImportResult r = import_table(sources, file, doc ? doc->options : ImportOptions{});
  LoadResult out;
  out.scheme = std::move(r.scheme);
  out.scheme.file = file;
  out.ok = r.ok();
  out.diagnostics = std::move(r.errors);
  out.diagnostics.insert(out.diagnostics.end(), r.notes.begin(), r.notes.end());
  return out;
}

}  // namespace jf
