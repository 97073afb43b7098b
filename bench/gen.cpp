// bench/gen: writes seeded synthetic schemes for the benchmarks and the
// Spectral comparison (docs/performance.md).
//
//   gen scheme FILE [--indicators N] [--departments N] [--seed S]
//   gen corpus DIR --count N [--indicators 60] [--departments 25] [--seed S] [--format yaml|assess]
//
// The syntax of `scheme` follows FILE's extension (.yaml/.yml or .assess).
// Corpus files are DIR/NNNNN.yaml (or .assess), file k seeded with S + k.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/scheme_gen.hpp"

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

int usage() {
  std::cerr << "usage: gen scheme FILE [--indicators N] [--departments N] [--seed S]\n"
               "       gen corpus DIR --count N [--indicators N] [--departments N] [--seed S] "
               "[--format yaml|assess]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 3) return usage();
  const std::string mode = argv[1];
  const std::filesystem::path target = argv[2];
  jf::bench::GenParams p;
  long count = 0;
  std::string format = "yaml";
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--indicators") p.indicators = std::stoi(value);
    else if (flag == "--departments") p.departments = std::stoi(value);
    else if (flag == "--seed") p.seed = std::stoull(value);
    else if (flag == "--count") count = std::stol(value);
    else if (flag == "--format") format = value;
    else return usage();
  }
  if (format != "yaml" && format != "assess") return usage();
  if (mode == "scheme") {
    const std::string ext = target.extension().string();
    write_file(target, jf::bench::scheme_text(jf::bench::generate_scheme(p), ext == ".assess"));
    return 0;
  }
  if (mode != "corpus" || count <= 0) return usage();
  std::filesystem::create_directories(target);
  const uint64_t base = p.seed;
  for (long k = 0; k < count; ++k) {
    p.seed = base + static_cast<uint64_t>(k);
    const bool assess = format == "assess";
    write_file(target / fmt::format("{:05}.{}", k, assess ? "assess" : "yaml"),
               jf::bench::scheme_text(jf::bench::generate_scheme(p), assess));
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "gen: " << e.what() << "\n";
  return 2;
}
