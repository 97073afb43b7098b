// Every input a fuzzer ever crashed on (fuzz/regressions/TARGET/*) replayed
// through the same code in the normal build, plus the invariants the fuzz
// targets check.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/baseline_reader.hpp"
#include "dsl/config_loader.hpp"
#include "dsl/document.hpp"
#include "dsl/results_loader.hpp"
#include "dsl/scheme_loader.hpp"
#include "dsl/table_import.hpp"
#include "dsl/yaml_tree.hpp"
#include "dsl/yaml_tree_dump.hpp"
#include "pipeline/builtin_rules.hpp"
#include "pipeline/check_pipeline.hpp"
#include "render/render.hpp"
#include "pipeline/rule_loader.hpp"
#include "fuzz/fuzz_bounds.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_document_input.hpp"

#include "cli_test_util.hpp"

namespace fs = std::filesystem;
using namespace jf;
using jf::testing::slurp;

namespace {

std::vector<fs::path> inputs(const std::string& target) {
  std::vector<fs::path> out;
  fs::path dir = fs::path(JIANFU_SOURCE_DIR) / "fuzz" / "regressions" / target;
  if (fs::is_directory(dir))
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  // A loop over no inputs passes whatever the harness does: a missing or
  // empty folder (a renamed target) fails the test that loops over it.
  if (out.empty()) ADD_FAILURE() << dir << " is missing or empty";
  return out;
}

// The targets fuzz/CMakeLists.txt builds: JIANFU_FUZZ_TARGETS, and
// fuzz_check_FAMILY for each of JIANFU_FUZZ_FAMILIES.
std::vector<std::string> fuzz_targets() {
  std::string cmake = slurp(fs::path(JIANFU_SOURCE_DIR) / "fuzz" / "CMakeLists.txt");
  auto list = [&](const std::string& var) {
    std::vector<std::string> out;
    size_t at = cmake.find("set(" + var + " ");
    if (at == std::string::npos) return out;
    std::istringstream words(cmake.substr(at + var.size() + 5, cmake.find(')', at) - at - var.size() - 5));
    for (std::string w; words >> w;) out.push_back(w);
    return out;
  };
  std::vector<std::string> out = list("JIANFU_FUZZ_TARGETS");
  for (const std::string& family : list("JIANFU_FUZZ_FAMILIES")) out.push_back("fuzz_check_" + family);
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
    EXPECT_LE(d.span.begin, d.span.end) << d.message.in(Lang::en);
    EXPECT_LE(d.span.end, text.size()) << d.message.in(Lang::en);
  }
  render_text(r.diagnostics, sources, {});
}

}  // namespace

TEST(FuzzRegressions, AssessInputs) {
  for (const fs::path& p : inputs("fuzz_assess")) expect_spans_inside("r.assess", slurp(p));
}

TEST(FuzzRegressions, YamlInputs) {
  for (const fs::path& p : inputs("fuzz_yaml")) {
    const std::string text = slurp(p);
    expect_spans_inside("r.yaml", text);
    // and what fuzz_yaml asserts of the subset scanner: libyaml's tree
    SourceFile src("r.yaml", text);
    if (std::optional<YamlTree> scanned = read_yaml_subset(src, 0, Limits{})) {
      std::optional<YamlTree> fast = read_yaml_fast(src, 0, Limits{});
      ASSERT_TRUE(fast) << p;
      EXPECT_EQ(dump_yaml_tree(*scanned), dump_yaml_tree(*fast)) << p;
    }
  }
}

TEST(FuzzRegressions, CheckInputs) {
  SourceSet rule_sources;
  RuleSet rules;
  std::vector<Diagnostic> errors;
  for (const EmbeddedFile& f : builtin_rule_files())
    add_rule_file(rules, rule_sources, rule_sources.add(std::string(f.path), std::string(f.text)), true, errors);
  ASSERT_TRUE(errors.empty());
  // fuzz_check (no pack) and each fuzz_check_FAMILY, run here with the whole
  // pack: a superset of what each target ran.
  for (const std::string& target : fuzz_targets())
    if (target.starts_with("fuzz_check"))
      for (const fs::path& p : inputs(target)) {
        std::string text = slurp(p);
        if (text.empty()) continue;
        SourceSet sources;
        uint32_t id = sources.add((text[0] & 1) ? "r.yaml" : "r.assess", text.substr(1));
        FileCheck c = check_file(sources, id, &rules, Limits{});
        std::map<std::string, size_t> per_rule;  // the cap fuzz_render.hpp asserts
        for (const Diagnostic& d : c.diagnostics)
          if (d.rule != "JF001") {
            EXPECT_LE(++per_rule[d.rule], 201u) << p << " " << d.rule;
          }
        std::string text_out = render_text(c.diagnostics, sources, {});
        const fuzz::OutputBound b = fuzz::output_bound(find_format(check_formats(), "text"));  // as fuzz_render.hpp asserts
        EXPECT_LE(text_out.size(), b.fixed + b.per_input_byte * text.size()) << p;
        render_json(c.diagnostics, sources, {"r"}, Lang::en);
        render_sarif(c.diagnostics, sources, rules.rules(), Lang::zh, "test");
      }
}

