// The step budget is part of the trust model (docs/security.md): a rule
// stops with JF010 after 10,000,000 steps. Faster evaluation must not change
// what a step is, or a rule that fitted would fail (or a hostile one run
// longer). This test pins the steps every built-in rule charges on every
// example and fixture scheme; tests/golden/rule-steps.txt was written by the
// tree-walking evaluator before the condition path (Node::test) and the
// shared lexicon search. JIANFU_UPDATE_GOLDEN=1 rewrites it on purpose.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/builtin_rules.hpp"
#include "pipeline/check_pipeline.hpp"
#include "engine/rule_eval.hpp"
#include "pipeline/rule_loader.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(RuleSteps, EveryRuleChargesThePinnedSteps) {
  const fs::path root = JIANFU_SOURCE_DIR;
  jf::SourceSet sources;
  jf::RuleSet rules;
  std::vector<jf::Diagnostic> errors;
  for (const jf::EmbeddedFile& f : jf::builtin_rule_files())
    add_rule_file(rules, sources, sources.add(std::string(f.path), std::string(f.text)), true, errors);
  ASSERT_TRUE(errors.empty());

  std::vector<fs::path> files;
  for (const fs::path& dir : {root / "examples", root / "rules/fixtures", root / "tests/golden"})
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".assess" || e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 80u);

  std::ostringstream got;
  for (const fs::path& p : files) {
    uint32_t id = sources.add(fs::relative(p, root).string(), read(p));
    jf::FileCheck r = jf::check_file(sources, id, &rules, jf::Limits{});
    if (!r.parsed) continue;  // no rule ran
    for (const auto& [rule, steps] : jf::rt::last_steps())
      got << fs::relative(p, root).string() << ' ' << rule << ' ' << steps << '\n';
  }
  const fs::path golden = root / "tests/golden/rule-steps.txt";
  if (std::getenv("JIANFU_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << got.str();
  EXPECT_EQ(got.str(), read(golden)) << "steps differ from tests/golden/rule-steps.txt";
}

}  // namespace
