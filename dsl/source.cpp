#include "dsl/source.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace jf {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  if (text_.size() >= 3 && static_cast<unsigned char>(text_[0]) == 0xEF &&
      static_cast<unsigned char>(text_[1]) == 0xBB && static_cast<unsigned char>(text_[2]) == 0xBF)
    bom_ = 3;
  line_starts_.push_back(0);
  // A lone CR, CRLF and LF each end a line.
  for (uint32_t i = 0; i < text_.size(); ++i) {
    char c = text_[i];
    if (c == '\n') {
      line_starts_.push_back(i + 1);
    } else if (c == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

std::optional<uint32_t> SourceFile::first_invalid_utf8() const {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text_.data());
  size_t n = text_.size(), i = 0;
  while (i < n) {
    if (p[i] < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(n - i), &cp);
    if (len < 0) return static_cast<uint32_t>(i);
    i += static_cast<size_t>(len);
  }
  return std::nullopt;
}

std::optional<uint32_t> SourceFile::first_control_byte() const {
  for (uint32_t i = 0; i < text_.size(); ++i) {
    auto c = static_cast<unsigned char>(text_[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
  }
  return std::nullopt;
}

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
  uint32_t n = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace jf
