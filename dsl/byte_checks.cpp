#include "dsl/byte_checks.hpp"

#include <fmt/format.h>

namespace jf {

std::optional<ByteProblem> first_byte_problem(const SourceFile& src) {
  if (auto bad = src.first_invalid_utf8())
    return ByteProblem{*bad,
                       {fmt::format("invalid UTF-8 at byte {}", *bad),
                        fmt::format("第 {} 字节处不是有效的 UTF-8 编码", *bad)},
                       {"save the file as UTF-8 (GB18030/GBK files must be converted first)",
                        "请将文件另存为 UTF-8 编码（GB18030/GBK 文件需先转换）"}};
  if (auto bad = src.first_control_byte()) {
    auto c = static_cast<unsigned char>(src.text()[*bad]);
    return ByteProblem{*bad,
                       {fmt::format("control character 0x{:02X} at byte {}", c, *bad),
                        fmt::format("第 {} 字节处有控制字符 0x{:02X}", *bad, c)},
                       {"remove NUL and other control characters; only tab, LF and CR are allowed",
                        "删除 NUL 等控制字符；只允许制表符、换行和回车"}};
  }
  return std::nullopt;
}

}  // namespace jf
