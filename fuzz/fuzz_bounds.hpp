// The output and cost bounds docs/security.md states ("Bounds the fuzz
// targets assert"), as the check targets and fuzz_rules assert them: a
// broken bound prints what it measured and aborts, so libFuzzer reports the
// input like a crash. Nothing asserted these before issue 18, so the
// quadratic quotes and the regex under-charge could not be found by fuzzing.
//
// Each bound can be lowered from the environment, only to show that it
// fires (tests/fuzz_bounds_test.cpp, ctest fuzz_bound_*_fires):
//   JIANFU_FUZZ_OUTPUT_BOUND=FIXED,PER_INPUT_BYTE   (bytes; every format)
//   JIANFU_FUZZ_COST_BOUND=FIXED_US,PER_BYTE_NS,PER_STEP_NS,PER_UNIT_NS
#pragma once
#include <time.h>

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/rule_eval.hpp"
#include "render/check_formats.hpp"

namespace jf::fuzz {

/// Output bytes <= fixed + per_input_byte * input bytes.
struct OutputBound {
  uint64_t fixed;
  uint64_t per_input_byte;
};

/// The linear output bound of a registered check format (its row's
/// bytes_per_input_byte, render/check_formats.cpp), or of the summary line
/// (`format` null); docs/security.md, "How the constants were calibrated".
/// `fixed` pays for what a tiny input already produces (a JF001, the SARIF
/// rule table of the pack); the per-byte part for findings, at most 201 per
/// rule, each a message, a help text and (text format) a quote window,
/// escaped. Measured by fuzz/cost_probe with the whole pack over the
/// examples, the rule fixtures and hostile schemes: at most 90 KB for a file
/// under 4 KiB (SARIF, its rule table), 7.3 report bytes per input byte
/// (JSON; text 6.7, GitLab 6.1, GitHub 3.1, JUnit 2.8, SARIF 24.9 on a 4 KB
/// file, most of it the table). The fixed part is about 2.8 times what was
/// measured, the registry's per-byte figures about 4 times. A new format gets
/// the registry's default unless its row says more, so none goes unbounded.
inline OutputBound output_bound(const CheckFormat* format) {
  if (const char* env = std::getenv("JIANFU_FUZZ_OUTPUT_BOUND")) {
    OutputBound b{};
    if (std::sscanf(env, "%" SCNu64 ",%" SCNu64, &b.fixed, &b.per_input_byte) == 2) return b;
  }
  if (!format) return {16u << 10, 1};  // the summary: counts per rule and file (measured: 92 bytes)
  return {256u << 10, format->bytes_per_input_byte};
}

inline void assert_output_bound(const CheckFormat* format, size_t input_bytes, size_t output_bytes) {
  const OutputBound b = output_bound(format);
  const uint64_t allowed = b.fixed + b.per_input_byte * input_bytes;
  if (output_bytes <= allowed) return;
  std::fprintf(stderr,
               "jianfu fuzz: output bound broken: %s output of %zu bytes for %zu input bytes, above %" PRIu64
               " + %" PRIu64 " x input = %" PRIu64 "\n",
               format ? std::string(format->name).c_str() : "summary", output_bytes, input_bytes, b.fixed,
               b.per_input_byte, allowed);
  std::abort();
}

/// CPU time <= fixed + per_byte * input bytes + per_step * steps charged +
/// per_unit * regex units charged, for ASan + UBSan (CPU time of the thread,
/// so other processes do not count). Measured in the fuzz build by
/// fuzz/cost_probe (docs/security.md, "How the constants were calibrated"),
/// every share counted against one term: at most 18 ms for a file under
/// 4 KiB, 422 ns per input byte (a one-line scheme with 4,000 findings),
/// 67 ns per step (a rule over 9 million pairs; 179 ns with the whole pack
/// on 1 MB, its regex units counted as free) and 19 ns per regex unit (a
/// pattern RE2 cannot run as a DFA). The constants are 5 times those,
/// rounded up. A run that took long without charging for it (a search
/// charged len/64 steps while it cost seconds, issue 18) breaks it.
struct CostBound {
  uint64_t fixed_us = 100'000;
  uint64_t per_byte_ns = 2'500;
  uint64_t per_step_ns = 1'000;
  uint64_t per_unit_ns = 100;
};

inline CostBound cost_bound() {
  CostBound b;
  if (const char* env = std::getenv("JIANFU_FUZZ_COST_BOUND")) {
    CostBound l;
    if (std::sscanf(env, "%" SCNu64 ",%" SCNu64 ",%" SCNu64 ",%" SCNu64, &l.fixed_us, &l.per_byte_ns, &l.per_step_ns,
                    &l.per_unit_ns) == 4)
      b = l;
  }
  return b;
}

/// This thread's CPU time in nanoseconds.
inline uint64_t thread_cpu_ns() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(t.tv_nsec);
}

/// The steps and regex units the last RuleSet::evaluate on this thread
/// charged (engine/rule_eval.hpp). Clear them (`start_charges`) before a run
/// that may evaluate no rule at all.
inline void start_charges() {
  rt::last_steps().clear();
  rt::last_regex_units() = 0;
}

inline uint64_t steps_charged() {
  uint64_t n = 0;
  for (const auto& s : rt::last_steps()) n += s.second;
  return n;
}

/// Asserts the cost bound for a run that took `cpu_ns` on an input of
/// `input_bytes` (0 when the input's size is not part of the timed work).
inline void assert_cost_bound(const char* what, uint64_t cpu_ns, size_t input_bytes) {
  const CostBound b = cost_bound();
  const uint64_t steps = steps_charged();
  const uint64_t units = rt::last_regex_units();
  const uint64_t allowed =
      b.fixed_us * 1000 + b.per_byte_ns * input_bytes + b.per_step_ns * steps + b.per_unit_ns * units;
  if (cpu_ns <= allowed) return;
  std::fprintf(stderr,
               "jianfu fuzz: cost bound broken: %s took %" PRIu64 " us of CPU for %zu input bytes, %" PRIu64
               " steps and %" PRIu64 " regex units charged, above %" PRIu64 " us + %" PRIu64 " ns/byte + %" PRIu64
               " ns/step + %" PRIu64 " ns/unit = %" PRIu64 " us\n",
               what, cpu_ns / 1000, input_bytes, steps, units, b.fixed_us, b.per_byte_ns, b.per_step_ns,
               b.per_unit_ns, allowed / 1000);
  std::abort();
}

}  // namespace jf::fuzz
