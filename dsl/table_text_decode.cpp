#include "dsl/table_text_decode.hpp"

#include "dsl/parse_text.hpp"

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

GridProblem problem_at(size_t at, const Message& m, uint32_t row) {
  return {row, static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1), parse_text(m)};
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
    d.problem = problem_at(0, msg("parse.table.text.no_iconv", {arg("encoding", from)}), 0);
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
      d.problem = problem_at(i, msg("parse.table.text.unknown_encoding", {arg("at", i), arg("row", row)}), row);
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
    d.problem = problem_at(at, msg("parse.table.text.bad_utf16", {arg("at", at)}), 0);
    return;
  }
  d.text.resize(d.text.size() - out_left);
}

}  // namespace

DecodedText decode_table_text(std::string_view bytes, TableEncoding want) {
  DecodedText d;
  if (bytes.substr(0, 2) == "\xFE\xFF") {
    d.problem = problem_at(0, msg("parse.table.text.utf16_be"), 1);
    return d;
  }
  if (want == TableEncoding::utf16le || (want == TableEncoding::detect && bytes.substr(0, 2) == "\xFF\xFE")) {
    if (bytes.substr(0, 2) != "\xFF\xFE") {
      d.problem = problem_at(0, msg("parse.table.text.utf16_no_bom"), 1);
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
    d.problem = problem_at(at, msg("parse.table.text.bad_utf8", {arg("at", at), arg("row", row)}), row);
    return d;
  }
  d.bom = src.bom_size() > 0;
  d.text = std::string(bytes);
  return d;
}

}  // namespace jf
