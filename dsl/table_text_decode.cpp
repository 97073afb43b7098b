#include "dsl/table_text_decode.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <memory>

#include "base/source.hpp"

namespace jf {
namespace {

uint32_t row_of(std::string_view bytes, size_t at) {
  uint32_t row = 1;
  for (size_t i = 0; i < at && i < bytes.size(); ++i) row += bytes[i] == '\n';
  return row;
}

GridProblem problem_at(size_t at, std::string en, std::string zh, uint32_t row) {
  return {row, static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1), {std::move(en), std::move(zh)}};
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

using Iconv = std::unique_ptr<void, int (*)(iconv_t)>;

std::optional<Iconv> open_iconv(const char* from, DecodedText& d) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    d.problem = problem_at(0, fmt::format("this system cannot convert {} (iconv)", from),
                           fmt::format("本系统无法转换 {}（iconv）", from), 0);
    return std::nullopt;
  }
  return Iconv(cd, iconv_close);
}

// One character at a time, so a bad byte is reported where it is.
void decode_gb18030(std::string_view bytes, DecodedText& d) {
  d.encoding = TableEncoding::gb18030;
  auto cd = open_iconv("GB18030", d);
  if (!cd) return;
  d.text.reserve(bytes.size() * 3 / 2);
  for (size_t i = 0; i < bytes.size();) {
    size_t n = gb_length(bytes, i);
    char out[16];
    char* in_p = const_cast<char*>(bytes.data() + i);
    size_t in_left = n, out_left = sizeof out;
    char* out_p = out;
    if (n == 0 || iconv(cd->get(), &in_p, &in_left, &out_p, &out_left) == static_cast<size_t>(-1) || in_left != 0) {
      uint32_t row = row_of(bytes, i);
      d.problem = problem_at(i, fmt::format("byte {} (row {}) is neither UTF-8 nor GB18030: unknown encoding", i, row),
                             fmt::format("第 {} 字节（第 {} 行）既不是 UTF-8 也不是 GB18030：无法识别的编码", i, row),
                             row);
      return;
    }
    d.text.append(out, out_p);
    i += n;
  }
}

void decode_utf16le(std::string_view bytes, DecodedText& d) {
  d.encoding = TableEncoding::utf16le;
  d.bom = true;
  auto cd = open_iconv("UTF-16LE", d);
  if (!cd) return;
  std::string_view body = bytes.substr(2);
  d.text.assign(body.size() * 2 + 16, '\0');
  char* in_p = const_cast<char*>(body.data());
  char* out_p = d.text.data();
  size_t in_left = body.size(), out_left = d.text.size();
  if (iconv(cd->get(), &in_p, &in_left, &out_p, &out_left) == static_cast<size_t>(-1) || in_left != 0) {
    size_t at = 2 + (body.size() - in_left);
    d.text.clear();
    d.problem = problem_at(at, fmt::format("byte {}: invalid UTF-16 (a cut or unpaired character)", at),
                           fmt::format("第 {} 字节：不是有效的 UTF-16（字符不完整或代理项不成对）", at), 0);
    return;
  }
  d.text.resize(d.text.size() - out_left);
}

}  // namespace

DecodedText decode_table_text(std::string_view bytes, TableEncoding want) {
  DecodedText d;
  if (bytes.substr(0, 2) == "\xFE\xFF") {
    d.problem = problem_at(0, "the file is UTF-16 big-endian; save it as CSV UTF-8 (or Unicode text)",
                           "文件是 UTF-16 大端编码；请另存为 CSV UTF-8（或 Unicode 文本）", 1);
    return d;
  }
  if (want == TableEncoding::utf16le || (want == TableEncoding::detect && bytes.substr(0, 2) == "\xFF\xFE")) {
    if (bytes.substr(0, 2) != "\xFF\xFE") {
      d.problem = problem_at(0, "UTF-16 text must start with its byte order mark (FF FE)",
                             "UTF-16 文本须以字节顺序标记（FF FE）开头", 1);
      return d;
    }
    decode_utf16le(bytes, d);
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
    uint32_t row = row_of(bytes, at);
    d.problem = problem_at(at, fmt::format("invalid UTF-8 at byte {} (row {}); try --encoding gb18030", at, row),
                           fmt::format("第 {} 字节（第 {} 行）不是有效的 UTF-8；可试 --encoding gb18030", at, row), row);
    return d;
  }
  d.bom = src.bom_size() > 0;
  d.text = std::string(bytes);
  return d;
}

}  // namespace jf
