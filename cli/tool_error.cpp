#include "cli/tool_error.hpp"

#include <cstdio>
#include <string>

#include "base/display_width.hpp"

namespace jf::cli {

void print_tool_error(std::string_view message, Lang lang) noexcept {
  // Never throws: stderr may be a closed pipe (`jianfu … 2>&1 | head -3`), and
  // an exception while reporting an error would abort the process.
  try {
    const std::string line = msg("cli.error", {arg("message", sanitize_lines(message))}).in(lang);
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", line.c_str());
  } catch (...) {
  }
}

void print_tool_error(const Message& message, Lang lang) noexcept {
  try {
    print_tool_error(message.in(lang), lang);
  } catch (...) {
  }
}

void print_tool_hint(const Message& hint, Lang lang) noexcept {
  try {
    std::fprintf(stderr, "%s\n", sanitize_lines(hint.in(lang)).c_str());
  } catch (...) {
  }
}

}  // namespace jf::cli
