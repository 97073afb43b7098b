// The message catalogue and late rendering (base/message.hpp).
#include <gtest/gtest.h>

#include "base/message.hpp"
#include "base/message_table.hpp"

namespace jf {
namespace {

TEST(Message, RendersTheAskedLanguageWithNamedArguments) {
  Message m = msg("structure.duplicate", {word("kind", "noun.department"), arg("id", "统计局")});
  EXPECT_EQ(m.in(Lang::en), "department `统计局` is declared more than once");
  EXPECT_EQ(m.in(Lang::zh), "部门“统计局”重复定义");
}

TEST(Message, NumbersAsMessagesShowThem) {
  Message m = msg("structure.total_points", {arg("sum", 99.5), arg("total", 100)});
  EXPECT_EQ(m.in(Lang::en),
            "the indicators add up to 99.5 points, not the stated total of 100 (bonus items are not counted)");
}

TEST(Message, PluralFormChosenByTheArgument) {
  EXPECT_NE(msg("structure.no_units", {arg("ranked", 1)}).in(Lang::en).find("1 ranked indicator,"),
            std::string::npos);
  EXPECT_NE(msg("structure.no_units", {arg("ranked", 2)}).in(Lang::en).find("2 ranked indicators,"),
            std::string::npos);
}

TEST(Message, ListsJoinWithTheLanguagesSeparator) {
  std::vector<MessageArg> args{list("ids", {"JF201", "JF404"})};
  EXPECT_EQ(render_template("rules {ids}", args, Lang::en), "rules JF201, JF404");
  EXPECT_EQ(render_template("规则 {ids}", args, Lang::zh), "规则 JF201、JF404");
}

TEST(Message, BracesAndUnknownPlaceholdersStayVisible) {
  EXPECT_EQ(render_template("{{x}} {missing} {", {}, Lang::en), "{x} {missing} {");
  // Arguments are inserted as they are: a brace in a value is not a template.
  EXPECT_EQ(render_template("`{id}`", {arg("id", "{id}")}, Lang::en), "`{id}`");
}

TEST(Message, LiteralTextsAndAppendedHints) {
  Message m(Text{"bad token", "记号有误"});
  m.append(Text{"; found `：`", "；此处是全角“：”"});
  EXPECT_EQ(m.in(Lang::en), "bad token; found `：`");
  EXPECT_EQ(m.in(Lang::zh), "记号有误；此处是全角“：”");
  EXPECT_TRUE(Message().empty());
  EXPECT_FALSE(m.empty());
}

TEST(Message, MissingKeyRendersAsTheKey) {
  EXPECT_FALSE(catalogue_has("no.such.key"));
  EXPECT_EQ(msg("no.such.key").in(Lang::zh), "no.such.key");
}

TEST(MessageTable, SortedUniqueAndBothLanguages) {
  auto table = message_table();
  ASSERT_GT(table.size(), 10u);
  for (size_t i = 0; i < table.size(); ++i) {
    EXPECT_FALSE(table[i].en.empty()) << table[i].key;
    EXPECT_FALSE(table[i].zh.empty()) << table[i].key;
    if (i) {
      EXPECT_LT(table[i - 1].key, table[i].key);
    }
  }
}

}  // namespace
}  // namespace jf
