// The YAML parser alone, and the alternatives Debian 12 packages (issue 19,
// docs/performance.md "Issue 19: yaml (fourth session)"): libyaml's events
// from a string and from a file, libfyaml's events and its document API, on
// the same generated county (60 indicators) and 5,000-indicator schemes the
// other YAML benchmarks use. Each parse is one named function so that
// `valgrind --tool=callgrind --toggle-collect=jf_bench_*` counts one
// parse's instructions (bench/rule-instructions does the same for rules).
#include <benchmark/benchmark.h>
#include <libfyaml.h>
#include <yaml.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "bench/scheme_gen.hpp"

namespace {

/// The generated scheme of `indicators` indicators, made once.
const std::string& scheme_yaml(int indicators) {
  static std::map<int, std::string> made;
  std::string& slot = made[indicators];
  if (slot.empty()) {
    jf::bench::GenParams p{.seed = 42, .indicators = indicators, .departments = 25, .units = 18};
    slot = jf::bench::scheme_text(jf::bench::generate_scheme(p), false);
  }
  return slot;
}

/// The same text in a file, for libyaml's FILE* input.
const std::string& scheme_file(int indicators) {
  static std::map<int, std::string> paths;
  std::string& path = paths[indicators];
  if (path.empty()) {
    path = (std::filesystem::temp_directory_path() / ("jianfu-bench-" + std::to_string(indicators) + ".yaml")).string();
    std::ofstream(path, std::ios::binary) << scheme_yaml(indicators);
  }
  return path;
}

}  // namespace

// Outside the anonymous namespace and never inlined: callgrind toggles on
// these names.
extern "C" {

/// libyaml: every event parsed and freed; the count of events, or 0 on error.
/// `buffer` > 0: the parser's input buffers (16 KB raw, 48 KB decoded, fixed
/// by the library) are swapped for ones of that many bytes, through the
/// parser's public fields; an experiment only, never done by the loader.
__attribute__((noinline)) size_t jf_bench_libyaml(const std::string* text, FILE* file, size_t buffer) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  if (buffer > 0) {
    std::free(parser.raw_buffer.start);
    std::free(parser.buffer.start);
    auto* raw = static_cast<unsigned char*>(std::malloc(buffer));
    auto* decoded = static_cast<yaml_char_t*>(std::malloc(3 * buffer));
    parser.raw_buffer = {raw, raw + buffer, raw, raw};
    parser.buffer = {decoded, decoded + 3 * buffer, decoded, decoded};
  }
  if (file)
    yaml_parser_set_input_file(&parser, file);
  else
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text->data()), text->size());
  yaml_event_t e;
  size_t events = 0;
  for (bool more = true; more; ++events) {
    if (!yaml_parser_parse(&parser, &e)) {
      events = 0;
      break;
    }
    more = e.type != YAML_STREAM_END_EVENT;
    yaml_event_delete(&e);
  }
  yaml_parser_delete(&parser);
  return events;
}

/// libfyaml: every event parsed, each scalar's text fetched (what a tree
/// builder needs; libyaml hands it over in the event), every event freed.
__attribute__((noinline)) size_t jf_bench_fyaml_events(const std::string* text) {
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_1);
  fy_parser* parser = fy_parser_create(&cfg);
  if (!parser || fy_parser_set_string(parser, text->data(), text->size()) != 0) {
    if (parser) fy_parser_destroy(parser);
    return 0;
  }
  size_t events = 0, bytes = 0;
  while (fy_event* e = fy_parser_parse(parser)) {
    if (e->type == FYET_SCALAR) {
      size_t len = 0;
      fy_token_get_text(e->scalar.value, &len);
      bytes += len;
    }
    ++events;
    fy_parser_event_free(parser, e);
  }
  if (fy_parser_get_stream_error(parser)) events = 0;
  fy_parser_destroy(parser);
  benchmark::DoNotOptimize(bytes);
  return events;
}

/// libfyaml's document API: the whole tree built and destroyed.
__attribute__((noinline)) size_t jf_bench_fyaml_document(const std::string* text) {
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_1);
  fy_document* doc = fy_document_build_from_string(&cfg, text->data(), text->size());
  if (!doc) return 0;
  size_t root = fy_node_mapping_item_count(fy_document_root(doc));
  fy_document_destroy(doc);
  return root + 1;
}

}  // extern "C"

namespace {

void finish(benchmark::State& state, const std::string& text) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_LibyamlString(benchmark::State& state) {
  const std::string& text = scheme_yaml(static_cast<int>(state.range(0)));
  for (auto _ : state)
    if (!jf_bench_libyaml(&text, nullptr, 0)) state.SkipWithError("libyaml could not parse the scheme");
  finish(state, text);
}
BENCHMARK(BM_LibyamlString)->Arg(60)->Arg(5000)->Unit(benchmark::kMicrosecond);

// libyaml reading a FILE* (its own 16 KB raw buffer, refilled by fread):
// is the string input any cheaper than the file's?
void BM_LibyamlFile(benchmark::State& state) {
  const std::string& text = scheme_yaml(static_cast<int>(state.range(0)));
  const std::string& path = scheme_file(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f || !jf_bench_libyaml(&text, f, 0)) state.SkipWithError("libyaml could not read the scheme file");
    if (f) std::fclose(f);
  }
  finish(state, text);
}
BENCHMARK(BM_LibyamlFile)->Arg(60)->Arg(5000)->Unit(benchmark::kMicrosecond);

// libyaml from a string with input buffers as large as the whole text, so
// it decodes the input in one go instead of 16 KB at a time.
void BM_LibyamlWholeBuffer(benchmark::State& state) {
  const std::string& text = scheme_yaml(static_cast<int>(state.range(0)));
  for (auto _ : state)
    if (!jf_bench_libyaml(&text, nullptr, text.size() + 1)) state.SkipWithError("libyaml could not parse the scheme");
  finish(state, text);
}
BENCHMARK(BM_LibyamlWholeBuffer)->Arg(60)->Arg(5000)->Unit(benchmark::kMicrosecond);

void BM_FyamlEvents(benchmark::State& state) {
  const std::string& text = scheme_yaml(static_cast<int>(state.range(0)));
  for (auto _ : state)
    if (!jf_bench_fyaml_events(&text)) state.SkipWithError("libfyaml could not parse the scheme");
  finish(state, text);
}
BENCHMARK(BM_FyamlEvents)->Arg(60)->Arg(5000)->Unit(benchmark::kMicrosecond);

void BM_FyamlDocument(benchmark::State& state) {
  const std::string& text = scheme_yaml(static_cast<int>(state.range(0)));
  for (auto _ : state)
    if (!jf_bench_fyaml_document(&text)) state.SkipWithError("libfyaml could not build the document");
  finish(state, text);
}
BENCHMARK(BM_FyamlDocument)->Arg(60)->Arg(5000)->Unit(benchmark::kMicrosecond);

}  // namespace
