// Lexicon::find against the search it replaced: every pattern searched on
// its own (std::string_view::find for plain words, RE2 for gapped ones),
// then the same choice of hits. find() indexes plain words and gap leads by
// their first character and compiles gapped patterns on first use; what it
// returns must not change (the keyword rules' findings depend on it).
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/lexicon.hpp"

namespace jf {
namespace {

constexpr std::string_view kGap = "…";

struct Hit {
  size_t begin, end;
  const LexiconEntry* entry;
  bool operator==(const Hit&) const = default;
};

// The reference: one search per pattern, in entry and variant order.
std::vector<Hit> reference(const Lexicon& lex, std::string_view text) {
  struct Raw {
    size_t pattern, begin, end;
    const LexiconEntry* entry;
  };
  std::vector<Raw> raw;
  size_t pattern = 0;
  for (const LexiconEntry& e : lex.entries()) {
    std::vector<std::string> all{e.word};
    all.insert(all.end(), e.variants.begin(), e.variants.end());
    for (const std::string& p : all) {
      if (p.empty()) continue;
      const size_t k = pattern++;
      if (p.find(kGap) == std::string::npos) {
        for (size_t at = text.find(p); at != std::string_view::npos; at = text.find(p, at + p.size()))
          raw.push_back({k, at, at + p.size(), &e});
        continue;
      }
      std::string expr;
      size_t from = 0;
      for (size_t g; (g = p.find(kGap, from)) != std::string::npos; from = g + kGap.size())
        expr += re2::RE2::QuoteMeta(p.substr(from, g - from)) + "[^，,；;。\\n]{0,15}?";
      expr += re2::RE2::QuoteMeta(p.substr(from));
      // Compiled once per pattern for the whole test (thousands of texts).
      static std::map<std::string, std::unique_ptr<re2::RE2>> compiled;
      std::unique_ptr<re2::RE2>& slot = compiled[expr];
      if (!slot) slot = std::make_unique<re2::RE2>(expr);
      const re2::RE2& re = *slot;
      re2::StringPiece m, in(text.data(), text.size());
      for (size_t pos = 0; pos < text.size() && re.Match(in, pos, text.size(), re2::RE2::UNANCHORED, &m, 1) && !m.empty();) {
        const size_t b = static_cast<size_t>(m.data() - text.data());
        raw.push_back({k, b, b + m.size(), &e});
        pos = b + m.size();
      }
    }
  }
  std::vector<Hit> all;
  for (const Raw& r : raw) all.push_back({r.begin, r.end, r.entry});
  // The same sort as find() on the same sequence, so ties (one span found by
  // two patterns) resolve alike.
  std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Hit> out;
  for (const Hit& h : all)
    if (out.empty() || h.begin >= out.back().end) out.push_back(h);
    else if (h.end > out.back().end && h.end - h.begin > out.back().end - out.back().begin) out.back() = h;
  return out;
}

std::vector<Hit> found(const Lexicon& lex, std::string_view text) {
  std::vector<Hit> out;
  for (const LexiconHit& h : lex.find(text)) out.push_back({h.begin, h.end, h.entry});
  return out;
}

Lexicon crafted(bool empty_lead = true) {
  Lexicon lex;
  auto add = [&](std::string klass, std::string word, std::vector<std::string> variants) {
    lex.add(LexiconEntry{.klass = std::move(klass), .word = std::move(word), .variants = std::move(variants)});
  };
  // Words sharing a first character, a gapped word whose lead is indexed
  // (成立…小组) and ones whose lead the index cannot see: empty (…组), two
  // bytes (ab…cd), one byte (x…成果); words shorter than a character (AI, x).
  add("body_setup", "成立", {"成立…小组", "成立领导小组"});
  if (empty_lead) add("activity", "…组", {});
  add("result", "成果", {"成", "x…成果", "x"});
  add("app", "APP", {"AI", "ab…cd", "app"});
  add("paperwork", "领导", {"领导小组", "小组"});
  return lex;
}

TEST(LexiconFind, SameHitsAsOneSearchPerPattern) {
  const Lexicon lex = crafted();
  const std::vector<std::string> pieces = {"成立", "小组", "成果", "领导", "，", "AI", "ab", "cd", "APP",
                                           "app", " ", "x", "。", "组", "成", "\n", "立"};
  std::mt19937 rng(19);
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const size_t len = rng() % 24;
    for (size_t i = 0; i < len; ++i) text += pieces[rng() % pieces.size()];
    ASSERT_EQ(found(lex, text), reference(lex, text)) << text;
  }
}

TEST(LexiconFind, GappedPatternsFoundWhateverTheirLead) {
  const Lexicon lex = crafted(false);
  const std::vector<Hit> h = found(lex, "他们成立了工作小组，ab12cd");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].entry->word, "成立");  // 成立了工作小组 by 成立…小组
  EXPECT_EQ(h[0].end - h[0].begin, std::string_view("成立了工作小组").size());
  EXPECT_EQ(h[1].entry->word, "APP");  // ab12cd by ab…cd
  EXPECT_EQ(found(lex, "他们成立了工作小组，ab12cd"), reference(lex, "他们成立了工作小组，ab12cd"));
}

TEST(LexiconFind, ACopyFindsTheSame) {
  const Lexicon lex = crafted();
  const Lexicon copy(lex);
  const std::string text = "成立领导小组，x和成果AI";
  std::vector<Hit> a = found(lex, text), b = found(copy, text);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].begin, b[i].begin);
    EXPECT_EQ(a[i].end, b[i].end);
    EXPECT_EQ(a[i].entry->word, b[i].entry->word);
  }
}

}  // namespace
}  // namespace jf
