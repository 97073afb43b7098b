// The rule compiler and evaluator: compile errors, evaluation on small
// schemes built in C++, run-time errors, limits and parameters.
#include <gtest/gtest.h>

#include "engine/rule_eval.hpp"
#include "engine/rule_set.hpp"
#include "pipeline/rule_loader.hpp"

namespace jf {
namespace {

const char* kHeader = "  summary en \"s\"\n";

struct Loaded {
  SourceSet sources;
  RuleSet rules;
  std::vector<Diagnostic> errors;
  bool ok = false;
};

/// Loads one rule file; `body` is wrapped into `rule T1 t { … }` unless it starts with "rule".
std::unique_ptr<Loaded> load(const std::string& body) {
  auto l = std::make_unique<Loaded>();
  std::string text = body.rfind("rule", 0) == 0 ? body : "rule T1 t {\n" + std::string(kHeader) + body + "}\n";
  l->ok = add_rule_file(l->rules, l->sources, l->sources.add("t.rules", text), false, l->errors);
  return l;
}

/// "line:col: message" of the first compile error, or "ok".
std::string first_error(const std::string& body) {
  auto l = load(body);
  if (l->errors.empty()) return l->ok ? "ok" : "failed without errors";
  const Diagnostic& d = l->errors[0];
  EXPECT_EQ(d.name, "rule-compile-error");
  LineCol lc = l->sources[0].locate(d.span.begin);
  return std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + d.message.in(Lang::en);
}

Scheme sample() {
  Scheme s;
  s.info.name = "测试县";
  s.info.total = 100;
  s.info.span = {0, 0, 5};
  for (const char* u : {"甲镇", "乙镇", "丙镇", "丁镇"}) s.info.units.push_back({u, {}});
  Department d;
  d.id = {"环保局", {}};
  d.display = "县生态环境局";
  d.kind = DeptKind::line;
  s.departments.push_back(d);
  Indicator a;
  a.id = {"秸秆禁烧", {0, 10, 12}};
  a.span = {0, 10, 20};
  a.owner = {"环保局", {}};
  a.points = 30;
  a.score.mode = ScoreMode::rank;
  a.evidence = {{EvidenceKind::ledger, {}}, {EvidenceKind::photo, {}}};
  Penalty p;
  p.trigger = {TriggerKind::bottom, 3, {}};
  p.actions = {{ActionKind::interview, 0, {}}, {ActionKind::statement, 0, {}}};
  p.span = {0, 30, 40};
  a.penalties.push_back(p);
  a.deductions.push_back({0.5, "late_report", std::nullopt, {0, 42, 44}});
  s.indicators.push_back(a);
  Indicator b;
  b.id = {"财政收入", {0, 50, 52}};
  b.span = {0, 50, 60};
  b.display = "一般公共预算收入";
  b.points = 70;
  b.score.target_text = "完成年度目标";
  s.indicators.push_back(b);
  return s;
}

/// Messages (en) of every finding of the rules in `body` on the sample scheme.
std::vector<std::string> run(const std::string& body, const Scheme& s = sample()) {
  auto l = load(body);
  EXPECT_TRUE(l->ok) << (l->errors.empty() ? "" : l->errors[0].message.in(Lang::en));
  Facts f = compute_facts(s);
  std::vector<std::string> out;
  for (const Diagnostic& d : l->rules.evaluate(s, f)) out.push_back(d.rule + ": " + d.message.in(Lang::en));
  return out;
}

/// The message `{expr}` renders to (quotes in `expr` are escaped for the string).
std::string one(const std::string& expr) {
  std::string escaped;
  for (char c : expr) escaped += c == '"' ? std::string("\\\"") : std::string(1, c);
  auto r = run("  message en \"{" + escaped + "}\"\n");
  return r.size() == 1 ? r[0].substr(4) : "findings: " + std::to_string(r.size());
}

using V = std::vector<std::string>;

TEST(RuleCompiler, Errors) {
  EXPECT_EQ(first_error("  for i in indicators\n  where i.colour == 1\n  message en \"x\"\n"),
            "4:11: unknown field `colour` of indicator");
  EXPECT_EQ(first_error("  where indicatorz == 1\n  message en \"x\"\n"), "3:9: unknown name `indicatorz`");
  EXPECT_EQ(first_error("  for i in indicators\n  where i.score.mode == ranking\n  message en \"x\"\n"),
            "4:25: `ranking` is not a value of score_mode (one of: threshold, rank, deduction, veto, bonus)");
  EXPECT_EQ(first_error("  for p in penalties\n  where p.trigger.kind in [bottom, top]\n  message en \"x\"\n"),
            "4:36: `top` is not a value of trigger_kind (one of: bottom, bottom_percent, last, below)");
  EXPECT_EQ(first_error("  where len(3) > 1\n  message en \"x\"\n"), "3:13: the first argument must be string, not number");
  EXPECT_EQ(first_error("  where sum(indicators) > 1\n  message en \"x\"\n"),
            "3:13: sum() needs a list of numbers, not of indicator");
  EXPECT_EQ(first_error("  where counts(indicators) > 1\n  message en \"x\"\n"), "3:9: unknown function `counts`");
  EXPECT_EQ(first_error("  where scheme.name matches \"a(\"\n  message en \"x\"\n"),
            "3:29: invalid regular expression: missing ): a(");
  EXPECT_EQ(first_error("  where 1 + \"a\" > 0\n  message en \"x\"\n"),
            "3:13: the right side of an arithmetic operator must be number, not string");
  EXPECT_EQ(first_error("  where count(indicators, i -> i.points) > 0\n  message en \"x\"\n"),
            "3:32: the condition must be bool, not number?");
  EXPECT_EQ(first_error("  message en \"{scheme.nam}\"\n"), "3:23: unknown field `nam` of scheme");
  EXPECT_EQ(first_error("  where 1\n  message en \"x\"\n"), "3:9: `where` needs a bool, not number");
  EXPECT_EQ(first_error("  for i in scheme\n  message en \"x\"\n"), "3:12: `for` needs a list, not scheme");
  EXPECT_EQ(first_error("  severity fatal\n  message en \"x\"\n"), "3:12: unknown severity `fatal` (error, warning or info)");
  EXPECT_EQ(first_error("  category a\n  category b\n  message en \"x\"\n"), "4:3: duplicate `category` clause");
  EXPECT_EQ(first_error("  message zh \"x\"\n"), "1:1: rule has no `message en`");
  EXPECT_EQ(first_error("  native\n  where true\n"), "1:1: a `native` rule has no logic clauses (for, let, where, when, at)");
  EXPECT_EQ(first_error("  native\n"), "ok");
}

/// The first compile error of `body` in Chinese.
std::string first_error_zh(const std::string& body) {
  auto l = load(body);
  return l->errors.empty() ? "ok" : l->errors[0].message.in(Lang::zh);
}

TEST(RuleCompiler, TypeErrorsReadChineseThroughout) {
  // The part of the expression and the type names come from the catalogue
  // (messages/rules_types.yaml); the English above stays as it was.
  EXPECT_EQ(first_error_zh("  where len(3) > 1\n  message en \"x\"\n"), "第一个参数应为 字符串，而不是 数字");
  EXPECT_EQ(first_error_zh("  where count(indicators, i -> i.points) > 0\n  message en \"x\"\n"),
            "条件应为 布尔值，而不是 数字（可为空）");
  EXPECT_EQ(first_error_zh("  where indicators\n  message en \"x\"\n"), "`where` 需要布尔值，而不是 指标列表");
  EXPECT_EQ(first_error("  where indicators\n  message en \"x\"\n"), "3:9: `where` needs a bool, not list of indicator");
  EXPECT_EQ(first_error_zh("  for i in indicators\n  where i.owner\n  message en \"x\"\n"),
            "`where` 需要布尔值，而不是 部门（可为空）");
  EXPECT_EQ(first_error_zh("  for i in indicators\n  where i.score.mode\n  message en \"x\"\n"),
            "`where` 需要布尔值，而不是 枚举 score_mode");
  EXPECT_EQ(first_error_zh("  for i in indicators\n  where i.colour == 1\n  message en \"x\"\n"), "指标 没有字段 `colour`");
  EXPECT_EQ(first_error_zh("  where count() > 0\n  message en \"x\"\n"), "count() 需要 1 或 2 个参数，而不是 0 个");
  EXPECT_EQ(first_error("  where count() > 0\n  message en \"x\"\n"), "3:9: count() takes 1 or 2 arguments, not 0");
  auto l = load("  for i in indicators\n  where i.qqqqqqqq == 1\n  message en \"x\"\n");
  ASSERT_FALSE(l->errors.empty());
  const std::string fields_en = l->errors[0].help.in(Lang::en), fields_zh = l->errors[0].help.in(Lang::zh);
  EXPECT_EQ(fields_en.rfind("fields: id, ", 0), 0u) << fields_en;
  EXPECT_EQ(fields_zh.rfind("可用字段：id、", 0), 0u) << fields_zh;
}

TEST(RuleCompiler, DuplicateAndBuiltinIds) {
  Loaded l;
  std::string r = "rule JF102 a {\n  native\n}\n";
  EXPECT_TRUE(add_rule_file(l.rules, l.sources, l.sources.add("b.rules", r), true, l.errors));
  EXPECT_FALSE(add_rule_file(l.rules, l.sources, l.sources.add("u.rules", r), false, l.errors));
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0].message.in(Lang::en), "rule id JF102 is a built-in rule's id");
  l.errors.clear();
  EXPECT_FALSE(add_rule_file(l.rules, l.sources, l.sources.add("b2.rules", r), true, l.errors));
  EXPECT_EQ(l.errors.at(0).message.in(Lang::en), "rule id JF102 is used twice");
  EXPECT_EQ(l.rules.rules().size(), 1u);
}

