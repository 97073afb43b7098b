#include "dsl/suppressions.hpp"

#include <string_view>

#include "dsl/fullwidth.hpp"
#include "base/text_util.hpp"

namespace jf {
namespace {


// A colon, ASCII or full-width (`jianfu：`, as a Chinese input method types it).
bool consume_colon(std::string_view& s) {
  if (!s.empty() && s.front() == ':') return s.remove_prefix(1), true;
  const auto c = fullwidth_at(s, 0);
  if (!c || c->ascii != ":") return false;
  s.remove_prefix(c->found.size());
  return true;
}

bool consume(std::string_view& s, std::string_view word) {
  if (s.substr(0, word.size()) != word) return false;
  s.remove_prefix(word.size());
  return true;
}

}  // namespace

std::vector<Suppression> parse_suppressions(const SourceFile& src, uint32_t file) {
  // Every suppression comment holds the ASCII word `jianfu`: a file without
  // it has none, and its lines need not be walked one by one.
  if (src.text().find("jianfu") == std::string_view::npos) return {};
  return parse_suppressions_walk(src, file);
}

std::vector<Suppression> parse_suppressions_walk(const SourceFile& src, uint32_t file) {
  std::vector<Suppression> out;
  std::vector<size_t> pending;  // suppressions waiting for their code line
  for (uint32_t n = 1; n <= src.line_count(); ++n) {
    std::string_view line = src.line_text(n);
    size_t hash = line.find('#');
    bool has_code = !trim(line.substr(0, hash)).empty();
    if (has_code) {
      for (size_t i : pending) out[i].line = n;
      pending.clear();
    }
    if (hash == std::string_view::npos) continue;
    std::string_view rest = trim(line.substr(hash + 1));
    // `jianfu：` with a full-width colon, as a Chinese input method types it,
    // is accepted as well.
    if (!consume(rest, "jianfu") || !consume_colon(rest)) continue;
    rest = trim(rest);
    Suppression s;
    if (consume(rest, "allow-file")) s.file_level = true;
    else if (!consume(rest, "allow")) continue;
    uint32_t begin = static_cast<uint32_t>(line.data() - src.text().data() + hash);
    s.span = {file, begin, static_cast<uint32_t>(line.data() - src.text().data() + line.size())};
    size_t dash = rest.find("--");
    std::string_view ids = trim(rest.substr(0, dash));
    if (dash != std::string_view::npos) s.reason = std::string(trim(rest.substr(dash + 2)));
    size_t i = 0;
    while (i < ids.size()) {
      size_t j = ids.find_first_of(", ", i);
      if (j == std::string_view::npos) j = ids.size();
      if (j > i) s.rules.emplace_back(ids.substr(i, j - i));
      i = j + 1;
    }
    if (!s.file_level) {
      if (has_code) s.line = n;
      else pending.push_back(out.size());
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace jf
