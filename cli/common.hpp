// What every command shares: language, reading files safely, finding
// schemes, loading rule packs, and the "tool failed" channel (exit 2).
#pragma once
#include <CLI/CLI.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/output_file.hpp"
#include "base/limits.hpp"
#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "engine/rule_set.hpp"

namespace jf::cli {

/// The tool could not do its job (bad flag, unreadable path, rule file that
/// does not compile): main prints the message and exits 2.
struct ToolError : std::runtime_error {
  using std::runtime_error::runtime_error;
  /// A catalogue message, printed in the run's language (what() holds English).
  explicit ToolError(Message m) : std::runtime_error(m.in(Lang::en)), message(std::move(m)) {}
  /// The message in `lang`: the keyed one, else what() as it was written.
  std::string in(Lang lang) const { return message.empty() ? std::string(what()) : message.in(lang); }
  Message message;
};

/// Standard output is a pipe whose reader has gone (`jianfu check . | head`):
/// the run ends quietly with exit 2, as other command-line tools do.
struct OutputClosed : ToolError {
  OutputClosed() : ToolError("standard output closed") {}
};

enum Exit { kClean = 0, kFindings = 1, kToolFailed = 2 };

/// Options every command accepts.
struct Globals {
  std::string lang;  // "", "en" or "zh"
  Limits limits;
};

/// --lang if given, else zh when LANG/LC_ALL/LC_MESSAGES starts with "zh", else en.
Lang resolve_lang(const std::string& flag);

/// Why a system call failed, for messages: ENOENT, EACCES, ELOOP,
/// ENAMETOOLONG, ENOSPC... each named in words, never all "no such file".
std::string errno_reason(int err);

/// Throws ToolError (with the reason read_source_file would give) unless
/// `path` is a regular file this process may read.
void check_readable(const std::string& path);

/// Reads a regular file (never a directory, FIFO or device) of at most
/// `max_bytes` + 1 bytes, so an oversized file is reported, not loaded.
/// Throws ToolError with the path and reason. Every file read is recorded
/// as an input of the run (run_files.hpp): no output may replace it.
std::string read_source_file(const std::string& path, size_t max_bytes);

/// Standard input (`check -`, `fmt -`), read up to one byte past `max_bytes`
/// so an oversized input is reported, not loaded. Throws ToolError on a read error.
std::string read_stdin(size_t max_bytes);

/// Expands files and directories into scheme files, sorted and without
/// duplicates: named files as given (with `skip_non_schemes`, named YAML
/// files without a top-level `scheme` key are skipped, as pre-commit passes
/// every changed file); in directories (recursively, symlinked directories
/// not followed) `.assess` files and YAML files whose top level has a
/// `scheme` key. Problems (missing path, unreadable directory) are appended
/// to `errors`.
std::vector<std::string> collect_schemes(const std::vector<std::string>& paths,
                                         std::vector<std::string>& errors, bool skip_non_schemes = false);

/// `.rules` files under the given files/directories, sorted.
std::vector<std::string> collect_rule_files(const std::vector<std::string>& paths);

/// The built-in pack plus the user packs at `extra` (files or directories).
/// Compile errors are printed and raise ToolError.
RuleSet load_rules(SourceSet& sources, const std::vector<std::string>& extra, bool with_builtin,
                   const Globals& g);

/// Prints compile errors of rule files (text renderer) to stderr.
void print_errors(const std::vector<Diagnostic>& errors, const SourceSet& sources, Lang lang);

/// Prints `jianfu: error: MESSAGE` (in Chinese `jianfu：错误：`) to stderr, the message escaped as every
/// terminal-bound text is (sanitize_lines): a path or value from an
/// untrusted file cannot send ESC/BEL/NUL or bidi overrides to a CI log.
void print_tool_error(std::string_view message, Lang lang = Lang::en) noexcept;

/// For --max-file-size: digits only, at most 2^40 (1 TiB). "-1" would wrap
/// to a limit of 0 bytes (every file read as empty), "1e3" to 1.
CLI::Validator byte_count_validator();

/// True when colour should be used on this stream (a terminal, NO_COLOR unset).
bool use_color(FILE* stream);

}  // namespace jf::cli