TEST(RuleEval, ForWhereAtAndInterpolation) {
  std::string body = R"(  for i in indicators
  for p in i.penalties
  where i.score.mode == rank and p.trigger.kind in [bottom, last]
  at p
  message en "{i.name}: bottom {p.hits_under_compliance} of {scheme.unit_count} ({p}) by {i.owner}"
  message zh "{i.name}：{i.evidence}"
  help en "share {pct(i.points / scheme.total)}; {{literal}}"
)";
  auto l = load(body);
  ASSERT_TRUE(l->ok);
  Scheme s = sample();
  auto ds = l->rules.evaluate(s, compute_facts(s));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule, "T1");
  EXPECT_EQ(ds[0].name, "t");
  EXPECT_EQ(ds[0].span, (Span{0, 30, 40}));
  EXPECT_EQ(ds[0].message.in(Lang::en), "秸秆禁烧: bottom 3 of 4 (bottom 3 -> interview, statement) by 县生态环境局");
  EXPECT_EQ(ds[0].message.in(Lang::zh), "秸秆禁烧：台账、照片");  // enum words in Chinese
  EXPECT_EQ(ds[0].help.in(Lang::en), "share 30%; {literal}");
  EXPECT_EQ(ds[0].help.in(Lang::zh), ds[0].help.in(Lang::en));  // zh falls back to en
}

