#include "dsl/fixture_expectations.hpp"

#include "base/text_util.hpp"

namespace jf {
namespace {


std::vector<std::string> split_ids(std::string_view s) {
  std::vector<std::string> ids;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find_first_of(", ", i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) ids.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return ids;
}

// The directive after `# KEY:` in a line, if any.
bool directive(std::string_view comment, std::string_view key, std::string_view& rest) {
  comment = trim(comment);
  if (comment.substr(0, key.size()) != key) return false;
  comment.remove_prefix(key.size());
  comment = trim(comment);
  if (comment.empty() || comment.front() != ':') return false;
  rest = trim(comment.substr(1));
  return true;
}

}  // namespace

FixtureSpec parse_fixture_spec(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t i = 0; i <= text.size();) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    lines.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  FixtureSpec spec;
  std::vector<std::string> pending;  // expectations waiting for their line
  for (uint32_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    size_t hash = line.find('#');
    std::string_view code = trim(line.substr(0, hash == std::string_view::npos ? line.size() : hash));
    std::string_view rest;
    bool has_code = !code.empty();
    if (has_code && !pending.empty()) {
      for (auto& r : pending) spec.expected.push_back({r, n + 1});
      pending.clear();
    }
    if (hash == std::string_view::npos) continue;
    std::string_view comment = line.substr(hash + 1);
    if (directive(comment, "expect", rest)) {
      for (auto& id : split_ids(rest)) {
        if (has_code) spec.expected.push_back({id, n + 1});
        else pending.push_back(id);
      }
    } else if (directive(comment, "test", rest)) {
      for (auto& id : split_ids(rest)) spec.tested_rules.push_back(id);
    }
  }
  return spec;
}

}  // namespace jf
