#include "dsl/table_phrases.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/utf8.hpp"
#include "base/vocabulary.hpp"
#include "dsl/scheme_writer.hpp"

namespace jf {
namespace {

// One match: whole range and the groups' texts (empty when a group did not take part).
struct Match {
  size_t begin = 0, end = 0;
  std::vector<std::string> groups;
};

std::vector<Match> find_all(const re2::RE2& re, std::string_view text) {
  std::vector<Match> out;
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> g(static_cast<size_t>(n));
  re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), re2::RE2::UNANCHORED, g.data(), n)) {
    Match m;
    m.begin = static_cast<size_t>(g[0].data() - text.data());
    m.end = m.begin + g[0].size();
    for (int i = 1; i < n; ++i) m.groups.emplace_back(g[i].data() ? std::string(g[i].data(), g[i].size()) : "");
    const size_t end = m.end;
    out.push_back(std::move(m));
    pos = end > pos ? end : text.size();  // patterns never match empty text
  }
  return out;
}

const re2::RE2& re(std::string_view pattern) {
  // Patterns are fixed strings below; compiled once each.
  static thread_local std::vector<std::pair<std::string, std::unique_ptr<re2::RE2>>> cache;
  for (auto& [p, r] : cache)
    if (p == pattern) return *r;
  cache.emplace_back(std::string(pattern), std::make_unique<re2::RE2>(std::string(pattern)));
  return *cache.back().second;
}

// The pattern under `name` in lexicon/vocabulary/table_phrases.yaml, `{N}` a number.
std::string phrase(std::string_view name) { return vocabulary_pattern("table_phrases." + std::string(name)); }

// The pieces of a cell: clauses split at ；;。 and line breaks, then at ，,.
std::vector<std::pair<size_t, size_t>> split(std::string_view text, bool commas) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  auto push = [&](size_t end) {
    size_t a = start, b = end;
    while (a < b && (text[a] == ' ' || text[a] == '\n' || text[a] == '\r')) ++a;
    if (a < b) out.emplace_back(a, b);
  };
  static const auto sentence_ends = vocabulary("marks.sentence_ends");
  static const auto clause_ends = vocabulary("marks.clause_ends");
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    for (std::string_view sep : sentence_ends)
      if (text.substr(i, sep.size()) == sep) len = sep.size();
    if (commas)
      for (std::string_view sep : clause_ends)
        if (text.substr(i, sep.size()) == sep) len = sep.size();
    if (len) {
      push(i);
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  push(text.size());
  return out;
}

// Pieces (split at commas too) that no found phrase overlaps.
std::vector<std::pair<size_t, size_t>> unread_pieces(std::string_view text, const std::vector<Found>& found) {
  std::vector<std::pair<size_t, size_t>> out;
  for (auto [a, b] : split(text, true)) {
    // Copies of the bindings: clang 14 cannot capture structured bindings.
    bool touched = std::any_of(found.begin(), found.end(),
                               [&, a = a, b = b](const Found& f) { return f.begin < b && f.end > a; });
    if (!touched) out.emplace_back(a, b);
  }
  return out;
}

std::string sanitize_identifier(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = utf8::sequence_length(c);
    std::string ch(s.substr(i, len));
    if (is_assess_identifier(ch) || (std::isdigit(c) && !out.empty())) out += ch;
    i += len;
  }
  return out;
}

// Report frequencies and their words (table_phrases.frequency.*), periodic first.
const std::pair<Frequency, std::string_view> kFrequencies[] = {
    {Frequency::daily, "table_phrases.frequency.daily"},
    {Frequency::weekly, "table_phrases.frequency.weekly"},
    {Frequency::monthly, "table_phrases.frequency.monthly"},
    {Frequency::quarterly, "table_phrases.frequency.quarterly"},
    {Frequency::semiannual, "table_phrases.frequency.semiannual"},
    {Frequency::yearly, "table_phrases.frequency.yearly"},
    {Frequency::adhoc, "table_phrases.frequency.adhoc"},
};

std::optional<Frequency> frequency_word(std::string_view w) {
  for (const auto& f : kFrequencies)
    if (vocabulary_has(f.second, w)) return f.first;
  return std::nullopt;
}