TEST(RuleEval, DefaultLocations) {
  Scheme s = sample();
  auto l = load("  for i in indicators\n  message en \"x\"\n");
  auto ds = l->rules.evaluate(s, compute_facts(s));
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].span, (Span{0, 10, 20}));  // the innermost for element
  l = load("  message en \"x\"\n");
  ds = l->rules.evaluate(s, compute_facts(s));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].span, static_cast<const Span&>(s.info.span));  // no for: the scheme header (a Span compare: a SourceSpan equals any)
  l = load("  at filter(indicators, i -> false)\n  message en \"x\"\n");
  ds = l->rules.evaluate(s, compute_facts(s));
  EXPECT_EQ(ds.at(0).span, static_cast<const Span&>(s.info.span));  // an empty list: the header
}

TEST(RuleEval, LetAndWhen) {
  EXPECT_EQ(run("  let n = count(indicators)\n  for i in indicators\n  let half = i.points / 2\n"
                "  when half > 20\n  message en \"{i.id} {half} of {n}\"\n"),
            (V{"T1: 财政收入 35 of 2"}));
}

TEST(RuleEval, Functions) {
  EXPECT_EQ(one("count(indicators)"), "2");
  EXPECT_EQ(one("count(indicators, i -> i.key)"), "0");
  EXPECT_EQ(one("sum(indicators, i -> i.points)"), "100");
  EXPECT_EQ(one("sum([])"), "0");
  EXPECT_EQ(one("min(indicators, i -> i.points)"), "30");
  EXPECT_EQ(one("max([1, 5, 2])"), "5");
  EXPECT_EQ(one("avg([1, 2])"), "1.5");
  EXPECT_EQ(one("any(indicators, i -> i.score.mode == rank)"), "true");
  EXPECT_EQ(one("all([], x -> x > 1)"), "true");
  EXPECT_EQ(one("filter(indicators, i -> i.points > 50)"), "一般公共预算收入");
  EXPECT_EQ(one("map(indicators, i -> i.points * 2)"), "60, 140");
  EXPECT_EQ(one("distinct([1, 2, 1, 3, 2])"), "1, 2, 3");
  EXPECT_EQ(one("distinct(indicators, i -> i.key)"), "秸秆禁烧");
}

