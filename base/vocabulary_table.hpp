// The reader vocabulary as compiled into the binary: generated at build time
// from lexicon/vocabulary/*.yaml by lexicon/vocabulary/gen_vocabulary_table.cpp
// (base/vocabulary.hpp reads it).
#pragma once
#include <span>
#include <string_view>

namespace jf {

struct VocabularyRow {
  std::string_view key;                     // "FILE.NAME": the file's stem, then the name in it
  std::span<const std::string_view> words;  // in the file's order, never empty
  bool pairs = false;                       // `word: name` pairs: word, name, word, name …
};

/// Every row, sorted by key (keys are unique: the generator refuses a duplicate).
std::span<const VocabularyRow> vocabulary_table();

}  // namespace jf
