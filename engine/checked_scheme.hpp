// A scheme after checking, as the consumers of findings read it (diff, the
// HTML report): the model, its facts and its findings. The pipeline's
// FileCheck owns all three; this view lets engine/ and render/ take them
// without depending on the pipeline.
#pragma once
#include <vector>

#include "base/diagnostic.hpp"
#include "base/model.hpp"
#include "engine/facts.hpp"

namespace jf {

struct CheckedScheme {
  const Scheme& scheme;
  const Facts& facts;
  const std::vector<Diagnostic>& findings;  // sorted, as check_file returns them
};

}  // namespace jf
