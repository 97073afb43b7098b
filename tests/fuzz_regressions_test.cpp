// Every input a fuzzer ever crashed on (fuzz/regressions/TARGET/*) replayed
// through the same code in the normal build, plus the invariants the fuzz
// targets check.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dsl/scheme_loader.hpp"
#include "pipeline/builtin_rules.hpp"
#include "pipeline/check_pipeline.hpp"
#include "render/render.hpp"
#include "pipeline/rule_loader.hpp"

namespace fs = std::filesystem;
using namespace jf;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<fs::path> inputs(const std::string& target) {
  std::vector<fs::path> out;
  fs::path dir = fs::path(JIANFU_SOURCE_DIR) / "fuzz" / "regressions" / target;
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  return out;
}

// What fuzz_assess / fuzz_yaml check: loading never throws and every finding
// lies inside the file.
void expect_spans_inside(const std::string& name, const std::string& text) {
  SourceSet sources;
  uint32_t id = sources.add(name, text);
  LoadResult r = load_scheme(sources, id, Limits{});
  for (const Diagnostic& d : r.diagnostics) {
    EXPECT_EQ(d.span.file, id);
    EXPECT_LE(d.span.begin, d.span.end) << d.message.en;
    EXPECT_LE(d.span.end, text.size()) << d.message.en;
  }
  render_text(r.diagnostics, sources, {});
}

}  // namespace

TEST(FuzzRegressions, AssessInputs) {
  for (const fs::path& p : inputs("fuzz_assess")) expect_spans_inside("r.assess", read(p));
}

TEST(FuzzRegressions, YamlInputs) {
  for (const fs::path& p : inputs("fuzz_yaml")) expect_spans_inside("r.yaml", read(p));
}

TEST(FuzzRegressions, CheckInputs) {
  SourceSet rule_sources;
  RuleSet rules;
  std::vector<Diagnostic> errors;
  for (const EmbeddedFile& f : builtin_rule_files())
    add_rule_file(rules, rule_sources, rule_sources.add(std::string(f.path), std::string(f.text)), true, errors);
  ASSERT_TRUE(errors.empty());
  for (const fs::path& p : inputs("fuzz_check")) {
    std::string text = read(p);
    if (text.empty()) continue;
    SourceSet sources;
    uint32_t id = sources.add((text[0] & 1) ? "r.yaml" : "r.assess", text.substr(1));
    FileCheck c = check_file(sources, id, &rules, Limits{});
    render_json(c.diagnostics, sources, {"r"}, Lang::en);
    render_sarif(c.diagnostics, sources, rules.rules(), Lang::zh, "test");
  }
}

TEST(FuzzRegressions, RulesInputs) {
  for (const fs::path& p : inputs("fuzz_rules")) {
    SourceSet sources;
    RuleSet set;
    std::vector<Diagnostic> errors;
    add_rule_file(set, sources, sources.add("r.rules", read(p)), false, errors);
  }
}

// Found by fuzz_yaml: a file that is only a document marker reported its
// error one byte past the end of the file.
TEST(FuzzRegressions, DocumentMarkerOnlyPointsInsideTheFile) {
  SourceSet sources;
  uint32_t id = sources.add("s.yaml", "---");
  LoadResult r = load_scheme(sources, id, Limits{});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message.en, "the top level must be a mapping with a `scheme` key, got nothing");
  EXPECT_EQ(r.diagnostics[0].span.begin, 3u);
  EXPECT_EQ(r.diagnostics[0].span.end, 3u);
}

// The element limit: a file within the size limit may still hold too many
// elements for the checks; it is refused with one finding.
TEST(FuzzRegressions, ElementLimit) {
  std::string text = "scheme \"S\" {\n  year 2025\n  total 100\n  units A\n}\ndepartment D kind office\n";
  for (int i = 0; i < 30; ++i) text += "indicator i" + std::to_string(i) + " { owner D }\n";
  SourceSet sources;
  uint32_t id = sources.add("s.assess", text);
  Limits limits;
  limits.max_elements = 20;
  LoadResult r = load_scheme(sources, id, limits);
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message.en,
            "the scheme has 32 elements (units, departments, groups, indicators and their items), above the "
            "limit of 20");
  EXPECT_TRUE(r.scheme.indicators.empty());
  limits.max_elements = 32;
  EXPECT_TRUE(load_scheme(sources, id, limits).diagnostics.empty());
}
