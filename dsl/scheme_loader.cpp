#include "dsl/scheme_loader.hpp"

#include <fmt/format.h>

#include "dsl/syntax_hints.hpp"
#include "dsl/table_import.hpp"

namespace jf {

Diagnostic syntax_error(Span span, Text message, Text help) {
  return {.rule = "JF001", .name = "syntax", .category = "structure", .severity = Severity::error,
          .span = span, .message = std::move(message), .help = std::move(help)};
}

static bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Every element a check or rule may walk: the limit max_elements applies to it.
static size_t element_count(const Scheme& s) {
  size_t n = s.info.units.size() + s.departments.size() + s.groups.size() + s.inspections.size() +
             s.overall_penalties.size();
  for (const Indicator& i : s.indicators)
    n += 1 + i.evidence.size() + i.deductions.size() + i.penalties.size() + i.proves.size();
  return n;
}

LoadResult load_scheme(const SourceSet& sources, uint32_t file, const Limits& limits) {
  const SourceFile& src = sources[file];
  LoadResult out;
  out.scheme.file = file;
  auto fail = [&](uint32_t at, Text msg, Text help = {}) {
    out.diagnostics.push_back(syntax_error({file, at, at + 1 > src.text().size() ? at : at + 1},
                                           std::move(msg), std::move(help)));
    out.ok = false;
    return out;
  };
  if (src.text().size() > limits.max_file_bytes)
    return fail(0,
                // The reader stops one byte past the limit, so the size on
                // disk is not known here: name the limit only.
                {fmt::format("file size is above the limit of {} bytes", limits.max_file_bytes),
                 fmt::format("文件大小超过上限 {} 字节", limits.max_file_bytes)},
                {"split the scheme, or raise the limit with --max-file-size",
                 "拆分方案文件，或用 --max-file-size 提高上限"});
  if (is_table_path(src.path())) return load_table(sources, file, limits);  // CSV/TSV: own encodings
  if (auto bad = src.first_invalid_utf8())
    return fail(*bad,
                {fmt::format("invalid UTF-8 at byte {}", *bad),
                 fmt::format("第 {} 字节处不是有效的 UTF-8 编码", *bad)},
                {"save the file as UTF-8 (GB18030/GBK files must be converted first)",
                 "请将文件另存为 UTF-8 编码（GB18030/GBK 文件需先转换）"});
  if (auto bad = src.first_control_byte())
    return fail(*bad,
                {fmt::format("control character 0x{:02X} at byte {}",
                             static_cast<unsigned char>(src.text()[*bad]), *bad),
                 fmt::format("第 {} 字节处有控制字符 0x{:02X}", *bad,
                             static_cast<unsigned char>(src.text()[*bad]))},
                {"remove NUL and other control characters; only tab, LF and CR are allowed",
                 "删除 NUL 等控制字符；只允许制表符、换行和回车"});
  const std::string& path = src.path();
  const bool yaml = ends_with(path, ".yaml") || ends_with(path, ".yml");
  out = yaml ? load_yaml(sources, file, limits) : parse_assess(sources, file, limits);
  add_syntax_hints(src, file, yaml, out.diagnostics);
  // Checks and rules are linear or worse in the number of elements; a file
  // within the size limit can still hold a million tiny ones.
  if (size_t n = element_count(out.scheme); n > limits.max_elements) {
    out.diagnostics.clear();
    out.scheme = Scheme{};
    out.scheme.file = file;
    return fail(0,
                {fmt::format("the scheme has {} elements (units, departments, groups, indicators and "
                             "their items), above the limit of {}",
                             n, limits.max_elements),
                 fmt::format("方案共有 {} 个元素（乡镇、部门、分组、指标及其条目），超过上限 {}", n,
                             limits.max_elements)},
                {"split the scheme into several files", "将方案拆分为多个文件"});
  }
  return out;
}

}  // namespace jf
