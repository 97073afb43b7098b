// The "tool failed" channel: the errors that end a run with exit 2, the exit
// codes every command returns, and how a tool error is printed.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "base/message.hpp"

namespace jf::cli {

/// The tool could not do its job (bad flag, unreadable path, rule file that
/// does not compile): main prints the message and exits 2.
struct ToolError : std::runtime_error {
  using std::runtime_error::runtime_error;
  /// A catalogue message, printed in the run's language (what() holds English).
  explicit ToolError(Message m) : std::runtime_error(m.in(Lang::en)), message(std::move(m)) {}
  /// The same, in `lang` whatever the run's: an error about a config file
  /// whose `lang:` chose the language (no --lang given).
  ToolError(Message m, Lang l) : ToolError(std::move(m)) { lang = l; }
  /// The error to print: the keyed message, else what() as it was written.
  Message as_message() const { return message.empty() ? Message(Text{what(), what()}) : message; }
  Message message;
  std::optional<Lang> lang;
};

/// Standard output is a pipe whose reader has gone (`jianfu check . | head`):
/// the run ends quietly with exit 2, as other command-line tools do.
struct OutputClosed : ToolError {
  OutputClosed() : ToolError(msg("cli.out.stdout_closed")) {}
};

enum Exit { kClean = 0, kFindings = 1, kToolFailed = 2 };

/// Prints `jianfu: error: MESSAGE` (in Chinese `jianfu：错误：`) to stderr,
/// the message escaped as every terminal-bound text is (sanitize_lines): a
/// path or value from an untrusted file cannot send ESC/BEL/NUL or bidi
/// overrides to a CI log.
void print_tool_error(std::string_view message, Lang lang = Lang::en) noexcept;
void print_tool_error(const Message& message, Lang lang) noexcept;
/// Prints a line of advice under such an error (`Run … --help …`), escaped the same way.
void print_tool_hint(const Message& hint, Lang lang) noexcept;

}  // namespace jf::cli
