#include "dsl/document.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/utf8.hpp"
#include "dsl/docx_reader.hpp"
#include "dsl/parse_text.hpp"
#include "dsl/xlsx_reader.hpp"

namespace jf {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

Text resave() { return parse_text("parse.table.resave"); }

Table failed(Text message) {
  Table t;
  t.header_names.assign(kTableFieldCount, "");
  t.column_letters.assign(kTableFieldCount, 0);
  t.problems.push_back({0, 0, 0, std::move(message), resave()});
  return t;
}

// Word and Excel files saved in the old binary formats (or a password-
// protected .docx/.xlsx, which Office wraps in the same container).
Text legacy_message(DocumentKind k, bool ole_in_ooxml) {
  if (ole_in_ooxml)
    return parse_text("parse.table.encrypted_or_renamed");
  if (k == DocumentKind::legacy_word) return parse_text("parse.table.legacy_word");
  return parse_text("parse.table.legacy_excel");
}

// Lays a Word or Excel grid out as text: paragraphs and rows one per line,
// cells separated by tabs (line breaks inside a cell become spaces, so each
// cell's bytes in the text are its own text byte for byte).
std::string lay_out_text(Grid& g) {
  std::string text;
  auto put = [&](std::string_view s, uint32_t& begin, uint32_t& end) {
    begin = static_cast<uint32_t>(text.size());
    for (char c : s) text += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
    end = static_cast<uint32_t>(text.size());
  };
  for (GridTable& t : g.tables) {
    for (GridParagraph& p : t.before) put(p.text, p.begin, p.end), text += '\n';
    for (GridRow& r : t.rows) {
      for (size_t c = 0; c < r.cells.size(); ++c) {
        if (c) text += '\t';
        put(r.cells[c].text, r.cells[c].begin, r.cells[c].end);
        r.cells[c].text_begin = r.cells[c].begin;
      }
      text += '\n';
    }
    for (GridParagraph& p : t.after) put(p.text, p.begin, p.end), text += '\n';
  }
  return text;
}

// A header cell's text as it names a column in every cell's place ("table
// 1, row 12, 评分标准"): at most 64 bytes, cut at a character. Every cell
// holds a copy, so a 200-column header of 60 KB cells over 2,400 empty rows
// took more than 4 GB before (issue 18).
std::string place_name(const std::string& header) {
  constexpr size_t kMaxPlaceName = 64;
  if (header.size() <= kMaxPlaceName) return header;
  return std::string(utf8::prefix(header, kMaxPlaceName)) + "…";
}

std::vector<Place> places_of(const Grid& g, const Table& table) {
  std::vector<Place> out;
  std::vector<std::string> names;  // per column: the header text (a continued table keeps the one before)
  for (const GridTable& t : g.tables) {
    const TableHeader* h = nullptr;
    for (const TableHeader& x : table.headers)
      if (x.index == t.index) h = &x;
    if (!h) names.clear();
    if (h && !h->continued) {
      names.clear();
      for (const GridRow& r : t.rows)
        if (r.row == h->row)
          for (const GridCell& c : r.cells) names.push_back(place_name(c.text));
    }
    // Places are named in both languages (messages/parse_table.yaml).
    const bool docx = g.kind == GridKind::docx;
    auto label = [&](Lang l) {
      return docx ? msg("parse.table.place.table", {arg("n", t.index)}).in(l)
                  : msg("parse.table.place.sheet", {arg("name", t.name)}).in(l);
    };
    const std::string label_en = label(Lang::en), label_zh = label(Lang::zh);
    auto label_of = [&](Lang l) -> const std::string& { return l == Lang::zh ? label_zh : label_en; };
    auto paragraph = [&](const char* key, size_t n, Lang l) {
      return msg(key, {arg("label", label_of(l)), arg("n", n)}).in(l);
    };
    for (size_t i = 0; i < t.before.size(); ++i)
      out.push_back({t.before[i].begin, t.before[i].end, 0, 0, paragraph("parse.table.place.before", i + 1, Lang::en),
                     paragraph("parse.table.place.before", i + 1, Lang::zh), "", "", t.before[i].end});
    for (const GridRow& r : t.rows)
      for (size_t c = 0; c < r.cells.size(); ++c) {
        std::string name = c < names.size() ? names[c] : std::string();
        std::replace(name.begin(), name.end(), '\n', ' ');
        // A cell: its column letters (xlsx) or number (docx), or its header's name.
        auto cell = [&](Lang l) {
          return g.kind == GridKind::xlsx ? fmt::format("{}{}", column_letters(static_cast<uint32_t>(c)), r.row)
                                          : msg("parse.table.place.column", {arg("n", c + 1)}).in(l);
        };
        auto row = [&](Lang l) { return msg("parse.table.place.row", {arg("label", label_of(l)), arg("row", r.row)}).in(l); };
        auto place = [&](Lang l) {
          if (docx)
            return msg("parse.table.place.docx_cell",
                       {arg("label", label_of(l)), arg("row", r.row), arg("cell", name.empty() ? cell(l) : name)})
                .in(l);
          return name.empty() ? msg("parse.table.place.xlsx_cell", {arg("label", label_of(l)), arg("row", r.row),
                                                                     arg("cell", cell(l))})
                                    .in(l)
                              : msg("parse.table.place.xlsx_named_cell", {arg("label", label_of(l)), arg("row", r.row),
                                                                           arg("name", name), arg("cell", cell(l))})
                                    .in(l);
        };
        Place p{r.cells[c].begin, r.cells[c].end, r.row, static_cast<uint32_t>(c + 1), place(Lang::en), place(Lang::zh),
                row(Lang::en), row(Lang::zh), r.cells.back().end};
        out.push_back(std::move(p));
      }
    for (size_t i = 0; i < t.after.size(); ++i)
      out.push_back({t.after[i].begin, t.after[i].end, 0, 0, paragraph("parse.table.place.after", i + 1, Lang::en),
                     paragraph("parse.table.place.after", i + 1, Lang::zh), "", "", t.after[i].end});
  }
  return out;
}

}  // namespace

