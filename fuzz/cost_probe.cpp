// cost_probe: measures, per scheme file, what the cost constants of
// fuzz/fuzz_bounds.hpp and the budgets of engine/ stand for (docs/security.md,
// "How the constants were calibrated"): the CPU time of a check without rules
// (per input byte), the extra time the rules take against the steps and
// regex units they charged, and the bytes each format writes per input byte.
//
//   cost_probe [--rules FILE]... [--no-builtin] [--runs N] SCHEME...
//
// One tab-separated line per file: path, bytes, base_us (the check without
// rules), rules_us (the check with them, minus base_us), steps, regex units,
// then the output bytes of each format (the larger of English and Chinese).
// Times are the median of N runs of this thread's CPU time. Built on demand
// (`cmake --build build --target cost_probe`): in the release build for the
// times a user sees, in the fuzz build for the constants the harnesses
// assert; fuzz/calibrate.py summarises its lines into the worst ratios.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/document.hpp"
#include "fuzz/fuzz_bounds.hpp"
#include "fuzz/fuzz_common.hpp"
#include "pipeline/check_pipeline.hpp"
#include "render/check_formats.hpp"
#include "render/render.hpp"

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Median CPU time of `runs` checks, in microseconds; the last check is kept.
uint64_t timed_check(const jf::SourceSet& sources, uint32_t id, const jf::RuleSet* rules, int runs,
                     jf::FileCheck& last) {
  std::vector<uint64_t> us;
  for (int i = 0; i < runs; ++i) {
    jf::fuzz::start_charges();
    const uint64_t started = jf::fuzz::thread_cpu_ns();
    last = jf::check_file(sources, id, rules, jf::Limits{});
    us.push_back((jf::fuzz::thread_cpu_ns() - started) / 1000);
  }
  std::sort(us.begin(), us.end());
  return us[us.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  jf::SourceSet rule_sources;
  jf::RuleSet rules;
  bool builtin = true;
  int runs = 3;
  std::vector<const char*> schemes;
  std::vector<const char*> rule_files;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--rules") && i + 1 < argc) rule_files.push_back(argv[++i]);
    else if (!std::strcmp(argv[i], "--no-builtin")) builtin = false;
    else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
    else schemes.push_back(argv[i]);
  }
  std::vector<jf::Diagnostic> errors;
  if (builtin)
    for (const jf::EmbeddedFile& f : jf::builtin_rule_files())
      add_rule_file(rules, rule_sources, rule_sources.add(std::string(f.path), std::string(f.text)), true, errors);
  for (const char* f : rule_files)
    add_rule_file(rules, rule_sources, rule_sources.add(f, slurp(f)), false, errors);
  if (!errors.empty()) {
    std::fprintf(stderr, "cost_probe: a rule file does not compile\n");
    return 2;
  }
  const auto formats = jf::check_formats();
  std::printf("path\tbytes\tbase_us\trules_us\tsteps\tunits");
  for (const auto& f : formats) std::printf("\t%.*s", static_cast<int>(f.name.size()), f.name.data());
  std::printf("\tsummary\n");
  for (const char* path : schemes) {
    jf::SourceSet sources;
    std::string bytes = slurp(path);
    const size_t size = bytes.size();
    uint32_t id = jf::add_scheme_source(sources, path, std::move(bytes));
    jf::FileCheck c;
    const uint64_t base_us = timed_check(sources, id, nullptr, runs, c);
    const uint64_t all_us = timed_check(sources, id, &rules, runs, c);
    std::printf("%s\t%zu\t%llu\t%lld\t%llu\t%llu", path, size, static_cast<unsigned long long>(base_us),
                static_cast<long long>(all_us) - static_cast<long long>(base_us),
                static_cast<unsigned long long>(jf::fuzz::steps_charged()),
                static_cast<unsigned long long>(jf::rt::last_regex_units()));
    std::vector<std::string> files{path};
    for (const auto& f : formats) {
      size_t most = 0;
      for (jf::Lang lang : {jf::Lang::en, jf::Lang::zh}) {
        auto format = f.make({lang, f.name == "text", &rules.rules(), "probe"});  // colour: as fuzz_render.hpp
        most = std::max(most, render_report(*format, c.diagnostics, sources, files, /*per_file=*/true).size());
      }
      std::printf("\t%zu", most);
    }
    size_t summary = 0;
    for (jf::Lang lang : {jf::Lang::en, jf::Lang::zh})
      summary = std::max(summary, render_summary(c.diagnostics, 1, {lang, false}).size());
    std::printf("\t%zu\n", summary);
    std::fflush(stdout);
  }
  return 0;
}
