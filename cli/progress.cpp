#include "cli/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "base/message.hpp"

namespace jf::cli {

namespace {

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v && *v;
}

// "42 s", "3 min 5 s", "2 h 10 min" (Chinese: 42 秒, 3 分 5 秒, 2 小时 10 分).
std::string duration(double seconds, Lang lang) {
  long s = std::lround(std::max(0.0, seconds));
  if (s < 60) return msg("cli.progress.seconds", {arg("s", s)}).in(lang);
  if (s < 3600) return msg("cli.progress.minutes", {arg("m", s / 60), arg("s", s % 60)}).in(lang);
  return msg("cli.progress.hours", {arg("h", s / 3600), arg("m", s % 3600 / 60)}).in(lang);
}

std::chrono::milliseconds delay_before_first_line() {
  // Tests set 0 so the line shows however fast the run is: they never time.
  if (const char* v = std::getenv("JIANFU_PROGRESS_AFTER_MS"); v && *v) {
    char* end = nullptr;
    long ms = std::strtol(v, &end, 10);
    if (*end == '\0' && ms >= 0 && ms <= 3'600'000) return std::chrono::milliseconds(ms);
  }
  return std::chrono::milliseconds(1000);
}

}  // namespace

bool progress_wanted(int flag, size_t files) {
  if (flag != 0) return flag > 0;
  if (files < 2 || ::isatty(STDERR_FILENO) == 0) return false;
  const char* term = std::getenv("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return !env_set("CI");  // CI services set CI=true, some on a pseudo-terminal
}

std::string progress_text(size_t done, size_t total, double seconds, Lang lang) {
  std::string s = msg("cli.progress.checked", {arg("done", done), arg("total", total)}).in(lang);
  if (done == 0 || seconds <= 0) return s;
  double rate = static_cast<double>(done) / seconds;
  s += msg("cli.progress.rate", {arg("rate", fmt::format("{:.0f}", rate))}).in(lang);
  if (done < total) {
    double left = static_cast<double>(total - done) / rate;
    if (left < 0.5) s += catalogue_text("cli.progress.almost_done", lang);
    else s += msg("cli.progress.left", {arg("left", duration(left, lang))}).in(lang);
  }
  return s;
}

Progress::Progress(size_t total, Lang lang, FILE* stream)
    : total_(total),
      lang_(lang),
      stream_(stream),
      terminal_(::isatty(::fileno(stream)) != 0),
      start_(std::chrono::steady_clock::now()),
      after_(delay_before_first_line()) {
  if (after_.count() == 0) {  // shown at once, before any worker can finish the run
    std::lock_guard lock(m_);
    draw_locked();
  }
  thread_ = std::thread([this] { loop(); });
}

Progress::~Progress() {
  {
    std::lock_guard lock(m_);
    stop_ = true;
    cv_.notify_all();
  }
  thread_.join();
  std::lock_guard lock(m_);
  erase_locked();
}

void Progress::advance() {
  std::lock_guard lock(m_);
  ++done_;
}

void Progress::around_output(const std::function<void()>& write) {
  std::lock_guard lock(m_);
  erase_locked();
  write();
}

void Progress::loop() {
  // Redrawn often on a terminal; a log gets a line a second at most.
  const auto every = terminal_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(1000);
  std::unique_lock lock(m_);
  while (!stop_) {
    auto now = std::chrono::steady_clock::now();
    auto next = now < start_ + after_ ? start_ + after_ : now + every;
    if (cv_.wait_until(lock, next, [&] { return stop_; })) break;
    draw_locked();
  }
}

void Progress::draw_locked() {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line = progress_text(done_, total_, seconds, lang_);
  // \r and "erase to end of line" redraw in place; a log keeps every update.
  if (terminal_) std::fputs(("\r" + line + "\x1b[K").c_str(), stream_);
  else std::fputs((line + "\n").c_str(), stream_);
  std::fflush(stream_);
  shown_ = terminal_;
}

void Progress::erase_locked() {
  if (!shown_) return;
  std::fputs("\r\x1b[K", stream_);
  std::fflush(stream_);
  shown_ = false;
}

}  // namespace jf::cli
