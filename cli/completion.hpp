// Shell completion scripts (bash, zsh, fish) from the command-line model.
#pragma once
#include <string>

#include "cli/cli_model.hpp"

namespace jf::cli {

/// The script for `shell` ("bash", "zsh" or "fish"); empty for another name.
std::string completion_script(const ProgramDoc& prog, const std::string& shell);

}  // namespace jf::cli
