// Every rule id the C++ code emits (JF001-JF010, JF099, JF406, ...) is in the
// catalogue (rules/*.rules) as a native rule, and the findings the code
// builds carry the catalogue's name, category and severity. The ids are read
// from the product sources, so a new id without a catalogue entry, or without
// a trigger below, fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/burden.hpp"
#include "engine/facts.hpp"
#include "engine/scheme_diff.hpp"
#include "pipeline/check_pipeline.hpp"
#include "pipeline/rule_loader.hpp"

namespace jf {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// "JFnnn" string literals in the product layers, comments left out, with
/// the first place each occurs.
std::map<std::string, std::string> ids_in_sources() {
  const std::regex literal("\"(JF[0-9]{3})\"");
  std::map<std::string, std::string> out;
  for (const char* layer : {"base", "dsl", "engine", "render", "pipeline", "cli"}) {
    for (const auto& e : fs::directory_iterator(fs::path(JIANFU_SOURCE_DIR) / layer)) {
      std::string ext = e.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      std::istringstream lines(slurp(e.path()));
      std::string line;
      for (int n = 1; std::getline(lines, line); ++n) {
        if (auto c = line.find("//"); c != std::string::npos) line.erase(c);
        for (std::sregex_iterator m(line.begin(), line.end(), literal), end; m != end; ++m)
          out.emplace((*m)[1], std::string(layer) + "/" + e.path().filename().string() + ":" + std::to_string(n));
      }
    }
  }
  return out;
}

struct Catalogue {
  SourceSet sources;
  RuleSet rules;
  Catalogue() {
    std::vector<Diagnostic> errors;
    EXPECT_TRUE(add_builtin_rules(rules, sources, errors));
  }
};

/// Findings of a scheme text checked without a rule set, so that no
/// catalogue setting overrides what the C++ code wrote.
std::vector<Diagnostic> check_text(const std::string& path, const std::string& text) {
  SourceSet sources;
  uint32_t id = sources.add(path, text);
  return check_file(sources, id, nullptr, Limits{}).diagnostics;
}

/// Native findings produced by running the code that emits them. The
/// structure rules' catalogue examples fire them; the others need a rule
/// that fails, a table with an unread cell, or a heavier draft.
std::vector<Diagnostic> produce(const Catalogue& c) {
  std::vector<Diagnostic> out;
  auto add = [&](std::vector<Diagnostic> ds) { out.insert(out.end(), ds.begin(), ds.end()); };
  for (const RuleMeta& m : c.rules.rules())
    if (m.native && m.example.find("scheme ") != std::string::npos) add(check_text("example.assess", m.example));

  // JF010: a rule that fails at run time (avg of no indicators).
  const RuleMeta* jf010 = c.rules.find("JF010");
  if (jf010) {
    SourceSet sources;
    RuleSet failing;
    std::vector<Diagnostic> errors;
    EXPECT_TRUE(add_rule_file(failing, sources, sources.add("my.rules", jf010->example), false, errors));
    Scheme empty;
    add(failing.evaluate(empty, compute_facts(empty)));
  }

  // JF099: an imported table with a cell no pattern understands.
  add(check_text("merged.csv", slurp(fs::path(JIANFU_SOURCE_DIR) / "tests/import/merged.csv")));

  // JF406: a new draft with more indicators than the old one.
  Burden before, after;
  before.total.indicators = 1;
  after.total.indicators = 2;
  add(load_not_reduced(before, after, Span{}));
  return out;
}

TEST(CatalogueNativeIds, EveryEmittedIdIsANativeCatalogueRule) {
  Catalogue c;
  std::map<std::string, std::string> ids = ids_in_sources();
  ASSERT_GE(ids.size(), 12u) << "the source scan found too few ids; did the layer folders move?";
  for (const auto& [id, where] : ids) {
    const RuleMeta* m = c.rules.find(id);
    if (!m) {
      ADD_FAILURE() << id << " (" << where << ") is not in rules/*.rules";
      continue;
    }
    EXPECT_TRUE(m->native) << id << " (" << where << ") is emitted from C++ but its catalogue entry is not `native`";
  }
}

TEST(CatalogueNativeIds, FindingsCarryTheCatalogueNameCategoryAndSeverity) {
  Catalogue c;
  std::set<std::string> produced;
  for (const Diagnostic& d : produce(c)) {
    const RuleMeta* m = c.rules.find(d.rule);
    if (!m || !m->native) continue;  // rules evaluated by the examples' own findings
    produced.insert(d.rule);
    EXPECT_EQ(d.name, m->name) << d.rule;
    EXPECT_EQ(d.category, m->category) << d.rule;
    EXPECT_EQ(to_string(d.severity), to_string(m->severity)) << d.rule;
  }
  for (const auto& [id, where] : ids_in_sources())
    EXPECT_TRUE(produced.count(id)) << id << " (" << where << ") was not produced: give it a trigger in produce()";
}

}  // namespace
}  // namespace jf
