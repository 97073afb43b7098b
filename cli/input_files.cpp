#include "cli/input_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <set>
#include <system_error>

#include "cli/run_files.hpp"

namespace fs = std::filesystem;

namespace jf::cli {

namespace {

// keys: cli.errno.*
const char* errno_key(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR: return "cli.errno.noent";
    case EACCES:
    case EPERM: return "cli.errno.access";
    case ELOOP: return "cli.errno.loop";
    case ENAMETOOLONG: return "cli.errno.name_too_long";
    case ENOSPC: return "cli.errno.nospc";
    case EDQUOT: return "cli.errno.dquot";
    case EFBIG: return "cli.errno.fbig";
    case EROFS: return "cli.errno.rofs";
    case EIO: return "cli.errno.io";
    default: return nullptr;
  }
}

}  // namespace

MessageArg errno_reason(std::string name, int err) {
  if (const char* key = errno_key(err)) return word(std::move(name), key);
  // An errno the tool does not expect: the system's own text, with its code
  // (the C library's text is English whatever the language).
  return arg(std::move(name), fmt::format("{} (errno {})", std::error_code(err, std::generic_category()).message(), err));
}

void check_readable(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;  // before anything else may set it
    throw ToolError(msg("cli.path_error", {arg("path", path), errno_reason("error", err)}));
  }
  if (S_ISDIR(st.st_mode)) throw ToolError(msg("cli.io.is_directory", {arg("path", path)}));
  if (!S_ISREG(st.st_mode)) throw ToolError(msg("cli.io.not_regular", {arg("path", path)}));
  if (::access(path.c_str(), R_OK) != 0)
    throw ToolError(msg("cli.io.not_readable", {arg("path", path)}));
  note_input(st, path);
}

std::string read_source_file(const std::string& path, size_t max_bytes) {
  check_readable(path);
  // O_NONBLOCK: should the file be swapped for a FIFO since the check, open
  // must not wait for a writer; fstat below then rejects it.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    throw ToolError(msg("cli.io.cannot_read", {arg("path", path), errno_reason("reason", err)}));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw ToolError(msg("cli.io.not_regular", {arg("path", path)}));
  }
  note_input(st, path);
  // One byte past the limit, so an oversized file is reported, not loaded.
  size_t want = std::min<size_t>(static_cast<size_t>(st.st_size), max_bytes + 1);
  std::string text(want, '\0');
  size_t got = 0;
  while (got < want) {
    ssize_t n = ::read(fd, text.data() + got, want - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw ToolError(msg("cli.io.read_error", {arg("path", path), errno_reason("reason", err)}));
    }
    if (n == 0) break;  // the file shrank since fstat
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  text.resize(got);
  return text;
}

namespace {

bool has_ext(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  return std::any_of(exts.begin(), exts.end(), [&](const char* x) { return e == x; });
}

// A YAML file is a scheme when one of its first 10,000 lines starts with
// `scheme:` (its top level); config, CI and data files in the same folders
// are skipped. Read with plain system calls: a directory walk asks this of
// every YAML file before any is checked.
bool yaml_is_scheme(const fs::path& p) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  constexpr std::string_view kKey = "scheme:", kBom = "\xEF\xBB\xBF";
  auto is_key = [&](std::string_view start) {
    if (start.substr(0, kBom.size()) == kBom) start.remove_prefix(kBom.size());
    return start.substr(0, kKey.size()) == kKey;
  };
  std::string start;  // the current line's first bytes, enough for a BOM and the key
  int lines = 0;
  bool found = false;
  char buf[4096];
  for (ssize_t n; !found && lines < 10000 && (n = ::read(fd, buf, sizeof buf)) > 0;) {
    for (ssize_t i = 0; i < n && lines < 10000; ++i) {
      if (buf[i] != '\n') {
        if (start.size() < kBom.size() + kKey.size()) start += buf[i];
        continue;
      }
      if ((found = is_key(start))) break;
      start.clear();
      ++lines;
    }
  }
  ::close(fd);
  return found || (lines < 10000 && is_key(start));
}

