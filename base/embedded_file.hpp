// A file of the source tree compiled into the binary (cmake/embed_files.cmake):
// the built-in rule pack and the built-in lexicon.
#pragma once
#include <string_view>

namespace jf {

struct EmbeddedFile {
  std::string_view path;  // "builtin:NAME.rules", "builtin:NAME.yaml"
  std::string_view text;
};

}  // namespace jf
