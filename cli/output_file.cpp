#include "cli/output_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "cli/common.hpp"

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
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
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

}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") return;
  fs::path target(path_);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(dir)) throw ToolError(fmt::format("{}: directory {} does not exist", path_, dir.string()));
  tmp_ = (dir / ("." + target.filename().string() + ".jianfu-XXXXXX")).string();
  fd_ = ::mkstemp(tmp_.data());
  if (fd_ < 0) throw ToolError(fmt::format("{}: cannot create a file in {}", path_, dir.string()));
  slot_ = track(tmp_.c_str());
}

OutputFile::~OutputFile() {
  if (fd_ >= 0) {  // never committed: leave no partial file behind
    ::close(fd_);
    ::unlink(tmp_.c_str());
  }
  discard();
}

void OutputFile::discard() {
  if (slot_ >= 0) g_temporaries[slot_] = nullptr;
  slot_ = -1;
}

void OutputFile::write(std::string_view text) {
  if (fd_ < 0) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
      throw ToolError("cannot write to standard output");
    return;
  }
  while (!text.empty()) {
    ssize_t n = ::write(fd_, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw ToolError(fmt::format("{}: write failed", path_));
    text.remove_prefix(static_cast<size_t>(n));
  }
}

void OutputFile::commit() {
  if (fd_ < 0) {
    if (std::fflush(stdout) != 0) throw ToolError("cannot write to standard output");
    return;
  }
  bool ok = ::fsync(fd_) == 0;
  ok = (::close(fd_) == 0) && ok;
  fd_ = -1;
  if (!ok || ::chmod(tmp_.c_str(), 0644) != 0 || ::rename(tmp_.c_str(), path_.c_str()) != 0) {
    ::unlink(tmp_.c_str());
    discard();
    throw ToolError(fmt::format("{}: write failed", path_));
  }
  discard();
}

void write_output(const std::string& path, const std::string& text) {
  OutputFile out(path);
  out.write(text);
  out.commit();
}

}  // namespace jf::cli
