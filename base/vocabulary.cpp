#include "base/vocabulary.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <stdexcept>

#include "base/vocabulary_table.hpp"

namespace jf {

namespace {

const VocabularyRow& row(std::string_view key) {
  const auto rows = vocabulary_table();
  auto it = std::lower_bound(rows.begin(), rows.end(), key,
                             [](const VocabularyRow& r, std::string_view k) { return r.key < k; });
  if (it == rows.end() || it->key != key)
    throw std::logic_error("no vocabulary entry `" + std::string(key) + "` in lexicon/vocabulary/*.yaml");
  return *it;
}

}  // namespace

std::span<const std::string_view> vocabulary(std::string_view key) {
  const VocabularyRow& r = row(key);
  if (r.pairs) throw std::logic_error("vocabulary entry `" + std::string(key) + "` holds pairs (vocabulary_pairs)");
  return r.words;
}

std::vector<std::pair<std::string_view, std::string_view>> vocabulary_pairs(std::string_view key) {
  const VocabularyRow& r = row(key);
  if (!r.pairs) throw std::logic_error("vocabulary entry `" + std::string(key) + "` holds words, not pairs");
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (size_t i = 0; i + 1 < r.words.size(); i += 2) out.emplace_back(r.words[i], r.words[i + 1]);
  return out;
}

std::string_view vocabulary_text(std::string_view key) {
  auto words = vocabulary(key);
  if (words.size() != 1)
    throw std::logic_error("vocabulary entry `" + std::string(key) + "` must hold one word or pattern");
  return words.front();
}

std::string vocabulary_pattern(std::string_view key) {
  std::string p(vocabulary_text(key));
  const std::string_view number = vocabulary_text("numbers.pattern");
  for (size_t at = p.find("{N}"); at != std::string::npos; at = p.find("{N}", at + number.size()))
    p.replace(at, 3, number);
  return p;
}

std::string vocabulary_alternation(std::string_view key) {
  std::string out;
  for (std::string_view w : vocabulary(key)) {
    if (!out.empty()) out += '|';
    out += re2::RE2::QuoteMeta(re2::StringPiece(w.data(), w.size()));
  }
  return out;
}

bool vocabulary_has(std::string_view key, std::string_view word) {
  auto words = vocabulary(key);
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace jf
