// Rule loading in the pipeline: the run's limits reach the rules parser, and
// the embedded pack compiles under the default ones.
#include <gtest/gtest.h>

#include "pipeline/rule_loader.hpp"

namespace jf {
namespace {

const char* kRule = "rule MY01 many-units {\n  category volume\n  severity warning\n  summary en \"s\"\n"
                    "  when count(units) > 1\n  message en \"m\"\n}\n";

TEST(RuleLoader, RunLimitsReachTheParser) {
  SourceSet sources;
  RuleSet set;
  std::vector<Diagnostic> errors;
  EXPECT_FALSE(add_rule_file(set, sources, sources.add("my.rules", kRule), false, errors, Limits{.max_file_bytes = 50}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message.in(Lang::en), "file size is above the limit of 50 bytes");
  EXPECT_EQ(set.find("MY01"), nullptr);

  errors.clear();
  EXPECT_TRUE(add_rule_file(set, sources, sources.add("my.rules", kRule), false, errors, Limits{}));
  EXPECT_TRUE(errors.empty());
  ASSERT_NE(set.find("MY01"), nullptr);
  EXPECT_FALSE(set.find("MY01")->builtin);
}

TEST(RuleLoader, BuiltinPackCompiles) {
  SourceSet sources;
  RuleSet set;
  std::vector<Diagnostic> errors;
  EXPECT_TRUE(add_builtin_rules(set, sources, errors));
  EXPECT_TRUE(errors.empty());
  ASSERT_NE(set.find("JF001"), nullptr);
  EXPECT_TRUE(set.find("JF001")->builtin);
  EXPECT_EQ(sources[0].path().rfind("builtin:", 0), 0u);
}

}  // namespace
}  // namespace jf
