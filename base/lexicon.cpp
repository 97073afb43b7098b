#include "base/lexicon.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include "base/vocabulary.hpp"
#include "base/utf8.hpp"

namespace jf {

// A pattern without `…` is a plain substring; one with a gap becomes an RE2
// expression whose gap stays inside one clause. That expression is compiled
// on first use: the 37 built-in gapped patterns cost ~30 M instructions to
// compile (most of a one-file run's start-up), and a run whose texts never
// hold a pattern's lead never needs it. A pattern that does not compile finds
// nothing (as before, when it was dropped at add: the others keep their order).
struct Lexicon::Pattern {
  size_t entry = 0;
  std::string plain;
  std::string gapped;  // the pattern as written, when it has a gap
  std::string lead;    // with a gap: the text before it, which every match contains
  mutable std::once_flag once;
  mutable std::unique_ptr<re2::RE2> re;
  const re2::RE2* regex() const;
};

namespace {

constexpr std::string_view kGap = "…";

uint32_t head_key(const char* p) {
  return uint32_t{static_cast<unsigned char>(p[0])} | uint32_t{static_cast<unsigned char>(p[1])} << 8 |
         uint32_t{static_cast<unsigned char>(p[2])} << 16;
}
bool continuation(char c) { return utf8::is_continuation(c); }

std::unique_ptr<re2::RE2> gap_pattern(std::string_view p) {
  std::string expr;
  size_t at = 0;
  for (size_t g; (g = p.find(kGap, at)) != std::string_view::npos; at = g + kGap.size())
    expr += re2::RE2::QuoteMeta(std::string(p.substr(at, g - at))) + std::string(vocabulary_text("marks.lexicon_gap"));
  expr += re2::RE2::QuoteMeta(std::string(p.substr(at)));
  re2::RE2::Options o;
  o.set_log_errors(false);
  return std::make_unique<re2::RE2>(expr, o);
}

std::mutex g_mutex;
std::shared_ptr<const Lexicon> g_lexicon;
LexiconLoader g_loader = nullptr;

}  // namespace

const re2::RE2* Lexicon::Pattern::regex() const {
  std::call_once(once, [this] { re = gap_pattern(gapped); });
  return re->ok() ? re.get() : nullptr;
}

Lexicon::Lexicon() = default;
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(const Lexicon& o) : class_names_(o.class_names_), entries_(o.entries_) {
  for (size_t i = 0; i < entries_.size(); ++i) compile(i);
}

void Lexicon::compile(size_t entry) {
  const LexiconEntry& e = entries_[entry];
  std::vector<std::string> all{e.word};
  all.insert(all.end(), e.variants.begin(), e.variants.end());
  for (const std::string& p : all) {
    if (p.empty()) continue;
    if (p.find(' ') != std::string::npos) space_in_patterns_ = true;
    auto pat = std::make_unique<Pattern>();
    pat->entry = entry;
    const auto index = static_cast<uint32_t>(patterns_.size());
    if (p.find(kGap) == std::string::npos) {
      pat->plain = p;
      if (p.size() >= 3 && !continuation(p[0])) add_head(head_key(p.data()), index);
      else anywhere_.push_back(index);
    } else {
      pat->gapped = p;
      pat->lead = p.substr(0, p.find(kGap));
      // A lead the pass can see (it starts a character and has one) is
      // noticed there; find() searches the text for the others.
      if (pat->lead.size() >= 3 && !continuation(pat->lead[0])) add_head(head_key(pat->lead.data()), index | kLead);
      else unindexed_gapped_.push_back(index);
      gapped_.push_back(index);
    }
    patterns_.push_back(std::move(pat));
  }
}

namespace {
size_t head_slot(uint32_t key, size_t mask) { return (uint64_t{key} * 0x9E3779B97F4A7C15ull >> 32) & mask; }
}  // namespace

void Lexicon::add_head(uint32_t key, uint32_t id) {
  if ((head_count_ + 1) * 2 > heads_.size()) {
    std::vector<HeadSlot> old = std::move(heads_);
    heads_.assign(old.empty() ? 256 : old.size() * 2, HeadSlot{});
    const size_t mask = heads_.size() - 1;
    for (HeadSlot& h : old) {
      if (h.key == kNoHead) continue;
      size_t k = head_slot(h.key, mask);
      while (heads_[k].key != kNoHead) k = (k + 1) & mask;
      heads_[k] = std::move(h);
    }
  }
  const size_t mask = heads_.size() - 1;
  size_t k = head_slot(key, mask);
  while (heads_[k].key != kNoHead && heads_[k].key != key) k = (k + 1) & mask;
  if (heads_[k].key == kNoHead) heads_[k].key = key, ++head_count_;
  heads_[k].ids.push_back(id);
  head_byte_[key & 0xFF] = true;
}

const Lexicon::HeadSlot* Lexicon::head(uint32_t key) const {
  if (heads_.empty()) return nullptr;
  const size_t mask = heads_.size() - 1;
  for (size_t k = head_slot(key, mask);; k = (k + 1) & mask) {
    if (heads_[k].key == key) return &heads_[k];
    if (heads_[k].key == kNoHead) return nullptr;
  }
}

void Lexicon::name_class(const std::string& klass, std::string en, std::string zh) {
  class_names_[klass] = {std::move(en), std::move(zh)};
}

std::string Lexicon::class_name(std::string_view klass, bool zh) const {
  auto it = class_names_.find(klass);
  if (it == class_names_.end()) return std::string(klass);
  const std::string& name = zh ? it->second.second : it->second.first;
  return name.empty() ? std::string(klass) : name;
}

void Lexicon::add(LexiconEntry e) {
  entries_.push_back(std::move(e));
  compile(entries_.size() - 1);
}

std::vector<LexiconHit> Lexicon::find(std::string_view text) const {
  // Every occurrence of every pattern, found in one pass over the text
  // (plain ones) or by RE2 where the text holds the part before the gap.
  struct Raw {
    uint32_t pattern;
    size_t begin, end;
  };
  // Reused per thread: a search allocates only the hits it returns.
  // `lead_seen` stays all zero between searches (the leads set are cleared
  // from `leads`), so a search costs nothing per pattern it does not meet.
  thread_local std::vector<Raw> raw;
  thread_local std::vector<LexiconHit> all;
  thread_local std::vector<char> lead_seen;
  thread_local std::vector<uint32_t> leads;
  raw.clear();
  leads.clear();
  if (lead_seen.size() < patterns_.size()) lead_seen.resize(patterns_.size(), 0);
  const size_t n = text.size();
  const char* t = text.data();
  // Every hit is sorted by pattern and start below, so the order they are
  // found in does not matter: the short patterns first, then the index.
  for (uint32_t k : anywhere_) {
    const std::string& w = patterns_[k]->plain;
    for (size_t at = 0; at < n; ++at)
      if (n - at >= w.size() && text.compare(at, w.size(), w) == 0) raw.push_back({k, at, at + w.size()});
  }
  // Continuation bytes start no head (head_byte_ is false for them).
  for (size_t at = 0; at + 3 <= n; ++at) {
    if (!head_byte_[static_cast<unsigned char>(t[at])]) continue;
    const HeadSlot* h = head(head_key(t + at));
    if (!h) continue;
    for (uint32_t k : h->ids) {
      // The first three bytes are the head's: compare the rest.
      const Pattern& p = *patterns_[k & ~kLead];
      const std::string& w = k & kLead ? p.lead : p.plain;
      if (w.size() > 3 && (n - at < w.size() || std::memcmp(t + at + 3, w.data() + 3, w.size() - 3) != 0)) continue;
      if (!(k & kLead)) raw.push_back({k, at, at + w.size()});
      else if (!lead_seen[k & ~kLead]) lead_seen[k & ~kLead] = 1, leads.push_back(k & ~kLead);
    }
  }
  for (uint32_t k : leads) lead_seen[k] = 0;
  for (uint32_t k : unindexed_gapped_)
    if (text.find(patterns_[k]->lead) != std::string_view::npos) leads.push_back(k);
  for (uint32_t k : leads) {
    const re2::RE2* re = patterns_[k]->regex();
    if (!re) continue;
    re2::StringPiece m, in(text.data(), text.size());
    size_t pos = 0;
    while (pos < text.size() && re->Match(in, pos, text.size(), re2::RE2::UNANCHORED, &m, 1) && !m.empty()) {
      size_t b = static_cast<size_t>(m.data() - text.data());
      raw.push_back({k, b, b + m.size()});
      pos = b + m.size();
    }
  }
  // The order and choice of a search per pattern: pattern by pattern, each
  // occurrence after the end of the previous one of the same pattern (as
  // repeated std::string_view::find finds them), so the sort below sees
  // exactly the same sequence and keeps the same hits.
  std::sort(raw.begin(), raw.end(),
            [](const Raw& a, const Raw& b) { return a.pattern != b.pattern ? a.pattern < b.pattern : a.begin < b.begin; });
  all.clear();
  size_t kept_end = 0;  // end of the last occurrence kept of raw[i - 1]'s pattern
  for (size_t i = 0; i < raw.size(); ++i) {
    if (i > 0 && raw[i].pattern == raw[i - 1].pattern && raw[i].begin < kept_end) continue;
    kept_end = raw[i].end;
    all.push_back({raw[i].begin, raw[i].end, &entries_[patterns_[raw[i].pattern]->entry]});
  }
  // Longest first at each start, then drop hits inside a kept one.
  std::sort(all.begin(), all.end(), [](const LexiconHit& a, const LexiconHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<LexiconHit> out;
  for (const LexiconHit& h : all)
    if (out.empty() || h.begin >= out.back().end) out.push_back(h);
    else if (h.end > out.back().end && h.end - h.begin > out.back().end - out.back().begin) out.back() = h;
  return out;
}

std::vector<std::string> Lexicon::words(std::string_view text, std::string_view klass) const {
  return words(text, find(text), klass);
}

std::vector<std::string> Lexicon::words(std::string_view text, const std::vector<LexiconHit>& hits,
                                        std::string_view klass) {
  std::vector<std::string> out;
  for (const LexiconHit& h : hits) {
    if (h.entry->klass != klass) continue;
    std::string w(text.substr(h.begin, h.end - h.begin));
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
  }
  return out;
}

const std::vector<std::string_view>& reward_classes() {
  static const std::vector<std::string_view> c = {"app",      "publicity", "paperwork", "body_setup",
                                                  "activity", "reporting", "result"};
  return c;
}

bool is_trace_class(std::string_view k) {
  return k == "app" || k == "publicity" || k == "paperwork" || k == "body_setup" || k == "activity" ||
         k == "reporting";
}

void set_builtin_lexicon_loader(LexiconLoader load) {
  std::lock_guard lock(g_mutex);
  g_loader = load;
}

std::shared_ptr<const Lexicon> lexicon() {
  std::lock_guard lock(g_mutex);
  if (!g_lexicon) g_lexicon = g_loader ? g_loader() : std::make_shared<const Lexicon>();
  return g_lexicon;
}

void add_user_lexicon(const std::vector<LexiconEntry>& entries) {
  if (entries.empty()) return;
  auto current = lexicon();
  auto next = std::make_shared<Lexicon>(*current);
  for (const LexiconEntry& e : entries) next->add(e);
  std::lock_guard lock(g_mutex);
  g_lexicon = std::move(next);
}

}  // namespace jf
