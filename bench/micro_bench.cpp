// Google Benchmark micro-benchmarks of jianfu's hot paths on generated
// schemes (bench/scheme_gen.hpp): parsing both syntaxes, derived facts, the
// built-in pack, the renderers. Figures and method: docs/performance.md.
#include <benchmark/benchmark.h>
#include <yaml.h>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "bench/scheme_gen.hpp"
#include "base/lexicon.hpp"
#include "dsl/lexicon_reader.hpp"
#include "dsl/scheme_loader.hpp"
#include "dsl/yaml_tree.hpp"
#include "pipeline/builtin_rules.hpp"
#include "pipeline/check_pipeline.hpp"
#include "engine/facts.hpp"
#include "render/render.hpp"
#include "engine/rule_set.hpp"
#include "engine/structure_checks.hpp"
#include "pipeline/rule_loader.hpp"

namespace {

using namespace jf;

// One generated scheme held in a SourceSet as file 0.
struct Input {
  SourceSet sources;
  uint32_t file = 0;
  explicit Input(int indicators, bool assess, uint64_t seed = 42) {
    bench::GenParams p{.seed = seed, .indicators = indicators, .departments = 25, .units = 18};
    std::string text = bench::scheme_text(bench::generate_scheme(p), assess);
    file = sources.add(assess ? "bench.assess" : "bench.yaml", std::move(text));
  }
  size_t bytes() const { return sources[file].text().size(); }
};

const Input& input(int indicators, bool assess) {
  // Built once per shape; benchmarks only read them.
  static std::map<std::pair<int, bool>, std::unique_ptr<Input>> cache;
  auto& slot = cache[{indicators, assess}];
  if (!slot) slot = std::make_unique<Input>(indicators, assess);
  return *slot;
}

struct Pack {
  SourceSet sources;
  RuleSet rules;
  Pack() {
    std::vector<Diagnostic> errors;
    for (const EmbeddedFile& f : builtin_rule_files())
      add_rule_file(rules, sources, sources.add(std::string(f.path), std::string(f.text)), true, errors);
    if (!errors.empty()) throw std::runtime_error("built-in pack does not compile");
  }
};

const Pack& pack() {
  static Pack p;
  return p;
}

// Loading, timed per byte: `range(0)` indicators in one file.
void load_bench(benchmark::State& state, bool assess) {
  const Input& in = input(static_cast<int>(state.range(0)), assess);
  Limits limits;
  for (auto _ : state) {
    LoadResult r = load_scheme(in.sources, in.file, limits);
    if (!r.ok || !r.diagnostics.empty()) state.SkipWithError("generated scheme did not load cleanly");
    benchmark::DoNotOptimize(r.scheme.indicators.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.bytes()));
  state.counters["file_MB"] = static_cast<double>(in.bytes()) / 1e6;
}
void BM_ParseAssess(benchmark::State& s) { load_bench(s, true); }
void BM_LoadYaml(benchmark::State& s) { load_bench(s, false); }
BENCHMARK(BM_ParseAssess)->Arg(60)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadYaml)->Arg(60)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond);

// The YAML tree alone (libyaml events into dsl/yaml_tree.hpp, no model): what
// BM_LoadYaml spends before the schema reader maps the tree to the model.
void BM_YamlTree(benchmark::State& state) {
  const Input& in = input(static_cast<int>(state.range(0)), false);
  Limits limits;
  for (auto _ : state) {
    std::vector<Diagnostic> diags;
    std::optional<YamlTree> t = read_yaml_document(in.sources[in.file], in.file, limits, diags);
    if (!t || !diags.empty()) state.SkipWithError("generated scheme did not read cleanly");
    benchmark::DoNotOptimize(t->nodes.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.bytes()));
}
BENCHMARK(BM_YamlTree)->Arg(60)->Arg(5000)->Unit(benchmark::kMillisecond);

// libyaml alone: every event of the same file parsed and freed, nothing kept.
// The floor under BM_YamlTree for as long as the loader reads with libyaml.
void BM_LibyamlEvents(benchmark::State& state) {
  const Input& in = input(static_cast<int>(state.range(0)), false);
  std::string_view body = in.sources[in.file].body();
  for (auto _ : state) {
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    yaml_event_t e;
    size_t events = 0;
    for (bool more = true; more;) {
      if (!yaml_parser_parse(&parser, &e)) {
        state.SkipWithError("libyaml could not parse the generated scheme");
        break;
      }
      more = e.type != YAML_STREAM_END_EVENT;
      yaml_event_delete(&e);
      ++events;
    }
    yaml_parser_delete(&parser);
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.bytes()));
}
BENCHMARK(BM_LibyamlEvents)->Arg(60)->Arg(5000)->Unit(benchmark::kMillisecond);

