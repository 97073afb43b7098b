#include "engine/fingerprint.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <unordered_map>

namespace jf {
namespace {

bool holds(Span outer, Span inner) {
  return outer.end > outer.begin && outer.begin <= inner.begin && inner.end <= outer.end;
}

template <typename T>
void each_indexed(const std::vector<T>& items, Span at, const std::string& kind, std::string& path) {
  for (size_t i = 0; i < items.size(); ++i)
    if (holds(items[i].span, at)) {
      path += fmt::format("/{}:{}", kind, i + 1);
      return;
    }
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

std::string element_anchor(const Scheme& s, Span at) {
  for (const Indicator& ind : s.indicators) {
    if (!holds(ind.span, at)) continue;
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

void assign_fingerprints(std::vector<Diagnostic>& ds, const Scheme& scheme, const std::string& path) {
  std::unordered_map<std::string, int> seen;
  for (Diagnostic& d : ds) {
    std::string message;
    for (char c : d.message.en)
      if (c < '0' || c > '9') message += c;
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", path, d.rule, element_anchor(scheme, d.span), message);
    int n = seen[key]++;
    d.fingerprint = fmt::format("{:016x}", fnv1a(key));
    if (n > 0) d.fingerprint += fmt::format("-{}", n);
  }
}

}  // namespace jf
