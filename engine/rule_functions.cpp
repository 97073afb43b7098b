// Built-in functions at run time: aggregates over lists with an optional
// lambda, string helpers and rounding.
#include <cmath>
#include <optional>
#include <fmt/format.h>

#include "base/lexicon.hpp"
#include "base/source.hpp"
#include "engine/rule_eval.hpp"

namespace jf::rt {
namespace {

struct Call : Node {
  Fn fn;
  std::vector<NodePtr> args;
  NodePtr lambda;
  int slot;
  Call(Fn f, std::vector<NodePtr> a, NodePtr l, int s)
      : fn(f), args(std::move(a)), lambda(std::move(l)), slot(s) {}

  Value eval(Env& e) const override;
  /// any/all and contains_any answer a condition without building a Value.
  bool test(Env& e) const override {
    if (fn == Fn::any || fn == Fn::all) return e.step(), quantifier(e);
    return eval(e).truthy();
  }
  /// count and sum: the number without a Value.
  bool number(Env& e, double& out) const override {
    if (fn == Fn::count) return e.step(), out = counted_items(e), true;
    return Node::number(e, out);
  }

  /// Item i of `l`, mapped through the lambda when there is one.
  Value apply(Env& e, const Value& l, size_t i) const {
    e.step();
    if (!lambda) return item(l, i, e.m);
    item_into(e.slots[slot], l, i, e.m);
    return lambda->eval(e);
  }
  /// apply(e, l, i).truthy() through the lambda's condition path.
  bool apply_test(Env& e, const Value& l, size_t i) const {
    if (!lambda) return apply(e, l, i).truthy();
    e.step();
    item_into(e.slots[slot], l, i, e.m);
    return lambda->test(e);
  }
  Value list_arg(Env& e) const {
    Value l = args[0]->eval(e);
    if (l.kind != Kind::list) return Value::list(ListSrc::values, nullptr, 0);  // null list: empty
    return l;
  }
  Value aggregate(Env& e) const;
  bool quantifier(Env& e) const;
  void lexicon_words(Env& e, const Value& s, std::vector<Value>& out, bool share) const;
  size_t lexicon_count(Env& e) const;
  /// count(lexicon(…)) without a lambda: the inner call, run fused.
  const Call* counted_lexicon = nullptr;
  double counted_items(Env& e) const;
  Value select(Env& e) const;
  Value group(Env& e) const;
  Value strings(Env& e) const;
  Value numeric(Env& e) const;
  Value counted(Env& e) const;
};

const char* fn_name(Fn f) {
  static const char* names[] = {"count", "sum", "min", "max", "avg", "any", "all", "filter",
                                "map", "distinct", "group_by", "first", "join", "len",
                                "contains_any", "matched", "round", "ceil", "floor", "abs", "pct", "plural", "lexicon"};
  return names[static_cast<int>(f)];
}

// any(xs, x -> p) / all(xs, x -> p): stops at the first item that decides.
bool Call::quantifier(Env& e) const {
  Value l = list_arg(e);
  for (size_t i = 0; i < l.n; ++i) {
    bool t = apply_test(e, l, i);
    if (fn == Fn::any && t) return true;
    if (fn == Fn::all && !t) return false;
  }
  return fn == Fn::all;
}

// count(xs) and count(xs, x -> p).
double Call::counted_items(Env& e) const {
  if (counted_lexicon) return static_cast<double>(counted_lexicon->lexicon_count(e));
  Value l = list_arg(e);
  if (!lambda) return l.n;
  size_t n = 0;
  for (size_t i = 0; i < l.n; ++i) n += apply_test(e, l, i);
  return static_cast<double>(n);
}

Value Call::aggregate(Env& e) const {
  if (fn == Fn::count) return Value::number(counted_items(e));
  if (fn == Fn::any || fn == Fn::all) return Value::boolean(quantifier(e));
  Value l = list_arg(e);
  double acc = 0;
  size_t n = 0;
  for (size_t i = 0; i < l.n; ++i) {
    Value v = apply(e, l, i);
    if (v.is_null()) continue;  // aggregates skip nulls
    double x = v.num;
    if (fn == Fn::min) acc = n ? std::min(acc, x) : x;
    else if (fn == Fn::max) acc = n ? std::max(acc, x) : x;
    else acc += x;
    ++n;
  }
  if (fn == Fn::sum) {
    if (!std::isfinite(acc)) fail(msg("rules_run.sum_not_finite"));
    return Value::number(acc);
  }
  if (n == 0)
    fail(msg("rules_run.empty_list", {arg("fn", fn_name(fn))}));
  return Value::number(fn == Fn::avg ? acc / static_cast<double>(n) : acc);
}

Value Call::select(Env& e) const {
  Value l = list_arg(e);
  if (fn == Fn::first) {
    if (l.n == 0) fail(msg("rules_run.empty_list", {arg("fn", "first")}));
    return item(l, 0, e.m);
  }
  ScratchList out_list(e);
  std::vector<Value>& out = *out_list.items;
  if (fn == Fn::filter) {
    for (size_t i = 0; i < l.n; ++i) {
      e.step();
      item_into(e.slots[slot], l, i, e.m);
      if (lambda->test(e)) out.push_back(e.slots[slot]);
    }
    return Value::list_from(out);
  }
  // distinct: the values kept so far are the keys, unless a lambda gives
  // each item a key (then the keys sit in a scratch vector of their own).
  std::optional<ScratchList> key_list;
  if (fn == Fn::distinct && lambda) key_list.emplace(e);
  std::vector<Value>& keys = key_list ? *key_list->items : out;
  for (size_t i = 0; i < l.n; ++i) {
    Value v = apply(e, l, i);
    if (fn == Fn::map) {
      out.push_back(std::move(v));
    } else {  // distinct: by the value itself or by the lambda's key
      bool seen = false;
      for (const Value& k : keys) {
        e.step();
        // equal(), with two strings compared in place (words, events)
        const bool same = k.kind == Kind::string && v.kind == Kind::string ? k.str() == v.str() : equal(k, v, e.m);
        if (same) { seen = true; break; }
      }
      if (seen) continue;
      if (key_list) keys.push_back(std::move(v)), out.push_back(item(l, i, e.m));
      else out.push_back(std::move(v));
    }
  }
  return Value::list_from(out);
}

// The words of lexicon(s, classes) into `out`; `share`: each word holds the
// text's ownership (a list that outlives the text), else plain views (words
// only counted).
void Call::lexicon_words(Env& e, const Value& s, std::vector<Value>& out, bool share) const {
  Value k = args[1]->eval(e);
  if (s.kind != Kind::string || k.kind != Kind::list) return;
  // One search of the text serves every class asked for, and every rule
  // asking about the same model text (Model::lexicon_hits); the steps
  // charged stay those of a search per class.
  const std::vector<LexiconHit>* hits = nullptr;
  Value tmp;
  for (size_t i = 0; i < k.n; ++i) {
    const Value& c = item_ref(k, i, e.m, tmp);
    e.charge(1 + s.n / 16);
    if (c.kind != Kind::string) continue;
    if (!hits)
      hits = s.hold && s.ptr == e.joined.text ? &e.m.lexicon_hits_after(s.str(), e.joined.lead)
                                              : &e.m.lexicon_hits(s.str(), s.hold == nullptr);
    // The words are the text's own bytes (Lexicon::words' order and
    // dedup, per class): views sharing the text's ownership, no copies.
    const size_t first = out.size();
    for (const LexiconHit& h : *hits) {
      if (h.entry->klass != c.str()) continue;
      Value w = Value::view(s.str().substr(h.begin, h.end - h.begin));
      bool seen = false;
      for (size_t j = first; j < out.size() && !seen; ++j) seen = out[j].str() == w.str();
      if (seen) continue;
      if (share) w.hold = s.hold;
      out.push_back(std::move(w));
    }
  }
}

// count(lexicon(s, classes)) fused: the inner call's steps and words, no list.
size_t Call::lexicon_count(Env& e) const {
  e.step();  // the inner call's, as its eval() charges
  Value s = args[0]->eval(e);
  ScratchList out(e);
  lexicon_words(e, s, *out.items, false);
  return out.items->size();
}

Value Call::group(Env& e) const {
  Value l = list_arg(e);
  std::vector<Value> keys;
  std::vector<std::vector<Value>> items;
  for (size_t i = 0; i < l.n; ++i) {
    Value k = apply(e, l, i);
    size_t g = 0;
    while (g < keys.size() && (e.step(), !equal(keys[g], k, e.m))) ++g;
    if (g == keys.size()) keys.push_back(k), items.emplace_back();
    items[g].push_back(item(l, i, e.m));
  }
  std::vector<Value> out;
  for (size_t g = 0; g < keys.size(); ++g) {
    auto b = std::make_shared<Bucket>(Bucket{keys[g], Value::list(std::move(items[g]))});
    Value v = Value::element(Elem::bucket, b.get());
    v.hold = std::move(b);
    out.push_back(std::move(v));
  }
  return Value::list(std::move(out));
}

Value Call::strings(Env& e) const {
  if (fn == Fn::join) {
    Value l = list_arg(e);
    Value sep = args[1]->eval(e);
    std::string out;
    std::string_view lead;  // the first item, a stable text, while it is the only non-empty one
    bool lead_only = true;
    for (size_t i = 0; i < l.n; ++i) {
      e.step();
      if (i && sep.kind == Kind::string) out += sep.str();
      Value it = item(l, i, e.m);
      const size_t before = out.size();
      out += render(it, e.m, Lang::en);
      if (i == 0 && it.kind == Kind::string && !it.hold) lead = it.str();
      else if (out.size() - before > 0 || (i == 0 && it.kind != Kind::string)) lead_only = false;
      if (out.size() > (1u << 20)) fail(msg("rules_run.join_too_long"));
    }
    Value r = Value::owned(std::move(out));
    e.joined = lead_only && !lead.empty() ? Env::Joined{r.ptr, lead} : Env::Joined{};
    return r;
  }
  Value s = args[0]->eval(e);
  if (fn == Fn::lexicon) {  // the run's lexicon words of a class found in a text
    ScratchList out_list(e);
    lexicon_words(e, s, *out_list.items, true);
    return Value::list_from(*out_list.items);
  }
  if (fn == Fn::len) return s.kind == Kind::string ? Value::number(count_code_points(s.str())) : Value{};
  Value l = args[1]->eval(e);
  Value tmp;
  for (size_t i = 0; s.kind == Kind::string && l.kind == Kind::list && i < l.n; ++i) {
    const Value& w = item_ref(l, i, e.m, tmp);
    e.charge(1 + s.n / 64);
    if (w.kind == Kind::string && s.str().find(w.str()) != std::string_view::npos)
      return fn == Fn::contains_any ? Value::boolean(true) : w;
  }
  return fn == Fn::contains_any ? Value::boolean(false) : Value::view("");
}

// plural(n, "item", "items"): "1 item", "3 items" (English messages; a
// Chinese one needs no plural).
Value Call::counted(Env& e) const {
  Value v = args[0]->eval(e);
  if (v.is_null()) return v;
  Value one = args[1]->eval(e), many = args[2]->eval(e);
  std::string word(v.num == 1 ? one.str() : many.str());
  return Value::owned(format_number(v.num) + " " + word);
}

Value Call::numeric(Env& e) const {
  Value v = args[0]->eval(e);
  if (v.is_null()) return v;  // rounding null stays null
  double x = v.num;
  double r = 0;
  switch (fn) {
    case Fn::round: {
      double d = args.size() > 1 ? number_of(args[1]->eval(e), "round()") : 0;
      if (d < 0 || d > 10) fail(msg("rules_run.round_digits"));
      double f = std::pow(10.0, std::floor(d));
      r = std::round(x * f) / f;
      break;
    }
    case Fn::ceil: r = std::ceil(x); break;
    case Fn::floor: r = std::floor(x); break;
    case Fn::abs: r = std::fabs(x); break;
    default: {  // pct
      std::string s = format_number(x * 100);
      return Value::owned(s + "%");
    }
  }
  if (!std::isfinite(r)) fail(msg("rules_run.result_not_finite"));
  return Value::number(r);
}

Value Call::eval(Env& e) const {
  e.step();
  switch (fn) {
    case Fn::count: case Fn::sum: case Fn::min: case Fn::max: case Fn::avg: case Fn::any:
    case Fn::all:
      return aggregate(e);
    case Fn::filter: case Fn::map: case Fn::distinct: case Fn::first:
      return select(e);
    case Fn::group_by: return group(e);
    case Fn::join: case Fn::len: case Fn::contains_any: case Fn::matched: case Fn::lexicon:
      return strings(e);
    case Fn::plural: return counted(e);
    default: return numeric(e);
  }
}

}  // namespace

NodePtr make_call(Fn fn, std::vector<NodePtr> args, NodePtr lambda, int slot) {
  auto call = std::make_unique<Call>(fn, std::move(args), std::move(lambda), slot);
  if (fn == Fn::count && !call->lambda && !call->args.empty())
    if (const auto* inner = dynamic_cast<const Call*>(call->args[0].get()); inner && inner->fn == Fn::lexicon)
      call->counted_lexicon = inner;
  return call;
}

}  // namespace jf::rt
