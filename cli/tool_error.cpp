#include "cli/tool_error.hpp"

#include <cstdio>
#include <string>

#include "base/display_width.hpp"

namespace jf::cli {

void print_tool_error(std::string_view message) noexcept {
  // Never throws: stderr may be a closed pipe (`jianfu … 2>&1 | head -3`), and
  // an exception while reporting an error would abort the process.
  try {
    const std::string safe = sanitize_lines(message);
    std::fflush(stdout);
    std::fprintf(stderr, "jianfu: error: %s\n", safe.c_str());
  } catch (...) {
  }
}

}  // namespace jf::cli
