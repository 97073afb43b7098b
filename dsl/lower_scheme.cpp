// Lowering: turns the `.assess` syntax tree into the engine's Scheme model,
// checking enum words and size limits (JF001) on the way.
#include <fmt/format.h>

#include <algorithm>

#include "dsl/assess_text_fields.hpp"
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

/// What an enum word names, for "unknown … `x`" messages: a catalogue key
/// (parse.assess.enum.*).
struct EnumWhat {
  const char* key;
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
    Scheme& scheme = out_.scheme;  // each list sized once: no moves as it grows
    scheme.departments.reserve(tree.departments.size());
    scheme.groups.reserve(tree.groups.size());
    scheme.indicators.reserve(tree.indicators.size());
    scheme.inspections.reserve(tree.inspections.size());
    scheme.overall_penalties.reserve(tree.overall_penalties.size());
    for (auto& d : tree.departments) out_.scheme.departments.push_back(department(d));
    for (auto& g : tree.groups) out_.scheme.groups.push_back(group(g));
    for (auto& i : tree.indicators) indicator(i, out_.scheme.indicators.emplace_back());
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
  void report(Span s, Message message, Message help = {}) {
    if (capped_) return;
    if (errors_ >= limits_.max_syntax_errors) {
      out_.diagnostics.push_back(syntax_error(
          at({0, s.begin, s.begin}),
          msg("parse.assess.too_many_errors", {arg("limit", limits_.max_syntax_errors)}),
          msg("parse.assess.too_many_errors.help")));
      capped_ = true;
      return;
    }
    ++errors_;
    out_.diagnostics.push_back(syntax_error(at(s), std::move(message), std::move(help)));
  }

  Name name(ast::Ident& id) {
    if (id.text.size() > limits_.max_name_bytes)
      report(id.span,
             msg("parse.assess.name_too_long", {arg("size", id.text.size()), arg("limit", limits_.max_name_bytes)}),
             msg("parse.assess.name_too_long.help"));
    return {std::string(id.text), at(id.span)};
  }

  std::string text(ast::String& s) {
    if (s.text.size() > limits_.max_string_bytes)
      report(s.span,
             msg("parse.assess.text_too_long", {arg("size", s.text.size()), arg("limit", limits_.max_string_bytes)}));
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
    size_t before = out_.diagnostics.size();
    report(w.span, guess.empty() ? msg("parse.assess.unknown_word", {jf::word("what", what.key),
                                                                     arg("word", shorten(w.text)), arg("valid", valid)})
                                 : msg("parse.assess.unknown_word.guess",
                                       {jf::word("what", what.key), arg("word", shorten(w.text)), arg("guess", guess),
                                        arg("valid", valid)}));
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
      report({0, 0, 0}, msg("parse.assess.no_scheme"), msg("parse.assess.no_scheme.help"));
      return;
    }
    for (size_t k = 1; k < tree.schemes.size(); ++k)
      report(tree.schemes[k].head.span,
             msg("parse.assess.second_scheme"), msg("parse.assess.second_scheme.help"));
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
      out.kind = word(*d.kind, dept_kind_from, dept_kind_names, {"parse.assess.enum.department_kind"});
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
    if (auto m = word(s.mode, score_mode_from, score_mode_names, {"parse.assess.enum.score_mode"}))
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
    if (auto f = word(r.frequency, frequency_from, frequency_names, {"parse.assess.enum.report_frequency"}))
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
      auto kind = word(a.word, action_kind_from, action_kind_names, {"parse.assess.enum.penalty_action"});
      if (!kind) continue;
      if (*kind == ActionKind::deduct && !a.amount)
        report({0, a.word.span.end, a.word.span.end},
               msg("parse.assess.deduct_needs_number"), msg("parse.assess.deduct_needs_number.help"));
      else if (*kind != ActionKind::deduct && a.amount)
        report(a.amount->span,
               msg("parse.assess.takes_no_number", {arg("word", a.word.text)}));
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
        report(o.names[k].span, msg("parse.scheme.owner_twice", {arg("name", n.text)}),
               msg("parse.scheme.owner_twice.help"));
        continue;
      }
      if (k == 0) out.owner = std::move(n);
      else out.co_owners.push_back(std::move(n));
    }
  }

  /// Fills `out`, a new indicator already in its place in the scheme.
  void indicator(ast::Indicator& i, Indicator& out) {
    out.id = name(i.head.id);
    if (i.head.display) out.display = text(*i.head.display);
    out.group = std::string(i.group);
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
      if (auto k = word(e, evidence_kind_from, evidence_kind_names, {"parse.assess.enum.evidence_kind"}))
        out.evidence.push_back({*k, at(e.span)});
    for (auto& d : i.deductions)
      out.deductions.push_back({d.points.value, name(d.event).text, value(d.cap), at(d.span)});
    for (auto& p : i.penalties) out.penalties.push_back(penalty(p));
    for (auto& p : i.proves) out.proves.push_back(name(p));
    // Text statements go where the field table says (the last of a repeated one wins).
    for (auto& t : i.texts) {
      const ModelField* f = assess::text_statement_field(t.keyword.text);
      void* element = f->part == Part::wording ? static_cast<void*>(&out.wording) : static_cast<void*>(&out);
      f->ref<std::string>(element) = text(t.value);
      if (f->span) *f->span(element) = at(t.value.span);
    }
    out.span = at(i.span);
  }

  Inspection inspection(ast::Inspection& i) {
    Inspection out;
    out.id = name(i.id);
    out.by = name(i.by);
    if (auto f = word(i.frequency, inspection_frequency_from, inspection_frequency_names,
                      {"parse.assess.enum.inspection_frequency"}))
      out.frequency = *f;
    out.times = value(i.times);
    if (i.kind)
      if (auto k = word(*i.kind, inspection_kind_from, inspection_kind_names,
                        {"parse.assess.enum.inspection_kind"}))
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
