// Inline expectations in rule fixtures: `# expect: ID` comments.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jf {

struct Expectation {
  std::string rule;
  uint32_t line = 0;  // 1-based line the finding must start on
};

struct FixtureSpec {
  std::vector<Expectation> expected;
  std::vector<std::string> tested_rules;  // from `# test: ID, ID` lines
};

/// Reads `# expect: ID[, ID…]` and `# test: ID[, ID…]` comments. An expect
/// comment alone on its line refers to the next line that holds more than a
/// comment; one after code refers to its own line.
FixtureSpec parse_fixture_spec(std::string_view text);

}  // namespace jf