Scheme loaded(int indicators) {
  const Input& in = input(indicators, true);
  return load_scheme(in.sources, in.file, Limits{}).scheme;
}

void BM_Facts(benchmark::State& state) {
  const Scheme s = loaded(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Scheme copy = s;  // remove_duplicate_ids mutates: time it as check_file does
    remove_duplicate_ids(copy);
    Facts f = compute_facts(copy);
    benchmark::DoNotOptimize(f.indicators.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Facts)->Arg(60)->Arg(5000)->Unit(benchmark::kMicrosecond);

// The whole built-in pack (every .rules rule) on one scheme; items/s are
// indicators per second, so per-indicator cost is 1 / that.
void BM_PackEvaluate(benchmark::State& state) {
  const Scheme s = loaded(static_cast<int>(state.range(0)));
  const Facts f = compute_facts(s);
  const RuleSet& rules = pack().rules;
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<Diagnostic> d = rules.evaluate(s, f);
    findings = d.size();
    benchmark::DoNotOptimize(d.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_PackEvaluate)->Arg(60)->Arg(5000)->Unit(benchmark::kMillisecond);

// Compiling the embedded pack: what every process start pays.
void BM_PackCompile(benchmark::State& state) {
  for (auto _ : state) {
    Pack p;
    benchmark::DoNotOptimize(&p);
  }
}
BENCHMARK(BM_PackCompile)->Unit(benchmark::kMillisecond);

// check_file end to end (load, structure checks, facts, pack, suppressions,
// fingerprints) for one county-sized file, in process.
void BM_CheckFile(benchmark::State& state) {
  const Input& in = input(static_cast<int>(state.range(0)), state.range(1) != 0);
  const RuleSet& rules = pack().rules;
  for (auto _ : state) {
    FileCheck r = check_file(in.sources, in.file, &rules, Limits{});
    benchmark::DoNotOptimize(r.diagnostics.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.bytes()));
}
BENCHMARK(BM_CheckFile)->Args({60, 1})->Args({60, 0})->Unit(benchmark::kMicrosecond);

// Renderers on the findings of the 5,000-indicator scheme.
struct Findings {
  const Input& in = input(5000, true);
  std::vector<Diagnostic> all = check_file(in.sources, in.file, &pack().rules, Limits{}).diagnostics;
};
const Findings& findings() {
  static Findings f;
  return f;
}

void render_bench(benchmark::State& state, int format) {
  const Findings& f = findings();
  const std::vector<std::string> files{f.in.sources[f.in.file].path()};
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = format == 0   ? render_text(f.all, f.in.sources, RenderOptions{})
                      : format == 1 ? render_json(f.all, f.in.sources, files, Lang::en)
                                    : render_sarif(f.all, f.in.sources, pack().rules.rules(), Lang::en, "bench");
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.all.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["findings"] = static_cast<double>(f.all.size());
}
void BM_RenderText(benchmark::State& s) { render_bench(s, 0); }
void BM_RenderJson(benchmark::State& s) { render_bench(s, 1); }
void BM_RenderSarif(benchmark::State& s) { render_bench(s, 2); }
BENCHMARK(BM_RenderText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderJson)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderSarif)->Unit(benchmark::kMillisecond);

// One rule of the pack alone (the others disabled), on a county scheme (60
// indicators) and on 5,000: items/s are indicators per second, so the cost
// per element is 1 / that. Registered in main(), one pair per rule, so a
// slow rule stands out by name: `--benchmark_filter=BM_Rule/JF3`.
const RuleSet& only(const std::string& id) {
  static std::map<std::string, std::unique_ptr<Pack>> packs;
  auto& p = packs[id];
  if (!p) {
    p = std::make_unique<Pack>();
    for (const RuleMeta& m : p->rules.rules()) p->rules.set_enabled(m.id, m.id == id);
  }
  return p->rules;
}

void rule_bench(benchmark::State& state, const std::string& id, int indicators) {
  const Scheme s = loaded(indicators);
  const Facts f = compute_facts(s);
  const RuleSet& rules = only(id);
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<Diagnostic> d = rules.evaluate(s, f);
    findings = d.size();
    benchmark::DoNotOptimize(d.data());
  }
  state.SetItemsProcessed(state.iterations() * indicators);
  state.counters["findings"] = static_cast<double>(findings);
  // The plan's cost per element: CPU seconds per indicator (shown in us).
  state.counters["per_indicator"] = benchmark::Counter(static_cast<double>(state.iterations() * indicators),
                                                       benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// The compiled plan per element: one small rule of a common shape alone on
// 5,000 indicators, so what one indicator costs in each kind of step reads
// as the per_indicator counter (docs/performance.md, "Issue 19: plan").
struct PlanShape {
  const char* name;
  const char* logic;  // the rule's clauses between its texts
};
constexpr PlanShape kPlanShapes[] = {
    // The floor under the others: the evaluator's Model and the walk.
    {"walk_only", "for i in indicators\n  where false"},
    {"field_compare", "for i in indicators\n  where i.points != null and i.points > 1000"},
    {"enum_compare", "for i in indicators\n  where i.score.mode == rank and i.score.ties == null"},
    {"filter_then_count", "for i in indicators\n  let own = filter(i.criteria, c -> c.rewards and c.class == \"app\")\n  where count(own) > 0"},
    {"lexicon_count", "for i in indicators\n  where count(lexicon(i.text, [\"app\"])) > 0"},
    {"any_in_list", "for i in indicators\n  where any(i.deductions, d -> d.event in [\"迟报\", \"漏报\", \"未完成\"])"},
    {"distinct_map", "for i in indicators\n  let events = distinct(map(i.deductions, d -> d.event))\n  where count(events) > 10"},
};

void plan_bench(benchmark::State& state, const PlanShape& shape) {
  const int indicators = 5000;
  const Scheme s = loaded(indicators);
  const Facts f = compute_facts(s);
  SourceSet sources;
  RuleSet rules;
  std::vector<Diagnostic> errors;
  std::string text = std::string("rule PLAN01 plan-shape {\n  category structure\n  severity info\n") +
                     "  summary en \"plan shape\"\n  " + shape.logic + "\n  at i\n  message en \"{i.name}\"\n}\n";
  add_rule_file(rules, sources, sources.add("plan.rules", std::move(text)), false, errors);
  if (!errors.empty()) throw std::runtime_error(std::string("plan shape does not compile: ") + shape.name);
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<Diagnostic> d = rules.evaluate(s, f);
    findings = d.size();
    benchmark::DoNotOptimize(d.data());
  }
  state.SetItemsProcessed(state.iterations() * indicators);
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["per_indicator"] = benchmark::Counter(static_cast<double>(state.iterations() * indicators),
                                                       benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// The lexicon search (lexicon() in rules, clause classes in the facts) on
// every indicator text of a county scheme; items/s are texts per second.
void BM_LexiconFind(benchmark::State& state) {
  const Scheme s = loaded(60);
  std::vector<std::string> texts;
  for (const Indicator& i : s.indicators) texts.push_back(i.id.text + " " + i.name() + " " + i.wording.standard);
  auto lex = lexicon();
  size_t hits = 0;
  for (auto _ : state)
    for (const std::string& t : texts) {
      std::vector<LexiconHit> h = lex->find(t);
      hits += h.size();
      benchmark::DoNotOptimize(h.data());
    }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * texts.size()));
}
BENCHMARK(BM_LexiconFind)->Unit(benchmark::kMicrosecond);

// What every process start pays for the lexicon: reading the embedded YAML
// and indexing its patterns, then the first search of texts holding every
// gapped pattern's lead (whose regular expression is compiled on first use).
void BM_LexiconStart(benchmark::State& state) {
  std::string every_lead;
  const std::shared_ptr<const Lexicon> words = load_builtin_lexicon();  // held: the loop reads its entries
  for (const LexiconEntry& e : words->entries()) {
    std::vector<std::string> all = e.variants;
    all.push_back(e.word);
    for (const std::string& p : all)
      if (p.find("…") != std::string::npos) every_lead += p.substr(0, p.find("…")) + "，";
  }
  for (auto _ : state) {
    std::shared_ptr<const Lexicon> lex = load_builtin_lexicon();
    std::vector<LexiconHit> h = lex->find(every_lead);
    benchmark::DoNotOptimize(h.data());
  }
}
BENCHMARK(BM_LexiconStart)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  // The built-in lexicon, as check_file installs it: without it the lexicon
  // rules and the clause classes would run on an empty lexicon in every
  // benchmark that runs before the first BM_CheckFile (or under a filter).
  use_builtin_lexicon();
  for (const RuleMeta& m : pack().rules.rules()) {
    if (m.native) continue;
    for (int n : {60, 5000})
      benchmark::RegisterBenchmark(("BM_Rule/" + m.id + "/" + std::to_string(n)).c_str(),
                                   [id = m.id, n](benchmark::State& st) { rule_bench(st, id, n); })
          ->Unit(benchmark::kMicrosecond);
  }
  for (const PlanShape& shape : kPlanShapes)
    benchmark::RegisterBenchmark((std::string("BM_PlanShape/") + shape.name).c_str(),
                                 [&shape](benchmark::State& st) { plan_bench(st, shape); })
        ->Unit(benchmark::kMicrosecond);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
