// The lexicon: the words of assessment wording and what they reward
// (docs/lexicon.md). Built from lexicon/*.yaml, embedded at build time, plus
// the entries a `.jianfu.yaml` adds under `lexicon:`. Import's clause reader,
// the burden count and the keyword rules all read this one list. Reading the
// YAML is the dsl's job (dsl/lexicon_reader.hpp); it installs the loader.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"
#include "base/diagnostic.hpp"

namespace jf {


/// One entry: a word, its variants (both are patterns: `…` stands for a gap
/// of up to 15 characters within one clause, e.g. 成立…小组) and its class.
struct LexiconEntry {
  std::string klass;  // result, activity, paperwork, reporting, publicity, app, body_setup, or a topic
  std::string word;
  std::vector<std::string> variants;
  std::string en, zh;  // what the entry means
  std::string origin;  // "builtin:paperwork.yaml" or the config file's path
  Span span;           // where a user's entry was written (builtin entries: none)
};

/// One match in a text: bytes [begin, end) and the entry it belongs to.
struct LexiconHit {
  size_t begin = 0, end = 0;
  const LexiconEntry* entry = nullptr;
};

class Lexicon {
 public:
  Lexicon();
  Lexicon(const Lexicon&);
  Lexicon& operator=(const Lexicon&) = delete;
  ~Lexicon();

  /// Adds an entry; its patterns are compiled once here.
  void add(LexiconEntry e);
  /// Every hit in `text`, by position; of overlapping hits the longest is kept.
  std::vector<LexiconHit> find(std::string_view text) const;
  /// The matched texts of `klass` in `text`, each once, in text order.
  std::vector<std::string> words(std::string_view text, std::string_view klass) const;
  /// The same from the hits find(text) returned (one search serves every class).
  static std::vector<std::string> words(std::string_view text, const std::vector<LexiconHit>& hits,
                                        std::string_view klass);
  const std::vector<LexiconEntry>& entries() const { return entries_; }
  /// Whether some pattern holds a space. When none does, a text followed
  /// by spaces has exactly the text's hits (a hit reaching into the spaces
  /// would end in one, and a gap never ends a match), so the evaluator can
  /// reuse the text's search for such a computed string.
  bool space_in_patterns() const { return space_in_patterns_; }
  /// Names a class for people (its file's `en`/`zh`), for output such as
  /// burden's trace list; an unnamed class is shown by its id.
  void name_class(const std::string& klass, std::string en, std::string zh);
  std::string class_name(std::string_view klass, bool zh) const;

 private:
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> class_names_;  // id -> (en, zh)
  struct Pattern;
  std::vector<LexiconEntry> entries_;
  std::vector<std::unique_ptr<Pattern>> patterns_;
  // Plain patterns, and the leads (text before the first gap) of gapped
  // ones, by their first three bytes (one CJK character), so find() looks up
  // each position once instead of searching the text per pattern; the rest
  // (shorter, or starting mid-character) are tried everywhere. The index is
  // an open-addressed table: a multiply and a mask per text position, where
  // an unordered_map divided by a prime. A lead's number is marked kLead.
  struct HeadSlot {
    uint32_t key = kNoHead;
    std::vector<uint32_t> ids;  // patterns (and leads) starting with `key`
  };
  static constexpr uint32_t kNoHead = ~uint32_t{0};
  static constexpr uint32_t kLead = uint32_t{1} << 31;
  std::vector<HeadSlot> heads_;      // size a power of two, at most half full
  size_t head_count_ = 0;
  bool head_byte_[256] = {};         // bytes some head starts with
  std::vector<uint32_t> anywhere_, gapped_;
  std::vector<uint32_t> unindexed_gapped_;  // gapped patterns whose lead the index cannot see
  bool space_in_patterns_ = false;
  void add_head(uint32_t key, uint32_t id);
  const HeadSlot* head(uint32_t key) const;
  void compile(size_t entry);
};

/// The classes a criterion can reward, in the order a clause's class is
/// decided: the first one whose words a clause holds wins (result last).
const std::vector<std::string_view>& reward_classes();
/// Whether points for `klass` reward a trace (activity, paperwork, publicity,
/// app, body_setup, reporting) rather than a result.
bool is_trace_class(std::string_view klass);

/// The run's lexicon: the built-in entries and those added by add_user_lexicon.
/// The built-in entries come from the loader installed with
/// set_builtin_lexicon_loader (dsl/lexicon_reader.hpp, use_builtin_lexicon),
/// called once, on first use; with none installed the lexicon is empty.
std::shared_ptr<const Lexicon> lexicon();
using LexiconLoader = std::shared_ptr<const Lexicon> (*)();
void set_builtin_lexicon_loader(LexiconLoader);
/// Adds a config's entries for the rest of the run.
void add_user_lexicon(const std::vector<LexiconEntry>& entries);

}  // namespace jf
