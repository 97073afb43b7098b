#include "engine/rule_compiler.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "engine/rule_check.hpp"

namespace jf::rt {

using rules_ast::Clause;

Diagnostic compile_error(Span span, Message message, Message help) {
  return {.name = "rule-compile-error", .severity = Severity::error, .span = span, .message = std::move(message),
          .help = std::move(help)};
}

namespace {

ParamValue::Scalar scalar_of(const rules_ast::ParamLiteral& p) {
  switch (p.kind) {
    case rules_ast::ParamLiteral::Kind::number: return p.number;
    case rules_ast::ParamLiteral::Kind::string: return p.text;
    default: return p.boolean;
  }
}

ParamValue param_of(const rules_ast::ParamLiteral& p) {
  ParamValue v;
  if (p.kind != rules_ast::ParamLiteral::Kind::list) {
    std::visit([&](auto&& s) { v.value = s; }, scalar_of(p));
    return v;
  }
  std::vector<ParamValue::Scalar> items;
  for (const auto& i : p.items) items.push_back(scalar_of(i));
  v.value = std::move(items);
  return v;
}

Value scalar_value(const ParamValue::Scalar& s) {
  if (auto d = std::get_if<double>(&s)) return Value::number(*d);
  if (auto b = std::get_if<bool>(&s)) return Value::boolean(*b);
  return Value::owned(std::get<std::string>(s));
}

std::string scalar_type(const ParamValue::Scalar& s) {
  return std::holds_alternative<double>(s) ? "number" : std::holds_alternative<bool>(s) ? "bool" : "string";
}

Type static_type(const ParamValue& p) {
  struct V {
    Type operator()(double) const { return Type::of(T::number); }
    Type operator()(const std::string&) const { return Type::of(T::string); }
    Type operator()(bool) const { return Type::of(T::boolean); }
    Type operator()(const std::vector<ParamValue::Scalar>& l) const {
      if (l.empty()) return Type::list_of(Type::of(T::any));
      Type i = std::holds_alternative<double>(l[0])  ? Type::of(T::number)
               : std::holds_alternative<bool>(l[0]) ? Type::of(T::boolean)
                                                    : Type::of(T::string);
      return Type::list_of(i);
    }
  };
  return std::visit(V{}, p.value);
}

/// An expression as a key, independent of spacing and position: two holes
/// with the same key evaluate to the same value in one finding.
void append_key(const rules_ast::Expr& e, std::string& out) {
  out += std::to_string(static_cast<int>(e.kind));
  out += ':';
  out += std::to_string(e.text.size());  // lengths keep `a` `b` apart from `ab`
  out += ':';
  out += e.text;
  if (e.kind == rules_ast::Expr::Kind::number || e.kind == rules_ast::Expr::Kind::boolean)
    out += fmt::format(":{}", e.number);  // shortest round-trip form: distinct numbers stay distinct
  out += '(';
  for (const rules_ast::Expr& a : e.args) append_key(a, out);
  out += ')';
}

std::string expr_key(const rules_ast::Expr& e) {
  std::string out;
  append_key(e, out);
  return out;
}

// The evaluator recurses once per logic clause: bound it.
constexpr size_t kMaxLogicClauses = 256;

/// Compiles the clauses of one rule; the metadata goes to `meta`.
class RuleCompiler {
 public:
  RuleCompiler(const rules_ast::Rule& r, const SourceFile& src, RuleMeta& meta, Program& prog,
               std::vector<Diagnostic>& errors)
      : rule_(r), src_(src), meta_(meta), prog_(prog), ex_(errors) {}