// Every frequency word as one alternation; `periodic`: without the ad hoc ones.
std::string frequency_words(bool periodic) {
  std::string out;
  for (const auto& f : kFrequencies)
    if (!periodic || f.first != Frequency::adhoc) out += (out.empty() ? "" : "|") + vocabulary_alternation(f.second);
  return out;
}

// Actions named in a penalty clause.
struct ActionWord {
  std::string_view name;  // table_phrases.penalty_actions.NAME
  ActionKind kind;
};
const ActionWord kActions[] = {
    {"interview", ActionKind::interview},
    {"statement", ActionKind::statement},
    {"notice", ActionKind::notice},
    {"veto", ActionKind::veto},
    {"disqualify", ActionKind::disqualify},
    {"accountability", ActionKind::accountability},
};

void read_penalty(std::string_view clause, size_t at, const Match& trig, TriggerKind kind, double value,
                  Indicator& ind, Reading& r, const SpanOf& span_of) {
  Penalty p;
  p.trigger = {kind, value, span_of(at + trig.begin, at + trig.end)};
  std::vector<std::pair<size_t, Action>> acts;
  for (const ActionWord& w : kActions)
    for (const Match& m : find_all(re(phrase("penalty_actions." + std::string(w.name))), clause.substr(trig.end)))
      acts.push_back({trig.end + m.begin, Action{w.kind, 0, span_of(at + trig.end + m.begin, at + trig.end + m.end)}}),
          r.found.push_back({at + trig.end + m.begin, at + trig.end + m.end, fmt::format("penalty action {}", to_string(w.kind))});
  for (const Match& m : find_all(re(phrase("penalty_actions.deduct")), clause.substr(trig.end)))
    if (auto v = parse_number(m.groups[0])) {
      acts.push_back({trig.end + m.begin, Action{ActionKind::deduct, *v, span_of(at + trig.end + m.begin, at + trig.end + m.end)}});
      r.found.push_back({at + trig.end + m.begin, at + trig.end + m.end, fmt::format("penalty action deduct {}", format_number(*v))});
    }
  if (acts.empty()) return;  // a trigger with no action: the clause stays unread
  std::sort(acts.begin(), acts.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [pos, a] : acts) p.actions.push_back(a);
  p.span = span_of(at + trig.begin, at + acts.back().first + 1);
  std::string trigger_text = std::string(to_string(kind)) + (kind == TriggerKind::last ? "" : " " + format_number(value));
  r.found.push_back({at + trig.begin, at + trig.end, "penalty " + trigger_text});
  ind.penalties.push_back(std::move(p));
}

// A clause naming a ranking position or a score threshold is a penalty.
bool read_penalty_clause(std::string_view clause, size_t at, Indicator& ind, Reading& r, const SpanOf& span_of) {
  struct Trig {
    std::string pattern;
    TriggerKind kind;
  };
  const Trig trigs[] = {
      {phrase("penalty_triggers.bottom"), TriggerKind::bottom},
      {phrase("penalty_triggers.bottom_percent"), TriggerKind::bottom_percent},
      {phrase("penalty_triggers.last"), TriggerKind::last},
      {phrase("penalty_triggers.bottom_nth"), TriggerKind::bottom},
      {phrase("penalty_triggers.below"), TriggerKind::below},
  };
  for (const Trig& t : trigs) {
    auto ms = find_all(re(t.pattern), clause);
    if (ms.empty()) continue;
    double v = t.kind == TriggerKind::last ? 0 : parse_number(ms[0].groups[0]).value_or(0);
    read_penalty(clause, at, ms[0], t.kind, v, ind, r, span_of);
    return true;
  }
  return false;
}

// A report in 考核方式: {F} in table_phrases.report_method is every frequency word.
std::string report_method_pattern() {
  std::string p = phrase("report_method");
  const size_t at = p.find("{F}");
  if (at != std::string::npos) p.replace(at, 3, frequency_words(false));
  return p;
}

void set_mode(Indicator& ind, ScoreMode mode, bool& set, Span span) {
  if (!set || ind.score.mode == ScoreMode::threshold) ind.score.mode = mode;
  if (!set) ind.score.span = span;
  set = true;
}

}  // namespace

std::string event_id(std::string_view phrase) {
  for (const EventWord& e : event_words())
    if (e.imported && phrase.find(e.zh) != std::string_view::npos) return std::string(e.id);
  std::string id = sanitize_identifier(phrase);
  return id.empty() ? "event" : id;
}

