#include "base/lexicon.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <mutex>

namespace jf {

// A pattern without `…` is a plain substring (found with find); one with a gap
// becomes an RE2 expression whose gap stays inside one clause.
struct Lexicon::Pattern {
  size_t entry = 0;
  std::string plain;
  std::unique_ptr<re2::RE2> re;
};

namespace {

constexpr std::string_view kGap = "…";

std::unique_ptr<re2::RE2> gap_pattern(std::string_view p) {
  std::string expr;
  size_t at = 0;
  for (size_t g; (g = p.find(kGap, at)) != std::string_view::npos; at = g + kGap.size())
    expr += re2::RE2::QuoteMeta(std::string(p.substr(at, g - at))) + "[^，,；;。\\n]{0,15}?";
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
    if (p.find(kGap) == std::string::npos) pat->plain = p;
    else if (auto re = gap_pattern(p); re->ok()) pat->re = std::move(re);
    else continue;
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
  std::vector<LexiconHit> all;
  for (const auto& p : patterns_) {
    const LexiconEntry* e = &entries_[p->entry];
    if (p->re) {
      re2::StringPiece m, in(text.data(), text.size());
      size_t pos = 0;
      while (pos < text.size() && p->re->Match(in, pos, text.size(), re2::RE2::UNANCHORED, &m, 1) && !m.empty()) {
        size_t b = static_cast<size_t>(m.data() - text.data());
        all.push_back({b, b + m.size(), e});
        pos = b + m.size();
      }
    } else {
      for (size_t at = text.find(p->plain); at != std::string_view::npos; at = text.find(p->plain, at + p->plain.size()))
        all.push_back({at, at + p->plain.size(), e});
    }
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
  std::vector<std::string> out;
  for (const LexiconHit& h : find(text)) {
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
