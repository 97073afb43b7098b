// The fuzz targets share one executable (one link of the instrumented
// library instead of one per target, the largest cost of CI's fuzz build):
// each target registers itself here, and fuzz_main.cpp runs the one named by
// the program's name, `fuzz/TARGET` being a symbolic link to `jianfu_fuzz`.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace jf::fuzz {

using InputFn = int (*)(const uint8_t* data, size_t size);
/// Called once before the first input with the name the target was started
/// by: set-up that every input would otherwise repeat (rule packs).
using SetUpFn = void (*)(std::string_view name);

struct Target {
  std::string_view name;
  InputFn input;
  SetUpFn set_up = nullptr;
  bool prefix = false;  // `name` is a prefix (fuzz_check_FAMILY)
};

inline std::vector<Target>& targets() {
  static std::vector<Target> all;
  return all;
}

struct Registered {
  explicit Registered(Target t) { targets().push_back(t); }
};

}  // namespace jf::fuzz

/// Defines target NAME's input function: JIANFU_FUZZ_TARGET(fuzz_yaml) { … }
/// with `data` and `size` in scope, as LLVMFuzzerTestOneInput has them.
#define JIANFU_FUZZ_TARGET(NAME)                                                          \
  static int NAME##_input(const uint8_t* data, size_t size);                              \
  static const ::jf::fuzz::Registered NAME##_registered({#NAME, NAME##_input, nullptr}); \
  static int NAME##_input(const uint8_t* data, size_t size)
