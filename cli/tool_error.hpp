// The "tool failed" channel: the errors that end a run with exit 2, the exit
// codes every command returns, and how a tool error is printed.
#pragma once
#include <stdexcept>
#include <string_view>

namespace jf::cli {

/// The tool could not do its job (bad flag, unreadable path, rule file that
/// does not compile): main prints the message and exits 2.
struct ToolError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Standard output is a pipe whose reader has gone (`jianfu check . | head`):
/// the run ends quietly with exit 2, as other command-line tools do.
struct OutputClosed : ToolError {
  OutputClosed() : ToolError("standard output closed") {}
};

enum Exit { kClean = 0, kFindings = 1, kToolFailed = 2 };

/// Prints `jianfu: error: MESSAGE` to stderr, the message escaped as every
/// terminal-bound text is (sanitize_lines): a path or value from an
/// untrusted file cannot send ESC/BEL/NUL or bidi overrides to a CI log.
void print_tool_error(std::string_view message) noexcept;

}  // namespace jf::cli
