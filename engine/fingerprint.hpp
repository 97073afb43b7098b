// Fingerprints: a finding's identity across edits (path, rule and the ids
// of the element it points at), never its line or its prose.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/model.hpp"

namespace jf {

/// The id path of the innermost model element whose span holds `span`,
/// e.g. "indicator:秸秆禁烧/penalty:2", or "scheme".
std::string element_anchor(const Scheme& scheme, Span span);

/// element_anchor for many spans of one scheme: indicators are indexed by
/// position once, so each lookup is a binary search, not a scan of them all.
class AnchorFinder {
 public:
  explicit AnchorFinder(const Scheme& scheme);
  std::string anchor(Span span) const;
  /// The same path, fed to `sink` piece by piece (`add(char)`,
  /// `add(std::string_view)`, `add_decimal(n)`): assign_fingerprints hashes
  /// it without writing it out. Defined in fingerprint.cpp, its only user.
  template <typename Sink>
  void write_anchor(Span span, Sink& sink) const;

 private:
  const Indicator* indicator(Span span) const;
  const Scheme& s_;
  std::vector<uint32_t> by_start_;  // indicators with a span, by its start
  bool disjoint_ = true;            // no two of those spans overlap
};

/// Sets `fingerprint` on each finding of one file: a 16-hex-digit hash of
/// path, rule and anchor (never the message, whose figures and name lists
/// change); the n-th repeat of the same key gets "-n" appended so
/// fingerprints stay unique.
void assign_fingerprints(std::vector<Diagnostic>& ds, const Scheme& scheme, const std::string& path);

}  // namespace jf