// Every fuzz target has seeds or past crashes in fuzz/regressions/TARGET/
// (the loops here iterated over folders that did not exist), and the
// Makefile's FUZZ_TARGETS (what CI fuzzes) names every target fuzz/ builds.
TEST(FuzzRegressions, EveryTargetHasInputsAndIsFuzzedInCi) {
  std::vector<std::string> built = fuzz_targets();
  ASSERT_GE(built.size(), 7u);
  for (const std::string& t : built) EXPECT_FALSE(inputs(t).empty()) << "fuzz/regressions/" << t << " is missing or empty";
  std::string makefile = slurp(fs::path(JIANFU_SOURCE_DIR) / "Makefile");
  size_t at = makefile.find("\nFUZZ_TARGETS");
  ASSERT_NE(at, std::string::npos);
  std::string line = makefile.substr(at + 1, makefile.find('\n', at + 1) - at - 1);
  std::set<std::string> in_ci;
  std::istringstream words(line.substr(line.find('=') + 1));
  for (std::string w; words >> w;) in_ci.insert(w);
  for (const std::string& t : built) EXPECT_TRUE(in_ci.count(t)) << t << " is not in the Makefile's FUZZ_TARGETS";
  EXPECT_EQ(in_ci.size(), built.size());
}

TEST(FuzzRegressions, TableInputs) {
  for (const fs::path& p : inputs("fuzz_table")) {
    std::string text = slurp(p);
    if (text.empty()) continue;
    SourceSet sources;
    uint32_t id = sources.add((text[0] & 1) ? "r.tsv" : "r.csv", text.substr(1));
    ImportResult r = import_table(sources, id, ImportOptions{});
    for (const Diagnostic& d : r.errors) EXPECT_LE(d.span.end, text.size() - 1) << p;
  }
}

TEST(FuzzRegressions, ConfigInputs) {
  for (const fs::path& p : inputs("fuzz_config")) {
    std::string text = slurp(p);
    SourceSet sources;
    uint32_t id = sources.add(".jianfu.yaml", text);
    std::vector<Diagnostic> errors;
    load_config(sources, id, Limits{}, errors);
    for (const Diagnostic& d : errors) EXPECT_LE(d.span.end, text.size()) << p;
  }
}

TEST(FuzzRegressions, ResultsInputs) {
  for (const fs::path& p : inputs("fuzz_results")) {
    std::string text = slurp(p);
    if (text.empty()) continue;
    LoadedResults r = load_results((text[0] & 1) ? "r.yaml" : "r.csv", text.substr(1));
    EXPECT_LE(r.issues.size(), 51u) << p;
  }
}

TEST(FuzzRegressions, RulesInputs) {
  for (const fs::path& p : inputs("fuzz_rules")) {
    SourceSet sources;
    RuleSet set;
    std::vector<Diagnostic> errors;
    add_rule_file(set, sources, sources.add("r.rules", slurp(p)), false, errors);
  }
}

TEST(FuzzRegressions, BaselineInputs) {
  for (const fs::path& p : inputs("fuzz_baseline")) {
    std::string text = slurp(p);
    cli::BaselineRead r = cli::parse_baseline(text);
    if (r.error) {
      EXPECT_FALSE(r.error->in(jf::Lang::zh).empty()) << p;
      EXPECT_TRUE(r.fingerprints.empty()) << p;
    }
  }
}

// What fuzz_document asserts, with the same small limits: the laid-out
// text within its bound (merged cells and shared strings repeat text) and
// every finding inside it. The regressions include a 5,000-deep nesting
// and merged and shared-string repeats above the text bound.
TEST(FuzzRegressions, DocumentInputs) {
  for (const fs::path& p : inputs("fuzz_document")) {
    std::string raw = slurp(p);
    if (raw.empty()) continue;
    fuzz::DocumentInput in = fuzz::document_input(reinterpret_cast<const uint8_t*>(raw.data()), raw.size());
    DocumentOptions options;
    options.table.limits = fuzz::document_limits();
    SourceSet sources;
    uint32_t id = add_scheme_source(sources, in.path, in.bytes, options);
    const std::string& text = sources[id].text();
    EXPECT_LE(text.size(), fuzz::document_text_bound(in.whole ? options.table.limits.max_unpacked_bytes : raw.size() - 1,
                                                     options.table.limits)) << p;
    LoadResult r = load_scheme(sources, id, Limits{});
    for (const Diagnostic& d : r.diagnostics) EXPECT_LE(d.span.end, text.size()) << p;
  }
}

// Found by fuzz_yaml: a file that is only a document marker reported its
// error one byte past the end of the file.
TEST(FuzzRegressions, DocumentMarkerOnlyPointsInsideTheFile) {
  SourceSet sources;
  uint32_t id = sources.add("s.yaml", "---");
  LoadResult r = load_scheme(sources, id, Limits{});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message.in(Lang::en), "the top level must be a mapping with a `scheme` key, got nothing");
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
  EXPECT_EQ(r.diagnostics[0].message.in(Lang::en),
            "the scheme has 32 elements (units, departments, groups, indicators and their items), above the "
            "limit of 20");
  EXPECT_TRUE(r.scheme.indicators.empty());
  limits.max_elements = 32;
  EXPECT_TRUE(load_scheme(sources, id, limits).diagnostics.empty());
}
