// Node kinds of the evaluator other than function calls (rule_functions.cpp).
#include <fmt/format.h>
#include <re2/re2.h>

#include <cmath>
#include <cstring>

#include "engine/rule_eval.hpp"

namespace jf::rt {

Env::Env(const Model& model, size_t n, uint64_t b) : m(model), slots(n), budget(b) {}
Env::~Env() = default;

void Env::over_budget() const {
  fail(msg("rules_run.over_budget", {arg("budget", std::to_string(budget))}));
}

void fail(Message message) { throw RuntimeError{std::move(message)}; }

double number_of(const Value& v, const char* what) {
  if (v.kind == Kind::number) return v.num;
  not_a_number(what);
}

void not_a_number(const char* what) { fail(msg("rules_run.null_used", {arg("what", std::string_view(what))})); }

namespace {

// The typed paths' reads of a value already built (a constant, a slot).
bool read_number(const Value& v, double& out) {
  out = v.num;
  return v.kind == Kind::number;
}
bool read_string(const Value& v, std::string_view& out) {
  out = v.str();
  return v.kind == Kind::string;
}
// A field's string is the model's (a view); should an accessor ever compute
// one, `keep` holds it.
bool read_field_string(Value v, std::string_view& out, Value& keep) {
  out = v.str();
  const bool is = v.kind == Kind::string;
  if (v.hold) keep = std::move(v);
  return is;
}

struct Const : Node {
  Value keep;                 // owns strings and lists
  std::vector<Value> items;   // a constant list's items, owning their strings
  std::vector<Value> views;   // the same items without ownership
  Value v;                    // `keep` without ownership
  explicit Const(Value x) : keep(std::move(x)) { v = keep, v.hold.reset(); }
  explicit Const(std::vector<Value> xs) : items(std::move(xs)) {
    for (const Value& i : items) views.push_back(i), views.back().hold.reset();
    v = Value::list(ListSrc::values, views.data(), views.size());
  }
  Value eval(Env& e) const override { return e.step(), v; }
  bool number(Env& e, double& out) const override { return e.step(), read_number(v, out); }
  bool string(Env& e, std::string_view& out, Value&) const override { return e.step(), read_string(v, out); }
  const Value* constant() const override { return &v; }
};

struct Slot : Node {
  int slot;
  explicit Slot(int s) : slot(s) {}
  Value eval(Env& e) const override { return e.step(), e.slots[slot]; }
  bool test(Env& e) const override { return e.step(), e.slots[slot].truthy(); }
  bool number(Env& e, double& out) const override { return e.step(), read_number(e.slots[slot], out); }
  // The slot keeps a computed string alive: it is not written while the
  // expression reading it runs (no clause re-binds a variable inside one).
  bool string(Env& e, std::string_view& out, Value&) const override {
    return e.step(), read_string(e.slots[slot], out);
  }
};

struct Global : Node {
  Accessor get;
  explicit Global(Accessor g) : get(g) {}
  Value eval(Env& e) const override { return e.step(), get(Value{}, e.m); }
};

// A field stored as a number or a string (`plain`, PlainKind) is read
// typed by number() / string(): the answer read_number / read_string give
// on the accessor's Value, without building it; the steps are the same.
bool typed_number(const PlainField* plain, const Value& b, double& out) {
  if (b.is_null()) return out = 0, false;  // read_number of a null: its num, 0
  return plain_number(*plain, b, out);
}
bool typed_string(const PlainField* plain, const Value& b, std::string_view& out) {
  if (b.is_null()) return out = {}, false;
  return plain_string(*plain, b, out);
}

// What a field node reads with: the Field without its Type (only the
// checker needs that).
struct FieldReads {
  Accessor get;
  const PlainField* plain;
  NumberRead number;
  StringRead string;
  FlagRead flag;
  explicit FieldReads(const Field& f) : get(f.get), plain(f.plain), number(f.number), string(f.string), flag(f.flag) {}
};

// A derived field's typed reads (Field::number / string / flag) on its
// element `b`: what read_number / read_string / truthy() give on the
// accessor's Value (a null element reads as a null field).
bool derived_number(const FieldReads& f, const Value& b, const Model& m, double& out) {
  if (b.is_null()) return out = 0, false;
  return out = f.number(b, m), true;
}
bool derived_string(const FieldReads& f, const Value& b, const Model& m, std::string_view& out) {
  if (b.is_null()) return out = {}, false;
  return out = f.string(b, m), true;
}
bool derived_flag(const FieldReads& f, const Value& b, const Model& m) { return !b.is_null() && f.flag(b, m); }

struct FieldNode : Node {
  NodePtr base;
  FieldReads f;
  PlainKind kind;
  FieldNode(NodePtr b, const Field& field) : base(std::move(b)), f(field), kind(plain_kind(f.plain)) {}
  Value eval(Env& e) const override {
    Value b = base->eval(e);
    if (b.is_null()) return b;  // null propagates through field access
    return f.get(b, e.m);
  }
  bool test(Env& e) const override {
    if (f.flag) return derived_flag(f, base->eval(e), e.m);
    return eval(e).truthy();
  }
  bool number(Env& e, double& out) const override {
    if (f.number) return derived_number(f, base->eval(e), e.m, out);
    if (kind != PlainKind::number) return read_number(eval(e), out);
    return typed_number(f.plain, base->eval(e), out);
  }
  // Fields are the model's own strings (views): nothing to keep.
  bool string(Env& e, std::string_view& out, Value& keep) const override {
    if (f.string) {
      Value b = base->eval(e);
      const bool is = derived_string(f, b, e.m, out);
      if (b.hold) keep = std::move(b);  // should an element ever own its storage
      return is;
    }
    if (kind != PlainKind::string) return read_field_string(eval(e), out, keep);
    Value b = base->eval(e);
    const bool is = typed_string(f.plain, b, out);
    if (b.hold) keep = std::move(b);  // should an element ever own its storage
    return is;
  }
};

/// `x.field` on a variable: reads the slot in place (the commonest access).
struct SlotField : Node {
  int slot;
  FieldReads f;
  PlainKind kind;
  SlotField(int s, const Field& field) : slot(s), f(field), kind(plain_kind(f.plain)) {}
  Value eval(Env& e) const override {
    e.step();
    const Value& b = e.slots[slot];
    return b.is_null() ? Value{} : f.get(b, e.m);
  }
  bool test(Env& e) const override {
    if (f.flag) return e.step(), derived_flag(f, e.slots[slot], e.m);
    return eval(e).truthy();
  }
  bool number(Env& e, double& out) const override {
    if (f.number) return e.step(), derived_number(f, e.slots[slot], e.m, out);
    if (kind != PlainKind::number) return read_number(eval(e), out);
    return e.step(), typed_number(f.plain, e.slots[slot], out);
  }
  bool string(Env& e, std::string_view& out, Value& keep) const override {
    if (f.string) return e.step(), derived_string(f, e.slots[slot], e.m, out);
    if (kind != PlainKind::string) return read_field_string(eval(e), out, keep);
    return e.step(), typed_string(f.plain, e.slots[slot], out);
  }
};

struct Param : Node {
  const Value* value;
  explicit Param(const Value* v) : value(v) {}
  Value eval(Env& e) const override { return e.step(), *value; }
  bool number(Env& e, double& out) const override { return e.step(), read_number(*value, out); }
  bool string(Env& e, std::string_view& out, Value&) const override { return e.step(), read_string(*value, out); }
};

struct BucketField : Node {
  NodePtr base;
  int which;
  BucketField(NodePtr b, int w) : base(std::move(b)), which(w) {}
  Value eval(Env& e) const override {
    Value b = base->eval(e);
    if (b.is_null()) return b;
    const Bucket& k = b.as<Bucket>();
    if (which == 0) return k.key;
    if (which == 1) return k.items;
    return Value::number(k.items.n);
  }
};

struct Neg : Node {
  NodePtr a;
  explicit Neg(NodePtr x) : a(std::move(x)) {}
  Value eval(Env& e) const override {
    double x = 0;
    number(e, x);
    return Value::number(x);
  }
  bool number(Env& e, double& out) const override {
    if (!a->number(e, out)) not_a_number("'-'");
    out = -out;
    return true;
  }
};

struct Not : Node {
  NodePtr a;
  explicit Not(NodePtr x) : a(std::move(x)) {}
  Value eval(Env& e) const override { return Value::boolean(!a->test(e)); }
  bool test(Env& e) const override { return !a->test(e); }
};

bool contains(const Value& list, const Value& x, const Model& m) {
  // A string or number in a built list (`d.event in shared_events`, a
  // parameter's words): compared in place, no item copied. equal()'s result:
  // the same kind and the same spelling or value.
  if (list.src() == ListSrc::values && (x.kind == Kind::string || x.kind == Kind::number)) {
    const Value* items = static_cast<const Value*>(list.ptr);
    for (size_t i = 0; i < list.n; ++i) {
      const Value& v = items[i];
      if (v.kind != x.kind) continue;
      if (x.kind == Kind::number ? v.num == x.num : v.str() == x.str()) return true;
    }
    return false;
  }
  Value tmp;
  for (size_t i = 0; i < list.n; ++i)
    if (equal(item_ref(list, i, m, tmp), x, m)) return true;
  return false;
}

double arith(BinOp op, double x, double y) {
  double r = 0;
  switch (op) {
    case BinOp::add: r = x + y; break;
    case BinOp::sub: r = x - y; break;
    case BinOp::mul: r = x * y; break;
    case BinOp::div:
      if (y == 0) fail(msg("rules_run.division_by_zero"));
      r = x / y;
      break;
    case BinOp::mod:
      if (y == 0) fail(msg("rules_run.modulo_by_zero"));
      r = std::fmod(x, y);
      break;
    default: break;
  }
  if (!std::isfinite(r)) fail(msg("rules_run.arithmetic_not_finite"));
  return r;
}

bool compare(BinOp op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return false;
  int c = 0;
  if (a.kind == Kind::number && b.kind == Kind::number) c = a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  else if (a.kind == Kind::string && b.kind == Kind::string) c = a.str().compare(b.str());
  else return false;
  switch (op) {
    case BinOp::lt: return c < 0;
    case BinOp::le: return c <= 0;
    case BinOp::gt: return c > 0;
    default: return c >= 0;
  }
}

struct Binary : Node {
  BinOp op;
  NodePtr a, b;
  Binary(BinOp o, NodePtr x, NodePtr y) : op(o), a(std::move(x)), b(std::move(y)) {}
  Value eval(Env& e) const override {
    switch (op) {
      case BinOp::add: case BinOp::sub: case BinOp::mul: case BinOp::div: case BinOp::mod: {
        double r = 0;
        number(e, r);
        return Value::number(r);
      }
      default: return Value::boolean(test(e));
    }
  }
  bool number(Env& e, double& out) const override {
    if (!(op == BinOp::add || op == BinOp::sub || op == BinOp::mul || op == BinOp::div || op == BinOp::mod))
      return Node::number(e, out);  // a comparison: a bool, never a number
    e.step();
    double x = 0, y = 0;
    // Both sides are evaluated before either is checked, as eval() did.
    const bool xn = a->number(e, x);
    const bool yn = b->number(e, y);
    if (!xn || !yn) not_a_number("arithmetic");
    out = arith(op, x, y);
    return true;
  }
  bool test(Env& e) const override {
    if (op == BinOp::add || op == BinOp::sub || op == BinOp::mul || op == BinOp::div || op == BinOp::mod)
      return eval(e).truthy();  // a number is never true
    e.step();
    if (op == BinOp::and_) return a->test(e) && b->test(e);
    if (op == BinOp::or_) return a->test(e) || b->test(e);
    Value x = a->eval(e);
    Value y = b->eval(e);
    switch (op) {
      case BinOp::eq: return equal(x, y, e.m);
      case BinOp::ne: return !equal(x, y, e.m);
      case BinOp::lt: case BinOp::le: case BinOp::gt: case BinOp::ge:
        return compare(op, x, y);
      case BinOp::in: return y.kind == Kind::list && contains(y, x, e.m);
      case BinOp::not_in: return !(y.kind == Kind::list && contains(y, x, e.m));
      case BinOp::contains:
        if (x.kind == Kind::list) return contains(x, y, e.m);
        if (x.kind != Kind::string || y.kind != Kind::string) return false;
        e.charge(x.n / 64);  // substring search costs its length
        return x.str().find(y.str()) != std::string_view::npos;
      default: return false;
    }
  }
};

/// A comparison with a constant on one side (`c.class == "app"`, `i.points >
/// 0`): the constant is read in place instead of evaluated. It charges the
/// steps Binary does, in the same order: the comparison, then each side.
struct CompareConst : Node {
  BinOp op;
  NodePtr other;
  const Value* k;      // the constant node's value
  bool const_first;    // the constant is the left operand
  NodePtr keep;        // the constant's node, which owns `k`
  CompareConst(BinOp o, NodePtr x, NodePtr c, bool first)
      : op(o), other(std::move(x)), k(c->constant()), const_first(first), keep(std::move(c)) {}
  Value eval(Env& e) const override { return Value::boolean(test(e)); }
  bool test(Env& e) const override {
    e.step();
    if (const_first) e.step();
    // A number or string constant: the other side through its typed path,
    // no Value built and no equal() / compare() on dynamic kinds. The
    // results are theirs: a side of another kind is unequal and unordered.
    if (k->kind == Kind::number) {
      double x = 0;
      const bool is = other->number(e, x);
      if (!const_first) e.step();
      if (op == BinOp::eq) return is && x == k->num;
      if (op == BinOp::ne) return !(is && x == k->num);
      return is && ordered(const_first ? k->num : x, const_first ? x : k->num);
    }
    if (k->kind == Kind::string) {
      std::string_view x;
      Value keep;
      const bool is = other->string(e, x, keep);
      if (!const_first) e.step();
      if (op == BinOp::eq) return is && x == k->str();
      if (op == BinOp::ne) return !(is && x == k->str());
      if (!is) return false;
      const int c = const_first ? k->str().compare(x) : x.compare(k->str());
      return ordered(c, 0);
    }
    Value x = other->eval(e);
    if (!const_first) e.step();
    if (k->kind == Kind::null) {  // `x == null`: equal() of a null; never ordered
      if (op == BinOp::eq) return x.is_null();
      if (op == BinOp::ne) return !x.is_null();
      return false;
    }
    const Value& a = const_first ? *k : x;
    const Value& b = const_first ? x : *k;
    switch (op) {
      case BinOp::eq: return equal(a, b, e.m);
      case BinOp::ne: return !equal(a, b, e.m);
      default: return compare(op, a, b);
    }
  }
  // compare()'s order of two numbers (or of a comparison result and 0).
  template <class N>
  bool ordered(N a, N b) const {
    const int c = a < b ? -1 : a > b ? 1 : 0;
    switch (op) {
      case BinOp::lt: return c < 0;
      case BinOp::le: return c <= 0;
      case BinOp::gt: return c > 0;
      default: return c >= 0;
    }
  }
};

struct ListNode : Node {
  std::vector<NodePtr> items;
  explicit ListNode(std::vector<NodePtr> x) : items(std::move(x)) {}
  Value eval(Env& e) const override {
    e.step();
    ScratchList out(e);
    for (const NodePtr& n : items) out.items->push_back(n->eval(e));
    return Value::list_from(*out.items);
  }
};

/// The literal text every match of `pattern` starts with (RE2 syntax, UTF-8,
/// unanchored): its leading run of plain characters, when no alternation at
/// the top level could start a match elsewhere. A text without it cannot
/// match, so the search is skipped (JF207's 设立.*(机构|办公室) against
/// every indicator). Conservative: anything unusual gives no lead.
std::string_view literal_lead(std::string_view p) {
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') ++i;
    else if (in_class) in_class = c != ']';
    else if (c == '[') in_class = true;
    else if (c == '(') ++depth;
    else if (c == ')') --depth;
    else if (c == '|' && depth == 0) return {};
  }
  size_t n = 0;
  auto plain = [](char c) {
    switch (c) {
      case '\\': case '.': case '^': case '$': case '|': case '?': case '*': case '+':
      case '(': case ')': case '[': case ']': case '{': case '}': case '\0': return false;
      default: return true;
    }
  };
  while (n < p.size() && plain(p[n])) ++n;
  if (n < p.size() && (p[n] == '?' || p[n] == '*' || p[n] == '+' || p[n] == '{')) {
    // The quantifier applies to the run's last character: drop it.
    while (n > 0 && (static_cast<unsigned char>(p[n - 1]) & 0xC0) == 0x80) --n;
    if (n > 0) --n;
  }
  return p.substr(0, n);
}

struct Matches : Node {
  NodePtr s, pattern;
  std::shared_ptr<const re2::RE2> re;
  std::string_view lead;  // of a literal pattern (`re`)
  Matches(NodePtr a, NodePtr p, std::shared_ptr<const re2::RE2> r)
      : s(std::move(a)), pattern(std::move(p)), re(std::move(r)) {
    if (re) lead = literal_lead(re->pattern());
  }
  Value eval(Env& e) const override { return Value::boolean(test(e)); }
  bool test(Env& e) const override {
    e.step();
    Value x = s->eval(e);
    if (x.kind != Kind::string) return false;
    e.charge(x.n / 64);  // before the search: the budget stops it, not the next step
    const re2::RE2* r = re.get();
    std::string_view need = lead;
    if (!r) {
      const Env::SeenRegex& d = dynamic(e);
      r = d.re, need = d.lead;
    }
    e.regex_units += uint64_t{x.n} * static_cast<uint64_t>(r->ProgramSize());
    if (e.regex_units > kRegexUnits)
      fail(msg("rules_run.regex_units", {arg("units", fmt::format("{}", kRegexUnits))}));
    // Charged as a search either way; only the search itself is skipped.
    // memmem, as string_view::find stops at every byte equal to the lead's
    // first, and most CJK characters share it.
    if (!need.empty() && !memmem(x.ptr, x.n, need.data(), need.size())) return false;
    return re2::RE2::PartialMatch(re2::StringPiece(x.str().data(), x.n), *r);
  }
  const Env::SeenRegex& dynamic(Env& e) const {
    Value p = pattern->eval(e);
    if (p.kind != Kind::string) fail(msg("rules_run.pattern_null"));
    for (const Env::SeenRegex& r : e.regex_seen)
      if (r.data == p.ptr && r.size == p.n) return r;
    const re2::RE2* r = compiled(e, p);
    if (e.regex_seen.size() >= 16) e.regex_seen.erase(e.regex_seen.begin());
    return e.regex_seen.emplace_back(Env::SeenRegex{p.str().data(), p.n, p.hold, r, literal_lead(r->pattern())});
  }
  const re2::RE2* compiled(Env& e, const Value& p) const {
    if (auto it = e.regex_cache.find(p.str()); it != e.regex_cache.end()) return it->second.get();
    if (e.regex_cache.size() >= 1000) fail(msg("rules_run.too_many_regexes"));
    // Patterns usually come from a rule's parameters and recur in every file
    // a thread checks: compiled ones are kept per thread (a bounded number),
    // as compiling cost more than checking a county scheme's other rules.
    thread_local Env::RegexCache kept;
    std::shared_ptr<const re2::RE2> re;
    if (auto it = kept.find(p.str()); it != kept.end()) {
      re = it->second;
    } else {
      re2::RE2::Options o;
      o.set_log_errors(false);
      o.set_max_mem(8 << 20);
      re = std::make_shared<const re2::RE2>(std::string(p.str()), o);
      if (!re->ok()) fail(msg("rules_run.regex_invalid", {arg("error", re->error())}));
      if (re->ProgramSize() > kMaxRegexProgram)
        fail(msg("rules_run.regex_too_complex", {arg("size", fmt::format("{}", re->ProgramSize())),
                                                 arg("limit", fmt::format("{}", kMaxRegexProgram))}));
      if (kept.size() < 256) kept.emplace(std::string(p.str()), re);
    }
    return e.regex_cache.emplace(std::string(p.str()), std::move(re)).first->second.get();
  }
};

}  // namespace

