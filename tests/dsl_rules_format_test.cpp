// The canonical layout of rule files (dsl/rules_format.hpp): the shipped
// packs are in it already, formatting twice changes nothing, comments stay
// where they were, files that do not parse are refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "dsl/rules_format.hpp"
#include "tests/cli_test_util.hpp"

namespace jf {
namespace {

namespace fs = std::filesystem;
using testing::slurp;

FormatResult format_text(const std::string& text, const std::string& name = "t.rules") {
  SourceSet sources;
  uint32_t id = sources.add(name, text);
  return format_rules(sources, id, Limits{});
}

std::string why(const FormatResult& r) {
  if (!r.syntax_errors.empty()) return r.syntax_errors[0].message.in(Lang::en);
  return r.refused.in(Lang::en);
}

std::vector<fs::path> rule_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().extension() == ".rules") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(RulesFormat, TheBuiltInPackIsInTheCanonicalLayout) {
  auto files = rule_files(JIANFU_SOURCE_DIR "/rules");
  ASSERT_GE(files.size(), 8u);
  for (const fs::path& p : files) {
    const std::string text = slurp(p);
    FormatResult r = format_text(text, p.string());
    ASSERT_TRUE(r.ok()) << p << ": " << why(r);
    EXPECT_EQ(r.text, text) << p << " is not in the layout `jianfu fmt` writes";
  }
}

TEST(RulesFormat, EveryRuleFileOfTheTestsFormatsAndFormattingAgainChangesNothing) {
  std::vector<fs::path> files = rule_files(JIANFU_SOURCE_DIR "/tests");
  for (const fs::path& p : rule_files(JIANFU_SOURCE_DIR "/fuzz/regressions")) files.push_back(p);
  ASSERT_GE(files.size(), 2u);
  size_t formatted = 0;
  for (const fs::path& p : files) {
    FormatResult once = format_text(slurp(p), p.string());
    if (!once.syntax_errors.empty()) continue;  // fuzz inputs that were meant not to parse
    ASSERT_TRUE(once.ok()) << p << ": " << why(once);
    FormatResult twice = format_text(once.text, p.string());
    ASSERT_TRUE(twice.ok()) << p << ": " << why(twice);
    EXPECT_EQ(twice.text, once.text) << p;
    ++formatted;
  }
  EXPECT_GE(formatted, 2u);
}

const std::string kMessy =
    "# a pack\n"
    "\n"
    "\n"
    "# about JF900\n"
    "rule   JF900 my-rule{ category structure severity warning   # why warning\n"
    "\n"
    "\n"
    "\t\tsummary en \"Summary # not a comment\"\n"
    "  # before the condition\n"
    "  let xs = filter(indicators,\n"
    "           i -> i.points > 0)   # positive\n"
    "  when count(xs) > 3 at scheme\n"
    "  message en \"{count(xs)} items\"\n"
    "        explain en \"\"\"\n"
    "              What it flags\n"
    "                Many items.\n"
    "\n"
    "              \"\"\"\n"
    "\n"
    "  # the end of the rule\n"
    "}   # after the rule\n"
    "rule JF901 other { native }\n"
    "\n"
    "\n"
    "# the end\n";

const std::string kTidy =
    "# a pack\n"
    "\n"
    "# about JF900\n"
    "rule JF900 my-rule {\n"
    "  category structure\n"
    "  severity warning  # why warning\n"
    "\n"
    "  summary en \"Summary # not a comment\"\n"
    "  # before the condition\n"
    "  let xs = filter(indicators,\n"
    "      i -> i.points > 0)  # positive\n"
    "  when count(xs) > 3\n"
    "  at scheme\n"
    "  message en \"{count(xs)} items\"\n"
    "  explain en \"\"\"\n"
    "    What it flags\n"
    "      Many items.\n"
    "\n"
    "    \"\"\"\n"
    "\n"
    "  # the end of the rule\n"
    "}  # after the rule\n"
    "\n"
    "rule JF901 other {\n"
    "  native\n"
    "}\n"
    "\n"
    "# the end\n";

TEST(RulesFormat, LaysOutRulesAndClausesAndKeepsEveryComment) {
  FormatResult r = format_text(kMessy);
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, kTidy);
  FormatResult again = format_text(r.text);
  ASSERT_TRUE(again.ok()) << why(again);
  EXPECT_EQ(again.text, kTidy);
}

TEST(RulesFormat, KeepsTheByteOrderMarkAndCrlfLineEnds) {
  std::string crlf;
  for (char c : kMessy) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  FormatResult r = format_text("\xEF\xBB\xBF" + crlf);
  ASSERT_TRUE(r.ok()) << why(r);
  std::string want = "\xEF\xBB\xBF";
  for (char c : kTidy) {
    if (c == '\n') want += '\r';
    want += c;
  }
  EXPECT_EQ(r.text, want);
}

TEST(RulesFormat, AFileThatDoesNotParseIsRefusedWithItsSyntaxErrors) {
  FormatResult r = format_text("rule JF900 x {\n  category\n}\n");
  EXPECT_FALSE(r.ok());
  ASSERT_FALSE(r.syntax_errors.empty());
  EXPECT_EQ(r.text, "");
  EXPECT_NE(r.syntax_errors[0].message.in(Lang::en).find("expected"), std::string::npos) << why(r);
  EXPECT_EQ(r.syntax_errors[0].severity, Severity::error);

  r = format_text("rule JF900 x {\n  summary en \"\xff\"\n}\n");  // not UTF-8
  EXPECT_FALSE(r.syntax_errors.empty());
}

// A `"""` text whose first line follows the quotes reads the same moved
// (the first line sets the common indentation): it is laid out too.
TEST(RulesFormat, MovesATripleQuotedTextWhoseFirstLineFollowsTheQuotes) {
  FormatResult r = format_text("rule JF900 x {\n  example \"\"\"first\n      second\n  \"\"\"\n}\n");
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, "rule JF900 x {\n  example \"\"\"\n    first\n          second\n    \"\"\"\n}\n");
}

// A comment after a clause that ends in an expression: the parser's span of
// the clause reaches over it, the layout must not.
TEST(RulesFormat, ACommentBelowAnExpressionStaysOnItsOwnLine) {
  const std::string text =
      "rule JF900 x {\n  for i in indicators\n  # why\n  where i.points > 0\n  # more\n\n  at i\n}\n";
  FormatResult r = format_text(text);
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, text);
}

// Parts written without a blank between them: a brace against a name, a
// rule right after the `}` of the one before.
TEST(RulesFormat, SplitsPartsWrittenTogether) {
  FormatResult r = format_text("rule A1 a{category proof}rule A2 b {native}# end\n");
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, "rule A1 a {\n  category proof\n}\n\nrule A2 b {\n  native\n}  # end\n");
}

TEST(RulesFormat, AFileWithNoRuleKeepsItsComments) {
  FormatResult r = format_text("\n\n# only a comment   \n\n\n# and another\n\n");
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, "# only a comment\n\n# and another\n");
  r = format_text("");
  ASSERT_TRUE(r.ok()) << why(r);
  EXPECT_EQ(r.text, "");
}

}  // namespace
}  // namespace jf
