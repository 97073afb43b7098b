// The libyaml fast path builds exactly the tree the yaml-cpp path builds, and
// declines everything outside its case.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dsl/yaml_tree.hpp"

namespace jf {
namespace {

std::string dump(const YamlTree& t, uint32_t id, int depth = 0) {
  const YamlNode& n = t[id];
  std::string out = std::string(depth * 2, ' ') + std::to_string(static_cast<int>(n.kind)) + (n.plain ? "p" : "q") +
                    " [" + std::to_string(n.span.begin) + "," + std::to_string(n.span.end) + ") tag=" + std::string(n.tag) +
                    " text=" + std::string(n.text) + "\n";
  for (uint32_t c : n.children) out += dump(t, c, depth + 1);
  return out;
}

struct Both {
  SourceFile src;  // the trees view its text
  std::optional<YamlTree> fast, slow;
  std::vector<Diagnostic> diags;
  explicit Both(std::string text) : src("t.yaml", std::move(text)) {
    fast = read_yaml_fast(src, 0, Limits{});
    slow = read_yaml_document_slow(src, 0, Limits{}, diags);
  }
};

void expect_same(const std::string& text) {
  Both b(text);
  ASSERT_TRUE(b.slow) << text;
  ASSERT_TRUE(b.fast) << "fast path declined:\n" << text;
  EXPECT_EQ(dump(*b.fast, b.fast->root), dump(*b.slow, b.slow->root)) << text;
}

TEST(YamlFast, SameTreeAsYamlCpp) {
  expect_same("scheme:\n  name: 花溪县2025年度\n  year: 2025\n  units: [花溪镇, 青岩镇, 石板镇]\n");
  expect_same("departments:\n  - {id: 两办, name: \"县委办、县政府办\", kind: office}\n  - {id: 'x''y', kind: line}\n");
  expect_same("\xEF\xBB\xBFscheme: {name: 有BOM}\n");
  expect_same("a: ~\nb: null\nc: NULL\nd: \"null\"\ne: true\nf: -1.5 # comment\n");
  expect_same("a:\r\n  - 一\r\n  - \"二\\n三\"\r\n");
  expect_same("k: \"跨\n  行\"\nl:\n- x\n- y\n");
  expect_same("list:\n  - - 1\n    - 2\n  - {a: [b, {c: d}]}\n");
}

TEST(YamlFast, SameTreeOnTheExample) {
  std::ifstream in(std::string(JIANFU_SOURCE_DIR) + "/examples/huaxi-2025.yaml", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  expect_same(ss.str());
}

TEST(YamlFast, DeclinesWhatYamlCppMustRead) {
  for (const char* text : {"a: &x 1\nb: *x\n", "a: !!str 1\n", "a:\nb: 1\n", "a: 1\n---\nb: 2\n", "a: [1\n",
                           "a: |\n  block\n", "a: plain\n  folded\n", "", "# only a comment\n", "%YAML 1.2\n---\na: 1\n",
                           ",", "a: \"\"\nb: c: d\n"}) {
    Both b(text);
    EXPECT_FALSE(b.fast) << text;
  }
}

TEST(YamlFast, DeclinesNestingPastTheLimit) {
  std::string deep(100, '[');
  deep += std::string(100, ']');
  Both b(deep);
  EXPECT_FALSE(b.fast);
  ASSERT_EQ(b.diags.size(), 1u);
  EXPECT_EQ(b.diags[0].message.in(Lang::en), "nesting deeper than 64 levels");
}

}  // namespace
}  // namespace jf
