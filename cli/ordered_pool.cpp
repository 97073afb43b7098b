#include "cli/ordered_pool.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace jf::cli {

void run_ordered(size_t n, unsigned jobs, size_t window, const std::function<void(size_t)>& work,
                 const std::function<void(size_t)>& emit) {
  if (jobs <= 1 || n <= 1) {  // no threads to start for one file
    for (size_t i = 0; i < n; ++i) {
      work(i);
      emit(i);
    }
    return;
  }
  std::mutex m;
  std::condition_variable done_cv, room_cv;
  std::vector<char> done(n, 0);
  size_t next = 0, emitted = 0;
  bool stop = false;
  std::exception_ptr failure;
  auto fail = [&] {
    std::lock_guard lock(m);
    if (!failure) failure = std::current_exception();
    stop = true;
    done_cv.notify_all();
    room_cv.notify_all();
  };
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(m);
        room_cv.wait(lock, [&] { return stop || next >= n || next < emitted + window; });
        if (stop || next >= n) return;
        i = next++;
      }
      try {
        work(i);
      } catch (...) {
        fail();
        return;
      }
      std::lock_guard lock(m);
      done[i] = 1;
      done_cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 0; j < std::min<size_t>(jobs, n); ++j) pool.emplace_back(worker);
  for (size_t i = 0; i < n; ++i) {
    {
      std::unique_lock lock(m);
      done_cv.wait(lock, [&] { return stop || done[i]; });
      if (stop) break;
    }
    try {
      emit(i);
    } catch (...) {
      fail();
      break;
    }
    std::lock_guard lock(m);
    emitted = i + 1;
    room_cv.notify_all();
  }
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace jf::cli
