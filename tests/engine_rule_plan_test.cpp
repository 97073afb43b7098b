// The compiled plan's fast paths give what the general evaluator gives:
// typed reads and comparisons with a constant, fused count(lexicon(…)),
// `in` over a built list, distinct, and the findings' list arguments.
// (The steps they charge are pinned by engine_rule_steps_test.cpp.)
#include <gtest/gtest.h>

#include "dsl/lexicon_reader.hpp"
#include "engine/rule_model.hpp"
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
  // Criteria (derived from the wording) for the typed reads of derived fields.
  b.wording.standard = "按时完成得5分；未完成扣2分，最多扣4分；使用APP打卡的加1分";
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

// item_into's inline path (a list of model elements over a slot holding
// nothing computed) writes what the general switch writes, for every
// source, whatever the slot held before; item_ref reads what item() gives.
TEST(RulePlan, ListItemsWrittenInlineAsTheGeneralPathWritesThem) {
  using namespace rt;
  // Two inspections for the inspection_refs list below to point at (the
  // sample has none: indexing its empty list is what UBSan caught).
  const Scheme s = [] {
    Scheme x = sample();
    x.inspections.resize(2);
    return x;
  }();
  const Facts f = compute_facts(s);
  const Model m(s, f);
  std::vector<Name> names(3);
  names[1].text = "乙镇";
  std::vector<Department> depts(3);
  std::vector<Group> groups(3);
  std::vector<Inspection> insps(3);
  std::vector<Penalty> pens(3);
  std::vector<Deduction> deds(3);
  std::vector<Action> acts(3);
  std::vector<Evidence> evid{{EvidenceKind::ledger, {}}, {EvidenceKind::photo, {}}, {EvidenceKind::ledger, {}}};
  std::vector<Criterion> crits(3);
  std::vector<int> refs{1, 0, 1};
  std::vector<std::string> strs{"a", "乙", "c"};
  std::vector<Value> vals{Value::number(2), Value::owned("算出"), Value::element(Elem::indicator, &s.indicators[1], 1)};
  const std::vector<Value> lists{
      Value::list(vals), Value::list(ListSrc::units, names.data(), 3, 4),
      Value::list(ListSrc::departments, depts.data(), 3), Value::list(ListSrc::groups, groups.data(), 3),
      Value::list(ListSrc::indicators, s.indicators.data(), 2), Value::list(ListSrc::inspections, insps.data(), 3),
      Value::list(ListSrc::penalties, pens.data(), 3, 1), Value::list(ListSrc::penalties, pens.data(), 3, -1),
      Value::list(ListSrc::deductions, deds.data(), 3, 0), Value::list(ListSrc::actions, acts.data(), 3),
      Value::list(ListSrc::action_kinds, acts.data(), 3), Value::list(ListSrc::evidence, evid.data(), 3),
      Value::list(ListSrc::name_texts, names.data(), 3), Value::list(ListSrc::indicator_refs, refs.data(), 3),
      Value::list(ListSrc::inspection_refs, refs.data(), 3), Value::list(ListSrc::criteria, crits.data(), 3, 1),
      Value::list(ListSrc::strings, strs.data(), 3)};
  // What a slot may hold before: nothing, an element, a view, a computed string.
  const std::vector<Value> before{Value{}, Value::element(Elem::deduction, &deds[0], 0), Value::view("x"),
                                  Value::owned("computed")};
  auto same = [](const Value& a, const Value& b) {
    return a.kind == b.kind && a.sub == b.sub && a.ctx == b.ctx && a.n == b.n && a.num == b.num && a.ptr == b.ptr &&
           a.hold == b.hold;
  };
  for (const Value& l : lists)
    for (size_t i = 0; i < l.n; ++i) {
      for (const Value& b : before) {
        Value fast = b, general = b;
        item_into(fast, l, i, m);
        item_into_any(general, l, i, m);
        EXPECT_TRUE(same(fast, general)) << "source " << int(l.sub) << " item " << i;
      }
      Value tmp;
      EXPECT_TRUE(same(item_ref(l, i, m, tmp), item(l, i, m))) << "source " << int(l.sub) << " item " << i;
    }
  // Through rules: loops over elements (indicators, deductions) and a
  // filter's built list, read back field by field.
  EXPECT_EQ(one("map(filter(indicators, i -> i.points > 0), i -> i.id)"), "为基层减负, 财政收入");
  EXPECT_EQ(one("map(first(indicators).deductions, d -> d.indicator.id)"), "为基层减负, 为基层减负, 为基层减负");
}

TEST(RulePlan, DerivedFieldsReadTypedAsTheirValues) {
  // Hand-written fields (facts, criteria, the indicator's text) read typed,
  // on a variable and on a field (a null owner: a null field), against the
  // same read through its Value (first([…]) evaluates it).
  auto both = [](const std::string& list, const std::string& field, const std::string& test) {
    const std::string typed = one("count(" + list + ", x -> " + field + test + ")");
    EXPECT_EQ(typed, one("count(" + list + ", x -> first([" + field + "])" + test + ")")) << field << test;
    return typed;
  };
  const std::string is = "indicators", cs = "first(filter(indicators, i -> i.points > 50)).criteria";
  EXPECT_EQ(one("count(" + cs + ")"), "3");
  EXPECT_EQ(both(is, "x.text", " == \"为基层减负\""), "1");
  EXPECT_EQ(both(is, "x.name", " < \"为\""), "0");
  EXPECT_EQ(both(is, "x.sub_items", " >= 0"), "2");
  EXPECT_EQ(both(is, "x.owner.points", " != 3"), "2");               // null owner
  EXPECT_EQ(both(is, "x.owner.points", " < 3"), "0");
  EXPECT_EQ(both(is, "x.owner.share", " >= 0"), "0");
  EXPECT_EQ(both(cs, "x.text", " != \"x\""), "3");
  EXPECT_EQ(both(cs, "x.tiers", " == 1"), "3");
  EXPECT_EQ(both(cs, "x.weight", " > 0"), both(cs, "x.weight", " >= 0.0001"));
  EXPECT_EQ(both(cs, "x.kind", " == \"deduction\""), one("count(" + cs + ", x -> x.deducts)"));
  EXPECT_EQ(both(cs, "x.class", " == \"app\""), "1");
  EXPECT_EQ(both(cs, "x.field", " == \"standard\""), "3");
  // Flags as conditions, on a variable and on a field.
  for (const std::string flag : {"rewards", "deducts", "understood"}) {
    EXPECT_EQ(one("count(" + cs + ", x -> x." + flag + ")"), one("count(" + cs + ", x -> first([x." + flag + "]))"))
        << flag;
    EXPECT_EQ(one("count(" + cs + ", x -> x.indicator.id == \"财政收入\" and x." + flag + ")"),
              one("count(" + cs + ", x -> first([x]).indicator.id == \"财政收入\" and first([x])." + flag + ")"))
        << flag;
  }
  EXPECT_EQ(one("count(" + cs + ", x -> x.rewards)"), "2");
  EXPECT_EQ(one("count(" + cs + ", x -> first([x]).rewards)"), "2");
}

}  // namespace
}  // namespace jf
