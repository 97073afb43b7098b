#include "base/source.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace jf {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  if (text_.size() >= 3 && static_cast<unsigned char>(text_[0]) == 0xEF &&
      static_cast<unsigned char>(text_[1]) == 0xBB && static_cast<unsigned char>(text_[2]) == 0xBF)
    bom_ = 3;
  // One pass over the bytes: line starts, the first invalid UTF-8 sequence
  // and the first control byte (every scheme is read whole anyway).
  line_starts_.push_back(0);
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  const auto n = static_cast<uint32_t>(text_.size());
  for (uint32_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x7F) {  // printable ASCII: up to eight bytes a step (at least this one)
      i += i + 8 <= n ? static_cast<uint32_t>(utf8::printable_ascii_run8(p + i)) : 1;
      continue;
    }
    if (c >= 0x80) {
      if (size_t run = utf8::cjk_run(p + i, n - i)) {  // Chinese text, three bytes a step
        i += static_cast<uint32_t>(run);
        continue;
      }
      if (size_t len = utf8::valid_length(p + i, n - i)) {
        i += static_cast<uint32_t>(len);
        continue;
      }
      if (!invalid_utf8_) invalid_utf8_ = i;
    } else if (c == '\n') {  // a lone CR, CRLF and LF each end a line
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < n && p[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    } else if (c != '\t' && !control_byte_) {
      control_byte_ = i;
    }
    ++i;
  }
}

std::optional<uint32_t> SourceFile::first_invalid_utf8() const { return invalid_utf8_; }

std::optional<uint32_t> SourceFile::first_control_byte() const { return control_byte_; }

LineCol SourceFile::locate(uint32_t offset) const {
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t start = line_starts_[line - 1];
  if (line == 1 && start < bom_) start = bom_;
  if (offset < start) offset = start;
  return {line, 1 + count_code_points(std::string_view(text_).substr(start, offset - start))};
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t start = line_starts_[line - 1];
  if (line == 1) start = bom_;
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(start, end - start);
}

SourceFile::SourceFile(std::string path, std::string text, std::shared_ptr<const Document> doc,
                       std::vector<Place> places, bool placed)
    : SourceFile(std::move(path), std::move(text)) {
  doc_ = std::move(doc);
  places_ = std::move(places);
  placed_ = placed;
}

const Place* SourceFile::place(uint32_t offset) const {
  auto it = std::upper_bound(places_.begin(), places_.end(), offset,
                             [](uint32_t o, const Place& p) { return o < p.begin; });
  return it == places_.begin() ? nullptr : &*std::prev(it);
}

uint32_t SourceSet::add(std::unique_ptr<SourceFile> file) {
  files_.push_back(std::move(file));
  return static_cast<uint32_t>(files_.size() - 1);
}

uint32_t SourceSet::add(std::string path, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  return static_cast<uint32_t>(files_.size() - 1);
}

uint32_t SourceSet::reserve(uint32_t n) {
  auto first = static_cast<uint32_t>(files_.size());
  files_.resize(files_.size() + n);
  return first;
}

void SourceSet::set(uint32_t id, std::string path, std::string text) {
  files_[id] = std::make_unique<SourceFile>(std::move(path), std::move(text));
}

uint32_t count_code_points(std::string_view text) {
  return static_cast<uint32_t>(utf8::count_chars(text));
}

}  // namespace jf
