#include "cli/fix.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace jf::cli {

std::string apply_fixes(std::string_view text, const std::vector<Diagnostic>& ds, size_t& applied) {
  std::vector<const Edit*> edits;
  for (const Diagnostic& d : ds)
    for (const Edit& e : d.fix) {
      if (e.span.begin > e.span.end || e.span.end > text.size()) continue;
      // A reference is replaced only where it stands bare: a quoted YAML
      // scalar's span may include its quotes.
      std::string_view old = text.substr(e.span.begin, e.span.end - e.span.begin);
      if (d.rule == "JF002" && old.find_first_of("\"'\n") != std::string_view::npos) continue;
      edits.push_back(&e);
    }
  // Last first, so earlier offsets stay valid. An edit overlapping one
  // already taken waits for the next pass (the caller checks again).
  std::stable_sort(edits.begin(), edits.end(), [](const Edit* a, const Edit* b) {
    return a->span.begin != b->span.begin ? a->span.begin > b->span.begin : a->span.end > b->span.end;
  });
  std::string out(text);
  size_t limit = text.size();
  for (const Edit* e : edits) {
    if (e->span.end > limit) continue;
    out.replace(e->span.begin, e->span.end - e->span.begin, e->text);
    limit = e->span.begin;
    ++applied;
  }
  return out;
}

namespace {

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t b = 0; b < s.size();) {
    size_t e = s.find('\n', b);
    e = e == std::string_view::npos ? s.size() : e + 1;
    out.push_back(s.substr(b, e - b));
    b = e;
  }
  return out;
}

}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  std::vector<std::string_view> a = lines_of(before), b = lines_of(after);
  // Common head and tail first: a fix touches a few lines of a long file.
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const size_t n = a.size() - head - tail, m = b.size() - head - tail;
  // Longest common subsequence of the middle, when it is small enough.
  enum Op { keep, del, add };
  std::vector<Op> ops;
  if (n * m <= 4'000'000) {
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) ops.push_back(keep), ++i, ++j;
      else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push_back(del), ++i;  // `-` before `+`
      else ops.push_back(add), ++j;
    }
  } else {
    ops.assign(n, del);
    ops.insert(ops.end(), m, add);
  }
  std::vector<Op> all(head, keep);
  all.insert(all.end(), ops.begin(), ops.end());
  all.insert(all.end(), tail, keep);
  // Hunks: changes with 3 lines of context, merged when their context meets.
  std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
  auto line = [](char mark, std::string_view l) {
    std::string s(1, mark);
    s += l;
    if (s.back() != '\n') s += "\n\\ No newline at end of file\n";
    return s;
  };
  size_t k = 0, ai = 0, bi = 0;
  while (k < all.size()) {
    if (all[k] == keep) {
      ++k, ++ai, ++bi;
      continue;
    }
    size_t start = k >= 3 ? k - 3 : 0;
    size_t end = k;  // one past the hunk's last op
    for (size_t quiet = 0; end < all.size(); ++end) {
      quiet = all[end] == keep ? quiet + 1 : 0;
      if (quiet > 6) {
        end -= 3;
        break;
      }
    }
    if (end == all.size()) {
      size_t trailing = 0;
      while (trailing < end - k && all[end - 1 - trailing] == keep) ++trailing;
      if (trailing > 3) end -= trailing - 3;
    }
    size_t a0 = ai - (k - start), b0 = bi - (k - start);
    std::string body;
    size_t na = 0, nb = 0, x = a0, y = b0;
    for (size_t q = start; q < end; ++q) {
      if (all[q] == keep) body += line(' ', a[x++]), ++na, ++nb, ++y;
      else if (all[q] == del) body += line('-', a[x++]), ++na;
      else body += line('+', b[y++]), ++nb;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", na ? a0 + 1 : a0, na, nb ? b0 + 1 : b0, nb) + body;
    ai = x, bi = y, k = end;
  }
  return out;
}

}  // namespace jf::cli
