// The measured corpus (docs/import.md, "How much is understood"): the share of
// scoring clauses the clause reader understands in tests/corpus/ and the
// project's sample tables, printed; and for each corpus table with a
// NAME.expect, what a careful reviewer expects against what `check` reports.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_test_util.hpp"
#include "base/lexicon.hpp"
#include "base/source.hpp"
#include "dsl/table_import.hpp"
#include "base/clauses.hpp"

namespace jf {
namespace {

namespace fs = std::filesystem;
const std::string kSrc = JIANFU_SOURCE_DIR;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> tables() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kSrc + "/tests/corpus"))
    if (e.path().extension() == ".csv") out.push_back(e.path());
  out.push_back(kSrc + "/examples/qingshan-2025-table.csv");
  out.push_back(kSrc + "/tests/import/merged.csv");
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Corpus, ShareOfScoringClausesUnderstood) {
  size_t all = 0, understood = 0;
  for (const fs::path& p : tables()) {
    SourceSet sources;
    uint32_t id = sources.add(p.string(), slurp(p));
    ImportResult r = import_table(sources, id, {});
    ASSERT_TRUE(r.ok()) << p;
    size_t n = 0, u = 0;
    for (const Indicator& ind : r.scheme.indicators)
      for (const std::string* text : {&ind.wording.content, &ind.wording.standard, &ind.wording.method})
        for (const Criterion& c : read_criteria(*text, "", ind.points, *lexicon())) {
          ++n;
          u += c.understood;
          if (!c.understood) std::cout << "  not understood: " << p.filename().string() << ": " << c.text << "\n";
        }
    std::cout << p.filename().string() << ": " << u << " of " << n << " scoring clauses understood\n";
    all += n, understood += u;
  }
  ASSERT_GT(all, 0u);
  const double share = static_cast<double>(understood) / static_cast<double>(all);
  std::cout << "corpus: " << understood << " of " << all << " scoring clauses understood ("
            << static_cast<int>(share * 1000 + 0.5) / 10.0 << "%)\n";
  EXPECT_GE(share, 0.9);
}

std::set<std::string> expected(const fs::path& p) {
  std::set<std::string> out;
  std::istringstream in(slurp(p));
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.insert(line);
  return out;
}

TEST(Corpus, ReviewerExpectationsMatchFindings) {
  size_t expectations = 0;
  for (const auto& e : fs::directory_iterator(kSrc + "/tests/corpus")) {
    if (e.path().extension() != ".expect") continue;
    ++expectations;
    fs::path table = e.path();
    table.replace_extension(".csv");
    auto r = jf::testing::run_jianfu("check --format json " + table.string());
    std::set<std::string> fired;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    for (auto& d : doc["diagnostics"])
      if (d["severity"] != "info") fired.insert(d["rule"]);
    std::set<std::string> want = expected(e.path());
    std::cout << table.filename().string() << ": reviewer expects " << want.size() << ", check reports "
              << fired.size() << "\n";
    EXPECT_EQ(fired, want) << table;
  }
  EXPECT_GT(expectations, 0u) << "tests/corpus holds no .expect files: nothing was compared";
}

}  // namespace
}  // namespace jf
