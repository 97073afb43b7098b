// Parallel work with ordered, bounded output: how `check` streams.
#pragma once
#include <cstddef>
#include <functional>

namespace jf::cli {

/// Runs `work(i)` for every i in [0, n) on `jobs` threads and `emit(i)` on
/// the calling thread in index order, each as soon as work(i) is done. Work
/// runs at most `window` items ahead of emission, so what waits to be
/// emitted stays bounded however large n is. The first exception thrown by
/// work or emit stops the run and is rethrown here.
void run_ordered(size_t n, unsigned jobs, size_t window, const std::function<void(size_t)>& work,
                 const std::function<void(size_t)>& emit);

}  // namespace jf::cli
