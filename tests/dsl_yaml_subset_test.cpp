// The oracle of the YAML subset scanner (dsl/yaml_subset_scanner.cpp): when
// it reads a text at all, libyaml (read_yaml_fast) reads it too and builds the
// same tree, node for node (kind, plain, span, text). Checked on every YAML
// file of the repository, on generated county files, and on thousands of
// mutated excerpts of both (random edits with each class of byte the YAML
// grammar treats apart). A scanner that declines everything would pass the
// equality, so the test also requires it to read the files it exists for.
#include <algorithm>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "bench/scheme_gen.hpp"
#include "dsl/yaml_tree.hpp"
#include "dsl/yaml_tree_dump.hpp"

namespace jf {
namespace {

/// Reads `text` with both; true when the scanner read it (and then libyaml
/// must have built the same tree).
bool agrees(const std::string& text, const Limits& limits = Limits{}) {
  SourceFile src("t.yaml", text);
  std::optional<YamlTree> scanned = read_yaml_subset(src, 3, limits);
  if (!scanned) return false;
  std::optional<YamlTree> fast = read_yaml_fast(src, 3, limits);
  EXPECT_TRUE(fast) << "the scanner read what libyaml declines:\n" << text;
  if (fast) {
    EXPECT_EQ(dump_yaml_tree(*scanned), dump_yaml_tree(*fast)) << text;
  }
  return true;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every .yaml/.yml file of the repository outside build trees, hidden
/// folders and installed packages (bench/compare npm-installs Spectral into
/// bench/node_modules, thousands of YAML files that are not ours), in path
/// order so that the mutations are the same on every file system.
std::vector<std::string> repository_yaml() {
  std::vector<std::filesystem::path> paths;
  const std::filesystem::path root(JIANFU_SOURCE_DIR);
  for (auto it = std::filesystem::recursive_directory_iterator(root); it != std::filesystem::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name.rfind('.', 0) == 0 || name.rfind("build", 0) == 0 || name == "node_modules")) {
      it.disable_recursion_pending();
      continue;
    }
    const std::string ext = it->path().extension().string();
    if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths) out.push_back(read_file(p));
  return out;
}

std::vector<std::string> generated_yaml() {
  std::vector<std::string> out;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    bench::GenParams p;
    p.seed = seed;
    p.indicators = static_cast<int>(5 + seed * 7);
    p.departments = static_cast<int>(5 + seed * 2);
    out.push_back(bench::scheme_text(bench::generate_scheme(p), false));
  }
  return out;
}

TEST(YamlSubset, ReadsWhatLibyamlReadsTheSame) {
  for (const char* text :
       {"scheme:\n  name: 花溪县2025年度\n  year: 2025\n  units: [花溪镇, 青岩镇, 石板镇]\n",
        "departments:\n  - {id: 两办, name: \"县委办、县政府办\", kind: office}\n  - {id: 'x''y', kind: line}\n",
        "\xEF\xBB\xBFscheme: {name: 有BOM}\n", "a: ~\nb: null\nc: NULL\nd: \"null\"\ne: true\nf: -1.5 # comment\n",
        "list:\n  - - 1\n    - 2\n  - {a: [b, {c: d}]}\n", "a:\n- x\n- y\nb: 1\n", "- a: 1\n  b: 2\n- c\n",
        "k: \"a\\tb\\n\\\\\\\"\\x41\\u00e9\\u4e2d\"\n", "k: 'it''s'\n", "a: []\nb: {}\n", "a: b:c\n", "a : b\n",
        "\"quoted key\": 1\n", "top\n", "a:\n  # between\n  b: 1  # after\n# end\n", "a: x#y\n", "a: [ x , 'y' ]\n",
        "a:\n  b\n", "-\n  a: 1\n", "a: -1\nb: --x\n"}) {
    EXPECT_TRUE(agrees(text)) << "declined:\n" << text;
  }
}

TEST(YamlSubset, DeclinesOutsideTheSubset) {
  for (const char* text :
       {"a: &x 1\nb: *x\n", "a: !!str 1\n", "a:\nb: 1\n", "a: 1\n---\nb: 2\n", "---\na: 1\n", "a: 1\n...\n", "a: [1\n",
        "a: |\n  block\n", "a: >\n  folded\n", "a: plain\n  folded\n", "", "# only a comment\n", "%YAML 1.2\n---\na: 1\n",
        ",", "a: \"\"\nb: c: d\n", "a:\tb\n", "a: b\r\n", "a: \"x\n  y\"\n", "? a\n: b\n", "a: {b: 1,\n  c: 2}\n",
        "a: [b, ]\n", "a: [b: c]\n", "{a:b}\n", "a: b\xC2\x85\n", "a: \xEF\xBB\xBF\n", "a: \xFF\n", "a: \"\\U0001F600\"\n",
        "a: - b\n", "a: \"x\"y\n", "- \n- b\n", "a: [x]: y\n", "a: @x\n", "a: `x`\n", "[a]: b\n",
        "a: 1\n b: 2\n"}) {
    SourceFile src("t.yaml", text);
    EXPECT_FALSE(read_yaml_subset(src, 0, Limits{})) << text;
  }
}

/// The pieces one after the other (appended, not `"…" + std::string`, which
/// GCC 12 warns about: -Wrestrict false positives).
std::string cat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view p : pieces) out.append(p);
  return out;
}

