// The bounds the check targets and fuzz_rules assert (fuzz/fuzz_bounds.hpp)
// hold on every check seed in every format, and each assertion fires: with
// its bound lowered from the environment, the harness aborts with its
// message, as libFuzzer would report a crash.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz/fuzz_bounds.hpp"
#include "fuzz/fuzz_render.hpp"

#include "cli_test_util.hpp"

namespace fs = std::filesystem;
using namespace jf;
using jf::testing::slurp;

namespace {

// A check seed: byte 0 '@' is .assess, text format, English.
std::string seed() { return slurp(fs::path(JIANFU_SOURCE_DIR) / "fuzz/regressions/fuzz_check/seed-errors.assess"); }

int run(const std::string& input, const RuleSet* rules) {
  return fuzz::check_and_render(reinterpret_cast<const uint8_t*>(input.data()), input.size(), rules);
}

const RuleSet& proof_rules() {
  static SourceSet sources;
  return fuzz::builtin_family(sources, "proof");
}

}  // namespace

TEST(FuzzBounds, OutputBoundHoldsOnEverySeedInEveryFormat) {
  ::unsetenv("JIANFU_FUZZ_OUTPUT_BOUND");
  // Tests never time things: the cost bound is the fuzzers' to assert.
  ::setenv("JIANFU_FUZZ_COST_BOUND", "1000000000000,0,0,0", 1);
  const RuleSet& rules = proof_rules();
  for (const auto& e : fs::directory_iterator(fs::path(JIANFU_SOURCE_DIR) / "fuzz/regressions/fuzz_check")) {
    std::string input = slurp(e.path());
    ASSERT_FALSE(input.empty());
    for (int format = 0; format <= static_cast<int>(check_formats().size()); ++format)  // the last: summary
      for (int zh = 0; zh < 2; ++zh) {
        input[0] = static_cast<char>((input[0] & 1) | ((format & 7) << 1) | (zh << 4) | ((format >> 3) << 5));
        EXPECT_EQ(run(input, &rules), 0) << e.path();  // the harness aborts on a broken bound
      }
  }
}

TEST(FuzzBoundsDeathTest, OutputAssertionFiresWhenItsBoundIsLowered) {
  const std::string input = seed();
  // Output no larger than the input: the seed's report is larger.
  EXPECT_DEATH(
      {
        ::setenv("JIANFU_FUZZ_COST_BOUND", "1000000000000,0,0,0", 1);
        ::setenv("JIANFU_FUZZ_OUTPUT_BOUND", "0,1", 1);
        run(input, nullptr);
      },
      "output bound broken: text output of [0-9]+ bytes for [0-9]+ input bytes");
}

TEST(FuzzBoundsDeathTest, CostAssertionFiresWhenItsBoundIsLowered) {
  const std::string input = seed();
  // 1 ns per step charged and nothing for the input or a fixed part: the
  // check's parsing and evaluation cost more than that.
  EXPECT_DEATH(
      {
        ::setenv("JIANFU_FUZZ_COST_BOUND", "0,0,1,0", 1);
        run(input, &proof_rules());
      },
      "cost bound broken: the check took [0-9]+ us of CPU for [0-9]+ input bytes, [0-9]+ steps");
}

TEST(FuzzBounds, TheChecksStepsAndRegexUnitsAreCounted) {
  // The cost bound pays for what the rules charged: a seed the proof rules
  // evaluate must leave its steps where the harness reads them.
  fuzz::start_charges();
  SourceSet sources;
  const std::string input = seed();
  check_file(sources, sources.add("s.assess", input.substr(1)), &proof_rules(), fuzz::fuzz_limits());
  EXPECT_GT(fuzz::steps_charged(), 0u);
}
