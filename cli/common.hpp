// What every command uses, in one include: the exit codes and tool errors
// (tool_error), run-wide options (globals), reading input files
// (input_files), rule packs (rule_packs) and the file being written
// (output_file). Each part has its own header; include that one where only
// it is needed.
#pragma once
#include "cli/globals.hpp"
#include "cli/input_files.hpp"
#include "cli/output_file.hpp"
#include "cli/rule_packs.hpp"
#include "cli/tool_error.hpp"