DocumentKind document_kind(const std::string& path) {
  const std::string p = lower(path);
  auto ends = [&](std::string_view e) { return p.size() > e.size() && p.ends_with(e); };
  if (ends(".csv")) return DocumentKind::csv;
  if (ends(".tsv")) return DocumentKind::tsv;
  if (ends(".docx")) return DocumentKind::docx;
  if (ends(".xlsx")) return DocumentKind::xlsx;
  if (ends(".doc") || ends(".wps")) return DocumentKind::legacy_word;
  if (ends(".xls") || ends(".et")) return DocumentKind::legacy_excel;
  return DocumentKind::none;
}

std::unique_ptr<SourceFile> read_document(std::string path, std::string bytes, const DocumentOptions& given) {
  auto doc = std::make_shared<Document>();
  doc->options = given;
  const TableOptions& options = given.table;
  const DocumentKind kind = document_kind(path);
  const bool ole = bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
  if (kind == DocumentKind::legacy_word || kind == DocumentKind::legacy_excel ||
      (ole && (kind == DocumentKind::docx || kind == DocumentKind::xlsx))) {
    doc->kind = kind == DocumentKind::legacy_excel || kind == DocumentKind::xlsx ? GridKind::xlsx : GridKind::docx;
    doc->table = failed(legacy_message(kind, ole && (kind == DocumentKind::docx || kind == DocumentKind::xlsx)));
    return std::make_unique<SourceFile>(std::move(path), std::string(), std::move(doc), std::vector<Place>{}, true);
  }
  if (kind == DocumentKind::docx || kind == DocumentKind::xlsx) {
    Grid g = kind == DocumentKind::docx ? read_docx(bytes, options.limits) : read_xlsx(bytes, options.limits);
    doc->kind = g.kind;
    std::string text;
    std::vector<Place> places;
    if (g.ok()) {
      text = lay_out_text(g);
      doc->table = lay_out_table(g, options);
      places = places_of(g, doc->table);
    } else {
      doc->table = lay_out_table(g, options);  // the grid's problems
      for (TableProblem& p : doc->table.problems) {
        p.begin = p.end = 0;
        if (p.help.in(Lang::en).empty()) p.help = resave();
      }
    }
    return std::make_unique<SourceFile>(std::move(path), std::move(text), std::move(doc), std::move(places), true);
  }
  TableOptions o = options;
  if (kind == DocumentKind::tsv) o.tabs = true;
  std::string text;
  doc->kind = GridKind::csv;
  doc->table = read_table(bytes, o, &text);
  return std::make_unique<SourceFile>(std::move(path), std::move(text), std::move(doc), std::vector<Place>{}, false);
}

uint32_t add_scheme_source(SourceSet& sources, std::string path, std::string bytes, const DocumentOptions& options) {
  if (!is_document_path(path)) return sources.add(std::move(path), std::move(bytes));
  return sources.add(read_document(std::move(path), std::move(bytes), options));
}

void set_scheme_source(SourceSet& sources, uint32_t id, std::string path, std::string bytes,
                       const DocumentOptions& options) {
  if (!is_document_path(path)) return sources.set(id, std::move(path), std::move(bytes));
  sources.set(id, read_document(std::move(path), std::move(bytes), options));
}

}  // namespace jf
