#include "base/lexicon.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <mutex>
#include "base/vocabulary.hpp"
#include "base/utf8.hpp"

namespace jf {

// A pattern without `…` is a plain substring (found with find); one with a gap
// becomes an RE2 expression whose gap stays inside one clause.
struct Lexicon::Pattern {
  size_t entry = 0;
  std::string plain;
  std::unique_ptr<re2::RE2> re;
  std::string lead;  // with a gap: the text before it, which every match contains
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
    auto pat = std::make_unique<Pattern>();
    pat->entry = entry;
    const auto index = static_cast<uint32_t>(patterns_.size());
    if (p.find(kGap) == std::string::npos) {
      pat->plain = p;
      if (p.size() >= 3 && !continuation(p[0])) by_head_[head_key(p.data())].push_back(index);
      else anywhere_.push_back(index);
    } else if (auto re = gap_pattern(p); re->ok()) {
      pat->re = std::move(re);
      pat->lead = p.substr(0, p.find(kGap));
      gapped_.push_back(index);
    } else {
      continue;
    }
    patterns_.push_back(std::move(pat));
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
  std::vector<Raw> raw;
  auto try_at = [&](uint32_t k, size_t at) {
    const std::string& w = patterns_[k]->plain;
    if (text.size() - at >= w.size() && text.compare(at, w.size(), w) == 0) raw.push_back({k, at, at + w.size()});
  };
  for (size_t at = 0; at < text.size(); ++at) {
    for (uint32_t k : anywhere_) try_at(k, at);
    if (text.size() - at < 3 || continuation(text[at])) continue;
    if (auto it = by_head_.find(head_key(text.data() + at)); it != by_head_.end())
      for (uint32_t k : it->second) try_at(k, at);
  }
  for (uint32_t k : gapped_) {
    const Pattern& p = *patterns_[k];
    if (text.find(p.lead) == std::string_view::npos) continue;
    re2::StringPiece m, in(text.data(), text.size());
    size_t pos = 0;
    while (pos < text.size() && p.re->Match(in, pos, text.size(), re2::RE2::UNANCHORED, &m, 1) && !m.empty()) {
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
  std::vector<LexiconHit> all;
  all.reserve(raw.size());
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
