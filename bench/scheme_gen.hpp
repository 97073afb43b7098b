// Seeded, deterministic synthetic schemes for the benchmarks: county-sized or
// huge, shaped like real 考核方案 (mostly ranked items, many line departments,
// photo trails, layered inspections), written in either syntax.
#pragma once
#include <cstdint>
#include <string>

#include "base/model.hpp"

namespace jf::bench {

struct GenParams {
  uint64_t seed = 1;
  int indicators = 60;
  int departments = 25;  // at least 5: two offices, assessment, supervision, efficiency
  int units = 0;         // 0: 8–25 named units chosen by the seed
};

/// A scheme built from `p` alone: the same parameters give the same model on
/// every platform (own PRNG, no std distributions).
Scheme generate_scheme(const GenParams& p);

/// The scheme's text in `.assess` (assess = true) or YAML. Throws
/// std::runtime_error if the writer refuses the model (it never should).
std::string scheme_text(const Scheme& s, bool assess);

}  // namespace jf::bench
