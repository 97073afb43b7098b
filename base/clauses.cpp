#include "base/clauses.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "base/number_words.hpp"
#include "base/vocabulary.hpp"

namespace jf {
namespace {

struct Shape {
  PointsKind kind;
  bool deducts;  // nullopt-free: the verb decides for per_event and tiers below
  std::string_view key;  // its pattern in lexicon/vocabulary/clauses.yaml
};

// Tried in order on each piece; the first that matches is its points phrase.
const Shape kShapes[] = {
    {PointsKind::tiers, false, "clauses.shapes.tiers"},
    {PointsKind::per_event, false, "clauses.shapes.per_event"},
    {PointsKind::per_event, false, "clauses.shapes.per_unit"},
    {PointsKind::none, true, "clauses.shapes.none"},
    {PointsKind::veto, true, "clauses.shapes.veto"},
    {PointsKind::sanction, true, "clauses.shapes.sanction"},
    {PointsKind::downgrade, true, "clauses.shapes.downgrade"},
    {PointsKind::proportion, false, "clauses.shapes.proportion"},
    {PointsKind::rank, false, "clauses.shapes.rank"},
    {PointsKind::proportion, false, "clauses.shapes.by_results"},
    {PointsKind::deduction, true, "clauses.shapes.base_full"},
    {PointsKind::award, false, "clauses.shapes.bonus"},
    {PointsKind::cap, true, "clauses.shapes.cap"},
    {PointsKind::deduction, true, "clauses.shapes.deduction"},
    {PointsKind::award, false, "clauses.shapes.award"},
    {PointsKind::award, false, "clauses.shapes.bracketed"},
};

const re2::RE2& compiled(size_t i) {
  static const std::vector<std::unique_ptr<re2::RE2>> all = [] {
    std::vector<std::unique_ptr<re2::RE2>> v;
    for (const Shape& s : kShapes) v.push_back(std::make_unique<re2::RE2>(vocabulary_pattern(s.key)));
    return v;
  }();
  return *all[i];
}

// A number written with digits or 一…十.
const re2::RE2& number() {
  static const re2::RE2 re(std::string(vocabulary_text("numbers.pattern")));
  return re;
}

// The words looked up once (each call of read_criteria would search the
// vocabulary table again).
struct Words {
  std::span<const std::string_view> deduct_verbs = vocabulary("clauses.deduct_verbs");
  std::span<const std::string_view> condition_tails = vocabulary("clauses.condition_tails");
  std::string_view deduct = vocabulary_text("clauses.deduct");
  std::string_view full_marks = vocabulary_text("marks.full_marks");
  std::string_view points = vocabulary_text("marks.points");
};
const Words& words() {
  static const Words w;
  return w;
}

bool deduct_verb(std::string_view v) {
  const auto& verbs = words().deduct_verbs;
  return std::find(verbs.begin(), verbs.end(), v) != verbs.end();
}

// Pieces of a text: sentences split at ；;。 and line breaks, then at ，,.
// Each piece is [begin, end) with a flag: true when it starts a sentence.
struct Piece {
  size_t begin, end;
  bool opens;
};
std::vector<Piece> pieces(std::string_view text) {
  std::vector<Piece> out;
  size_t start = 0;
  bool opens = true;
  auto push = [&](size_t end, bool next_opens) {
    size_t a = start, b = end;
    while (a < b && (text[a] == ' ' || text[a] == '\r' || text[a] == '\t')) ++a;
    while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\r' || text[b - 1] == '\t')) --b;
    if (a < b) out.push_back({a, b, opens}), opens = false;
    if (next_opens) opens = true;
  };
  static const auto sentence_ends = vocabulary("marks.sentence_ends");
  static const auto clause_ends = vocabulary("marks.clause_ends");
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    bool sentence = false;
    for (std::string_view sep : sentence_ends)
      if (text.substr(i, sep.size()) == sep) len = sep.size(), sentence = true;
    for (std::string_view sep : clause_ends)
      if (text.substr(i, sep.size()) == sep) len = sep.size();
    if (len) {
      push(i, sentence);
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  push(text.size(), true);
  return out;
}

std::string trim_condition(std::string s) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view tail : words().condition_tails)
      if (s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0)
        s.resize(s.size() - tail.size()), again = true;
  }
  return s;
}

