// The compiled plan's fast paths give what the general evaluator gives:
// typed reads and comparisons with a constant, fused count(lexicon(…)),
// `in` over a built list, distinct, and the findings' list arguments.
// (The steps they charge are pinned by engine_rule_steps_test.cpp.)
#include <gtest/gtest.h>

#include "dsl/lexicon_reader.hpp"
#include "engine/rule_set.hpp"
#include "pipeline/rule_loader.hpp"

namespace jf {
namespace {

Scheme sample() {
  Scheme s;
  s.info.name = "测试县";
  s.info.total = 100;
  for (const char* u : {"甲镇", "乙镇", "丙镇"}) s.info.units.push_back({u, {}});
  Indicator a;
  a.id = {"为基层减负", {}};
  a.points = 30;
  a.score.mode = ScoreMode::rank;
  a.evidence = {{EvidenceKind::ledger, {}}, {EvidenceKind::photo, {}}};
  a.deductions.push_back({0.5, "late_report", std::nullopt, {}});
  a.deductions.push_back({1, "late_report", std::nullopt, {}});
  a.deductions.push_back({2, "missed", std::nullopt, {}});
  s.indicators.push_back(a);
  Indicator b;
  b.id = {"财政收入", {}};
  b.points = 70;
  s.indicators.push_back(b);
  return s;
}

/// The findings of one rule on the sample scheme, message in `lang`.
std::vector<std::string> run(const std::string& logic, Lang lang = Lang::en) {
  use_builtin_lexicon();
  SourceSet sources;
  RuleSet rules;
  std::vector<Diagnostic> errors;
  const std::string text = "rule T1 t {\n  summary en \"s\"\n" + logic + "}\n";
  EXPECT_TRUE(add_rule_file(rules, sources, sources.add("t.rules", text), false, errors))
      << (errors.empty() ? "" : errors[0].message.in(Lang::en));
  const Scheme s = sample();
  std::vector<std::string> out;
  for (const Diagnostic& d : rules.evaluate(s, compute_facts(s))) out.push_back(d.rule + ": " + d.message.in(lang));
  return out;
}

/// What `{expr}` renders to.
std::string one(const std::string& expr) {
  std::string escaped;
  for (char c : expr) escaped += c == '"' ? std::string("\\\"") : std::string(1, c);
  auto r = run("  message en \"{" + escaped + "}\"\n");
  return r.size() == 1 ? r[0].substr(4) : "findings: " + std::to_string(r.size());
}

TEST(RulePlan, ComparisonsWithAConstantOnEitherSide) {
  EXPECT_EQ(one("first(indicators).points > 20"), "true");
  EXPECT_EQ(one("20 > first(indicators).points"), "false");
  EXPECT_EQ(one("30 <= first(indicators).points and first(indicators).points >= 30"), "true");
  EXPECT_EQ(one("first(indicators).id < \"财\""), "true");   // 为 (U+4E3A) before 财 (U+8D22)
  EXPECT_EQ(one("\"财\" < first(indicators).id"), "false");
  EXPECT_EQ(one("first(indicators).score.mode != rank"), "false");
  // A null side: unequal to a number or a string, and never ordered.
  EXPECT_EQ(one("scheme.year == 0 or scheme.year <= 0 or 0 <= scheme.year"), "false");
  EXPECT_EQ(one("first(indicators).score.target == \"x\" or first(indicators).score.target < \"x\""), "false");
  EXPECT_EQ(one("scheme.year != 0 and first(indicators).score.target != \"x\""), "true");
}

TEST(RulePlan, FieldsStoredAsNumbersOrStringsReadTypedAsTheirValues) {
  // Each comparison twice: the field read typed (a variable's field, or a
  // field of a field) and through its Value (first([…]) evaluates it).
  auto both = [](const std::string& list, const std::string& field, const std::string& test) {
    const std::string typed = one("count(" + list + ", x -> " + field + " " + test + ")");
    EXPECT_EQ(typed, one("count(" + list + ", x -> first([" + field + "]) " + test + ")")) << field << " " << test;
    return typed;
  };
  const std::string is = "indicators", ds = "first(indicators).deductions";
  EXPECT_EQ(both(is, "x.points", "> 40"), "1");                     // optional number
  EXPECT_EQ(both(is, "x.points", "== 30"), "1");
  EXPECT_EQ(both(is, "x.score.target_number", "!= 3"), "2");        // optional number, null
  EXPECT_EQ(both(is, "x.score.target_number", "< 3"), "0");
  EXPECT_EQ(both(ds, "x.points", ">= 1"), "2");                     // number
  EXPECT_EQ(both(ds, "-x.points", "< -1.5"), "1");                  // arithmetic reads numbers typed
  EXPECT_EQ(both(ds, "x.event", "== \"late_report\""), "2");       // identifier text
  EXPECT_EQ(both(ds, "x.event", "< \"m\""), "2");
  EXPECT_EQ(both(is, "x.score.mode", "== rank"), "1");              // enum word, field of a field
  EXPECT_EQ(both(is, "x.score.ties", "!= \"x\""), "2");           // optional text, null
  EXPECT_EQ(both(is, "x.score.ties", "< \"x\""), "0");
}

TEST(RulePlan, TypedArithmeticAndItsNullError) {
  EXPECT_EQ(one("-first(indicators).points + sum(indicators, i -> i.points) * 2"), "170");
  EXPECT_EQ(run("  where -scheme.year < 0\n  message en \"x\"\n"),
            (std::vector<std::string>{"JF010: rule T1 failed: null used in '-'"}));
  EXPECT_EQ(run("  where 1 + scheme.year > 0\n  message en \"x\"\n"),
            (std::vector<std::string>{"JF010: rule T1 failed: null used in arithmetic"}));
}

TEST(RulePlan, CountOfLexiconWordsIsTheListsLength) {
  // Fused (count over the lexicon call) and not (a filter between).
  EXPECT_EQ(one("count(lexicon(\"为基层减负，减负，作风效能\", [\"burden_reduction\"]))"), "3");
  EXPECT_EQ(one("count(filter(lexicon(\"为基层减负，减负，作风效能\", [\"burden_reduction\"]), w -> true))"), "3");
  EXPECT_EQ(one("count(lexicon(first(indicators).id, [\"burden_reduction\", \"app\", \"burden_reduction\"]))"), "2");
  EXPECT_EQ(one("count(lexicon(first(indicators).score.target, [\"burden_reduction\"]))"), "0");
}

TEST(RulePlan, LexiconOfAJoinedTextReusesTheTextsSearch) {
  // join([t, ""], " ") is t and a space, its only non-empty piece first: the
  // fast path reuses t's search. join([t, " "], "") builds the same string
  // with two pieces, so it is searched as any computed text.
  const std::string t = "first(indicators).text";
  const std::string classes = ", [\"burden_reduction\"])";
  const std::string fast = one("lexicon(join([" + t + ", \"\"], \" \")" + classes);
  EXPECT_EQ(fast, one("lexicon(join([" + t + ", \" \"], \"\")" + classes));
  EXPECT_EQ(fast, "为基层减负");
  // More than spaces after the text: searched whole, its own words found.
  EXPECT_EQ(one("lexicon(join([" + t + ", \"作风效能\"], \" \")" + classes), "为基层减负, 作风效能");
  EXPECT_EQ(one("lexicon(join([" + t + ", \"\", \"作风效能\"], \" \")" + classes), "为基层减负, 作风效能");
  // The fast path holds only while no pattern has a space (none built in).
  EXPECT_FALSE(lexicon()->space_in_patterns());
  Lexicon spaced;
  spaced.add({"app", "APP 积分", {}, "", "", "", {}});
  EXPECT_TRUE(spaced.space_in_patterns());
}

TEST(RulePlan, InAndDistinctOverBuiltLists) {
  EXPECT_EQ(one("\"late_report\" in map(first(indicators).deductions, d -> d.event)"), "true");
  EXPECT_EQ(one("\"x\" in [\"a\", \"b\"] or 3 in [1, 2]"), "false");
  EXPECT_EQ(one("2 in [1, 2] and \"b\" not in [\"a\"]"), "true");
  EXPECT_EQ(one("distinct(map(first(indicators).deductions, d -> d.event))"), "late_report, missed");
  EXPECT_EQ(one("distinct(first(indicators).deductions, d -> d.event)"), "0.5 per late_report, 2 per missed");
}

TEST(RulePlan, ListArgumentsReadInEitherLanguage) {
  const std::string rule = "  for i in indicators\n  where i.points < 50\n"
                           "  message en \"{map(indicators, i -> i.id)}; {i.evidence}; {map(indicators, i -> i.points)}\"\n"
                           "  message zh \"{map(indicators, i -> i.id)}；{i.evidence}\"\n";
  EXPECT_EQ(run(rule), (std::vector<std::string>{"T1: 为基层减负, 财政收入; ledger, photo; 30, 70"}));
  EXPECT_EQ(run(rule, Lang::zh), (std::vector<std::string>{"T1: 为基层减负、财政收入；台账、照片"}));
}

}  // namespace
}  // namespace jf
