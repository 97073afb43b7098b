// The message catalogue and late rendering (base/message.hpp).
#include <gtest/gtest.h>

#include <memory>

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

TEST(Message, ArgumentsThatReadDifferentlyPerLanguage) {
  std::vector<MessageArg> args{bilingual("mode", "rank", "排名"),
                               arg_list("kinds", {bilingual("", "ledger", "台账"), arg("", "x")}),
                               keyed("d", "rules_run.deduction", {arg("points", 2), bilingual("event", "late_report", "迟报")})};
  EXPECT_EQ(render_template("{mode}: {kinds}; {d}", args, Lang::en), "rank: ledger, x; 2 per late_report");
  EXPECT_EQ(render_template("{mode}：{kinds}；{d}", args, Lang::zh), "排名：台账、x；每次迟报扣 2 分");
  EXPECT_EQ(render_arg(args[1], Lang::zh), "台账、x");
}

TEST(Message, ARulesOwnTemplateFallsBackToEnglishInEnglish) {
  auto both = std::make_shared<OwnTemplate>();
  both->en = {{"mode ", -1}, {"", 0}};
  both->zh = {{"", 1}, {"方式", -1}};
  Message m(both, {bilingual("", "rank", "排名"), arg("", "")});
  EXPECT_EQ(m.in(Lang::en), "mode rank");
  EXPECT_EQ(m.in(Lang::zh), "方式");
  auto blank_zh = std::make_shared<OwnTemplate>(*both);
  blank_zh->zh = {{"", 1}};  // renders as nothing: the English, not a blank
  EXPECT_EQ(Message(blank_zh, {bilingual("", "rank", "排名"), arg("", "")}).in(Lang::zh), "mode rank");
  auto english = std::make_shared<OwnTemplate>();
  english->en = {{"", 0}};
  EXPECT_EQ(Message(english, {bilingual("", "weekly", "每周")}).in(Lang::zh), "weekly");
  EXPECT_FALSE(Message(english, {}).empty());
  EXPECT_NE(Message(english, {arg("", "a")}), Message(both, {arg("", "a")}));
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