NodePtr make_const(Value v) { return std::make_unique<Const>(std::move(v)); }
NodePtr make_const_list(std::vector<Value> items) { return std::make_unique<Const>(std::move(items)); }
NodePtr make_slot(int slot) { return std::make_unique<Slot>(slot); }
NodePtr make_global(Accessor get) { return std::make_unique<Global>(get); }
NodePtr make_field(NodePtr base, const Field& f) {
  if (auto* s = dynamic_cast<const Slot*>(base.get())) return std::make_unique<SlotField>(s->slot, f);
  return std::make_unique<FieldNode>(std::move(base), f);
}
NodePtr make_param(const Value* v) { return std::make_unique<Param>(v); }
NodePtr make_bucket_field(NodePtr base, int which) {
  return std::make_unique<BucketField>(std::move(base), which);
}
NodePtr make_neg(NodePtr a) { return std::make_unique<Neg>(std::move(a)); }
NodePtr make_not(NodePtr a) { return std::make_unique<Not>(std::move(a)); }
NodePtr make_binary(BinOp op, NodePtr a, NodePtr b) {
  const bool comparison = op == BinOp::eq || op == BinOp::ne || op == BinOp::lt || op == BinOp::le ||
                          op == BinOp::gt || op == BinOp::ge;
  if (comparison && b->constant() && !a->constant())
    return std::make_unique<CompareConst>(op, std::move(a), std::move(b), false);
  if (comparison && a->constant() && !b->constant())
    return std::make_unique<CompareConst>(op, std::move(b), std::move(a), true);
  return std::make_unique<Binary>(op, std::move(a), std::move(b));
}
NodePtr make_list(std::vector<NodePtr> items) { return std::make_unique<ListNode>(std::move(items)); }
NodePtr make_matches(NodePtr s, NodePtr p, std::shared_ptr<const re2::RE2> re) {
  return std::make_unique<Matches>(std::move(s), std::move(p), std::move(re));
}

}  // namespace jf::rt
