// The evaluator's building blocks: the per-rule environment with its step
// budget, and the node tree the compiler builds (one virtual eval per node).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "base/message.hpp"
#include "base/span.hpp"
#include "engine/rule_model.hpp"
#include "engine/rule_types.hpp"
#include "engine/rule_value.hpp"

namespace re2 {
class RE2;
}

namespace jf::rt {

/// A rule failing at run time (division by zero, empty min, budget, …). Thrown
/// inside the evaluator only; RuleSet::evaluate turns it into one JF010 finding.
struct RuntimeError {
  Message message;
};

/// State of one rule's evaluation on one scheme.
struct Env {
  Env(const Model& model, size_t slots, uint64_t budget);
  ~Env();
  const Model& m;
  std::vector<Value> slots;  // for/let variables and lambda parameters
  uint64_t steps = 0;
  uint64_t budget;
  /// Regular-expression work so far, in bytes searched × program
  /// instructions: RE2 is linear in each, but a pattern whose DFA does not
  /// fit falls back to a search costing up to ~100 ns per unit, so steps
  /// (len/64) alone under-charge it (issue 18). Bounded by kRegexUnits.
  uint64_t regex_units = 0;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  /// Dynamic `matches` patterns an evaluation has used (at most 1,000).
  using RegexCache = std::unordered_map<std::string, std::shared_ptr<const re2::RE2>, Hash, std::equal_to<>>;
  RegexCache regex_cache;
  /// The last patterns used, by address: a few pointer compares instead of
  /// hashing the pattern for every element (JF207, JF307 run their
  /// parameters' patterns on every indicator). `keep` holds a computed
  /// pattern string alive, so its address cannot be reused for another.
  struct SeenRegex {
    const char* data;
    uint32_t size;
    std::shared_ptr<const void> keep;
    const re2::RE2* re;
    std::string_view lead;  // literal_lead of the pattern
  };
  std::vector<SeenRegex> regex_seen;
  /// The last join() whose result is one stable text (the model's) and
  /// then separators only: the result's bytes and that text, so a lexicon
  /// search of the result can reuse the text's (Model::lexicon_hits_after,
  /// which checks the bytes again: a stale record only costs a compare).
  struct Joined {
    const void* text = nullptr;
    std::string_view lead;
  };
  Joined joined;
  /// Vectors that computed lists are built in, one per nesting level and
  /// reused for every element, so building a list allocates only its result
  /// (Value::list_from). Held by pointer: deeper levels never move shallower ones.
  std::vector<std::unique_ptr<std::vector<Value>>> lists;
  size_t list_depth = 0;
  void step() {
    if (++steps > budget) over_budget();
  }
  /// Charges `n` steps for work about to be done (a search over a long
  /// string): call it before the work, so a rule stops at its budget instead
  /// of doing the work first and failing at its next step (or not at all,
  /// when that work was its last).
  void charge(uint64_t n) {
    steps += n;
    if (steps > budget) over_budget();
  }
  [[noreturn]] void over_budget() const;
};

/// The steps each rule charged in the last RuleSet::evaluate on this thread,
/// in rule order (enabled .rules rules only). The step budget is part of the
/// trust model, so a change to the evaluator must charge the same counts:
/// tests/engine_rule_steps_test.cpp pins them.
std::vector<std::pair<std::string_view, uint64_t>>& last_steps();
/// The regular-expression work (Env::regex_units) all rules charged in the
/// last RuleSet::evaluate on this thread: the fuzz targets bound the
/// evaluation's time by its steps and this (docs/security.md).
uint64_t& last_regex_units();

/// A scratch vector of `env` for one list being built, given back on scope
/// exit (also when a run-time error unwinds).
class ScratchList {
 public:
  explicit ScratchList(Env& env) : env_(env) {
    if (env.list_depth == env.lists.size()) env.lists.push_back(std::make_unique<std::vector<Value>>());
    items = env.lists[env.list_depth++].get();
  }
  ~ScratchList() {
    items->clear();
    --env_.list_depth;
  }
  ScratchList(const ScratchList&) = delete;
  ScratchList& operator=(const ScratchList&) = delete;
  std::vector<Value>* items;

