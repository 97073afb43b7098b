// Reading the lexicon's YAML (docs/lexicon.md): the built-in files embedded
// at build time and a `.jianfu.yaml`'s `lexicon:` entries, with the same
// reader, so a built-in file follows the rules a user's entry does.
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "base/embedded_file.hpp"
#include "base/lexicon.hpp"

namespace jf {

class YamlReader;

/// Reads a `lexicon:` list of entries (`{class, word, variants, en, zh}`),
/// reporting problems through `r`; `default_class` is used where an entry
/// names none (empty: `class` is required).
void read_lexicon_entries(YamlReader& r, uint32_t node, std::string_view origin, std::string_view default_class,
                          std::vector<LexiconEntry>& out);

/// The built-in lexicon's files (lexicon/*.yaml), embedded at build time.
const std::vector<EmbeddedFile>& builtin_lexicon_files();

/// The built-in lexicon read from those files (throws std::logic_error when
/// one is malformed: a build defect, caught by the tests).
std::shared_ptr<const Lexicon> load_builtin_lexicon();

/// Installs load_builtin_lexicon as the run's built-in lexicon (base's
/// lexicon() calls it on first use). Idempotent; every front end that reads
/// schemes or configs calls it, and so does the CLI at start.
void use_builtin_lexicon();

}  // namespace jf
