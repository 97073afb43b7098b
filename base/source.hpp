// Source files: owns the bytes, skips a BOM, validates UTF-8 and indexes lines.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"

namespace jf {

/// 1-based line and column; `column` counts Unicode code points, as the output
/// contract requires.
struct LineCol {
  uint32_t line = 1;
  uint32_t column = 1;
};

struct Document;  // dsl/document.hpp: a table read from .docx/.xlsx/.csv/.tsv

/// Where bytes [begin, end) of a document's text come from, in words a person
/// can use: "table 1, row 12, 评分标准". A .docx or .xlsx has no lines a user
/// could open, so findings on it are placed by these instead.
struct Place {
  uint32_t begin = 0, end = 0;
  uint32_t row = 0, column = 0;  // as published: table/sheet row, 1-based column
  std::string en, zh;            // "table 1, row 12, 评分标准" / "表 1 第 12 行 评分标准"
  std::string row_en, row_zh;    // the whole row: "table 1, row 12" / "表 1 第 12 行"
  uint32_t row_end = 0;          // end of the row's text (a span past `end` is about the row)
};

/// One file's text. `text` is the whole file as read (BOM included, so byte
/// offsets match the file on disk); `body()` is the text after the BOM.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);
  /// A document: `text` is the UTF-8 text its cells were laid out into;
  /// `placed`: findings name places (a .docx/.xlsx) rather than lines (a CSV).
  SourceFile(std::string path, std::string text, std::shared_ptr<const Document> doc, std::vector<Place> places,
             bool placed);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  /// Bytes of a leading UTF-8 BOM (0 or 3).
  uint32_t bom_size() const { return bom_; }
  std::string_view body() const { return std::string_view(text_).substr(bom_); }

  /// Offset of the first invalid UTF-8 byte, or nullopt when the text is valid.
  std::optional<uint32_t> first_invalid_utf8() const;
  /// Offset of the first NUL or C0 control byte other than tab, LF and CR.
  std::optional<uint32_t> first_control_byte() const;

  LineCol locate(uint32_t offset) const;
  /// The text of line `line` (1-based) without its line terminator.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

  /// The document read from the file, or null for a plain text file.
  const std::shared_ptr<const Document>& document() const { return doc_; }
  /// Whether findings are placed by `place` rather than line and column.
  bool placed() const { return placed_; }
  /// The place holding `offset` (the nearest before it), or null.
  const Place* place(uint32_t offset) const;

 private:
  std::string path_;
  std::string text_;
  uint32_t bom_ = 0;
  std::vector<uint32_t> line_starts_;  // byte offset of each line's first byte
  std::optional<uint32_t> invalid_utf8_, control_byte_;  // found while indexing lines
  std::shared_ptr<const Document> doc_;
  std::vector<Place> places_;  // sorted by begin
  bool placed_ = false;
};

/// All files of a run; a Span's `file` indexes into it.
///
/// `check` streams: it reserves one id per scheme up front, lets worker
/// threads fill them (`set`, each id by one thread) and frees each file's text
/// once its findings are rendered (`release`). `add` and `reserve` must not
/// run while other threads use the set.
class SourceSet {
 public:
  /// Adds a file and returns its id.
  uint32_t add(std::string path, std::string text);
  /// Adds a file already made (a document: dsl/document.hpp).
  uint32_t add(std::unique_ptr<SourceFile> file);
  /// Reserves `n` empty ids and returns the first.
  uint32_t reserve(uint32_t n);
  /// Fills a reserved id.
  void set(uint32_t id, std::string path, std::string text);
  void set(uint32_t id, std::unique_ptr<SourceFile> file) { files_[id] = std::move(file); }
  /// Frees a file; its id must not be used again.
  void release(uint32_t id) { files_[id].reset(); }
  const SourceFile& operator[](uint32_t id) const { return *files_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(files_.size()); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;  // stable addresses
};

/// Number of code points in UTF-8 text (invalid bytes count one each).
uint32_t count_code_points(std::string_view text);

}  // namespace jf
