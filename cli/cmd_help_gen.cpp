// `jianfu help-gen man [COMMAND]` / `jianfu help-gen completion SHELL`: the
// build writes the installed man pages and shell completions with this hidden
// command, so they describe exactly the options `--help` shows.
#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/man_page.hpp"
#include "cli/output_file.hpp"

#ifndef JIANFU_VERSION
#define JIANFU_VERSION "dev"
#endif

namespace jf::cli {

Action setup_help_gen(CLI::App& app, Globals&) {
  CLI::App* cmd = app.add_subcommand("help-gen", "Write a man page or a shell completion script (for the build)");
  cmd->group("");  // hidden from `jianfu --help`: users read the results, not this
  cmd->require_subcommand(1);
  auto command = std::make_shared<std::string>();
  auto shell = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  CLI::App* man = cmd->add_subcommand("man", "Print jianfu(1), or jianfu-COMMAND(1) for a command");
  man->add_option("command", *command, "A command; none for the overview page");
  man->add_option("--dir", *dir, "Write every page (jianfu.1, jianfu-COMMAND.1) into DIR");
  CLI::App* comp = cmd->add_subcommand("completion", "Print the completion script for a shell");
  comp->add_option("shell", *shell, "The shell")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  comp->add_option("-o,--output", *output, "Write the script to FILE instead of stdout");

  return [&app, man, command, shell, dir, output] {
    ProgramDoc prog = describe_program(app, "jianfu", JIANFU_VERSION);
    if (man->parsed() && !dir->empty()) {
      std::error_code ec;
      std::filesystem::create_directories(*dir, ec);
      if (ec) throw ToolError(fmt::format("{}: {}", *dir, ec.message()));
      write_output(*dir + "/" + prog.program + ".1", man_page(prog, prog.root));
      for (auto& c : prog.commands) write_output(*dir + "/" + prog.program + "-" + c.name + ".1", man_page(prog, c));
    } else if (man->parsed()) {
      const CommandDoc* c = prog.find(*command);
      if (!c) throw ToolError(fmt::format("help-gen man: no command '{}'", *command));
      fmt::print("{}", man_page(prog, *c));
    } else {
      write_output(*output, completion_script(prog, *shell));
    }
    return static_cast<int>(kClean);
  };
}

}  // namespace jf::cli
