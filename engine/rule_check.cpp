#include "engine/rule_check.hpp"

#include "base/spelling.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>

#include "engine/rule_compiler.hpp"

namespace jf::rt {

using rules_ast::Expr;


int ExprCompiler::bind(std::string name, Type t) {
  int slot = static_cast<int>(slots++);
  vars.push_back({std::move(name), slot, std::move(t)});
  return slot;
}

const ExprCompiler::Var* ExprCompiler::find_var(std::string_view n) const {
  for (auto v = vars.rbegin(); v != vars.rend(); ++v)
    if (v->name == n) return &*v;
  return nullptr;
}

void ExprCompiler::error(Span span, Message message, Message help) {
  failed = true;
  errors_.push_back(compile_error(span, std::move(message), std::move(help)));
}

Typed ExprCompiler::bad() { return {make_const(Value{}), Type::of(T::any)}; }

bool ExprCompiler::expect(const Typed& t, T want, Span span, const char* what_key) {
  if (t.type.t == want || t.type.t == T::any) return true;
  if (want == T::string && t.type.is_stringy()) return true;
  if (t.type.t == T::null) return true;
  Type w = Type::of(want);
  error(span, msg("rules_compile.wrong_type",
                  {word("what", what_key), type_arg("want", w), type_arg("have", t.type)}));
  return false;
}

Typed ExprCompiler::check(const Expr& e) {
  Typed t = compile(e);
  for (auto& [word, span] : unknown_words_) {
    std::vector<std::string_view> options;
    for (const Var& v : vars) options.push_back(v.name);
    for (const Param& p : params) options.push_back(p.name);
    for (auto n : {"scheme", "indicators", "departments", "groups", "inspections", "units",
                   "overall_penalties", "penalties", "deductions"})
      options.push_back(n);
    for (const EnumInfo& en : enums())
      for (auto w : en.values) options.push_back(w);
    std::string s(did_you_mean(word, options));
    error(span, msg("rules_compile.unknown_name", {arg("name", word)}),
          s.empty() ? Message{} : msg("rules_compile.did_you_mean", {arg("name", s)}));
  }
  unknown_words_.clear();
  return t;
}

Typed ExprCompiler::compile(const Expr& e) {
  Typed out;
  switch (e.kind) {
    case Expr::Kind::number:
      out = {make_const(Value::number(e.number)), Type::of(T::number)};
      break;
    case Expr::Kind::string:
      out = {make_const(Value::owned(e.text)), Type::of(T::string)};
      break;
    case Expr::Kind::boolean:
      out = {make_const(Value::boolean(e.number != 0)), Type::of(T::boolean)};
      break;
    case Expr::Kind::null: out = {make_const(Value{}), Type::of(T::null)}; break;
    case Expr::Kind::list: out = list(e); break;
    case Expr::Kind::name: out = name(e); break;
    case Expr::Kind::field: out = field(e); break;
    case Expr::Kind::call: out = call(e); break;
    case Expr::Kind::unary: out = unary(e); break;
    case Expr::Kind::binary: out = binary(e); break;
    case Expr::Kind::lambda:
      error(e.span, msg("rules_compile.lambda_outside_call"));
      return bad();
  }
  out.ast = &e;
  return out;
}

Typed ExprCompiler::name(const Expr& e) {
  if (const Var* v = find_var(e.text)) return {make_slot(v->slot), v->type};
  for (const Param& p : params)
    if (p.name == e.text) return {make_param(p.value), p.type};
  if (const Field* g = find_global(e.text)) return {make_global(g->get), g->type};
  // An unknown word is typed `any` (no cascading errors) but keeps its
  // spelling, so a comparison with an enum can say which values it has.
  bool known = is_enum_word(e.text);
  if (!known) unknown_words_.push_back({e.text, e.span});
  Type t = Type::of(known ? T::word : T::any);
  t.word = e.text;
  return {make_const(Value::owned(e.text)), t};
}

Typed ExprCompiler::field(const Expr& e) {
  Typed base = compile(e.args[0]);
  const Type& t = base.type;
  if (t.t == T::any) return bad();
  if (t.t != T::element) {
    error(e.name_span, msg("rules_compile.no_field", {type_arg("type", t), arg("field", e.text)}));
    return bad();
  }
  if (t.elem == Elem::bucket) {
    int which = e.text == "key" ? 0 : e.text == "items" ? 1 : e.text == "count" ? 2 : -1;
    if (which >= 0) {
      Type r = which == 0 ? *t.key : which == 1 ? Type::list_of(*t.item) : Type::of(T::number);
      return {make_bucket_field(std::move(base.node), which), r};
    }
  } else if (const Field* f = find_field(t.elem, e.text)) {
    Type r = f->type;
    r.nullable = r.nullable || t.nullable;
    return {make_field(std::move(base.node), *f), r};
  }
  std::vector<std::string_view> names = field_names(t.elem);
  std::string s(did_you_mean(e.text, names));
  error(e.name_span,
        msg("rules_compile.unknown_field", {arg("field", e.text), type_arg("type", Type::element(t.elem))}),
        s.empty() ? msg("rules_compile.fields", {jf::list("fields", std::vector<std::string>(names.begin(), names.end()))})
                  : msg("rules_compile.did_you_mean", {arg("name", s)}));
  return bad();
}

Typed ExprCompiler::unary(const Expr& e) {
  Typed a = compile(e.args[0]);
  if (e.text == "not") {
    expect(a, T::boolean, e.args[0].span, "rules_types.what.not_operand");
    return {make_not(std::move(a.node)), Type::of(T::boolean)};
  }
  expect(a, T::number, e.args[0].span, "rules_types.what.neg_operand");
  return {make_neg(std::move(a.node)), Type::of(T::number)};
}

Typed ExprCompiler::list(const Expr& e) {
  std::vector<NodePtr> nodes;
  std::vector<Type> items;
  Type item = Type::of(T::any);
  for (const Expr& x : e.args) {
    Typed t = compile(x);
    if (item.t == T::any || item.t == T::null) {
      bool was_null = item.t == T::null;
      item = t.type;
      item.nullable = item.nullable || was_null;
    } else if (t.type.t == T::null) {
      item.nullable = true;
    } else if (t.type.t != T::any && !(item.is_stringy() && t.type.is_stringy()) && item.t != t.type.t) {
      error(x.span, msg("rules_compile.list_mixed_types", {type_arg("first", item), type_arg("second", t.type)}));
    } else if (item.t == T::word && t.type.t != T::word) {
      item = t.type;
    }
    items.push_back(t.type);
    nodes.push_back(std::move(t.node));
  }
  bool constant = true;
  std::vector<Value> values;
  for (const NodePtr& n : nodes)
    if (const Value* v = n->constant(); v && v->kind != Kind::list) values.push_back(*v);
    else constant = false;
  // The items' constants borrow from their nodes: keep owning copies.
  if (constant)
    for (size_t i = 0; i < e.args.size(); ++i)
      if (e.args[i].kind == Expr::Kind::string || e.args[i].kind == Expr::Kind::name)
        values[i] = Value::owned(std::string(values[i].str()));
  Typed out{constant ? make_const_list(std::move(values)) : make_list(std::move(nodes)), Type::list_of(item)};
  out.items = std::move(items);
  out.is_list_literal = true;
  return out;
}

bool ExprCompiler::check_compatible(const Type& a, const Type& b, Span span) {
  auto word_vs_enum = [&](const Type& w, const Type& en) {
    if (enum_has(en.enum_id, w.word)) return true;
    for (auto u = unknown_words_.begin(); u != unknown_words_.end(); ++u)
      if (u->first == w.word) {
        span = u->second;
        unknown_words_.erase(u);
        break;
      }
    std::string values;
    for (auto v : enums()[en.enum_id].values) values += (values.empty() ? "" : ", ") + std::string(v);
    std::string s(did_you_mean(w.word, enums()[en.enum_id].values));
    error(span,
          msg("rules_compile.not_enum_value",
              {arg("word", w.word), arg("enum", enums()[en.enum_id].name), arg("values", values)}),
          s.empty() ? Message{} : msg("rules_compile.did_you_mean", {arg("name", s)}));
    return false;
  };
  if (!a.word.empty() && b.t == T::enum_) return word_vs_enum(a, b);
  if (!b.word.empty() && a.t == T::enum_) return word_vs_enum(b, a);
  if (a.t == T::any || b.t == T::any || a.t == T::null || b.t == T::null) return true;
  if (a.t == T::word && b.t == T::enum_) return word_vs_enum(a, b);
  if (b.t == T::word && a.t == T::enum_) return word_vs_enum(b, a);
  if (a.is_stringy() && b.is_stringy()) return true;
  bool ok = a.t == b.t && (a.t != T::element || a.elem == b.elem);
  if (!ok)
    error(span, msg("rules_compile.cannot_compare", {type_arg("first", a), type_arg("second", b)}));
  return ok;
}

Typed ExprCompiler::comparison(const Expr& e, BinOp op, Typed a, Typed b) {
  Span s = e.span;
  if (op == BinOp::in || op == BinOp::not_in) {
    if (b.type.t != T::list && b.type.t != T::any && b.type.t != T::null) {
      error(e.args[1].span, msg("rules_compile.needs_list_right", {arg("op", e.text), type_arg("type", b.type)}));
    } else if (b.is_list_literal) {
      for (size_t i = 0; i < b.items.size(); ++i) check_compatible(a.type, b.items[i], e.args[1].args[i].span);
    } else if (b.type.t == T::list && b.type.item) {
      check_compatible(a.type, *b.type.item, s);
    }
  } else if (op == BinOp::contains) {
    if (a.type.t == T::list) {
      if (a.type.item) check_compatible(*a.type.item, b.type, s);
    } else {
      expect(a, T::string, e.args[0].span, "rules_types.what.contains_left");
      expect(b, T::string, e.args[1].span, "rules_types.what.contains_right");
    }
  } else if (op == BinOp::eq || op == BinOp::ne) {
    check_compatible(a.type, b.type, s);
  } else {  // ordering: numbers, or strings
    if (!(a.type.is_stringy() && b.type.is_stringy())) {
      expect(a, T::number, e.args[0].span, "rules_types.what.compare_left");
      expect(b, T::number, e.args[1].span, "rules_types.what.compare_right");
    }
  }
  return {make_binary(op, std::move(a.node), std::move(b.node)), Type::of(T::boolean)};
}

Typed ExprCompiler::binary(const Expr& e) {
  static const std::pair<std::string_view, BinOp> ops[] = {
      {"+", BinOp::add},  {"-", BinOp::sub},      {"*", BinOp::mul},   {"/", BinOp::div},
      {"%", BinOp::mod},  {"==", BinOp::eq},      {"!=", BinOp::ne},   {"<", BinOp::lt},
      {"<=", BinOp::le},  {">", BinOp::gt},       {">=", BinOp::ge},   {"in", BinOp::in},
      {"not in", BinOp::not_in}, {"contains", BinOp::contains}, {"and", BinOp::and_}, {"or", BinOp::or_}};
  Typed a = compile(e.args[0]);
  if (e.text == "matches") {
    Typed b = compile(e.args[1]);
    expect(a, T::string, e.args[0].span, "rules_types.what.matches_left");
    expect(b, T::string, e.args[1].span, "rules_types.what.matches_pattern");
    std::shared_ptr<const re2::RE2> re;
    if (e.args[1].kind == Expr::Kind::string) {
      re2::RE2::Options o;
      o.set_log_errors(false);
      o.set_max_mem(8 << 20);
      auto r = std::make_shared<re2::RE2>(e.args[1].text, o);
      if (!r->ok())
        error(e.args[1].span, msg("rules_run.regex_invalid", {arg("error", r->error())}));
      else if (r->ProgramSize() > rt::kMaxRegexProgram)
        error(e.args[1].span,
              msg("rules_run.regex_too_complex", {arg("size", fmt::format("{}", r->ProgramSize())),
                                                  arg("limit", fmt::format("{}", rt::kMaxRegexProgram))}));
      re = std::move(r);
    }
    return {make_matches(std::move(a.node), std::move(b.node), std::move(re)), Type::of(T::boolean)};
  }
  Typed b = compile(e.args[1]);
  BinOp op = BinOp::add;
  for (auto& [text, o] : ops)
    if (text == e.text) op = o;
  switch (op) {
    case BinOp::add: case BinOp::sub: case BinOp::mul: case BinOp::div: case BinOp::mod:
      expect(a, T::number, e.args[0].span, "rules_types.what.arithmetic_left");
      expect(b, T::number, e.args[1].span, "rules_types.what.arithmetic_right");
      return {make_binary(op, std::move(a.node), std::move(b.node)), Type::of(T::number)};
    case BinOp::and_: case BinOp::or_:
      expect(a, T::boolean, e.args[0].span, "rules_types.what.logic_left");
      expect(b, T::boolean, e.args[1].span, "rules_types.what.logic_right");
      return {make_binary(op, std::move(a.node), std::move(b.node)), Type::of(T::boolean)};
    default: return comparison(e, op, std::move(a), std::move(b));
  }
}

}  // namespace jf::rt
