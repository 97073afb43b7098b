// Reading input safely: regular files only, up to a size limit, every file
// recorded as an input of the run; scheme and rule files found under the
// paths a command is given.
#pragma once
#include <string>
#include <vector>

#include "cli/tool_error.hpp"

namespace jf::cli {

/// Why a system call failed, for messages: ENOENT, EACCES, ELOOP,
/// ENAMETOOLONG, ENOSPC... each named in words, never all "no such file".
/// The argument `name` of a message (a cli.errno.* word, in the message's
/// language).
MessageArg errno_reason(std::string name, int err);

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
std::vector<std::string> collect_schemes(const std::vector<std::string>& paths, std::vector<Message>& errors,
                                         bool skip_non_schemes = false);

/// `.rules` files under the given files/directories, sorted.
std::vector<std::string> collect_rule_files(const std::vector<std::string>& paths);

}  // namespace jf::cli
