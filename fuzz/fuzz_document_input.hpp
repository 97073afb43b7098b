// How fuzz_document reads its input, shared with the replay of its
// regressions in the normal build (tests/fuzz_regressions_test.cpp). Byte 0:
// bit 0 Excel, else Word; bit 1 the rest is a whole archive, else it is the
// main XML part, packed here into an archive (stored, so the compression
// ratio bound does not refuse it): for Excel the sheet, then after a NUL
// byte the shared strings, under a fixed one-sheet workbook.
#pragma once
#include <zip.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jf::fuzz {

/// An archive holding `parts` (name, bytes), stored, built in memory by libzip.
inline std::string zip_archive(const std::vector<std::pair<std::string, std::string_view>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) __builtin_trap();
  zip_source_keep(buffer);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!z) __builtin_trap();
  for (const auto& [name, bytes] : parts) {
    zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    zip_int64_t at = s ? zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
    if (at < 0 || zip_set_file_compression(z, static_cast<zip_uint64_t>(at), ZIP_CM_STORE, 0) != 0) __builtin_trap();
  }
  if (zip_close(z) != 0) __builtin_trap();
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0) __builtin_trap();
  std::string out(st.size, '\0');
  if (zip_source_read(buffer, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) __builtin_trap();
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

struct DocumentInput {
  std::string path;   // fuzz.docx or fuzz.xlsx
  std::string bytes;  // the archive
  bool whole = false;
};

inline DocumentInput document_input(const uint8_t* data, size_t size) {
  constexpr std::string_view kWorkbook =
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
      R"(<sheet name="考核细则" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  constexpr std::string_view kWorkbookRels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" )"
      R"(Target="worksheets/sheet1.xml"/></Relationships>)";
  DocumentInput in;
  if (size == 0) return in;
  const bool excel = data[0] & 1;
  in.whole = data[0] & 2;
  in.path = excel ? "fuzz.xlsx" : "fuzz.docx";
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  if (in.whole) {
    in.bytes = std::string(rest);
  } else if (!excel) {
    in.bytes = zip_archive({{"word/document.xml", rest}});
  } else {
    size_t nul = rest.find('\0');
    std::vector<std::pair<std::string, std::string_view>> parts{{"xl/workbook.xml", kWorkbook},
                                                                {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                                                {"xl/worksheets/sheet1.xml", rest.substr(0, nul)}};
    if (nul != std::string_view::npos) parts.push_back({"xl/sharedStrings.xml", rest.substr(nul + 1)});
    in.bytes = zip_archive(parts);
  }
  return in;
}

}  // namespace jf::fuzz
