// Man pages (roff, man(7) macros) from the command-line model.
#pragma once
#include <string>

#include "cli/cli_model.hpp"

namespace jf::cli {

/// jianfu(1) for `command` empty, else jianfu-COMMAND(1). Non-ASCII text is
/// written as \[uXXXX] escapes, so the page needs no input encoding.
std::string man_page(const ProgramDoc& prog, const CommandDoc& command);

}  // namespace jf::cli
