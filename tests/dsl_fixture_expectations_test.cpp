#include "dsl/fixture_expectations.hpp"

#include <gtest/gtest.h>

namespace jf {
namespace {

TEST(FixtureSpec, ExpectRefersToTheNextCodeLine) {
  FixtureSpec s = parse_fixture_spec(
      "# test: JF101\n"
      "# expect: JF102, JF103\n"
      "# a comment between\n"
      "\n"
      "indicator a {\n"
      "  penalty last -> veto   # expect: JF502\n"
      "}\n");
  ASSERT_EQ(s.expected.size(), 3u);
  EXPECT_EQ(s.expected[0].rule, "JF102");
  EXPECT_EQ(s.expected[0].line, 5u);
  EXPECT_EQ(s.expected[1].rule, "JF103");
  EXPECT_EQ(s.expected[1].line, 5u);
  EXPECT_EQ(s.expected[2].rule, "JF502");
  EXPECT_EQ(s.expected[2].line, 6u);
  EXPECT_EQ(s.tested_rules, std::vector<std::string>{"JF101"});
}

TEST(FixtureSpec, OrdinaryCommentsAreNotDirectives) {
  FixtureSpec s = parse_fixture_spec("# we expect nothing here\nscheme \"x\" {}\n");
  EXPECT_TRUE(s.expected.empty());
}

}  // namespace
}  // namespace jf