std::optional<DeptKind> guess_dept_kind(std::string_view n) {
  // The words: table_phrases.department_kinds, tried in this order.
  const std::pair<DeptKind, std::string_view> kinds[] = {
      {DeptKind::third_party, "table_phrases.department_kinds.third_party"},
      {DeptKind::supervision, "table_phrases.department_kinds.supervision"},
      {DeptKind::efficiency, "table_phrases.department_kinds.efficiency"},
      {DeptKind::assessment, "table_phrases.department_kinds.assessment"},
      {DeptKind::office, "table_phrases.department_kinds.office"},
      {DeptKind::line, "table_phrases.department_kinds.line"},
  };
  for (const auto& k : kinds)
    for (std::string_view w : vocabulary(k.second))
      if (n.find(w) != std::string_view::npos) return k.first;
  return std::nullopt;
}

Reading read_standard(std::string_view text, std::optional<double> points, Indicator& ind, bool& scoring_set,
                      const SpanOf& span_of) {
  Reading r;
  auto note = [&](size_t at, const Match& m, std::string field) {
    r.found.push_back({at + m.begin, at + m.end, std::move(field)});
    return span_of(at + m.begin, at + m.end);
  };
  for (auto [a, b] : split(text, false)) {
    std::string_view clause = text.substr(a, b - a);
    if (read_penalty_clause(clause, a, ind, r, span_of)) continue;
    for (const Match& m : find_all(re(phrase("scoring.rank")), clause))
      set_mode(ind, ScoreMode::rank, scoring_set, note(a, m, "score rank"));
    for (const Match& m : find_all(re(phrase("scoring.rank_top")), clause))
      if (auto v = parse_number(m.groups[0])) set_mode(ind, ScoreMode::rank, scoring_set, note(a, m, "score rank top " + format_number(*v))), ind.score.top = v;
    for (const Match& m : find_all(re(phrase("scoring.rank_step")), clause))
      if (auto v = parse_number(m.groups[0])) set_mode(ind, ScoreMode::rank, scoring_set, note(a, m, "score rank step " + format_number(*v))), ind.score.step = v;
    for (const Match& m : find_all(re(phrase("scoring.floor")), clause))
      if (auto v = parse_number(m.groups[0])) note(a, m, "score floor " + format_number(*v)), ind.score.floor = v;
    for (const Match& m : find_all(re(phrase("scoring.threshold")), clause))
      set_mode(ind, ScoreMode::threshold, scoring_set, note(a, m, "score threshold"));
    for (const Match& m : find_all(re(phrase("scoring.deduction")), clause))
      set_mode(ind, ScoreMode::deduction, scoring_set, note(a, m, "score deduction"));
    for (const Match& m : find_all(re(phrase("scoring.veto")), clause))
      set_mode(ind, ScoreMode::veto, scoring_set, note(a, m, "score veto")), ind.score.mode = ScoreMode::veto;
    for (const Match& m : find_all(re(phrase("scoring.bonus")), clause)) {
      set_mode(ind, ScoreMode::bonus, scoring_set, note(a, m, "score bonus"));
      ind.score.mode = ScoreMode::bonus;
      if (auto v = parse_number(m.groups[0]); v && !points) ind.points = v;
    }
    // Deductions: 每迟报一次扣1分 / 每迟报、漏报一次扣1分, then 最多扣N分 or 扣完为止.
    std::vector<size_t> opened;  // indexes of deductions from this clause
    std::vector<std::pair<size_t, size_t>> read_each;  // where 每… phrases were read
    for (const Match& m : find_all(re(phrase("deduct_each")), clause)) {
      auto v = parse_number(m.groups[1]);
      if (!v) continue;
      read_each.emplace_back(m.begin, m.end);
      std::string events = m.groups[0];
      // 没有报送信息预警的，每次扣5分: 每次 names no event; the piece before it does.
      if (events == vocabulary_text("table_phrases.each_time")) {
        static const auto clause_ends = vocabulary("marks.clause_ends");
        std::string_view before = clause.substr(0, m.begin);
        for (std::string_view tail : clause_ends)
          if (before.ends_with(tail)) before.remove_suffix(tail.size());
        size_t cut = 0;  // after the last clause end
        for (std::string_view sep : clause_ends)
          if (size_t at = before.rfind(sep); at != std::string_view::npos) cut = std::max(cut, at + sep.size());
        before.remove_prefix(cut);
        const std::string_view tail = vocabulary_text("table_phrases.event_tail");
        if (before.ends_with(tail)) before.remove_suffix(tail.size());
        if (!before.empty()) events = std::string(before);
      }
      std::vector<std::string> names;
      size_t s = 0;
      static const auto separators = vocabulary("table_phrases.event_separators");
      for (size_t i = 0; i <= events.size();) {
        auto sep = std::find_if(separators.begin(), separators.end(),
                                [&](std::string_view w) { return events.compare(i, w.size(), w) == 0; });
        if (i < events.size() && sep == separators.end()) { ++i; continue; }
        if (i > s) names.push_back(events.substr(s, i - s));
        i += i == events.size() ? 1 : sep->size();
        s = i;
      }
      for (const std::string& e : names) {
        Deduction d{*v, event_id(e), std::nullopt, note(a, m, fmt::format("deduct {} per {}", format_number(*v), event_id(e)))};
        opened.push_back(ind.deductions.size());
        ind.deductions.push_back(std::move(d));
      }
    }
    // 迟报扣0.1分, 少报一次扣2分 without 每: each late or missing report still costs the points.
    for (const Match& m : find_all(re(phrase("deduct_named")), clause))
      if (std::none_of(read_each.begin(), read_each.end(), [&](auto r) { return m.begin < r.second && m.end > r.first; }))
        if (auto v = parse_number(m.groups[1])) {
          opened.push_back(ind.deductions.size());
          ind.deductions.push_back({*v, event_id(m.groups[0]), std::nullopt,
                                    note(a, m, fmt::format("deduct {} per {}", format_number(*v), event_id(m.groups[0])))});
        }
    for (const Match& m : find_all(re(phrase("deduct_cap")), clause)) {
      std::optional<double> cap = m.groups[0].empty() ? points : parse_number(m.groups[0]);
      if (!cap || opened.empty()) continue;
      for (size_t i : opened)
        if (ind.deductions[i].span.begin <= span_of(a + m.begin, a + m.end).begin) ind.deductions[i].cap = cap;
      note(a, m, "deduction cap " + format_number(*cap));
    }
  }
  r.unread = unread_pieces(text, r.found);
  return r;
}

