// The words and patterns the readers match in scheme text (table headers,
// points phrases, event words, number words, separators …), kept as data in
// lexicon/vocabulary/*.yaml and compiled into the binary at build time
// (docs/lexicon.md, "Reader vocabulary"). Code names an entry by its key,
// "FILE.NAME"; the words themselves live only in the YAML, so adding a phrase
// is a one-line change there. Unlike the lexicon, users cannot extend this.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jf {

/// The words under `key`, in the file's order. A key that is not in the
/// vocabulary is a defect of the build: throws std::logic_error (the tests
/// reach every key).
std::span<const std::string_view> vocabulary(std::string_view key);

/// The one word or pattern under `key` (throws std::logic_error when the key
/// is missing or holds more than one).
std::string_view vocabulary_text(std::string_view key);

/// The pattern under `key` with every `{N}` replaced by the number pattern
/// (numbers.pattern: digits or 一…十, one capturing group).
std::string vocabulary_pattern(std::string_view key);

/// The words under `key` as one RE2 alternation, each word quoted: a|b|c.
std::string vocabulary_alternation(std::string_view key);

/// The `word: name` pairs under `key`, in the file's order (throws
/// std::logic_error when the key is missing or holds plain words).
std::vector<std::pair<std::string_view, std::string_view>> vocabulary_pairs(std::string_view key);

/// Whether `word` is one of the words under `key`.
bool vocabulary_has(std::string_view key, std::string_view word);

}  // namespace jf