TEST(RuleEval, MoreFunctions) {
  EXPECT_EQ(one("map(group_by([1, 2, 1], x -> x), g -> g.count)"), "2, 1");
  EXPECT_EQ(one("map(group_by(indicators, i -> i.score.mode), g -> g.key)"), "rank, threshold");
  EXPECT_EQ(one("first(indicators).id"), "秸秆禁烧");
  EXPECT_EQ(one("join(map(indicators, i -> i.id), \" + \")"), "秸秆禁烧 + 财政收入");
  EXPECT_EQ(one("len(\"减负a\")"), "3");
  EXPECT_EQ(one("contains_any(\"全面减负\", [\"效能\", \"减负\"])"), "true");
  EXPECT_EQ(one("matched(\"全面减负\", [\"效能\", \"减负\"])"), "减负");
  EXPECT_EQ(one("matched(\"x\", [\"y\"]) == \"\""), "true");
  EXPECT_EQ(one("round(2.345, 2)"), "2.35");
  EXPECT_EQ(one("round(2.5)"), "3");
  EXPECT_EQ(one("ceil(1.2) + floor(1.8) + abs(-3)"), "6");
  EXPECT_EQ(one("pct(1 / 3)"), "33.33%");
  EXPECT_EQ(one("1 / 3"), "0.33");
  EXPECT_EQ(one("7 % 4"), "3");
  EXPECT_EQ(one("\"减负\" contains \"负\" and \"第3名\" matches \"第.名\""), "true");
  EXPECT_EQ(one("photo in first(indicators).evidence"), "true");
  EXPECT_EQ(one("first(indicators).score.mode == \"rank\""), "true");
  EXPECT_EQ(one("first(indicators).deductions"), "0.5 per late_report");
}

// `matches` skips the search when the text lacks the literal every match
// starts with; alternation and quantifiers must not make a lead required.
TEST(RuleEval, MatchesWithAndWithoutALiteralLead) {
  EXPECT_EQ(one("\"乡镇设立办公室\" matches \"设立.*(办公室|中心)\""), "true");
  EXPECT_EQ(one("\"乡镇成立办公室\" matches \"设立.*(办公室|中心)\""), "false");
  EXPECT_EQ(one("\"成立小组\" matches \"设立|成立\""), "true");
  EXPECT_EQ(one("\"设办公室\" matches \"设立?办公室\""), "true");
  EXPECT_EQ(one("\"设办公室\" matches \"设立*办公室\""), "true");
  EXPECT_EQ(one("\"ac\" matches \"ab*c\""), "true");
  EXPECT_EQ(one("\"x成立专班\" matches \"(设立|成立)专班\""), "true");
  EXPECT_EQ(one("\"a|b\" matches \"[|]b\""), "true");
  // Patterns from a list are compiled at run time: the same answers.
  EXPECT_EQ(one("map([\"设立|成立\", \"设立?办公室\", \"设立\", \"ab*c\"], p -> \"成立办公室 ac\" matches p)"),
            "true, false, false, true");
}

TEST(RuleEval, NullSemantics) {
  EXPECT_EQ(one("scheme.year == null"), "true");
  EXPECT_EQ(one("scheme.year != null"), "false");
  EXPECT_EQ(one("scheme.year > 1 or scheme.year < 1 or scheme.year >= 1"), "false");
  EXPECT_EQ(one("first(filter(indicators, i -> i.owner == null)).owner.kind"), "null");
  EXPECT_EQ(one("sum([1, null, 2])"), "3");
  EXPECT_EQ(run("  where scheme.year + 1 > 0\n  message en \"x\"\n"),
            (V{"JF010: rule T1 failed: null used in arithmetic"}));
}

