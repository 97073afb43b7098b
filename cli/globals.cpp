#include "cli/globals.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace jf::cli {

Lang resolve_lang(const std::string& flag) {
  if (flag == "zh") return Lang::zh;
  if (flag == "en") return Lang::en;
  if (!flag.empty()) throw ToolError(msg("cli.arg.lang", {arg("value", flag)}));
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string_view(v).substr(0, 2) == "zh" ? Lang::zh : Lang::en;
  }
  return Lang::en;
}

CLI::Validator byte_count_validator() {
  return CLI::Validator(
      [](const std::string& s) -> std::string {
        constexpr std::string_view kMax = "1099511627776";
        bool digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
        std::string_view v(s);
        while (v.size() > 1 && v.front() == '0') v.remove_prefix(1);
        if (!digits || v.size() > kMax.size() || (v.size() == kMax.size() && v > kMax))
          return fmt::format("`{}` is not a number of bytes from 0 to {}", s, kMax);
        return {};
      },
      "BYTES");
}

bool use_color(FILE* stream) {
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;
  return ::isatty(::fileno(stream)) != 0;
}

}  // namespace jf::cli
