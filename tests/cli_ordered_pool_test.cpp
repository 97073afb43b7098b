// The ordered pool behind `check`: output in input order, work bounded ahead
// of output, failures passed on.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "cli/ordered_pool.hpp"

namespace jf::cli {
namespace {

TEST(OrderedPool, EmitsInIndexOrderWithAnyNumberOfThreads) {
  for (unsigned jobs : {1u, 2u, 4u, 16u}) {
    std::vector<int> done(500, 0), order;
    run_ordered(
        done.size(), jobs, 8, [&](size_t i) { done[i] = static_cast<int>(i) * 2; },
        [&](size_t i) { order.push_back(done[i] / 2); });
    ASSERT_EQ(order.size(), done.size());
    for (size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], static_cast<int>(i)) << jobs;
  }
}

TEST(OrderedPool, WorkStaysWithinTheWindowOfEmission) {
  std::atomic<size_t> emitted{0}, worst{0};
  run_ordered(
      2000, 4, 6,
      [&](size_t i) {
        size_t ahead = i - std::min(i, emitted.load());
        for (size_t w = worst.load(); ahead > w && !worst.compare_exchange_weak(w, ahead);) {
        }
      },
      [&](size_t i) { emitted = i + 1; });
  EXPECT_LE(worst.load(), 6u);
}

TEST(OrderedPool, WorkFailureStopsAndIsRethrown) {
  std::atomic<size_t> emitted{0};
  EXPECT_THROW(run_ordered(
                   1000, 2, 4,
                   [](size_t i) {
                     if (i == 37) throw std::runtime_error("boom");
                   },
                   [&](size_t) { ++emitted; }),
               std::runtime_error);
  EXPECT_LE(emitted.load(), 37u);
}

TEST(OrderedPool, EmitFailureStopsTheWorkers) {
  std::atomic<size_t> worked{0};
  EXPECT_THROW(run_ordered(
                   100000, 2, 4, [&](size_t) { ++worked; },
                   [](size_t i) {
                     if (i == 3) throw std::runtime_error("disk full");
                   }),
               std::runtime_error);
  EXPECT_LT(worked.load(), 100u);
}

TEST(OrderedPool, NothingToDo) {
  int calls = 0;
  run_ordered(0, 2, 4, [&](size_t) { ++calls; }, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace jf::cli
