// Type checking of built-in function calls.
#include <fmt/format.h>

#include "base/spelling.hpp"
#include "engine/rule_check.hpp"

namespace jf::rt {

using rules_ast::Expr;

namespace {

struct Signature {
  std::string_view name;
  Fn fn;
  size_t min_args, max_args;
  bool lambda;  // the last argument may (or, with min == max == 2, must) be `x -> e`
};

constexpr Signature kFunctions[] = {
    {"count", Fn::count, 1, 2, true},     {"sum", Fn::sum, 1, 2, true},
    {"min", Fn::min, 1, 2, true},         {"max", Fn::max, 1, 2, true},
    {"avg", Fn::avg, 1, 2, true},         {"any", Fn::any, 2, 2, true},
    {"all", Fn::all, 2, 2, true},         {"filter", Fn::filter, 2, 2, true},
    {"map", Fn::map, 2, 2, true},         {"distinct", Fn::distinct, 1, 2, true},
    {"group_by", Fn::group_by, 2, 2, true}, {"first", Fn::first, 1, 1, false},
    {"join", Fn::join, 2, 2, false},      {"len", Fn::len, 1, 1, false},
    {"contains_any", Fn::contains_any, 2, 2, false}, {"matched", Fn::matched, 2, 2, false},
    {"round", Fn::round, 1, 2, false},    {"ceil", Fn::ceil, 1, 1, false},
    {"floor", Fn::floor, 1, 1, false},    {"abs", Fn::abs, 1, 1, false},
    {"pct", Fn::pct, 1, 1, false},        {"plural", Fn::plural, 3, 3, false},
    {"lexicon", Fn::lexicon, 2, 2, false},
};

}  // namespace

Typed ExprCompiler::call(const Expr& e) {
  const Signature* sig = nullptr;
  for (const Signature& s : kFunctions)
    if (s.name == e.text) sig = &s;
  if (!sig) {
    std::vector<std::string_view> names;
    for (const Signature& s : kFunctions) names.push_back(s.name);
    std::string s(did_you_mean(e.text, names));
    error(e.name_span, msg("rules_compile.unknown_function", {arg("name", e.text)}),
          s.empty() ? Message{} : msg("rules_compile.did_you_mean", {arg("name", s)}));
    return bad();
  }
  size_t n = e.args.size();
  if (n < sig->min_args || n > sig->max_args) {
    MessageArg want = sig->min_args == sig->max_args
                          ? arg("want", sig->min_args)
                          : keyed("want", "rules_types.count_range", {arg("min", sig->min_args), arg("max", sig->max_args)});
    error(e.span, msg(sig->max_args == 1 ? "rules_compile.argument_count.one" : "rules_compile.argument_count",
                      {arg("fn", e.text), std::move(want), arg("have", fmt::format("{}", n))}));
    return bad();
  }
  const char* what = "rules_types.what.first_argument";
  // Lambdas: only as the second argument of the list functions.
  for (size_t i = 0; i < n; ++i) {
    bool allowed = sig->lambda && i == 1;
    if (e.args[i].kind == Expr::Kind::lambda && !allowed) {
      error(e.args[i].span, msg("rules_compile.lambda_not_here", {arg("fn", e.text)}));
      return bad();
    }
    if (allowed && e.args[i].kind != Expr::Kind::lambda) {
      error(e.args[i].span, msg("rules_compile.lambda_needed", {arg("fn", e.text)}));
      return bad();
    }
  }
  std::vector<NodePtr> args;
  Typed first = compile(e.args[0]);
  Fn fn = sig->fn;
  bool list_fn = sig->lambda || fn == Fn::first || fn == Fn::join;
  Type item = Type::of(T::any);
  if (list_fn) {
    if (!expect(first, T::list, e.args[0].span, what)) return bad();
    if (first.type.t == T::list && first.type.item) item = *first.type.item;
  }
  args.push_back(std::move(first.node));
  NodePtr lambda;
  int slot = -1;
  Type body = item;  // the value each item contributes
  if (n == 2 && sig->lambda) {
    const Expr& l = e.args[1];
    slot = bind(l.text, item);
    Typed b = compile(l.args[0]);
    unbind();
    body = b.type;
    lambda = std::move(b.node);
    bool wants_bool = fn == Fn::count || fn == Fn::any || fn == Fn::all || fn == Fn::filter;
    bool wants_number = fn == Fn::sum || fn == Fn::min || fn == Fn::max || fn == Fn::avg;
    if (wants_bool) expect(b, T::boolean, l.args[0].span, "rules_types.what.condition");
    if (wants_number) expect(b, T::number, l.args[0].span, "rules_types.what.value");
  } else if (n == 3) {  // plural(n, "item", "items")
    for (size_t k = 1; k < 3; ++k) {
      Typed word = compile(e.args[k]);
      expect(word, T::string, e.args[k].span, k == 1 ? "rules_types.what.singular" : "rules_types.what.plural");
      args.push_back(std::move(word.node));
    }
  } else if (n == 2) {
    Typed second = compile(e.args[1]);
    if (fn == Fn::join) expect(second, T::string, e.args[1].span, "rules_types.what.separator");
    if (fn == Fn::round) expect(second, T::number, e.args[1].span, "rules_types.what.digits");
    if (fn == Fn::lexicon &&
        expect(second, T::list, e.args[1].span, "rules_types.what.classes") && second.type.item && second.type.t == T::list &&
        second.type.item->t != T::any && !second.type.item->is_stringy())
      error(e.args[1].span, msg("rules_compile.classes_strings"));
    if (fn == Fn::contains_any || fn == Fn::matched) {
      if (expect(second, T::list, e.args[1].span, "rules_types.what.second_argument") && second.type.item &&
          second.type.t == T::list && second.type.item->t != T::any && !second.type.item->is_stringy())
        error(e.args[1].span, msg("rules_compile.second_strings"));
    }
    args.push_back(std::move(second.node));
  } else if ((fn == Fn::sum || fn == Fn::min || fn == Fn::max || fn == Fn::avg) && item.t != T::any) {
    if (item.t != T::number)
      error(e.args[0].span, msg("rules_compile.needs_numbers", {arg("fn", e.text), type_arg("type", item)}));
  }
  if (!list_fn) {
    if (fn == Fn::len || fn == Fn::contains_any || fn == Fn::matched || fn == Fn::lexicon)
      expect(Typed{nullptr, first.type}, T::string, e.args[0].span, what);
    else
      expect(Typed{nullptr, first.type}, T::number, e.args[0].span, what);
  }
  Type result;
  switch (fn) {
    case Fn::count: case Fn::sum: case Fn::min: case Fn::max: case Fn::avg: case Fn::len:
    case Fn::round: case Fn::ceil: case Fn::floor: case Fn::abs:
      result = Type::of(T::number);
      break;
    case Fn::any: case Fn::all: case Fn::contains_any: result = Type::of(T::boolean); break;
    case Fn::filter: case Fn::distinct: result = Type::list_of(item); break;
    case Fn::map: result = Type::list_of(body); break;
    case Fn::group_by: {
      Type b = Type::element(Elem::bucket);
      b.key = std::make_shared<const Type>(body);
      b.item = std::make_shared<const Type>(item);
      result = Type::list_of(b);
      break;
    }
    case Fn::first: result = item; break;
    case Fn::join: case Fn::matched: case Fn::pct: case Fn::plural: result = Type::of(T::string); break;
    case Fn::lexicon: result = Type::list_of(Type::of(T::string)); break;
  }
  return {make_call(fn, std::move(args), std::move(lambda), slot), result};
}

}  // namespace jf::rt
