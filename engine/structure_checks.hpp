// JF002–JF008: what is wrong with the scheme itself, checked in C++ before
// any rule runs (rules.md, "JF0xx").
#pragma once
#include <vector>

#include "base/diagnostic.hpp"
#include "engine/facts.hpp"
#include "base/model.hpp"

namespace jf {

/// JF003: reports every element whose id repeats an earlier one of the same
/// kind and removes it, so later steps see unique ids (first wins).
std::vector<Diagnostic> remove_duplicate_ids(Scheme& scheme);

/// JF002, JF004–JF008 on a scheme with unique ids.
std::vector<Diagnostic> check_structure(const Scheme& scheme, const Facts& facts);

}  // namespace jf