std::vector<double> numbers_in(std::string_view s) {
  std::vector<double> out;
  re2::StringPiece in(s.data(), s.size());
  std::string n;
  while (RE2::FindAndConsume(&in, number(), &n))
    if (auto v = parse_number(n)) out.push_back(*v);
  return out;
}

}  // namespace

std::string_view to_string(PointsKind k) {
  switch (k) {
    case PointsKind::award: return "award";
    case PointsKind::deduction: return "deduction";
    case PointsKind::per_event: return "per_event";
    case PointsKind::tiers: return "tiers";
    case PointsKind::proportion: return "proportion";
    case PointsKind::rank: return "rank";
    case PointsKind::none: return "none";
    case PointsKind::veto: return "veto";
    case PointsKind::downgrade: return "downgrade";
    case PointsKind::cap: return "cap";
    case PointsKind::sanction: return "sanction";
  }
  return "";
}

std::vector<std::string_view> points_kind_names() {
  return {"award",     "deduction", "per_event", "tiers", "proportion", "rank",
          "none",      "veto",      "downgrade", "cap",   "sanction"};
}

double Criterion::weight(std::optional<double> item_points) const {
  const double whole = item_points.value_or(0);
  switch (kind) {
    case PointsKind::award:
    case PointsKind::deduction: return amounts.empty() ? whole : amounts.front();
    case PointsKind::per_event: return cap ? *cap : amounts.empty() ? 0 : amounts.front();
    case PointsKind::tiers:
      return cap ? *cap : amounts.empty() ? 0 : *std::max_element(amounts.begin(), amounts.end());
    case PointsKind::proportion:
    case PointsKind::rank:
    case PointsKind::none: return whole;
    case PointsKind::veto:
    case PointsKind::downgrade:
    case PointsKind::cap:
    case PointsKind::sanction: return 0;
  }
  return 0;
}

