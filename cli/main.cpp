// jianfu: the command-line front end. A table of commands, each in its own file.
#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <map>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/parse_errors.hpp"
#include "dsl/lexicon_reader.hpp"

#ifndef JIANFU_VERSION
#define JIANFU_VERSION "dev"
#endif

namespace {

// The language of a failed run's last word: --lang, else LANG; never throws.
jf::Lang error_lang(const jf::cli::Globals& g) noexcept {
  try {
    return jf::cli::resolve_lang(g.lang);
  } catch (...) {
    return jf::Lang::en;
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jf::cli;
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error, not a crash
  jf::use_builtin_lexicon();      // read on first use, by import, facts and rules alike
  CLI::App app{std::string(jf::catalogue_text("cli.about", jf::Lang::en))};
  app.require_subcommand(1);
  app.fallthrough();  // global options such as --lang also work after the command
  app.set_version_flag("--version", JIANFU_VERSION);
  Globals g;
  app.add_option("--lang", g.lang, "Language of messages: en or zh (default: from LANG, else en)")
      ->check(CLI::IsMember({"en", "zh"}));

  const std::pair<const char*, Setup> table[] = {
      {"check", setup_check},   {"convert", setup_convert}, {"fmt", setup_fmt}, {"rules", setup_rules},
      {"explain", setup_explain}, {"test", setup_test},
      {"score", setup_score}, {"burden", setup_burden}, {"diff", setup_diff},
      {"config", setup_config},
      {"import", setup_import},
      {"report", setup_report},
      {"lsp", setup_lsp},
      {"schema", setup_schema},
      {"help-gen", setup_help_gen},  // hidden: man pages and completions for the build
  };
  std::map<std::string, Action> actions;
  for (auto& [name, setup] : table) actions[name] = setup(app, g);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // --lang may not have been read yet: the line is scanned for it.
    const jf::Lang lang = lang_from_argv(argc, argv);
    print_tool_error(parse_error_message(e, app, argc, argv), lang);
    print_tool_hint(parse_error_hint(app), lang);
    return kToolFailed;
  }
  try {
    for (auto* sub : app.get_subcommands()) {
      int code = actions.at(sub->get_name())();
      // A closed or full stdout (`jianfu rules >&-`) is the output failing,
      // not success, even where the command printed without checking.
      if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        if (errno != EPIPE) print_tool_error(jf::msg("cli.out.output_failed"), error_lang(g));
        return kToolFailed;
      }
      return code;
    }
  } catch (const OutputClosed&) {  // the reader of a pipe has gone: nothing to say
    return kToolFailed;
  } catch (const ToolError& e) {
    print_tool_error(e.as_message(), e.lang ? *e.lang : error_lang(g));
    return kToolFailed;
  } catch (const std::system_error& e) {  // fmt::print onto a closed stdout or stderr
    if (e.code() != std::errc::broken_pipe) print_tool_error(jf::msg("cli.out.output_failed"), error_lang(g));
    return kToolFailed;
  } catch (const std::exception& e) {
    print_tool_error(jf::msg("cli.internal_error", {jf::arg("what", e.what())}), error_lang(g));
    return kToolFailed;
  }
  return kToolFailed;
}
