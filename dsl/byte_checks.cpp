#include "dsl/byte_checks.hpp"

#include <fmt/format.h>

namespace jf {

std::optional<ByteProblem> first_byte_problem(const SourceFile& src) {
  if (auto bad = src.first_invalid_utf8())
    return ByteProblem{*bad, msg("parse.input.invalid_utf8", {arg("at", *bad)}),
                       msg("parse.input.invalid_utf8.help")};
  if (auto bad = src.first_control_byte()) {
    auto c = static_cast<unsigned char>(src.text()[*bad]);
    return ByteProblem{*bad,
                       msg("parse.input.control_byte", {arg("byte", fmt::format("0x{:02X}", c)), arg("at", *bad)}),
                       msg("parse.input.control_byte.help")};
  }
  return std::nullopt;
}

}  // namespace jf
