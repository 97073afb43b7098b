#include "engine/diagnostic.hpp"

#include <algorithm>
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
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.begin, a.rule) < std::tie(b.span.file, b.span.begin, b.rule);
  });
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