// True when `real` (canonical) is `root` (canonical) or below it.
bool inside(const fs::path& real, const fs::path& root) {
  auto [r, p] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  return r == root.end();
}

// Files under `root` that `keep` selects. Symlinked directories are not
// entered; a symlinked file is read only when it resolves inside `root`: a
// tree under review (a pull request) could otherwise make jianfu read, and
// quote, any file the process can read. An unreadable directory is an
// error, not a silent gap in the check.
template <typename Keep>
void walk(const std::string& root, Keep keep, std::set<std::string>& out, std::vector<Message>& errors) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec), end;
  if (ec) {
    errors.push_back(msg("cli.path_error", {arg("path", root), errno_reason("error", ec.value())}));
    return;
  }
  fs::path real_root;
  for (; it != end; it.increment(ec)) {
    if (ec) {  // the iterator is at its end after an error
      errors.push_back(msg("cli.path_error", {arg("path", root), errno_reason("error", ec.value())}));
      break;
    }
    std::error_code fec;
    // A directory that cannot be listed is reported and skipped before the
    // iterator tries to enter it (which would end the walk).
    if (it->is_directory(fec) && !it->is_symlink(fec) && ::access(it->path().c_str(), R_OK | X_OK) != 0) {
      const int err = errno;
      errors.push_back(msg("cli.io.cannot_list", {arg("path", it->path().string()), errno_reason("reason", err)}));
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(fec) || !keep(it->path())) continue;
    if (it->is_symlink(fec)) {
      if (real_root.empty()) real_root = fs::canonical(root, fec);
      fs::path real = fs::canonical(it->path(), fec);
      if (fec || !inside(real, real_root)) {
        errors.push_back(msg("cli.io.symlink_outside", {arg("path", it->path().string()), arg("root", root)}));
        continue;
      }
    }
    out.insert(it->path().lexically_normal().string());
  }
}

}  // namespace

std::string read_stdin(size_t max_bytes) {
  std::string text;
  char buf[65536];
  while (text.size() <= max_bytes) {
    size_t n = std::fread(buf, 1, sizeof buf, stdin);
    if (n == 0) break;
    text.append(buf, std::min(n, max_bytes + 1 - text.size()));
  }
  if (std::ferror(stdin)) throw ToolError(msg("cli.io.stdin_read_error"));
  return text;
}

std::vector<std::string> collect_schemes(const std::vector<std::string>& paths, std::vector<Message>& errors,
                                         bool skip_non_schemes) {
  std::set<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) errors.push_back(msg("cli.path_error", {arg("path", p), errno_reason("error", ec ? ec.value() : ENOENT)}));
    else if (fs::is_directory(st))
      // Word and Excel 细则 in a folder are schemes too; CSV files are not
      // (a folder of schemes also holds results and other data as CSV).
      walk(p,
           [](const fs::path& f) {
             if (f.filename().string().starts_with("~$")) return false;  // Office's lock file of an open document
             return has_ext(f, {".assess", ".docx", ".xlsx"}) || (has_ext(f, {".yaml", ".yml"}) && yaml_is_scheme(f));
           },
           out, errors);
    else if (!(skip_non_schemes && has_ext(p, {".yaml", ".yml"}) && !yaml_is_scheme(p)))
      out.insert(fs::path(p).lexically_normal().string());
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> collect_rule_files(const std::vector<std::string>& paths) {
  std::set<std::string> out;
  std::vector<Message> errors;
  for (const std::string& p : paths) {
    if (fs::is_directory(p)) walk(p, [](const fs::path& f) { return has_ext(f, {".rules"}); }, out, errors);
    else if (fs::exists(p)) out.insert(p);
    else throw ToolError(msg("cli.arg.no_such_path", {arg("path", p)}));
  }
  if (!errors.empty()) throw ToolError(errors.front());
  return {out.begin(), out.end()};
}

}  // namespace jf::cli