bool looks_like_scoring(std::string_view text) {
  static const re2::RE2 re(std::string(vocabulary_text("clauses.looks_like_scoring")));
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

std::string classify(std::string_view text, const Lexicon& lex, std::vector<std::string>* words) {
  std::vector<LexiconHit> hits = lex.find(text);
  std::string klass;
  for (std::string_view c : reward_classes()) {
    for (const LexiconHit& h : hits)
      if (h.entry->klass == c) {
        klass = std::string(c);
        break;
      }
    if (!klass.empty()) break;
  }
  if (words)
    for (const LexiconHit& h : hits) {
      if (std::find(reward_classes().begin(), reward_classes().end(), h.entry->klass) == reward_classes().end()) continue;
      std::string w(text.substr(h.begin, h.end - h.begin));
      if (std::find(words->begin(), words->end(), w) == words->end()) words->push_back(std::move(w));
    }
  return klass;
}

std::vector<Criterion> read_criteria(std::string_view text, std::string_view field, std::optional<double> item_points,
                                     const Lexicon& lex) {
  std::vector<Criterion> out;
  size_t cond_begin = std::string_view::npos;  // pending pieces without points, in this sentence
  size_t sentence_first = 0;                   // index in `out` of this sentence's first criterion
  for (const Piece& p : pieces(text)) {
    if (p.opens) cond_begin = std::string_view::npos, sentence_first = out.size();
    std::string_view piece = text.substr(p.begin, p.end - p.begin);
    re2::StringPiece in(piece.data(), piece.size());
    size_t shape = std::size(kShapes);
    re2::StringPiece groups[8];
    for (size_t i = 0; i < std::size(kShapes); ++i) {
      const re2::RE2& re = compiled(i);
      int n = std::min(re.NumberOfCapturingGroups() + 1, 8);
      if (re.Match(in, 0, piece.size(), re2::RE2::UNANCHORED, groups, n)) {
        shape = i;
        break;
      }
    }
    if (shape == std::size(kShapes)) {
      // 得分低于30分的 / 排名后3位的: the condition of the sanction that follows.
      static const re2::RE2 trigger(vocabulary_pattern("clauses.sanction_condition"));
      if (re2::RE2::PartialMatch(re2::StringPiece(piece.data(), piece.size()), trigger)) {
        if (cond_begin == std::string_view::npos) cond_begin = p.begin;
        continue;
      }
      if (looks_like_scoring(piece)) {  // scoring, not read: kept as a criterion not understood
        Criterion c;
        c.field = std::string(field);
        c.begin = p.begin, c.end = p.end;
        c.text = std::string(piece);
        c.condition = c.text;
        c.kind = PointsKind::award;
        c.klass = classify(c.text, lex, &c.words);
        out.push_back(std::move(c));
        cond_begin = std::string_view::npos;
      } else if (cond_begin == std::string_view::npos) {
        cond_begin = p.begin;
      }
      continue;
    }
    const Shape& s = kShapes[shape];
    auto g = [&](int i) { return groups[i].data() ? std::string_view(groups[i].data(), groups[i].size()) : std::string_view(); };
    const size_t match_begin = p.begin + static_cast<size_t>(groups[0].data() - piece.data());
    const size_t match_end = match_begin + groups[0].size();
    // A cap alone bounds the deductions and per-event points before it in its sentence.
    if (s.kind == PointsKind::cap) {
      std::optional<double> cap = g(2).empty() ? item_points : parse_number(g(2));
      bool attached = false;
      for (size_t k = sentence_first; k < out.size(); ++k)
        if (out[k].kind == PointsKind::per_event || out[k].kind == PointsKind::tiers ||
            (out[k].kind == PointsKind::deduction && out[k].deducts)) {
          out[k].cap = cap;
          out[k].end = std::max(out[k].end, p.end);
          attached = true;
        }
      if (attached) continue;
      // 最高加5分, 酌情给分，最高1分: an award up to the cap (a deduction needs 扣).
      if (!deduct_verb(g(1)) && piece.find(words().deduct) == std::string_view::npos) {
        Criterion c;
        c.field = std::string(field);
        c.begin = cond_begin == std::string_view::npos ? p.begin : cond_begin, c.end = p.end;
        c.text = std::string(text.substr(c.begin, c.end - c.begin));
        c.condition = trim_condition(std::string(text.substr(c.begin, match_begin - c.begin)));
        c.kind = PointsKind::award;
        if (cap) c.amounts = {*cap};
        c.cap = cap;
        c.understood = true;
        c.klass = classify(c.condition.empty() ? c.text : c.condition, lex, &c.words);
        out.push_back(std::move(c));
        cond_begin = std::string_view::npos;
        continue;
      }
    }
    Criterion c;
    c.field = std::string(field);
    c.begin = cond_begin == std::string_view::npos ? p.begin : cond_begin;
    c.end = p.end;
    c.text = std::string(text.substr(c.begin, c.end - c.begin));
    c.condition = trim_condition(std::string(text.substr(c.begin, match_begin - c.begin)));
    c.kind = s.kind;
    c.deducts = s.deducts;
    c.understood = true;
    switch (s.kind) {
      case PointsKind::tiers:
        c.deducts = deduct_verb(g(1));
        c.amounts = numbers_in(text.substr(match_begin, match_end - match_begin));
        break;
      case PointsKind::per_event: {
        std::string_view verb = g(1);
        c.deducts = deduct_verb(verb);
        if (auto v = parse_number(g(2))) c.amounts = {*v};
        // The per-event text (每迟报一次) is the condition too.
        c.condition = trim_condition(std::string(text.substr(c.begin, match_end - c.begin)));
        if (auto at = c.condition.rfind(std::string(verb)); !verb.empty() && at != std::string::npos)
          c.condition.resize(at);
        break;
      }
      case PointsKind::deduction:
      case PointsKind::award: {
        std::string_view amount = g(1);
        if (amount == words().full_marks || amount.empty()) {
          if (item_points) c.amounts = {*item_points};
        } else {
          std::string digits;
          for (char ch : amount)
            if (ch != ' ' && ch != '\t') digits += ch;
          const std::string_view unit = words().points;
          if (digits.ends_with(unit)) digits.resize(digits.size() - unit.size());
          if (auto v = parse_number(digits)) c.amounts = {*v};
        }
        break;
      }
      case PointsKind::rank:
        if (auto v = parse_number(g(1))) c.amounts = {*v};
        break;
      case PointsKind::cap:  // a deducting cap with nothing before it: 扣完为止 alone
        c.kind = PointsKind::deduction;
        c.cap = g(2).empty() ? item_points : parse_number(g(2));
        break;
      default: break;
    }
    c.klass = classify(c.condition.empty() ? c.text : c.condition, lex, &c.words);
    out.push_back(std::move(c));
    cond_begin = std::string_view::npos;
  }
  return out;
}

}  // namespace jf
