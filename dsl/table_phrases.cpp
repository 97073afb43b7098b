#include "dsl/table_phrases.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/utf8.hpp"
#include "dsl/scheme_writer.hpp"

namespace jf {
namespace {

constexpr std::string_view kNum = R"((\d+(?:\.\d+)?|[一二两三四五六七八九十]+))";

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

std::string num_pattern(std::string_view tpl) {  // `{N}` stands for a number
  std::string out(tpl);
  for (size_t at; (at = out.find("{N}")) != std::string::npos;) out.replace(at, 3, kNum);
  return out;
}

// The pieces of a cell: clauses split at ；;。 and line breaks, then at ，,.
std::vector<std::pair<size_t, size_t>> split(std::string_view text, bool commas) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  auto push = [&](size_t end) {
    size_t a = start, b = end;
    while (a < b && (text[a] == ' ' || text[a] == '\n' || text[a] == '\r')) ++a;
    if (a < b) out.emplace_back(a, b);
  };
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    for (std::string_view sep : {"；", "。", "\n", ";"})
      if (text.substr(i, sep.size()) == sep) len = sep.size();
    if (commas)
      for (std::string_view sep : {"，", ","})
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

std::optional<Frequency> frequency_word(std::string_view w) {
  if (w == "每日" || w == "每天") return Frequency::daily;
  if (w == "每周" || w == "按周") return Frequency::weekly;
  if (w == "每月" || w == "按月") return Frequency::monthly;
  if (w == "每季度" || w == "每季" || w == "按季度") return Frequency::quarterly;
  if (w == "每半年") return Frequency::semiannual;
  if (w == "每年") return Frequency::yearly;
  if (w == "不定期" || w == "随时") return Frequency::adhoc;
  return std::nullopt;
}

// Actions named in a penalty clause.
struct ActionWord {
  std::string_view pattern;
  ActionKind kind;
};
const ActionWord kActions[] = {
    {"约谈", ActionKind::interview},
    {"表态发言", ActionKind::statement},
    {"通报(?:批评)?", ActionKind::notice},
    {"一票否决", ActionKind::veto},
    {"取消[^，,；;。]{0,6}?评(?:先|优)(?:评优|评先)?(?:资格)?", ActionKind::disqualify},
    {"问责", ActionKind::accountability},
};

void read_penalty(std::string_view clause, size_t at, const Match& trig, TriggerKind kind, double value,
                  Indicator& ind, Reading& r, const SpanOf& span_of) {
  Penalty p;
  p.trigger = {kind, value, span_of(at + trig.begin, at + trig.end)};
  std::vector<std::pair<size_t, Action>> acts;
  for (const ActionWord& w : kActions)
    for (const Match& m : find_all(re(w.pattern), clause.substr(trig.end)))
      acts.push_back({trig.end + m.begin, Action{w.kind, 0, span_of(at + trig.end + m.begin, at + trig.end + m.end)}}),
          r.found.push_back({at + trig.end + m.begin, at + trig.end + m.end, fmt::format("penalty action {}", to_string(w.kind))});
  for (const Match& m : find_all(re(num_pattern("扣(?:除)?{N}分")), clause.substr(trig.end)))
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
      {num_pattern("(?:排名|名次|排在|位列|居)(?:全县)?(?:后|倒数){N}(?:位|名)"), TriggerKind::bottom},
      {num_pattern("(?:排名|名次|排在|位列|居)(?:全县)?后{N}%"), TriggerKind::bottom_percent},
      {"(?:排名|名次|排在|位列|居)?(?:全县)?(?:末位|最后一名|倒数第(?:一|1)(?:名|位)?)", TriggerKind::last},
      {num_pattern("(?:排名)?倒数第{N}(?:名|位)?"), TriggerKind::bottom},
      {num_pattern("得分(?:低于|不足|未达到){N}分"), TriggerKind::below},
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
  auto has = [&](std::string_view w) { return n.find(w) != std::string_view::npos; };
  if (has("第三方") || has("评估")) return DeptKind::third_party;
  if (has("督查")) return DeptKind::supervision;
  if (has("效能办")) return DeptKind::efficiency;
  if (has("考核办")) return DeptKind::assessment;
  if (has("县委办") || has("政府办") || has("两办") || has("党政办") || has("党委办")) return DeptKind::office;
  if (has("局") || has("委") || has("办") || has("部")) return DeptKind::line;
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
    for (const Match& m : find_all(re("按(?:排名|名次)(?:赋分|计分|得分)|以第一名为满分|其余按与第一名的比例计分|依次递减"), clause))
      set_mode(ind, ScoreMode::rank, scoring_set, note(a, m, "score rank"));
    for (const Match& m : find_all(re(num_pattern("第一名得{N}分")), clause))
      if (auto v = parse_number(m.groups[0])) set_mode(ind, ScoreMode::rank, scoring_set, note(a, m, "score rank top " + format_number(*v))), ind.score.top = v;
    for (const Match& m : find_all(re(num_pattern("(?:每(?:后|低|下降)一(?:名|位)|依次)(?:递减|减|扣|少)(?:得)?{N}分")), clause))
      if (auto v = parse_number(m.groups[0])) set_mode(ind, ScoreMode::rank, scoring_set, note(a, m, "score rank step " + format_number(*v))), ind.score.step = v;
    for (const Match& m : find_all(re(num_pattern("最低(?:得|不低于|保底)?{N}分")), clause))
      if (auto v = parse_number(m.groups[0])) note(a, m, "score floor " + format_number(*v)), ind.score.floor = v;
    for (const Match& m : find_all(re("按实绩赋分|达到目标(?:的)?得满分|完成(?:目标|任务)(?:的)?得满分|未达到(?:目标)?(?:的)?不得分|未完成(?:的)?不得分"), clause))
      set_mode(ind, ScoreMode::threshold, scoring_set, note(a, m, "score threshold"));
    for (const Match& m : find_all(re("基础分为满分|按扣分项扣分|实行扣分制"), clause))
      set_mode(ind, ScoreMode::deduction, scoring_set, note(a, m, "score deduction"));
    for (const Match& m : find_all(re("(?:实行|予以|实施)?一票否决"), clause))
      set_mode(ind, ScoreMode::veto, scoring_set, note(a, m, "score veto")), ind.score.mode = ScoreMode::veto;
    for (const Match& m : find_all(re(num_pattern("(?:最高|最多)加{N}分|加分")), clause)) {
      set_mode(ind, ScoreMode::bonus, scoring_set, note(a, m, "score bonus"));
      ind.score.mode = ScoreMode::bonus;
      if (auto v = parse_number(m.groups[0]); v && !points) ind.points = v;
    }
    // Deductions: 每迟报一次扣1分 / 每迟报、漏报一次扣1分, then 最多扣N分 or 扣完为止.
    std::vector<size_t> opened;  // indexes of deductions from this clause
    std::vector<std::pair<size_t, size_t>> read_each;  // where 每… phrases were read
    for (const Match& m : find_all(re(num_pattern("每(?:次)?([^，,；;。]{1,30}?)(?:一次|1次|每次)?扣(?:除)?{N}分")), clause)) {
      auto v = parse_number(m.groups[1]);
      if (!v) continue;
      read_each.emplace_back(m.begin, m.end);
      std::string events = m.groups[0];
      // 没有报送信息预警的，每次扣5分: 每次 names no event; the piece before it does.
      if (events == "次") {
        std::string_view before = clause.substr(0, m.begin);
        for (std::string_view tail : {"，", ","})
          if (before.ends_with(tail)) before.remove_suffix(tail.size());
        const size_t wide = before.rfind("，"), narrow = before.rfind(",");
        size_t cut = wide == std::string_view::npos ? 0 : wide + std::string_view("，").size();
        if (narrow != std::string_view::npos) cut = std::max(cut, narrow + 1);
        before.remove_prefix(cut);
        if (before.ends_with("的")) before.remove_suffix(std::string_view("的").size());
        if (!before.empty()) events = std::string(before);
      }
      std::vector<std::string> names;
      size_t s = 0;
      for (size_t i = 0; i <= events.size();) {
        bool sep = i == events.size() || events[i] == '/' || events.compare(i, 3, "、") == 0 || events.compare(i, 3, "／") == 0;
        if (!sep) { ++i; continue; }
        if (i > s) names.push_back(events.substr(s, i - s));
        i += i == events.size() ? 1 : events[i] == '/' ? 1 : 3;
        s = i;
      }
      for (const std::string& e : names) {
        Deduction d{*v, event_id(e), std::nullopt, note(a, m, fmt::format("deduct {} per {}", format_number(*v), event_id(e)))};
        opened.push_back(ind.deductions.size());
        ind.deductions.push_back(std::move(d));
      }
    }
    // 迟报扣0.1分, 少报一次扣2分 without 每: each late or missing report still costs the points.
    for (const Match& m : find_all(re(num_pattern("(迟报|漏报|少报|错报|逾期办结|逾期)(?:一次|1次)?扣(?:除)?{N}分")), clause))
      if (std::none_of(read_each.begin(), read_each.end(), [&](auto r) { return m.begin < r.second && m.end > r.first; }))
        if (auto v = parse_number(m.groups[1])) {
          opened.push_back(ind.deductions.size());
          ind.deductions.push_back({*v, event_id(m.groups[0]), std::nullopt,
                                    note(a, m, fmt::format("deduct {} per {}", format_number(*v), event_id(m.groups[0])))});
        }
    for (const Match& m : find_all(re(num_pattern("(?:最多|最高|累计最多|上限)扣{N}分|扣完为止")), clause)) {
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
  for (const Match& m : find_all(re("重点工作|中心工作|重点任务"), text)) {
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
  for (const Match& m : find_all(re("核查([^；;。]{1,200}?)(?:等)?(?:工作|事项)?的台账"), text)) {
    std::string names = m.groups[0];
    if (names.ends_with("工作")) names.resize(names.size() - 6);
    if (names.ends_with("等")) names.resize(names.size() - 3);
    size_t base = m.begin + 6;  // after 核查
    size_t s = 0;
    for (size_t i = 0; i <= names.size();) {
      bool sep = i == names.size() || names.compare(i, 3, "、") == 0 || names.compare(i, 3, "，") == 0 || names[i] == ',';
      if (!sep) { ++i; continue; }
      if (i > s) proofs.push_back({names.substr(s, i - s), span_of(base + s, base + i)});
      i += i == names.size() || names[i] == ',' ? 1 : 3;
      s = i;
    }
    proof_ranges.emplace_back(m.begin, m.end);
    r.found.push_back({m.begin, m.end, "proves " + names});
  }
  // The clause after the proof (及落实情况) belongs to it.
  for (const Match& m : find_all(re("及落实情况"), text)) r.found.push_back({m.begin, m.end, "proves (context)"});
  auto in_proof = [&](size_t at) {
    return std::any_of(proof_ranges.begin(), proof_ranges.end(), [&](auto& p) { return at >= p.first && at < p.second; });
  };
  for (const Match& m : find_all(re(num_pattern("(每日|每天|每周|按周|每月|按月|每季度|每季|按季度|每半年|每年|不定期|随时)(?:报送|上报|填报|报)(?:[^，,；;。0-9]{0,20}?{N}份)?")), text)) {
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
  const Ev evs[] = {{"台账", EvidenceKind::ledger},
                    {"影像资料|照片|影像|留痕", EvidenceKind::photo},
                    {"佐证材料|佐证资料|证明材料", EvidenceKind::materials},
                    {"会议记录|会议纪要", EvidenceKind::minutes},
                    {"系统录入|系统填报|平台录入|系统上传", EvidenceKind::system_entry}};
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
  const re2::RE2& frequency = re("每日|每天|每周|按周|每月|按月|每季度|每季|按季度|每半年|每年");
  const re2::RE2& verb = re(num_pattern("(?:上报|报送|填报)(?:[^，,；;。0-9]{0,20}?{N}份)?"));
  // Between the frequency and the verb, these tie the report to an event or to
  // another time: 每周开展巡查，发现问题及时上报 / 每月巡查，年底上报总结.
  const re2::RE2& elsewhen = re("及时|立即|第一时间|随时|发现|如有|遇有|一旦|年底|年终|年末|年初|月底|月末|季末");
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