TEST(RuleEval, RuntimeErrorsBecomeJF010) {
  Scheme s = sample();
  auto l = load("  for i in indicators\n  where i.points / (count(indicators) - 2) > 1\n  message en \"x\"\n");
  auto ds = l->rules.evaluate(s, compute_facts(s));
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].rule, "JF010");
  EXPECT_EQ(ds[0].name, "rule-error");
  EXPECT_EQ(ds[0].category, "structure");
  EXPECT_EQ(ds[0].severity, Severity::error);
  EXPECT_EQ(ds[0].span, static_cast<const Span&>(s.info.span));
  EXPECT_EQ(ds[0].message.in(Lang::en), "rule T1 failed: division by zero");
  EXPECT_EQ(ds[0].message.in(Lang::zh), "规则 T1 运行失败：除数为零");
  EXPECT_EQ(run("  where 1 % 0 > 0\n  message en \"x\"\n"), (V{"JF010: rule T1 failed: '%' by zero"}));
  EXPECT_EQ(run("  where min([]) > 0\n  message en \"x\"\n"), (V{"JF010: rule T1 failed: min() of an empty list"}));
  EXPECT_EQ(run("  message en \"{first([])}\"\n"), (V{"JF010: rule T1 failed: first() of an empty list"}));
  std::string big = "1" + std::string(200, '0');
  EXPECT_EQ(run("  where " + big + " * " + big + " > 0\n  message en \"x\"\n"),
            (V{"JF010: rule T1 failed: arithmetic result is not a finite number"}));
}

TEST(RuleEval, StepBudget) {
  Scheme s = sample();
  for (int i = 0; i < 300; ++i) s.info.units.push_back({"u" + std::to_string(i), {}});
  // 304^3 ≈ 28 million bindings: over the 10,000,000-step budget.
  auto r = run("  for a in units\n  for b in units\n  for c in units\n  where false\n  message en \"x\"\n", s);
  EXPECT_EQ(r, (V{"JF010: rule T1 failed: evaluation exceeded 10000000 steps"}));
}

TEST(RuleEval, FindingsPastTheCapAreCountedWithoutTheirLets) {
  // The `let` after the last `where` fails for the b* units, which come
  // after the 200 shown findings: they are counted, their lets never run.
  Scheme s = sample();
  for (int i = 0; i < 196; ++i) s.info.units.push_back({"a" + std::to_string(i), {}});
  for (int i = 0; i < 104; ++i) s.info.units.push_back({"b" + std::to_string(i), {}});
  auto r = run("  for u in units\n  where u != null\n"
               "  let same = first(filter(units, v -> v == u and not (u.name matches \"^b\")))\n"
               "  message en \"{same}\"\n", s);
  ASSERT_EQ(r.size(), 201u);
  EXPECT_EQ(r[199], "T1: a195");
  EXPECT_EQ(r.back(), "T1: 104 more findings of T1 not shown");
}

TEST(RuleEval, FindingsCap) {
  Scheme s = sample();
  for (int i = 0; i < 300; ++i) s.info.units.push_back({"u" + std::to_string(i), {}});
  auto r = run("  for u in units\n  message en \"{u}\"\n", s);
  ASSERT_EQ(r.size(), 201u);
  EXPECT_EQ(r[0], "T1: 甲镇");
  EXPECT_EQ(r.back(), "T1: 104 more findings of T1 not shown");
}

TEST(RuleEval, Params) {
  auto l = load("  param max = 1\n  param words = [\"a\", \"b\"]\n  where count(indicators) > max\n"
                "  message en \"{max} {words}\"\n");
  ASSERT_TRUE(l->ok);
  const RuleMeta* m = l->rules.find("T1");
  ASSERT_EQ(m->params.size(), 2u);
  EXPECT_EQ(m->params[1].default_text, "[\"a\", \"b\"]");
  Scheme s = sample();
  Facts f = compute_facts(s);
  EXPECT_EQ(l->rules.evaluate(s, f).at(0).message.in(Lang::en), "1 a, b");
  // set_param's problems are catalogue messages: English here, Chinese below.
  auto set = [&](std::string_view rule, std::string_view param, const ParamValue& v, Lang lang = Lang::en) {
    std::optional<Message> e = l->rules.set_param(rule, param, v);
    return e ? e->in(lang) : std::string();
  };
  EXPECT_EQ(set("T1", "max", ParamValue{std::string("x")}),
            "parameter max of T1 is a number, not a string");
  EXPECT_EQ(set("T1", "maxx", ParamValue{2.0}), "rule T1 has no parameter maxx (did you mean max?)");
  EXPECT_EQ(set("T1", "max", ParamValue{-1.0}), "parameter max of T1 must not be negative, not -1");
  EXPECT_EQ(set("T9", "max", ParamValue{2.0}), "unknown rule T9");
  EXPECT_EQ(set("T1", "words", ParamValue{std::vector<ParamValue::Scalar>{1.0}}, Lang::zh),
            "规则 T1 的参数 words 应为字符串列表，不能是数字列表");
  EXPECT_EQ(set("T1", "max", ParamValue{true}, Lang::zh), "规则 T1 的参数 max 应为数字，不能是布尔值");
  EXPECT_EQ(set("T1", "words", ParamValue{std::vector<ParamValue::Scalar>{1.0}}),
            "parameter words of T1 is a list of string, not a list of number");
  EXPECT_EQ(set("T1", "words", ParamValue{std::vector<ParamValue::Scalar>{std::string("c")}}), "");
  EXPECT_EQ(set("T1", "max", ParamValue{5.0}), "");
  EXPECT_TRUE(l->rules.evaluate(s, f).empty());
  EXPECT_EQ(set("T1", "max", ParamValue{0.0}), "");
  EXPECT_EQ(l->rules.evaluate(s, f).at(0).message.in(Lang::en), "0 c");
}

