// What man pages and shell completions say about the command line, read from
// the CLI11 app itself so they can never drift from `--help`.
#pragma once
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace jf::cli {

struct OptionDoc {
  std::vector<std::string> shorts;  // "o" for -o
  std::vector<std::string> longs;   // "output" for --output
  std::string positional;           // name of a positional argument, else empty
  std::string type;                 // "TEXT", "UINT"; empty for a flag
  std::vector<std::string> choices; // fixed values (CLI::IsMember), else empty
  std::string description;
  bool required = false;
  bool repeats = false;             // takes several values
  bool flag() const { return type.empty(); }
};

struct CommandDoc {
  std::string name;  // "check"; empty for the program itself
  std::string description;
  std::vector<OptionDoc> options;  // without --help / --version
};

/// The program: its own options (global ones such as --lang) and every
/// visible subcommand, in the order they were registered. Hidden commands
/// (empty group) are left out.
struct ProgramDoc {
  std::string program;  // "jianfu"
  std::string version;
  CommandDoc root;
  std::vector<CommandDoc> commands;
  const CommandDoc* find(const std::string& name) const;
};

ProgramDoc describe_program(const CLI::App& app, std::string program, std::string version);

}  // namespace jf::cli
