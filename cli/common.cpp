#include "cli/common.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <system_error>

#include "cli/run_files.hpp"
#include "base/display_width.hpp"
#include "render/render.hpp"
#include "pipeline/rule_loader.hpp"

namespace fs = std::filesystem;

namespace jf::cli {

Lang resolve_lang(const std::string& flag) {
  if (flag == "zh") return Lang::zh;
  if (flag == "en") return Lang::en;
  if (!flag.empty()) throw ToolError(fmt::format("unknown language `{}` (use en or zh)", flag));
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string_view(v).substr(0, 2) == "zh" ? Lang::zh : Lang::en;
  }
  return Lang::en;
}

std::string errno_reason(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR: return "no such file or directory";
    case EACCES:
    case EPERM: return "permission denied";
    case ELOOP: return "too many levels of symbolic links (a symlink loop?)";
    case ENAMETOOLONG: return "file name too long";
    case ENOSPC: return "no space left on device";
    case EDQUOT: return "disk quota exceeded";
    case EFBIG: return "file too large for this file system or process limit";
    case EROFS: return "read-only file system";
    case EIO: return "input/output error";
    default: return std::error_code(err, std::generic_category()).message();
  }
}

void check_readable(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) throw ToolError(fmt::format("{}: {}", path, errno_reason(errno)));
  if (S_ISDIR(st.st_mode)) throw ToolError(fmt::format("{}: is a directory", path));
  if (!S_ISREG(st.st_mode)) throw ToolError(fmt::format("{}: not a regular file", path));
  if (::access(path.c_str(), R_OK) != 0)
    throw ToolError(fmt::format("{}: cannot be read (permission denied?)", path));
  note_input(st, path);
}

std::string read_source_file(const std::string& path, size_t max_bytes) {
  check_readable(path);
  // O_NONBLOCK: should the file be swapped for a FIFO since the check, open
  // must not wait for a writer; fstat below then rejects it.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw ToolError(fmt::format("{}: cannot be read: {}", path, errno_reason(errno)));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw ToolError(fmt::format("{}: not a regular file", path));
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
      throw ToolError(fmt::format("{}: read error: {}", path, errno_reason(err)));
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
void walk(const std::string& root, Keep keep, std::set<std::string>& out, std::vector<std::string>& errors) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec), end;
  if (ec) {
    errors.push_back(fmt::format("{}: {}", root, errno_reason(ec.value())));
    return;
  }
  fs::path real_root;
  for (; it != end; it.increment(ec)) {
    if (ec) {  // the iterator is at its end after an error
      errors.push_back(fmt::format("{}: {}", root, errno_reason(ec.value())));
      break;
    }
    std::error_code fec;
    // A directory that cannot be listed is reported and skipped before the
    // iterator tries to enter it (which would end the walk).
    if (it->is_directory(fec) && !it->is_symlink(fec) && ::access(it->path().c_str(), R_OK | X_OK) != 0) {
      errors.push_back(fmt::format("{}: cannot be listed: {}", it->path().string(), errno_reason(errno)));
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(fec) || !keep(it->path())) continue;
    if (it->is_symlink(fec)) {
      if (real_root.empty()) real_root = fs::canonical(root, fec);
      fs::path real = fs::canonical(it->path(), fec);
      if (fec || !inside(real, real_root)) {
        errors.push_back(fmt::format("{}: a symlink to a file outside {}; not followed", it->path().string(), root));
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
  if (std::ferror(stdin)) throw ToolError("standard input: read error");
  return text;
}

std::vector<std::string> collect_schemes(const std::vector<std::string>& paths, std::vector<std::string>& errors,
                                         bool skip_non_schemes) {
  std::set<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) errors.push_back(fmt::format("{}: {}", p, errno_reason(ec ? ec.value() : ENOENT)));
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
  std::vector<std::string> errors;
  for (const std::string& p : paths) {
    if (fs::is_directory(p)) walk(p, [](const fs::path& f) { return has_ext(f, {".rules"}); }, out, errors);
    else if (fs::exists(p)) out.insert(p);
    else throw ToolError(fmt::format("{}: no such file or directory", p));
  }
  if (!errors.empty()) throw ToolError(errors.front());
  return {out.begin(), out.end()};
}

void print_errors(const std::vector<Diagnostic>& errors, const SourceSet& sources, Lang lang) {
  std::fputs(render_text(errors, sources, {lang, use_color(stderr)}).c_str(), stderr);
}

RuleSet load_rules(SourceSet& sources, const std::vector<std::string>& extra, bool with_builtin,
                   const Globals& g) {
  RuleSet set;
  std::vector<Diagnostic> errors;
  // The embedded pack is part of the binary, not input: the default limits.
  if (with_builtin) add_builtin_rules(set, sources, errors);
  for (const std::string& path : collect_rule_files(extra))
    add_rule_file(set, sources, sources.add(path, read_source_file(path, g.limits.max_file_bytes)), false, errors,
                  g.limits);
  if (!errors.empty()) {
    print_errors(errors, sources, resolve_lang(g.lang));
    throw ToolError(fmt::format("{} error{} in rule files", errors.size(), errors.size() == 1 ? "" : "s"));
  }
  return set;
}

CLI::Validator byte_count_validator() {
  return CLI::Validator(
      [](const std::string& s) -> std::string {
        constexpr std::string_view kMax = "1099511627776";
        bool digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
        std::string_view v(s);
        while (v.size() > 1 && v.front() == '0') v.remove_prefix(1);
        if (!digits || v.size() > kMax.size() || (v.size() == kMax.size() && v > kMax))
          return fmt::format("`{}` is not a number of bytes from 0 to {}", s, kMax);
        return {};
      },
      "BYTES");
}

void print_tool_error(std::string_view message, Lang lang) noexcept {
  // Never throws: stderr may be a closed pipe (`jianfu … 2>&1 | head -3`), and
  // an exception while reporting an error would abort the process.
  try {
    const std::string line = msg("cli.error", {arg("message", sanitize_lines(message))}).in(lang);
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", line.c_str());
  } catch (...) {
  }
}

bool use_color(FILE* stream) {
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;
  return ::isatty(::fileno(stream)) != 0;
}

}  // namespace jf::cli