TEST(YamlSubset, LongScalarsAndKeys) {
  const std::string long_text(5000, 'x');
  std::string long_cjk;
  for (int i = 0; i < 2000; ++i) long_cjk.append("县");
  EXPECT_TRUE(agrees(cat({"- ", long_text, "\n- [", long_cjk, ", b]\n"})));
  EXPECT_TRUE(agrees(cat({"a:\n  ", long_cjk, "\nb: '", long_text, "'\n"})));
  EXPECT_TRUE(agrees(cat({std::string(1000, 'k'), ": v\n"})));
  // libyaml forgets a key whose `:` comes 1,024 characters after its start:
  // past 1,000 bytes the scanner leaves keys to it.
  const std::string k1001(1001, 'k'), k1200(1200, 'k'), k1100(1100, 'k');
  for (const std::string& text : {cat({k1001, ": v\n"}), cat({"{", k1200, ": v}\n"}), cat({"\"", k1100, "\": v\n"})}) {
    SourceFile src("t.yaml", text);
    EXPECT_FALSE(read_yaml_subset(src, 0, Limits{})) << text.size();
  }
}

TEST(YamlSubset, DeclinesNestingPastTheLimit) {
  Limits shallow;
  shallow.max_depth = 2;
  SourceFile src("t.yaml", "a:\n  b: [c]\n");
  EXPECT_FALSE(read_yaml_subset(src, 0, shallow));
  EXPECT_TRUE(read_yaml_subset(src, 0, Limits{}));
}

TEST(YamlSubset, SameTreeOnEveryRepositoryFile) {
  std::vector<std::string> files = repository_yaml();
  ASSERT_GT(files.size(), 50u);
  size_t read = 0;
  for (const std::string& f : files) read += agrees(f);
  // Most are in the subset (messages, lexicons, schemes, configs); the rest
  // use block scalars or are invalid on purpose.
  EXPECT_GT(read * 2, files.size());
  EXPECT_TRUE(agrees(read_file(std::string(JIANFU_SOURCE_DIR) + "/examples/huaxi-2025.yaml")));
}

TEST(YamlSubset, ReadsEveryGeneratedCountyFile) {
  for (const std::string& f : generated_yaml()) EXPECT_TRUE(agrees(f)) << f.substr(0, 400);
}

/// A deterministic generator (no std distributions: the same edits everywhere).
struct Rng {
  uint64_t s;
  uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
};

/// One random edit: a byte of a class YAML treats apart inserted or written
/// over, bytes deleted, a line doubled, dropped, indented or joined.
void mutate(std::string& t, Rng& r) {
  static const std::vector<std::string> pieces = {
      " ", "\n", "\t", "\r", "-", "- ", ":", ": ", "#", " #", ",", "[", "]", "{", "}", "\"", "'", "''", "\\", "\\x4",
      "\\u00e9", "\\q", "&", "*", "!", "|", ">", "%", "@", "`", "?", "? ", "~", "null", ".", "a", "0", "中", "\xC2\x85",
      "\xE2\x80\xA8", "\xEF\xBB\xBF", std::string(1, '\0'), "\xFF", "\x80", "\xC3", "\xED\xA0\x80", "---", "...",
      "\x7F", "\x01", "  ", "    "};
  const size_t at = r.below(t.size() + 1);
  switch (r.below(8)) {
    case 0:
    case 1: t.insert(at, pieces[r.below(pieces.size())]); break;
    case 2:
      if (at < t.size()) t.replace(at, 1, pieces[r.below(pieces.size())]);
      break;
    case 3: t.erase(at, 1 + r.below(3)); break;
    default: {
      size_t begin = t.rfind('\n', at == 0 ? 0 : at - 1);
      begin = begin == std::string::npos ? 0 : begin + 1;
      size_t end = t.find('\n', begin);
      end = end == std::string::npos ? t.size() : end + 1;
      switch (r.below(4)) {
        case 0: t.insert(begin, t.substr(begin, end - begin)); break;
        case 1: t.erase(begin, end - begin); break;
        case 2: t.insert(begin, r.below(2) ? " " : "  "); break;
        default:
          if (begin < t.size() && t[begin] == ' ') t.erase(begin, 1);
          else if (end > begin && end <= t.size() && t[end - 1] == '\n') t.erase(end - 1, 1);
      }
    }
  }
}

/// Up to `lines` whole lines of `t` from a random line on.
std::string excerpt(const std::string& t, Rng& r, size_t lines) {
  size_t begin = r.below(t.size());
  begin = t.rfind('\n', begin);
  begin = begin == std::string::npos ? 0 : begin + 1;
  size_t end = begin;
  for (size_t i = 0; i < lines && end < t.size(); ++i) {
    end = t.find('\n', end);
    end = end == std::string::npos ? t.size() : end + 1;
  }
  return t.substr(begin, end - begin);
}

TEST(YamlSubset, SameTreeOnMutatedFiles) {
  std::vector<std::string> seeds = repository_yaml();
  for (std::string& g : generated_yaml()) seeds.push_back(std::move(g));
  Rng r{0x9E3779B97F4A7C15ull};
  Limits shallow;
  shallow.max_depth = 3;
  size_t read = 0, tried = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string& seed = seeds[r.below(seeds.size())];
    std::string t = excerpt(seed, r, 1 + r.below(40));
    for (size_t edits = r.below(4); edits > 0; --edits) mutate(t, r);
    ++tried;
    read += agrees(t, i % 10 == 0 ? shallow : Limits{});
    if (HasFailure()) break;  // the first difference is the one to read
  }
  // The edits keep many excerpts inside the subset: the equality is tested,
  // not only the declining.
  EXPECT_GT(read * 5, tried) << read << " of " << tried << " read";
  std::cout << "the scanner read " << read << " of " << tried << " mutated excerpts\n";
}

}  // namespace
}  // namespace jf
