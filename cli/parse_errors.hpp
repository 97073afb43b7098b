// The flag parser's complaints in the run's language. CLI11 words its
// errors in English inside the library; the forms CLI11 2.1 uses for what a
// user gets wrong (no command or a misspelt one, a missing argument, an
// unknown option, a value outside its set, two exclusive flags, a repeated
// flag) are read back into their parts and said with catalogue keys
// (messages/cli_parse.yaml). Anything else keeps CLI11's text.
#pragma once
#include <CLI/CLI.hpp>

#include "base/message.hpp"

namespace jf::cli {

/// `e`, thrown by `app.parse(argc, argv)`, as a catalogue message.
Message parse_error_message(const CLI::ParseError& e, const CLI::App& app, int argc, char** argv);

/// The hint printed under it: `jianfu check --help` when a command was
/// read, else `jianfu --help`.
Message parse_error_hint(const CLI::App& app);

/// The language asked for on the command line before it was parsed
/// (`--lang zh`, `--lang=zh`, as the last one given), else the
/// environment's (cli/globals.hpp resolve_lang).
Lang lang_from_argv(int argc, char** argv);

}  // namespace jf::cli
