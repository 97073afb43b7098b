#pragma once
// Deterministic random input for the oracle tests, which check a fast path
// against its reference on many generated texts: the same inputs on every
// machine and standard library, so that a failure reproduces anywhere.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace jf::test {

/// splitmix64: a tiny generator whose stream is fixed by its seed alone.
struct SplitMix {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// A number in [0, n); 0 when n is 0.
  uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
};

/// `pieces` themselves, then `count` texts of up to `max_pieces` pieces
/// each, about one in ten of them replaced by any byte at all.
inline std::vector<std::string> random_texts(const std::vector<std::string>& pieces, uint32_t seed,
                                             size_t max_pieces, int count = 4000) {
  std::vector<std::string> out(pieces);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(0, max_pieces), byte(0, 255), coin(0, 9);
  for (int k = 0; k < count; ++k) {
    std::string s;
    for (size_t n = length(rng); n > 0; --n) {
      if (coin(rng) == 0) s += static_cast<char>(byte(rng));
      else s += pieces[pick(rng)];
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace jf::test