 private:
  Env& env_;
};

struct Node {
  virtual ~Node() = default;
  virtual Value eval(Env& env) const = 0;
  /// eval(env).truthy() without building the value: conditions (`where`,
  /// filter/any/all/count lambdas, and/or/not) are compiled to this path.
  /// It charges exactly the steps eval() charges.
  virtual bool test(Env& env) const { return eval(env).truthy(); }
  /// The typed paths of the compiled plan: the number (or string) eval()
  /// would return, without building and copying a Value where the node can
  /// say it directly (constants, parameters, slots, field reads,
  /// arithmetic). False when eval() would return anything else (null, a
  /// bool, a list…). They charge exactly the steps eval() charges.
  virtual bool number(Env& env, double& out) const {
    Value v = eval(env);
    out = v.num;
    return v.kind == Kind::number;
  }
  /// `out` views the string; `keep` holds it when it was computed (a
  /// joined text), so the view lives as long as `keep`.
  virtual bool string(Env& env, std::string_view& out, Value& keep) const {
    keep = eval(env);
    out = keep.str();
    return keep.kind == Kind::string;
  }
  /// The value when the node is a compile-time constant, else null.
  virtual const Value* constant() const { return nullptr; }
};
using NodePtr = std::unique_ptr<Node>;

/// Largest RE2 program (instructions) a `matches` pattern may compile to:
/// `[ab]{999}` repeated five times is refused, `被.{0,12}推广` (121) is not.
inline constexpr int kMaxRegexProgram = 1000;
/// Regex work per rule and file (bytes × instructions): about 0.1-1 s for
/// patterns RE2 runs as a DFA, at most ~100 s for a pathological one.
inline constexpr uint64_t kRegexUnits = uint64_t{1} << 30;

/// Built-in functions (docs/rule-language.md, "Functions").
enum class Fn {
  count, sum, min, max, avg, any, all, filter, map, distinct, group_by, first, join, len,
  contains_any, matched, round, ceil, floor, abs, pct, plural, lexicon,
};

enum class BinOp { add, sub, mul, div, mod, eq, ne, lt, le, gt, ge, in, not_in, contains, and_, or_ };

/// A constant. The node owns the value; what eval() returns borrows from it,
/// so copying it costs no reference counting.
NodePtr make_const(Value v);
/// A list of constants, built once.
NodePtr make_const_list(std::vector<Value> items);
NodePtr make_slot(int slot);
NodePtr make_global(Accessor get);
/// `f.get` reads the field; `f.plain` (a field read as stored) or its typed
/// reads (a derived number, text or bool) answer the typed paths.
NodePtr make_field(NodePtr base, const Field& f);
/// A parameter read at run time from `value` (owned by the compiled rule; set_param may change it).
NodePtr make_param(const Value* value);
NodePtr make_bucket_field(NodePtr base, int which);  // 0 key, 1 items, 2 count
NodePtr make_neg(NodePtr a);
NodePtr make_not(NodePtr a);
NodePtr make_binary(BinOp op, NodePtr a, NodePtr b);
NodePtr make_list(std::vector<NodePtr> items);
/// `s matches PATTERN`; `re` is the precompiled literal pattern, or null for a dynamic one.
NodePtr make_matches(NodePtr s, NodePtr pattern, std::shared_ptr<const re2::RE2> re);
/// A function call; `lambda` is the body of an `x -> e` argument (or null), bound to `slot`.
NodePtr make_call(Fn fn, std::vector<NodePtr> args, NodePtr lambda, int slot);

/// Throws a RuntimeError with `message` (a messages/rules_run.yaml key).
[[noreturn]] void fail(Message message);
/// `v` as a number; null is a run-time error naming `what`.
double number_of(const Value& v, const char* what);
/// The run-time error of number_of for a value that is not a number.
[[noreturn]] void not_a_number(const char* what);

}  // namespace jf::rt