  bool run() {
    for (const Clause& c : rule_.clauses) metadata(c);
    size_t logic_clauses = 0;
    for (const Clause& c : rule_.clauses) {
      logic(c);
      if (c.keyword == "for" || c.keyword == "let" || c.keyword == "where" || c.keyword == "when" ||
          c.keyword == "at")
        ++logic_clauses;
    }
    if (logic_clauses > kMaxLogicClauses)
      ex_.error(rule_.header, msg("rules_compile.too_many_clauses", {arg("limit", fmt::format("{}", kMaxLogicClauses))}));
    if (meta_.native && has_logic_)
      ex_.error(rule_.header, msg("rules_compile.native_with_logic"));
    if (!meta_.native && !seen_.count("summary en"))
      ex_.error(rule_.header, msg("rules_compile.no_summary"));
    if (!meta_.native && !seen_.count("message en"))
      ex_.error(rule_.header, msg("rules_compile.no_message"));
    for (const Clause& c : rule_.clauses) texts(c);
    link_texts();
    prog_.slots = ex_.slots;
    return !ex_.failed;
  }

 private:
  void metadata(const Clause& c) {
    const std::string& k = c.keyword;
    bool logic = k == "for" || k == "let" || k == "where" || k == "when" || k == "at";
    if (logic) {
      has_logic_ = true;
      if (k != "at") return;
    }
    std::string key = k == "param" ? "param " + c.name : c.lang.empty() ? k : k + " " + c.lang;
    if (!seen_.insert(key).second) {
      ex_.error(c.span, msg("rules_compile.duplicate_clause", {arg("clause", key)}));
      return;
    }
    Text* text = k == "summary" ? &meta_.summary : k == "explain" ? &meta_.explain : nullptr;
    if (text) (c.lang == "zh" ? text->zh : text->en) = c.text;
    if (k == "message" || k == "help") {
      Text& t = k == "message" ? meta_.message : meta_.help;
      (c.lang == "zh" ? t.zh : t.en) = c.text;
    }
    if (k == "category") meta_.category = c.name;
    if (k == "example") meta_.example = c.text;
    if (k == "native") meta_.native = true;
    if (k == "severity" && !parse_severity(c.name, meta_.severity))
      ex_.error(c.name_span, msg("rules_compile.unknown_severity", {arg("name", c.name)}));
    if (k == "param") {
      ParamValue v = param_of(c.param);
      std::string written(src_.text().substr(c.param.span.begin, c.param.span.end - c.param.span.begin));
      meta_.params.push_back({c.name, v, written});
      prog_.params.push_back(std::make_unique<Value>(param_value(v)));
      ex_.params.push_back({c.name, prog_.params.back().get(), static_type(v)});
    }
  }

  void logic(const Clause& c) {
    const std::string& k = c.keyword;
    if (k != "for" && k != "let" && k != "where" && k != "when" && k != "at") return;
    if ((k == "for" || k == "let") && ex_.find_var(c.name))
      ex_.error(c.name_span, msg("rules_compile.already_defined", {arg("name", c.name)}));
    Typed t = ex_.check(c.expr);
    Step s{Step::Kind::where, std::move(t.node)};
    if (k == "for") {
      if (t.type.t != T::list && t.type.t != T::any)
        ex_.error(c.expr.span, msg("rules_compile.for_needs_list", {type_arg("type", t.type)}));
      Type item = t.type.t == T::list && t.type.item ? *t.type.item : Type::of(T::any);
      s.kind = Step::Kind::for_;
      s.slot = ex_.bind(c.name, item);
      prog_.for_slots.push_back(s.slot);
    } else if (k == "let") {
      s.kind = Step::Kind::let;
      s.slot = ex_.bind(c.name, t.type);
    } else if (k == "at") {
      bool ok = t.type.t == T::element || t.type.t == T::list || t.type.t == T::any || t.type.t == T::null;
      if (!ok)
        ex_.error(c.expr.span, msg("rules_compile.at_needs_element", {type_arg("type", t.type)}));
      s.kind = Step::Kind::at;
      s.slot = prog_.at_slot = static_cast<int>(ex_.slots++);
    } else if (t.type.t != T::boolean && t.type.t != T::any) {
      ex_.error(c.expr.span, msg("rules_compile.needs_bool", {arg("clause", k), type_arg("type", t.type)}));
    }
    prog_.steps.push_back(std::move(s));
  }

