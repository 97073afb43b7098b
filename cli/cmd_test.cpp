// `jianfu test PATH...`: run rule fixtures (schemes annotated `# expect: ID`).
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "dsl/fixture_expectations.hpp"
#include "pipeline/check_pipeline.hpp"

namespace fs = std::filesystem;

namespace jf::cli {
namespace {

struct TestOptions {
  std::vector<std::string> paths;
};

using Finding = std::pair<std::string, uint32_t>;  // rule, line

// Rules a fixture tests: the file-name prefix (`JF102.fires.assess`) when it
// names a loaded rule, plus `# test:` lines.
std::set<std::string> tested_rules(const std::string& path, const FixtureSpec& spec, const RuleSet& rules) {
  std::set<std::string> out(spec.tested_rules.begin(), spec.tested_rules.end());
  std::string stem = fs::path(path).filename().string();
  stem = stem.substr(0, stem.find('.'));
  if (rules.find(stem)) out.insert(stem);
  return out;
}

int run_test(const TestOptions& o, const Globals& g) {
  SourceSet sources;
  std::vector<std::string> rule_files = collect_rule_files(o.paths);
  // The rule files under PATH are the ones under test; without any, the
  // built-in pack is tested.
  RuleSet rules = load_rules(sources, o.paths, rule_files.empty(), g);
  std::vector<Message> errors;
  std::vector<std::string> fixtures = collect_schemes(o.paths, errors);
  if (!errors.empty()) throw ToolError(errors.front());

  std::map<std::string, std::pair<int, int>> per_rule;  // passed, failed fixtures
  int failed = 0;
  for (const std::string& path : fixtures) {
    uint32_t id = sources.add(path, read_source_file(path, g.limits.max_file_bytes));
    FixtureSpec spec = parse_fixture_spec(sources[id].text());
    std::set<std::string> tested = tested_rules(path, spec, rules);
    for (const Expectation& e : spec.expected) tested.insert(e.rule);
    if (tested.empty()) {
      fmt::print("skip  {}: names no rule (use a RULE.*.assess name or `# test: ID`)\n", path);
      continue;
    }
    std::multiset<Finding> want, got;
    for (const Expectation& e : spec.expected) want.insert({e.rule, e.line});
    FileCheck result = check_file(sources, id, &rules, g.limits);
    for (const Diagnostic& d : result.diagnostics)
      if (tested.count(d.rule)) got.insert({d.rule, sources[id].locate(d.span.begin).line});
    std::vector<std::string> problems;
    for (auto f = want.begin(); f != want.end(); f = want.upper_bound(*f))
      for (size_t n = got.count(*f); n < want.count(*f); ++n)
        problems.push_back(fmt::format("  missing     {}:{}: {}", path, f->second, f->first));
    for (auto f = got.begin(); f != got.end(); f = got.upper_bound(*f)) {
      if (got.count(*f) <= want.count(*f)) continue;
      std::string msg;
      for (const Diagnostic& d : result.diagnostics)
        if (d.rule == f->first && sources[id].locate(d.span.begin).line == f->second) msg = d.message.in(Lang::en);
      problems.push_back(fmt::format("  unexpected  {}:{}: {} {}", path, f->second, f->first, msg));
    }
    bool ok = problems.empty();
    for (const std::string& r : tested) (ok ? per_rule[r].first : per_rule[r].second)++;
    fmt::print("{}  {}\n", ok ? "pass" : "FAIL", path);
    for (const std::string& p : problems) fmt::print("{}\n", p);
    if (!ok) ++failed;
  }
  int passed_rules = 0, failed_rules = 0;
  for (auto& [rule, counts] : per_rule) (counts.second ? failed_rules : passed_rules)++;
  fmt::print("\n{} fixtures, {} rules: {} passed, {} failed\n", fixtures.size(), per_rule.size(), passed_rules,
             failed_rules);
  return failed ? kFindings : kClean;
}

}  // namespace

Action setup_test(CLI::App& app, Globals& g) {
  auto o = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand("test", "Run rule fixtures: schemes annotated with `# expect: ID`");
  cmd->add_option("paths", o->paths, "Directories or files holding .rules files and fixtures")->required();
  return [o, &g] { return run_test(*o, g); };
}

}  // namespace jf::cli
