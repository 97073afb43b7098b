// jianfu: the command-line front end. A table of commands, each in its own file.
#include <fmt/format.h>

#include <csignal>
#include <map>

#include "cli/commands.hpp"

#ifndef JIANFU_VERSION
#define JIANFU_VERSION "dev"
#endif

int main(int argc, char** argv) {
  using namespace jf::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error, not a crash
  CLI::App app{"jianfu (减负): a linter and rule engine for assessment schemes"};
  app.require_subcommand(1);
  app.fallthrough();  // global options such as --lang also work after the command
  app.set_version_flag("--version", JIANFU_VERSION);
  Globals g;
  app.add_option("--lang", g.lang, "Language of messages: en or zh (default: from LANG, else en)")
      ->check(CLI::IsMember({"en", "zh"}));

  const std::pair<const char*, Setup> table[] = {
      {"check", setup_check},   {"convert", setup_convert}, {"rules", setup_rules},
      {"explain", setup_explain}, {"test", setup_test},
      {"score", setup_score}, {"burden", setup_burden}, {"diff", setup_diff},
      {"config", setup_config},
      {"import", setup_import},
      {"report", setup_report},
  };
  std::map<std::string, Action> actions;
  for (auto& [name, setup] : table) actions[name] = setup(app, g);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : kToolFailed;
  }
  try {
    for (auto* sub : app.get_subcommands()) return actions.at(sub->get_name())();
  } catch (const ToolError& e) {
    std::fflush(stdout);
    fmt::print(stderr, "jianfu: error: {}\n", e.what());
    return kToolFailed;
  } catch (const std::exception& e) {
    fmt::print(stderr, "jianfu: internal error: {}\n", e.what());
    return kToolFailed;
  }
  return kToolFailed;
}