Reading read_key(std::string_view text, Indicator& ind, const SpanOf& span_of) {
  Reading r;
  for (const Match& m : find_all(re(vocabulary_text("table_phrases.key_words")), text)) {
    if (!ind.key) ind.key_span = span_of(m.begin, m.end);
    ind.key = true;
    r.found.push_back({m.begin, m.end, "key"});
  }
  r.unread = unread_pieces(text, r.found);
  return r;
}

Reading read_method(std::string_view text, Indicator& ind, std::vector<ProofRef>& proofs, const SpanOf& span_of) {
  Reading r = read_key(text, ind, span_of);
  r.unread.clear();
  std::vector<std::pair<size_t, size_t>> proof_ranges;
  // 核查人居环境、秸秆禁烧等工作的台账: the named indicators' ledgers are checked.
  for (const Match& m : find_all(re(vocabulary_text("table_phrases.proof")), text)) {
    std::string names = m.groups[0];
    for (std::string_view w : vocabulary("table_phrases.proof_trim"))
      if (names.ends_with(w)) names.resize(names.size() - w.size());
    size_t base = m.begin + vocabulary_text("table_phrases.proof_verb").size();  // after 核查
    size_t s = 0;
    static const auto separators = vocabulary("table_phrases.proof_separators");
    for (size_t i = 0; i <= names.size();) {
      auto sep = std::find_if(separators.begin(), separators.end(),
                              [&](std::string_view w) { return names.compare(i, w.size(), w) == 0; });
      if (i < names.size() && sep == separators.end()) { ++i; continue; }
      if (i > s) proofs.push_back({names.substr(s, i - s), span_of(base + s, base + i)});
      i += i == names.size() ? 1 : sep->size();
      s = i;
    }
    proof_ranges.emplace_back(m.begin, m.end);
    r.found.push_back({m.begin, m.end, "proves " + names});
  }
  // The clause after the proof (及落实情况) belongs to it.
  for (const Match& m : find_all(re(vocabulary_text("table_phrases.proof_context")), text)) r.found.push_back({m.begin, m.end, "proves (context)"});
  auto in_proof = [&](size_t at) {
    return std::any_of(proof_ranges.begin(), proof_ranges.end(), [&](auto& p) { return at >= p.first && at < p.second; });
  };
  for (const Match& m : find_all(re(report_method_pattern()), text)) {
    auto f = frequency_word(m.groups[0]);
    if (!f) continue;
    double forms = m.groups[1].empty() ? 1 : parse_number(m.groups[1]).value_or(1);
    if (ind.report) {
      r.found.push_back({m.begin, m.end, "report (a second one, not imported: the model holds one)"});
      continue;
    }
    ind.report = Reporting{*f, forms, std::nullopt, span_of(m.begin, m.end)};
    r.found.push_back({m.begin, m.end, fmt::format("report {} forms {}", to_string(*f), format_number(forms))});
  }
  struct Ev {
    std::string_view pattern;
    EvidenceKind kind;
  };
  const Ev evs[] = {{vocabulary_text("table_phrases.evidence.ledger"), EvidenceKind::ledger},
                    {vocabulary_text("table_phrases.evidence.photo"), EvidenceKind::photo},
                    {vocabulary_text("table_phrases.evidence.materials"), EvidenceKind::materials},
                    {vocabulary_text("table_phrases.evidence.minutes"), EvidenceKind::minutes},
                    {vocabulary_text("table_phrases.evidence.system_entry"), EvidenceKind::system_entry}};
  std::vector<std::pair<size_t, Evidence>> found_ev;
  for (const Ev& e : evs)
    for (const Match& m : find_all(re(e.pattern), text)) {
      if (in_proof(m.begin)) continue;
      r.found.push_back({m.begin, m.end, fmt::format("evidence {}", to_string(e.kind))});
      bool dup = std::any_of(ind.evidence.begin(), ind.evidence.end(), [&](auto& x) { return x.kind == e.kind; }) ||
                 std::any_of(found_ev.begin(), found_ev.end(), [&](auto& x) { return x.second.kind == e.kind; });
      if (!dup) found_ev.push_back({m.begin, Evidence{e.kind, span_of(m.begin, m.end)}});
    }
  std::sort(found_ev.begin(), found_ev.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [pos, e] : found_ev) ind.evidence.push_back(e);
  r.unread = unread_pieces(text, r.found);
  return r;
}

