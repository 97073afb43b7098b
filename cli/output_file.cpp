#include "cli/output_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "cli/common.hpp"
#include "cli/run_files.hpp"

namespace fs = std::filesystem;

namespace jf::cli {
namespace {

// Temporaries being written, for the interrupt handler: a streamed report
// can take a while, and Ctrl-C must not leave `.report.json.jianfu-…` behind.
// Fixed slots of atomics: the handler may only read them and call unlink.
constexpr int kSlots = 4;
std::atomic<const char*> g_temporaries[kSlots];

extern "C" void remove_temporaries(int sig) {
  for (auto& slot : g_temporaries)
    if (const char* path = slot.load()) ::unlink(path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

int track(const char* path) {
  static std::once_flag installed;
  std::call_once(installed, [] {
    // SIGQUIT (Ctrl-\) and SIGXFSZ (`ulimit -f` reached) end the process
    // as the others do; their temporaries must go too.
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ}) {
      struct sigaction old {};
      // A signal ignored by whoever started us (nohup, a background job)
      // stays ignored.
      if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
      std::signal(sig, remove_temporaries);
    }
  });
  for (int i = 0; i < kSlots; ++i) {
    const char* empty = nullptr;
    if (g_temporaries[i].compare_exchange_strong(empty, path)) return i;
  }
  return -1;  // more outputs than slots: removed on errors, not on signals
}

// The mode a new file gets from open(..., 0666): the umask applies. Read
// once, before any worker thread could create a file meanwhile.
mode_t new_file_mode() {
  static const mode_t mode = [] {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return static_cast<mode_t>(0666 & ~mask);
  }();
  return mode;
}

std::string resolved(const std::string& path) {
  char buf[PATH_MAX];
  if (!::realpath(path.c_str(), buf)) return {};
  return buf;
}

}  // namespace

OutputFile::OutputFile(std::string path, bool replace_input) : path_(std::move(path)), replace_input_(replace_input) {
  if (path_.empty() || path_ == "-") {
    refuse_stdout_onto_input();
    return;
  }
  mode_ = new_file_mode();
  struct stat st;
  if (::stat(path_.c_str(), &st) == 0) {
    if (!replace_input_) refuse_if_input(st, path_);
    if (S_ISDIR(st.st_mode)) throw ToolError(msg("cli.io.is_directory", {arg("path", path_)}));
    if (S_ISBLK(st.st_mode))
      throw ToolError(msg("cli.out.block_device", {arg("path", path_)}));
    if (!S_ISREG(st.st_mode)) {
      // A terminal, /dev/null, a FIFO: written in place, never replaced
      // (renaming over /dev/null as root would replace the system's).
      // O_NONBLOCK: a FIFO nobody reads is an error now, not a run that
      // hangs (a shell redirection would wait); blocking writes after that.
      fd_ = ::open(path_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
      if (fd_ < 0 && errno == ENXIO)
        throw ToolError(msg("cli.out.fifo_no_reader", {arg("path", path_)}));
      if (fd_ < 0) {
        const int err = errno;
        throw ToolError(msg("cli.out.cannot_write", {arg("path", path_), errno_reason("reason", err)}));
      }
      ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
      direct_ = true;
      note_output(identity_key(st), path_);
      return;
    }
    // A symlink is resolved so the temporary goes next to the file it names
    // and the rename replaces that file, not the link.
    target_ = resolved(path_);
    if (target_.empty()) {
      const int err = errno;
      throw ToolError(msg("cli.out.cannot_resolve", {arg("path", path_), errno_reason("reason", err)}));
    }
    mode_ = st.st_mode & 0777;  // never setuid, setgid or sticky on a report
    note_output(identity_key(st), path_);
  } else {
    int err = errno;
    struct stat link;
    if (err == ENOENT && ::lstat(path_.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
      throw ToolError(msg("cli.out.dangling_symlink", {arg("path", path_)}));
    if (err != ENOENT) throw ToolError(msg("cli.out.cannot_write", {arg("path", path_), errno_reason("reason", err)}));
    fs::path given(path_);
    fs::path dir = given.parent_path().empty() ? fs::path(".") : given.parent_path();
    std::string real_dir = resolved(dir.string());
    if (real_dir.empty() || !fs::is_directory(real_dir))
      throw ToolError(msg("cli.out.no_directory", {arg("path", path_), arg("dir", dir.string())}));
    target_ = (fs::path(real_dir) / given.filename()).string();
    note_output("path " + target_, path_);
  }
  fs::path target(target_);
  tmp_ = (target.parent_path() / ("." + target.filename().string() + ".jianfu-XXXXXX")).string();
  fd_ = ::mkstemp(tmp_.data());
  if (fd_ < 0) {
    const int err = errno;
    throw ToolError(msg("cli.out.cannot_create",
                        {arg("path", path_), arg("dir", target.parent_path().string()), errno_reason("reason", err)}));
  }
  slot_ = track(tmp_.c_str());
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) {  // never committed: leave no partial file behind
    ::close(fd_);
    if (!direct_) ::unlink(tmp_.c_str());
  }
  discard();
}

void OutputFile::discard() {
  if (slot_ >= 0) g_temporaries[slot_] = nullptr;
  slot_ = -1;
}

// `jianfu score S >> S` appends to an input; `>` has already emptied it,
// and saying so is all that is left to do.
void OutputFile::refuse_stdout_onto_input() const {
  struct stat st;
  if (::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode)) refuse_stdout_if_input(st);
}

void OutputFile::write(std::string_view text) {
  if (fd_ < 0) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
      const int err = errno;
      if (err == EPIPE) throw OutputClosed();
      throw ToolError(msg("cli.out.stdout_failed", {errno_reason("reason", err)}));
    }
    return;
  }
  while (!text.empty()) {
    ssize_t n = ::write(fd_, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : ENOSPC;
      throw ToolError(msg("cli.out.write_failed", {arg("path", path_), errno_reason("reason", err)}));
    }
    text.remove_prefix(static_cast<size_t>(n));
  }
}

void OutputFile::commit() {
  if (fd_ < 0) {
    if (std::fflush(stdout) != 0) {
      const int err = errno;
      if (err == EPIPE) throw OutputClosed();
      throw ToolError(msg("cli.out.stdout_failed", {errno_reason("reason", err)}));
    }
    refuse_stdout_onto_input();
    return;
  }
  if (direct_) {
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
      const int err = errno;
      throw ToolError(msg("cli.out.write_failed", {arg("path", path_), errno_reason("reason", err)}));
    }
    return;
  }
  int err = 0;
  if (::fchmod(fd_, mode_) != 0 || ::fsync(fd_) != 0) err = errno;
  if (::close(fd_) != 0 && !err) err = errno;
  fd_ = -1;
  // Inputs read since the output was opened (every scheme of a check run)
  // are compared again: the target may have become one by another name.
  struct stat st;
  try {
    if (!err && !replace_input_ && ::stat(target_.c_str(), &st) == 0) refuse_if_input(st, path_);
  } catch (...) {
    ::unlink(tmp_.c_str());
    discard();
    throw;
  }
  if (!err && ::rename(tmp_.c_str(), target_.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp_.c_str());
    discard();
    throw ToolError(msg("cli.out.write_failed", {arg("path", path_), errno_reason("reason", err)}));
  }
  discard();
}

void write_output(const std::string& path, const std::string& text) {
  OutputFile out(path);
  out.write(text);
  out.commit();
}

void replace_input_file(const std::string& path, const std::string& text) {
  OutputFile out(path, true);
  out.write(text);
  out.commit();
}

}  // namespace jf::cli
