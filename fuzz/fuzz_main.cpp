// The libFuzzer entry points of `jianfu_fuzz`: the target is the program's
// name (fuzz/fuzz_yaml is a symbolic link to jianfu_fuzz), so libFuzzer's
// own command line, its child processes and its crash reproducers
// (`fuzz/fuzz_yaml crash-…`) work as with one binary per target.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_target.hpp"

namespace {

const jf::fuzz::Target* chosen = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  std::string_view name = *argc > 0 ? (*argv)[0] : "";
  if (size_t slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  for (const jf::fuzz::Target& t : jf::fuzz::targets())
    if (t.name == name) chosen = &t;
  if (!chosen)
    for (const jf::fuzz::Target& t : jf::fuzz::targets())
      if (t.prefix && name.starts_with(t.name) && name.size() > t.name.size()) chosen = &t;
  if (!chosen) {
    std::fprintf(stderr, "jianfu_fuzz: no fuzz target named `%.*s`; run it through a link named after one of:",
                 static_cast<int>(name.size()), name.data());
    for (const jf::fuzz::Target& t : jf::fuzz::targets())
      std::fprintf(stderr, " %.*s%s", static_cast<int>(t.name.size()), t.name.data(), t.prefix ? "FAMILY" : "");
    std::fprintf(stderr, "\n");
    std::exit(2);
  }
  if (chosen->set_up) chosen->set_up(name);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { return chosen->input(data, size); }
