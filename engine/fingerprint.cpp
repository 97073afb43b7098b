#include "engine/fingerprint.hpp"


#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string_view>
#include <utility>

namespace jf {
namespace {

bool holds(Span outer, Span inner) {
  return outer.end > outer.begin && outer.begin <= inner.begin && inner.end <= outer.end;
}

void append_decimal(std::string& out, uint64_t n) {
  char buf[20];
  out.append(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, n).ptr - buf));
}

// FNV-1a, fed piece by piece. Fingerprints are stored in baselines: the
// hash and what it covers must never change.
struct Fnv1a {
  uint64_t h = 1469598103934665603ull;
  void add(unsigned char c) { h = (h ^ c) * 1099511628211ull; }
  void add(char c) { add(static_cast<unsigned char>(c)); }
  void add(std::string_view s) {
    for (unsigned char c : s) add(c);
  }
  void add_decimal(uint64_t n) {
    char buf[20];
    add(std::string_view(buf, static_cast<size_t>(std::to_chars(buf, buf + sizeof buf, n).ptr - buf)));
  }
};

// The anchor written out, for element_anchor (the same pieces as the hash).
struct PathText {
  std::string& out;
  void add(char c) { out += c; }
  void add(std::string_view s) { out += s; }
  void add_decimal(uint64_t n) { append_decimal(out, n); }
};

template <typename T, typename Sink>
void each_indexed(const std::vector<T>& items, Span at, std::string_view kind, Sink& path) {
  for (size_t i = 0; i < items.size(); ++i)
    if (holds(items[i].span, at)) {
      path.add('/');
      path.add(kind);
      path.add(':');
      path.add_decimal(i + 1);
      return;
    }
}

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

template <typename Sink>
void AnchorFinder::write_anchor(Span at, Sink& path) const {
  const Scheme& s = s_;
  if (const Indicator* found = indicator(at)) {
    const Indicator& ind = *found;
    path.add(std::string_view("indicator:"));
    path.add(std::string_view(ind.id.text));
    each_indexed(ind.penalties, at, "penalty", path);
    each_indexed(ind.deductions, at, "deduction", path);
    each_indexed(ind.evidence, at, "evidence", path);
    if (holds(ind.score.span, at)) path.add(std::string_view("/score"));
    if (ind.report && holds(ind.report->span, at)) path.add(std::string_view("/report"));
    return;
  }
  auto named = [&](std::string_view kind, const std::string& id) {
    path.add(kind);
    path.add(std::string_view(id));
  };
  for (const Department& d : s.departments)
    if (holds(d.span, at)) return named("department:", d.id.text);
  for (const Inspection& i : s.inspections)
    if (holds(i.span, at)) return named("inspection:", i.id.text);
  for (size_t i = 0; i < s.overall_penalties.size(); ++i)
    if (holds(s.overall_penalties[i].span, at)) {
      path.add(std::string_view("overall_penalty:"));
      path.add_decimal(i + 1);
      return;
    }
  for (const Group& g : s.groups)
    if (holds(g.span, at)) return named("group:", g.id.text);
  path.add(std::string_view("scheme"));
}

std::string AnchorFinder::anchor(Span at) const {
  std::string path;
  PathText sink{path};
  write_anchor(at, sink);
  return path;
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
  // The anchor is hashed as it is walked, never written out. Equal hashes
  // would give equal fingerprints, which the "-n" suffix must tell apart
  // whatever the keys were: the n-th finding of a hash (in finding order)
  // gets n, found by sorting (hash, position) pairs rather than by a hash
  // map with a node per finding.
  AnchorFinder anchors(scheme);
  std::vector<std::pair<uint64_t, uint32_t>> keys(ds.size());
  for (size_t i = 0; i < ds.size(); ++i) {
    Fnv1a key = file;
    key.add(std::string_view(ds[i].rule));
    key.add('\x1f');
    anchors.write_anchor(ds[i].span, key);
    keys[i] = {key.h, static_cast<uint32_t>(i)};
  }
  std::sort(keys.begin(), keys.end());  // by hash, then by position: finding order within a hash
  uint64_t n = 0;  // how many findings before this one have its hash
  for (size_t k = 0; k < keys.size(); ++k) {
    const uint64_t h = keys[k].first;
    n = k > 0 && keys[k - 1].first == h ? n + 1 : 0;
    std::string& fp = ds[keys[k].second].fingerprint;
    // "{:016x}" and "-n", written out.
    static constexpr char kHex[] = "0123456789abcdef";
    fp.assign(16, '0');
    uint64_t x = h;
    for (int j = 15; j >= 0; --j, x >>= 4) fp[static_cast<size_t>(j)] = kHex[x & 15];
    if (n > 0) {
      fp += '-';
      append_decimal(fp, n);
    }
  }
}

}  // namespace jf
