#include "engine/fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <unordered_map>

namespace jf {
namespace {

bool holds(Span outer, Span inner) {
  return outer.end > outer.begin && outer.begin <= inner.begin && inner.end <= outer.end;
}

void append_decimal(std::string& out, uint64_t n) {
  char buf[20];
  out.append(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, n).ptr - buf));
}

template <typename T>
void each_indexed(const std::vector<T>& items, Span at, const std::string& kind, std::string& path) {
  for (size_t i = 0; i < items.size(); ++i)
    if (holds(items[i].span, at)) {
      path += '/';
      path += kind;
      path += ':';
      append_decimal(path, i + 1);
      return;
    }
}

// FNV-1a, fed piece by piece. Fingerprints are stored in baselines: the
// hash and what it covers must never change.
struct Fnv1a {
  uint64_t h = 1469598103934665603ull;
  void add(unsigned char c) { h = (h ^ c) * 1099511628211ull; }
  void add(std::string_view s) {
    for (unsigned char c : s) add(c);
  }
};

}  // namespace

AnchorFinder::AnchorFinder(const Scheme& s) : s_(s) {
  for (uint32_t i = 0; i < s.indicators.size(); ++i)
    if (s.indicators[i].span.end > s.indicators[i].span.begin) by_start_.push_back(i);
  std::sort(by_start_.begin(), by_start_.end(), [&](uint32_t a, uint32_t b) {
    return s.indicators[a].span.begin < s.indicators[b].span.begin;
  });
  for (size_t k = 1; k < by_start_.size() && disjoint_; ++k)
    disjoint_ = s.indicators[by_start_[k - 1]].span.end <= s.indicators[by_start_[k]].span.begin;
}

const Indicator* AnchorFinder::indicator(Span at) const {
  if (!disjoint_) {  // nested or shared spans: the first in model order, as a scan finds it
    for (const Indicator& ind : s_.indicators)
      if (holds(ind.span, at)) return &ind;
    return nullptr;
  }
  // The last indicator starting at or before the span is the only candidate.
  auto it = std::upper_bound(by_start_.begin(), by_start_.end(), at.begin,
                             [&](uint32_t offset, uint32_t i) { return offset < s_.indicators[i].span.begin; });
  if (it == by_start_.begin()) return nullptr;
  const Indicator& ind = s_.indicators[*std::prev(it)];
  return holds(ind.span, at) ? &ind : nullptr;
}

std::string AnchorFinder::anchor(Span at) const {
  const Scheme& s = s_;
  if (const Indicator* found = indicator(at)) {
    const Indicator& ind = *found;
    std::string path = "indicator:" + ind.id.text;
    each_indexed(ind.penalties, at, "penalty", path);
    each_indexed(ind.deductions, at, "deduction", path);
    each_indexed(ind.evidence, at, "evidence", path);
    if (holds(ind.score.span, at)) path += "/score";
    if (ind.report && holds(ind.report->span, at)) path += "/report";
    return path;
  }
  for (const Department& d : s.departments)
    if (holds(d.span, at)) return "department:" + d.id.text;
  for (const Inspection& i : s.inspections)
    if (holds(i.span, at)) return "inspection:" + i.id.text;
  for (size_t i = 0; i < s.overall_penalties.size(); ++i)
    if (holds(s.overall_penalties[i].span, at)) return fmt::format("overall_penalty:{}", i + 1);
  for (const Group& g : s.groups)
    if (holds(g.span, at)) return "group:" + g.id.text;
  return "scheme";
}

std::string element_anchor(const Scheme& s, Span at) { return AnchorFinder(s).anchor(at); }

void assign_fingerprints(std::vector<Diagnostic>& ds, const Scheme& scheme, const std::string& path) {
  // The key is path, rule and anchor, separated by U+001F; it is hashed as
  // it is read, never built. The message is no part of it: its figures
  // (50% → 48.96%) and name lists (JF201, JF404) change with unrelated
  // edits, and a baseline must keep matching the same finding.
  Fnv1a file;
  file.add(path);
  file.add('\x1f');
  // Keyed by hash: equal hashes would give equal fingerprints, which the
  // "-n" suffix must tell apart whatever the keys were.
  std::unordered_map<uint64_t, int> seen;
  AnchorFinder anchors(scheme);
  for (Diagnostic& d : ds) {
    Fnv1a key = file;
    key.add(d.rule);
    key.add('\x1f');
    key.add(anchors.anchor(d.span));
    int n = seen[key.h]++;
    // "{:016x}" and "-n", written out: one finding's fingerprint is one small string.
    static constexpr char kHex[] = "0123456789abcdef";
    d.fingerprint.assign(16, '0');
    for (int k = 15; k >= 0; --k, key.h >>= 4) d.fingerprint[static_cast<size_t>(k)] = kHex[key.h & 15];
    if (n > 0) {
      d.fingerprint += '-';
      append_decimal(d.fingerprint, static_cast<uint64_t>(n));
    }
  }
}

}  // namespace jf
