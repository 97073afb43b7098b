// Lowering: turns the `.assess` syntax tree into the engine's Scheme model,
// checking enum words and size limits (JF001) on the way.
#include <fmt/format.h>

#include <algorithm>

#include "dsl/scheme_grammar.hpp"
#include "base/utf8.hpp"
#include "dsl/scheme_loader.hpp"
#include "base/spelling.hpp"

namespace jf {
namespace {

std::string shorten(std::string_view s) {
  constexpr size_t kMax = 40;
  if (s.size() <= kMax) return std::string(s);
  return std::string(utf8::prefix(s, kMax)) + "…";
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

/// What an enum word names, for "unknown … `x`" messages.
struct EnumWhat {
  const char* en;
  const char* zh;
};

class Lowering {
 public:
  Lowering(uint32_t file, const Limits& limits, bool capped)
      : file_(file), limits_(limits), capped_(capped) {}

  LoadResult run(ast::File& tree) {
    out_.scheme.file = file_;
    for (auto& e : tree.errors) out_.diagnostics.push_back(syntax_error(at(e.span), e.message, e.help));
    errors_ = out_.diagnostics.size();
    scheme_info(tree);
    for (auto& d : tree.departments) out_.scheme.departments.push_back(department(d));
    for (auto& g : tree.groups) out_.scheme.groups.push_back(group(g));
    for (auto& i : tree.indicators) out_.scheme.indicators.push_back(indicator(i));
    for (auto& i : tree.inspections) out_.scheme.inspections.push_back(inspection(i));
    for (auto& p : tree.overall_penalties) out_.scheme.overall_penalties.push_back(penalty(p));
    const Scheme& s = out_.scheme;
    out_.ok = !tree.schemes.empty() || !s.departments.empty() || !s.groups.empty() ||
              !s.indicators.empty() || !s.inspections.empty() || !s.overall_penalties.empty();
    return std::move(out_);
  }

 private:
  Span at(Span s) const { return {file_, s.begin, s.end}; }

  /// Adds a JF001 from the lowering, within the file's syntax error budget.
  void report(Span s, Text message, Text help = {}) {
    if (capped_) return;
    if (errors_ >= limits_.max_syntax_errors) {
      out_.diagnostics.push_back(syntax_error(
          at({0, s.begin, s.begin}),
          {fmt::format("too many syntax errors; stopped after {}", limits_.max_syntax_errors),
           fmt::format("语法错误过多，已在 {} 处后停止", limits_.max_syntax_errors)},
          {"fix the errors above and run again", "请先修正以上错误再运行"}));
      capped_ = true;
      return;
    }
    ++errors_;
    out_.diagnostics.push_back(syntax_error(at(s), std::move(message), std::move(help)));
  }

  Name name(ast::Ident& id) {
    if (id.text.size() > limits_.max_name_bytes)
      report(id.span,
             {fmt::format("name is {} bytes long, above the limit of {} bytes", id.text.size(),
                          limits_.max_name_bytes),
              fmt::format("名称长 {} 字节，超过上限 {} 字节", id.text.size(), limits_.max_name_bytes)},
             {"use a shorter id and put the full title in the display string",
              "使用较短的标识，完整名称写在显示名称字符串里"});
    return {std::move(id.text), at(id.span)};
  }

  std::string text(ast::String& s) {
    if (s.text.size() > limits_.max_string_bytes)
      report(s.span,
             {fmt::format("text is {} bytes long, above the limit of {} bytes", s.text.size(),
                          limits_.max_string_bytes),
              fmt::format("文本长 {} 字节，超过上限 {} 字节", s.text.size(), limits_.max_string_bytes)});
    return std::move(s.text);
  }

  /// Parses an enum word; reports "expected one of" when unknown.
  template <class E>
  std::optional<E> word(const ast::Ident& w, std::optional<E> (*from)(std::string_view),
                        std::vector<std::string_view> (*names)(), EnumWhat what) {
    if (auto e = from(w.text)) return e;
    std::vector<std::string_view> words = names();
    std::string valid = join(words);
    std::string_view guess = did_you_mean(w.text, words);
    std::string hint_en = guess.empty() ? "" : fmt::format(" (did you mean `{}`?)", guess);
    std::string hint_zh = guess.empty() ? "" : fmt::format("（是否想写 `{}`？）", guess);
    size_t before = out_.diagnostics.size();
    report(w.span, {fmt::format("unknown {} `{}`{}; expected one of: {}", what.en, shorten(w.text), hint_en, valid),
                    fmt::format("未知的{} `{}`{}；应为以下之一：{}", what.zh, shorten(w.text), hint_zh, valid)});
    if (!guess.empty() && out_.diagnostics.size() > before)
      out_.diagnostics.back().fix.push_back({at(w.span), std::string(guess)});
    return std::nullopt;
  }

  static std::optional<double> value(const std::optional<ast::Number>& n) {
    return n ? std::optional<double>(n->value) : std::nullopt;
  }
  static std::optional<double> value(const std::optional<ast::NumberStmt>& n) {
    return n ? std::optional<double>(n->value.value) : std::nullopt;
  }

  void scheme_info(ast::File& tree) {
    if (tree.schemes.empty()) {
      if (tree.scheme_attempted) return;  // its syntax error is already reported
      report({0, 0, 0}, {"the file has no `scheme` header", "文件缺少 `scheme` 方案头"},
             {"start the file with scheme \"NAME\" { year N  total N  units A, B, … }",
              "在文件开头写 scheme \"名称\" { year 年度  total 总分  units 单位1, 单位2, … }"});
      return;
    }
    for (size_t k = 1; k < tree.schemes.size(); ++k)
      report(tree.schemes[k].head.span,
             {"a second `scheme` header; a file holds one scheme", "重复的 `scheme` 方案头；一个文件只能有一个方案"},
             {"split the schemes into separate files", "请把不同方案拆分到不同文件"});
    ast::SchemeBlock& b = tree.schemes.front();
    SchemeInfo& info = out_.scheme.info;
    info.name = text(b.head.name);
    info.span = at(b.span);
    info.year = value(b.year);
    info.total = value(b.total);
    if (b.year) info.year_span = at(b.year->span);
    if (b.total) info.total_span = at(b.total->span);
    if (b.units) {
      info.units_span = at(b.units->span);
      info.unit_count = value(b.units->count);
      for (auto& u : b.units->names) info.units.push_back(name(u));
    }
  }

  Department department(ast::Department& d) {
    Department out;
    out.id = name(d.id);
    if (d.display) out.display = text(*d.display);
    if (d.kind) {
      out.kind = word(*d.kind, dept_kind_from, dept_kind_names, {"department kind", "部门类型"});
      out.kind_span = at(d.kind->span);
    }
    out.span = at(d.span);
    return out;
  }

  Group group(ast::Group& g) {
    Group out;
    out.id = name(g.id);
    out.points = value(g.points);
    if (g.points) out.points_span = at(g.points->span);
    out.span = at(g.span);
    return out;
  }

  Scoring scoring(ast::Score& s) {
    Scoring out;
    if (auto m = word(s.mode, score_mode_from, score_mode_names, {"score mode", "计分方式"}))
      out.mode = *m;
    if (s.target_text) out.target_text = text(*s.target_text);
    out.target_number = value(s.target_number);
    out.top = value(s.top);
    out.step = value(s.step);
    out.floor = value(s.floor);
    out.lower_better = s.lower_better;
    out.ties = s.ties;
    out.span = at(s.span);
    return out;
  }

  Reporting reporting(ast::Report& r) {
    Reporting out;
    if (auto f = word(r.frequency, frequency_from, frequency_names, {"report frequency", "报送频次"}))
      out.frequency = *f;
    if (r.forms) out.forms = r.forms->value;
    out.times = value(r.times);
    out.span = at(r.span);
    return out;
  }

  Penalty penalty(ast::Penalty& p) {
    Penalty out;
    const ast::Trigger& t = p.trigger;
    out.trigger.span = at(t.span);
    if (t.kind == "last") out.trigger.kind = TriggerKind::last;
    else if (t.kind == "below") out.trigger.kind = TriggerKind::below;
    else if (t.value && t.value->percent) out.trigger.kind = TriggerKind::bottom_percent;
    else out.trigger.kind = TriggerKind::bottom;
    if (t.value) out.trigger.value = t.value->value;
    for (auto& a : p.actions) {
      auto kind = word(a.word, action_kind_from, action_kind_names, {"penalty action", "处罚措施"});
      if (!kind) continue;
      if (*kind == ActionKind::deduct && !a.amount)
        report({0, a.word.span.end, a.word.span.end},
               {"expected a number after `deduct`", "期望 `deduct` 后面是数字"},
               {"write the points taken, e.g. deduct 5", "写明扣除的分值，例如 deduct 5"});
      else if (*kind != ActionKind::deduct && a.amount)
        report(a.amount->span,
               {fmt::format("`{}` takes no number", a.word.text),
                fmt::format("`{}` 后面不带数字", a.word.text)});
      out.actions.push_back({*kind, a.amount ? a.amount->value : 0, at(a.span)});
    }
    out.span = at(p.span);
    return out;
  }

  // `owner A, B`: A owns the item, B shares it (co_owners); a name given
  // twice is a mistake, reported and counted once.
  void owners(ast::Owners& o, Indicator& out) {
    for (size_t k = 0; k < o.names.size(); ++k) {
      Name n = name(o.names[k]);
      if (n.text == out.owner.text ||
          std::any_of(out.co_owners.begin(), out.co_owners.end(), [&](const Name& c) { return c.text == n.text; })) {
        report(o.names[k].span, {fmt::format("`{}` is named twice in `owner`", n.text),
                                 fmt::format("`owner` 中 `{}` 出现了两次", n.text)},
               {"name each department once", "每个部门只写一次"});
        continue;
      }
      if (k == 0) out.owner = std::move(n);
      else out.co_owners.push_back(std::move(n));
    }
  }

  Indicator indicator(ast::Indicator& i) {
    Indicator out;
    out.id = name(i.head.id);
    if (i.head.display) out.display = text(*i.head.display);
    out.group = i.group;
    if (i.owner) owners(*i.owner, out);
    out.points = value(i.points);
    if (i.points) out.points_span = at(i.points->span);
    if (i.key) {
      out.key = true;
      out.key_span = at(i.key->span);
    }
    if (i.score) out.score = scoring(*i.score);
    if (i.report) out.report = reporting(*i.report);
    for (auto& e : i.evidence)
      if (auto k = word(e, evidence_kind_from, evidence_kind_names, {"evidence kind", "佐证类型"}))
        out.evidence.push_back({*k, at(e.span)});
    for (auto& d : i.deductions)
      out.deductions.push_back({d.points.value, name(d.event).text, value(d.cap), at(d.span)});
    for (auto& p : i.penalties) out.penalties.push_back(penalty(p));
    for (auto& p : i.proves) out.proves.push_back(name(p));
    auto words = [&](std::optional<ast::String>& w, std::string& into, Span& span) {
      if (!w) return;
      into = text(*w);
      span = at(w->span);
    };
    words(i.content, out.wording.content, out.wording.content_span);
    words(i.standard, out.wording.standard, out.wording.standard_span);
    words(i.method, out.wording.method, out.wording.method_span);
    words(i.from, out.wording.from, out.wording.from_span);
    out.span = at(i.span);
    return out;
  }

  Inspection inspection(ast::Inspection& i) {
    Inspection out;
    out.id = name(i.id);
    out.by = name(i.by);
    if (auto f = word(i.frequency, inspection_frequency_from, inspection_frequency_names,
                      {"inspection frequency", "检查频次"}))
      out.frequency = *f;
    out.times = value(i.times);
    if (i.kind)
      if (auto k = word(*i.kind, inspection_kind_from, inspection_kind_names,
                        {"inspection kind", "检查类型"}))
        out.kind = *k;
    out.span = at(i.span);
    return out;
  }

  uint32_t file_;
  const Limits& limits_;
  bool capped_;
  size_t errors_ = 0;
  LoadResult out_;
};

}  // namespace

LoadResult parse_assess(const SourceSet& sources, uint32_t file, const Limits& limits) {
  const SourceFile& src = sources[file];
  ast::File tree = parse_scheme_ast(src.body(), src.bom_size(), limits);
  return Lowering(file, limits, tree.error_cap_reached).run(tree);
}

}  // namespace jf
