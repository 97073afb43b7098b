// A progress line for long `check` runs: files done, rate and time left,
// redrawn in place on standard error (docs/cli.md, "Progress").
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "base/diagnostic.hpp"

namespace jf::cli {

/// Whether to show progress: `flag` is +1 for --progress, -1 for
/// --no-progress, 0 for neither. Without a flag, only when standard error
/// is a terminal, TERM is not "dumb" and the CI variable is not set, and
/// the run has more than one file.
bool progress_wanted(int flag, size_t files);

/// The line itself, e.g. "120/10000 files, 950 files/s, 10 s left".
std::string progress_text(size_t done, size_t total, double seconds, Lang lang);

/// Shows progress_text() on `stream` once the run is older than `after`
/// (JIANFU_PROGRESS_AFTER_MS overrides the default ~1 s, for tests), then
/// about 4 times a second from its own thread, so a slow file does not
/// freeze it. On a terminal the line is redrawn in place and erased at the
/// end; elsewhere (only with --progress) each update is its own line.
class Progress {
 public:
  Progress(size_t total, Lang lang, FILE* stream = stderr);
  ~Progress();  // stops the thread and erases the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// One more file done.
  void advance();
  /// Runs `write` (report output to the same terminal) with the line erased,
  /// so the report never mixes with it; the next update redraws it.
  void around_output(const std::function<void()>& write);

 private:
  void loop();
  void draw_locked();
  void erase_locked();

  size_t total_;
  Lang lang_;
  FILE* stream_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::milliseconds after_;
  std::mutex m_;
  std::condition_variable cv_;
  size_t done_ = 0;
  bool shown_ = false;  // the line is on the terminal now
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace jf::cli
