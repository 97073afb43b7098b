#include "base/diagnostic.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <tuple>

namespace jf {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

bool parse_severity(std::string_view s, Severity& out) {
  if (s == "error") out = Severity::error;
  else if (s == "warning") out = Severity::warning;
  else if (s == "info" || s == "note") out = Severity::info;
  else return false;
  return true;
}

void sort_diagnostics(std::vector<Diagnostic>& ds) {
  auto before = [&](uint32_t a, uint32_t b) {
    return std::tie(ds[a].span.file, ds[a].span.begin, ds[a].rule) <
           std::tie(ds[b].span.file, ds[b].span.begin, ds[b].rule);
  };
  // Sort positions, then move each finding once: a Diagnostic is seven strings.
  std::vector<uint32_t> order(ds.size());
  std::iota(order.begin(), order.end(), 0u);
  if (std::is_sorted(order.begin(), order.end(), before)) return;
  std::stable_sort(order.begin(), order.end(), before);
  std::vector<Diagnostic> sorted;
  sorted.reserve(ds.size());
  for (uint32_t i : order) sorted.push_back(std::move(ds[i]));
  ds = std::move(sorted);
}

}  // namespace jf

#include <cmath>
#include <fmt/format.h>

namespace jf {
std::string format_number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
    return fmt::format("{}", static_cast<long long>(v));
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}
}  // namespace jf