Reading read_report_clauses(std::string_view text, Indicator& ind, const SpanOf& span_of) {
  Reading r;
  // Periodic words only: in prose, 随时/不定期 go with events (发现问题随时上报);
  // they are read as ad hoc reporting in 考核方式 alone.
  static const std::string periodic = frequency_words(true);
  const re2::RE2& frequency = re(periodic);
  const re2::RE2& verb = re(phrase("report_verb"));
  // Between the frequency and the verb, these tie the report to an event or to
  // another time: 每周开展巡查，发现问题及时上报 / 每月巡查，年底上报总结.
  const re2::RE2& elsewhen = re(vocabulary_text("table_phrases.report_elsewhen"));
  for (auto [a, b] : split(text, false)) {
    const std::string_view sentence = text.substr(a, b - a);
    const std::vector<Match> frequencies = find_all(frequency, sentence);
    if (frequencies.empty()) continue;
    for (const Match& v : find_all(verb, sentence)) {
      const Match* f = nullptr;  // the nearest frequency word before the verb
      for (const Match& m : frequencies)
        if (m.end <= v.begin) f = &m;
      if (!f) continue;
      const std::string_view between = sentence.substr(f->end, v.begin - f->end);
      if (re2::RE2::PartialMatch(re2::StringPiece(between.data(), between.size()), elsewhen)) continue;
      const Frequency freq = *frequency_word(sentence.substr(f->begin, f->end - f->begin));
      const size_t begin = a + f->begin, end = a + v.end;
      if (ind.report) {
        r.found.push_back({begin, end, fmt::format("report {} (already read: the model holds one)", to_string(freq))});
        break;
      }
      const double forms = v.groups[0].empty() ? 1 : parse_number(v.groups[0]).value_or(1);
      ind.report = Reporting{freq, forms, std::nullopt, span_of(begin, end)};
      r.found.push_back({begin, end, fmt::format("report {} forms {}", to_string(freq), format_number(forms))});
      break;  // one report a sentence: later verbs restate it (上报镇、村各一份)
    }
  }
  r.unread = unread_pieces(text, r.found);
  return r;
}

}  // namespace jf