TEST(RuleEval, FindingsKeepValuesAndRenderEitherLanguageLate) {
  auto l = load("  for i in indicators\n  where count(i.evidence) > 0\n"
                "  message en \"{i.name}: {i.evidence}, {i.deductions} ({count(indicators)} items)\"\n"
                "  message zh \"{i.name}：{i.evidence}，{i.deductions}（共 {count(indicators)} 项）\"\n"
                "  help zh \"{i.score.mode}\"\n");
  ASSERT_TRUE(l->ok);
  std::vector<Diagnostic> ds;
  {
    // The findings outlive the scheme they were found in: the renderers
    // run after the file's model is gone.
    Scheme s = sample();
    ds = l->rules.evaluate(s, compute_facts(s));
  }
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].message.in(Lang::en), "秸秆禁烧: ledger, photo, 0.5 per late_report (2 items)");
  EXPECT_EQ(ds[0].message.in(Lang::zh), "秸秆禁烧：台账、照片，每次迟报扣 0.5 分（共 2 项）");
  EXPECT_EQ(ds[0].help.in(Lang::en), "");  // no English help written
  EXPECT_EQ(ds[0].help.in(Lang::zh), "排名计分");
  // Both languages name the same holes once: the arguments are the values.
  EXPECT_EQ(ds[0].message.args().size(), 4u);
}

TEST(RuleEval, AHoleIsEvaluatedOncePerFindingWhateverTheLanguages) {
  // T2 writes T1's hole in both languages and twice in its help: the same
  // steps as T1, which writes it once.
  auto l = load("rule T1 a {\n  summary en \"s\"\n  message en \"{count(filter(units, u -> u != null))}\"\n}\n"
                "rule T2 b {\n  summary en \"s\"\n  message en \"{count(filter(units, u -> u != null))}\"\n"
                "  message zh \"{count(filter(units, u -> u != null))} 个\"\n"
                "  help en \"{count(filter(units, u -> u != null))} {count( filter(units, u -> u != null) )}\"\n}\n");
  ASSERT_TRUE(l->ok);
  Scheme s = sample();
  auto ds = l->rules.evaluate(s, compute_facts(s));
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[1].message.in(Lang::zh), "4 个");
  EXPECT_EQ(ds[1].help.in(Lang::zh), "4 4");
  const auto& steps = rt::last_steps();
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_GT(steps[0].second, 4u);
  EXPECT_EQ(steps[1].second, steps[0].second);
}

TEST(RuleEval, SeverityEnabledAndNative) {
  auto l = load("rule N1 n {\n  native\n  summary en \"s\"\n}\nrule T1 t {\n  summary en \"s\"\n  severity info\n"
                "  message en \"x\"\n}\n");
  ASSERT_TRUE(l->ok);
  Scheme s = sample();
  Facts f = compute_facts(s);
  auto ds = l->rules.evaluate(s, f);
  ASSERT_EQ(ds.size(), 1u);  // native rules never run
  EXPECT_EQ(ds[0].severity, Severity::info);
  l->rules.set_severity("T1", Severity::error);
  EXPECT_EQ(l->rules.evaluate(s, f).at(0).severity, Severity::error);
  l->rules.set_enabled("T1", false);
  EXPECT_FALSE(l->rules.enabled("T1"));
  EXPECT_TRUE(l->rules.evaluate(s, f).empty());
}

}  // namespace
}  // namespace jf
