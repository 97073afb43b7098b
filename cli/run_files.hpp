// The files one run reads and writes, by identity (device and inode), not
// by name: `convert F -o F`, `check --baseline B -o B`, `-o X
// --write-baseline X` or `-o ./sub/../F` must never replace an input or
// another output of the same run (docs/security.md).
#pragma once
#include <sys/stat.h>

#include <string>

namespace jf::cli {

/// Records a file this run reads (schemes, tables, rule packs, configs,
/// baselines, results, column maps). Thread-safe.
void note_input(const struct stat& st, const std::string& path);

/// Throws ToolError naming `output` and the input when `st` is the
/// identity of a file this run has read.
void refuse_if_input(const struct stat& st, const std::string& output);
/// The same for standard output redirected to a file (`> scheme.assess`),
/// named "standard output" / 标准输出 in the run's language.
void refuse_stdout_if_input(const struct stat& st);

/// Records an output of this run under `key` (its identity when it exists,
/// else its resolved path); throws ToolError when another output of the
/// run already has that key.
void note_output(const std::string& key, const std::string& output);

/// The key note_output expects for an existing file.
std::string identity_key(const struct stat& st);

}  // namespace jf::cli
