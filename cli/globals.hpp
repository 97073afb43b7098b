// Run-wide options: the language, limits, colour, and the validators of
// flags several commands share.
#pragma once
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "base/limits.hpp"
#include "base/text.hpp"
#include "cli/tool_error.hpp"

namespace jf::cli {

/// Options every command accepts.
struct Globals {
  std::string lang;  // "", "en" or "zh"
  Limits limits;
};

/// --lang if given, else zh when LANG/LC_ALL/LC_MESSAGES starts with "zh", else en.
Lang resolve_lang(const std::string& flag);

/// For --max-file-size: digits only, at most 2^40 (1 TiB). "-1" would wrap
/// to a limit of 0 bytes (every file read as empty), "1e3" to 1.
CLI::Validator byte_count_validator();

/// True when colour should be used on this stream (a terminal, NO_COLOR unset).
bool use_color(FILE* stream);

}  // namespace jf::cli
