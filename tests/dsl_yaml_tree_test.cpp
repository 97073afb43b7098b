// The YAML node tree owns no text per node: scalars written verbatim view the
// source, the rest the tree's arena; views survive a move of the tree; the
// duplicate-key check finds the first occurrence in small and large mappings.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "dsl/yaml_reader.hpp"
#include "dsl/yaml_tree.hpp"

namespace jf {
namespace {

bool inside(std::string_view part, std::string_view whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

/// The value node of top-level key number `i`.
const YamlNode& value(const YamlTree& t, size_t i) { return t[t[t.root].children[2 * i + 1]]; }

TEST(YamlTree, VerbatimScalarsViewTheSourceOthersTheArena) {
  SourceFile src("t.yaml", "a: plain 值\nb: \"quoted\"\nc: 'it''s'\nd: \"esc\\n\"\ne: [x, 'y']\n");
  std::optional<YamlTree> t = read_yaml_fast(src, 0, Limits{});
  ASSERT_TRUE(t);
  EXPECT_EQ(value(*t, 0).text, "plain 值");
  EXPECT_TRUE(inside(value(*t, 0).text, src.body()));
  EXPECT_EQ(value(*t, 1).text, "quoted");
  EXPECT_TRUE(inside(value(*t, 1).text, src.body()));
  EXPECT_EQ(value(*t, 2).text, "it's");  // the quote is doubled in the source
  EXPECT_FALSE(inside(value(*t, 2).text, src.body()));
  EXPECT_EQ(value(*t, 3).text, "esc\n");
  EXPECT_FALSE(inside(value(*t, 3).text, src.body()));
  const YamlNode& list = value(*t, 4);
  ASSERT_EQ(list.children.size(), 2u);
  EXPECT_EQ((*t)[list.children[1]].text, "y");

  YamlTree moved = std::move(*t);  // the arena and the child array move with it
  EXPECT_EQ(value(moved, 2).text, "it's");
  EXPECT_EQ(value(moved, 3).text, "esc\n");
  EXPECT_EQ(moved[value(moved, 4).children[0]].text, "x");
}

TEST(YamlTree, SlowPathCopiesTextsAndTags) {
  SourceFile src("t.yaml", "a: &x 值\nb: *x\nc: !!str 5\n");
  std::vector<Diagnostic> diags;
  std::optional<YamlTree> t = read_yaml_document(src, 0, Limits{}, diags);
  ASSERT_TRUE(t);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(value(*t, 0).text, "值");
  EXPECT_EQ(&value(*t, 1), &value(*t, 0));  // an alias is the node it names
  EXPECT_EQ(value(*t, 2).text, "5");
  EXPECT_EQ(value(*t, 2).tag, "tag:yaml.org,2002:str");
  EXPECT_FALSE(value(*t, 2).plain);
}

/// The findings of YamlReader::fields on the top-level mapping of `text`, keys k0…k(n-1).
std::vector<std::string> field_findings(const std::string& text, int keys) {
  SourceFile src("t.yaml", text);
  std::vector<Diagnostic> diags;
  std::optional<YamlTree> t = read_yaml_document(src, 0, Limits{}, diags);
  EXPECT_TRUE(t);
  std::vector<std::string> names;
  for (int i = 0; i < keys; ++i) names.push_back(fmt::format("k{}", i));
  std::vector<std::string_view> views(names.begin(), names.end());
  const Limits limits;  // the reader keeps a reference: it must outlive it
  YamlReader r(*t, src, limits, diags);
  r.fields(t->root, "top level", {"parse.yaml.part.document"}, views);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags)
    out.push_back(fmt::format("{} {}", src.locate(d.span.begin).line, d.message.in(Lang::en)));
  return out;
}

void expect_duplicates_found(int keys) {
  std::string text;
  for (int i = 0; i < keys; ++i) text += fmt::format("k{}: 1\n", i);
  text += "k5: 2\nk5: 3\n";  // twice more: both name the first, on line 6
  EXPECT_EQ(field_findings(text, keys),
            (std::vector<std::string>{fmt::format("{} duplicate key `k5` in the document (first at line 6)", keys + 1),
                                      fmt::format("{} duplicate key `k5` in the document (first at line 6)", keys + 2)}))
      << keys << " keys";
}

TEST(YamlTree, DuplicateKeysInSmallAndLargeMappings) {
  expect_duplicates_found(8);    // searched in place
  expect_duplicates_found(100);  // hashed
}

}  // namespace
}  // namespace jf
