// Comparing two versions of a scheme: indicators added, removed and changed,
// findings introduced and resolved (by fingerprint, not line), burden delta,
// and JF406 when the load grows.
#pragma once
#include <string>
#include <vector>

#include "engine/burden.hpp"
#include "base/diagnostic.hpp"
#include "engine/checked_scheme.hpp"

namespace jf {

struct IndicatorChange {
  std::string id;
  std::vector<std::string> fields;  // e.g. "points", "score", "report", "owner"
};

struct SchemeDiff {
  std::vector<std::string> added, removed;  // indicator ids
  std::vector<IndicatorChange> changed;
  std::vector<Diagnostic> introduced;       // findings of NEW without a match in OLD (JF406 included)
  std::vector<Diagnostic> resolved;         // findings of OLD without a match in NEW
  Burden old_burden, new_burden;
};

/// A finding's identity across versions: rule and the id path of the element
/// it points at (engine/fingerprint.hpp element_anchor). Lines and messages
/// never take part: a message's figures change when a draft only removes load.
std::string finding_key(const Scheme&, const Diagnostic&);

/// Compares two checked schemes. JF406 (severity warning, at NEW's header) is
/// added to `introduced` when NEW has more inspections, indicators or forms a
/// year per unit than OLD; callers apply rule settings to it.
SchemeDiff diff_schemes(const CheckedScheme& old_check, const CheckedScheme& new_check);

/// The JF406 finding for two burdens, or nothing when the load did not grow.
std::vector<Diagnostic> load_not_reduced(const Burden& old_b, const Burden& new_b, Span at);

}  // namespace jf