  // A text clause as written: literal pieces and compiled holes.
  struct WrittenPiece {
    std::string text;
    std::string hole;  // the expression's key (expr_key); empty for literal text
    NodePtr node;
  };
  // message en, message zh, help en, help zh; the last clause written wins.
  std::array<std::vector<WrittenPiece>, 4> written_;

  void texts(const Clause& c) {
    if (c.keyword != "message" && c.keyword != "help") return;
    auto& pieces = written_[(c.keyword == "message" ? 0 : 2) + (c.lang == "zh" ? 1 : 0)];
    pieces.clear();
    for (const rules_ast::Piece& p : c.pieces) {
      if (!p.is_expr) {
        pieces.push_back({p.text, "", nullptr});
        continue;
      }
      // Every hole is type-checked where it is written, also one that
      // repeats another: its errors point at it.
      Typed t = ex_.check(p.expr);
      pieces.push_back({"", expr_key(p.expr), std::move(t.node)});
    }
  }

  /// The program's holes and templates. Holes with the same expression, in
  /// one text or across message/help and en/zh, are one hole evaluated once
  /// per finding. They are numbered, and evaluated, in the order message en,
  /// message zh, help en, help zh, whatever order the clauses are written
  /// in: a rule failing in two holes names the same one in every run.
  void link_texts() {
    std::map<std::string, int> hole_of;
    std::array<std::shared_ptr<OwnTemplate>, 2> tmpl;  // message, help
    for (size_t k = 0; k < written_.size(); ++k) {
      if (written_[k].empty()) continue;
      RuleText& text = k < 2 ? prog_.message : prog_.help;
      if (!tmpl[k / 2]) tmpl[k / 2] = std::make_shared<OwnTemplate>();
      std::vector<TemplatePiece>& out = k % 2 ? tmpl[k / 2]->zh : tmpl[k / 2]->en;
      for (WrittenPiece& p : written_[k]) {
        if (p.hole.empty()) {
          out.push_back({std::move(p.text), -1});
          continue;
        }
        auto found = hole_of.try_emplace(p.hole, static_cast<int>(prog_.holes.size()));
        if (found.second) {
          prog_.holes.push_back(std::move(p.node));
          prog_.hole_names.push_back(p.hole);
        }
        const int hole = found.first->second;
        auto at = std::find(text.holes.begin(), text.holes.end(), hole);
        if (at == text.holes.end()) at = text.holes.insert(at, hole);
        out.push_back({"", static_cast<int>(at - text.holes.begin())});
      }
    }
    prog_.message.tmpl = std::move(tmpl[0]);
    prog_.help.tmpl = std::move(tmpl[1]);
  }

  const rules_ast::Rule& rule_;
  const SourceFile& src_;
  RuleMeta& meta_;
  Program& prog_;
  ExprCompiler ex_;
  std::set<std::string> seen_;
  bool has_logic_ = false;
};

}  // namespace

bool compile_rule(const rules_ast::Rule& rule, const SourceFile& src, uint32_t file, RuleMeta& meta,
                  Program& program, std::vector<Diagnostic>& errors) {
  meta.id = rule.id;
  meta.name = rule.name;
  meta.span = rule.header;
  meta.span.file = file;
  return RuleCompiler(rule, src, meta, program, errors).run();
}

Value param_value(const ParamValue& p) {
  if (auto l = std::get_if<std::vector<ParamValue::Scalar>>(&p.value)) {
    std::vector<Value> items;
    for (const auto& s : *l) items.push_back(scalar_value(s));
    return Value::list(std::move(items));
  }
  return std::visit(
      [](auto&& v) -> Value {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::vector<ParamValue::Scalar>>) return {};
        else return scalar_value(ParamValue::Scalar(v));
      },
      p.value);
}

std::string param_type(const ParamValue& p) {
  if (auto l = std::get_if<std::vector<ParamValue::Scalar>>(&p.value))
    return l->empty() ? "list" : "list of " + scalar_type((*l)[0]);
  return std::visit(
      [](auto&& v) -> std::string {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::vector<ParamValue::Scalar>>) return "list";
        else return scalar_type(ParamValue::Scalar(v));
      },
      p.value);
}

}  // namespace jf::rt
