// Format choice: a command's --format flag from its format registry
// (render/output_format.hpp), and the row the user chose.
#pragma once
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <string>

#include "cli/tool_error.hpp"
#include "render/output_format.hpp"

namespace jf::cli {

/// Adds `--format` to `cmd`: its help lists the registry's names, CLI11
/// refuses any other value, and the first row is the default.
template <class Make>
CLI::Option* add_format_option(CLI::App* cmd, std::string& format, FormatList<Make> formats) {
  format = std::string(formats.front().name);
  return cmd->add_option("--format", format, format_help(formats))->check(CLI::IsMember(format_names(formats)));
}

/// The row named `name`; a name CLI11 let through that is not a row (a
/// config or caller mistake) is a tool error, never a null factory.
template <class Make>
const OutputFormat<Make>& chosen_format(FormatList<Make> formats, const std::string& name) {
  if (const OutputFormat<Make>* f = find_format(formats, name)) return *f;
  throw ToolError(msg("cli.arg.format", {arg("value", name), arg("formats", fmt::format("{}", fmt::join(format_names(formats), ", ")))}));
}

}  // namespace jf::cli
