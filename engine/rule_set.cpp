#include "engine/rule_set.hpp"

#include "base/spelling.hpp"


#include "engine/rule_compiler.hpp"

#include <algorithm>  // std::find over a text's holes

namespace jf {

namespace {

constexpr uint64_t kStepBudget = 10'000'000;
constexpr size_t kMaxFindings = 200;

/// Runs one rule's clauses for every binding of its `for` variables.
class Runner {
 public:
  Runner(const rt::Program& p, const RuleMeta& meta, rt::Env& env, std::vector<Diagnostic>& out)
      : p_(p), meta_(meta), env_(env), out_(out) {
    for (size_t k = 0; k < p_.steps.size(); ++k)
      if (p_.steps[k].kind == rt::Step::Kind::for_ || p_.steps[k].kind == rt::Step::Kind::where) tail_ = k + 1;
  }

  size_t found = 0;

  void run(size_t k) {
    if (k == p_.steps.size()) return emit();
    // Past the last `for` and `where` every binding is one finding. Once the
    // shown ones are all found, the rest are only counted: their `let`s
    // (often the costliest part, e.g. naming related items) are not run.
    if (k >= tail_ && found >= kMaxFindings) {
      ++found;
      return;
    }
    const rt::Step& s = p_.steps[k];
    switch (s.kind) {
      case rt::Step::Kind::for_: {
        rt::Value l = s.expr->eval(env_);
        if (l.kind != rt::Kind::list) return;
        for (size_t i = 0; i < l.n; ++i) {
          env_.step();
          rt::item_into(env_.slots[s.slot], l, i, env_.m);
          run(k + 1);
        }
        return;
      }
      case rt::Step::Kind::let:
      case rt::Step::Kind::at:
        env_.slots[s.slot] = s.expr->eval(env_);
        return run(k + 1);
      case rt::Step::Kind::where:
        if (s.expr->test(env_)) run(k + 1);
        return;
    }
  }

 private:
  Span where() const {
    Span span;
    if (p_.at_slot >= 0 && rt::span_of(env_.slots[p_.at_slot], env_.m, span)) return span;
    for (auto it = p_.for_slots.rbegin(); it != p_.for_slots.rend(); ++it)
      if (rt::span_of(env_.slots[*it], env_.m, span)) return span;
    return env_.m.scheme.info.span;
  }

  /// The message or help of this finding: the rule's template and the
  /// values of the holes it names.
  /// A hole the help does not name is moved into the message, not copied.
  static Message text(const rt::RuleText& t, std::vector<MessageArg>& values, const rt::RuleText& later) {
    if (!t.tmpl) return {};
    std::vector<MessageArg> args;
    args.reserve(t.holes.size());
    for (int h : t.holes) {
      const bool again = later.tmpl && std::find(later.holes.begin(), later.holes.end(), h) != later.holes.end();
      args.push_back(again ? values[h] : std::move(values[h]));
    }
    return Message(t.tmpl, std::move(args));
  }
  /// The same for the last text built from `values`: its arguments are
  /// moved out (a text names each hole once), not copied.
  static Message last_text(const rt::RuleText& t, std::vector<MessageArg>& values) {
    if (!t.tmpl) return {};
    std::vector<MessageArg> args;
    args.reserve(t.holes.size());
    for (int h : t.holes) args.push_back(std::move(values[h]));
    return Message(t.tmpl, std::move(args));
  }

  // A finding is the rule, its place and the values of its holes: each hole
  // is evaluated once here, and the texts are rendered later in the one
  // language the run prints (base/message.hpp).
  void emit() {
    if (++found > kMaxFindings) return;
    std::vector<MessageArg> values;
    values.reserve(p_.holes.size());
    for (size_t h = 0; h < p_.holes.size(); ++h)
      values.push_back(rt::message_arg(p_.hole_names[h], p_.holes[h]->eval(env_), env_.m));
    // Built in place: a Diagnostic is some fifteen strings and vectors, and
    // a temporary would be moved and destroyed once more per finding.
    Diagnostic& d = out_.emplace_back();
    d.rule = meta_.id;
    d.name = meta_.name;
    d.category = meta_.category;
    d.severity = meta_.severity;
    d.span = where();
    d.message = text(p_.message, values, p_.help);
    d.help = last_text(p_.help, values);
  }

  const rt::Program& p_;
  const RuleMeta& meta_;
  rt::Env& env_;
  size_t tail_ = 0;  // steps from here on are `let` and `at` only
  std::vector<Diagnostic>& out_;
};

// A rule's findings go straight into `out`, each moved once; a run-time
// error takes back the ones this rule had added and leaves one JF010.
void run_rule(const RuleMeta& meta, const rt::Program& p, const rt::Model& m, std::vector<Diagnostic>& out) {
  rt::Env env(m, p.slots, kStepBudget);
  const size_t first = out.size();
  Runner runner(p, meta, env, out);
  try {
    runner.run(0);
    rt::last_steps().emplace_back(meta.id, env.steps);
    rt::last_regex_units() += env.regex_units;
  } catch (const rt::RuntimeError& e) {
    rt::last_steps().emplace_back(meta.id, env.steps);
    rt::last_regex_units() += env.regex_units;
    out.erase(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
    out.push_back({.rule = "JF010",
                   .name = "rule-error",
                   .category = "structure",
                   .severity = Severity::error,
                   .span = m.scheme.info.span,
                   .message = msg("rules_run.failed", {arg("rule", meta.id)}).append(e.message),
                   .help = msg("rules_run.failed.help")});
    return;
  }
  if (runner.found > kMaxFindings) {
    size_t more = runner.found - kMaxFindings;
    out.push_back({.rule = meta.id,
                   .name = meta.name,
                   .category = meta.category,
                   .severity = meta.severity,
                   .span = m.scheme.info.span,
                   .message = msg("rules_run.more_findings", {arg("more", more), arg("rule", meta.id)})});
  }
}

}  // namespace

std::vector<std::pair<std::string_view, uint64_t>>& rt::last_steps() {
  thread_local std::vector<std::pair<std::string_view, uint64_t>> steps;
  return steps;
}

uint64_t& rt::last_regex_units() {
  thread_local uint64_t units = 0;
  return units;
}

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

bool RuleSet::add_rules(const rules_ast::File& ast, const SourceSet& sources, uint32_t file, bool builtin,
                        std::vector<Diagnostic>& errors) {
  bool ok = true;
  for (const rules_ast::Rule& r : ast.rules) {
    RuleMeta meta;
    meta.builtin = builtin;
    auto compiled = std::make_unique<CompiledRule>();
    if (!rt::compile_rule(r, sources[file], file, meta, compiled->program, errors)) {
      ok = false;
      continue;
    }
    if (const RuleMeta* old = find(meta.id)) {
      bool shadow = old->builtin && !builtin;
      errors.push_back(rt::compile_error(
          meta.span,
          msg(shadow ? "rules_run.duplicate_builtin_id" : "rules_run.duplicate_id", {arg("rule", meta.id)}),
          msg("rules_run.duplicate_id.help")));
      ok = false;
      continue;
    }
    meta_.push_back(std::move(meta));
    compiled_.push_back(std::move(compiled));
    enabled_.push_back(1);
  }
  return ok;
}

const std::vector<RuleMeta>& RuleSet::rules() const { return meta_; }

const RuleMeta* RuleSet::find(std::string_view id) const {
  for (const RuleMeta& m : meta_)
    if (m.id == id) return &m;
  return nullptr;
}

namespace {

/// A parameter value's type as a catalogue word ("list of string", 字符串列表).
MessageArg param_type_arg(std::string name, const ParamValue& v) {
  auto scalar = [](std::string n, const ParamValue::Scalar& s) {
    return word(std::move(n), std::holds_alternative<double>(s) ? "rules_types.number"
                              : std::holds_alternative<bool>(s) ? "rules_types.bool"
                                                                : "rules_types.string");
  };
  if (auto l = std::get_if<std::vector<ParamValue::Scalar>>(&v.value))
    return l->empty() ? word(std::move(name), "rules_types.list")
                      : keyed(std::move(name), "rules_types.list_of", {scalar("item", (*l)[0])});
  return std::visit(
      [&](auto&& x) -> MessageArg {
        using V = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<V, std::vector<ParamValue::Scalar>>) return word(name, "rules_types.list");
        else return scalar(name, ParamValue::Scalar(x));
      },
      v.value);
}

}  // namespace

std::optional<Message> RuleSet::set_param(std::string_view rule_id, std::string_view param, const ParamValue& v) {
  for (size_t k = 0; k < meta_.size(); ++k) {
    if (meta_[k].id != rule_id) continue;
    for (size_t i = 0; i < meta_[k].params.size(); ++i) {
      RuleParam& p = meta_[k].params[i];
      if (p.name != param) continue;
      std::string want = rt::param_type(p.default_value), got = rt::param_type(v);
      bool lists = want.starts_with("list") && got.starts_with("list");
      if (want != got && !(lists && (want == "list" || got == "list")))
        return msg("rules_params.wrong_type", {arg("param", param), arg("rule", rule_id),
                                               param_type_arg("want", p.default_value), param_type_arg("got", v)});
      if (want == "number") {
        // A share (its default lies between 0 and 1) must stay one: 30
        // would switch the rule off silently. Counts and limits are ≥ 0.
        const double d = std::get<double>(p.default_value.value), x = std::get<double>(v.value);
        const bool percent = x > 1 && x <= 100;
        if (d > 0 && d < 1 && (x < 0 || x > 1))
          return msg("rules_params.not_a_share",
                     {arg("param", param), arg("rule", rule_id), arg("default", d), arg("value", x),
                      arg("share", percent ? x / 100 : 0.3), arg("percent", percent ? x : 30.0)});
        if (x < 0) return msg("rules_params.negative", {arg("param", param), arg("rule", rule_id), arg("value", x)});
      }
      p.default_value = v;
      *compiled_[k]->program.params[i] = rt::param_value(v);
      return std::nullopt;
    }
    std::vector<std::string_view> names;
    for (const RuleParam& p : meta_[k].params) names.push_back(p.name);
    std::string_view guess = did_you_mean(param, names);
    if (!guess.empty())
      return msg("rules_params.unknown_guess", {arg("rule", rule_id), arg("param", param), arg("guess", guess)});
    return msg("rules_params.unknown", {arg("rule", rule_id), arg("param", param)});
  }
  return msg("rules_params.unknown_rule", {arg("rule", rule_id)});
}

void RuleSet::set_severity(std::string_view rule_id, Severity s) {
  for (RuleMeta& m : meta_)
    if (m.id == rule_id) m.severity = s;
}

void RuleSet::set_enabled(std::string_view rule_id, bool on) {
  for (size_t k = 0; k < meta_.size(); ++k)
    if (meta_[k].id == rule_id) enabled_[k] = on;
}

bool RuleSet::enabled(std::string_view rule_id) const {
  for (size_t k = 0; k < meta_.size(); ++k)
    if (meta_[k].id == rule_id) return enabled_[k] != 0;
  return true;  // ids not in the set (parser and model checks) are on
}

std::vector<Diagnostic> RuleSet::evaluate(const Scheme& scheme, const Facts& facts) const {
  std::vector<Diagnostic> out;
  evaluate(scheme, facts, out);
  return out;
}

void RuleSet::evaluate(const Scheme& scheme, const Facts& facts, std::vector<Diagnostic>& out) const {
  // Room for as many findings as the last scheme this thread checked gave:
  // files of one run are alike, and a Diagnostic moved on each doubling of
  // the vector costs some 400 instructions.
  thread_local size_t last_found = 0;
  const size_t first = out.size();
  out.reserve(first + last_found);
  rt::last_steps().clear();
  rt::last_regex_units() = 0;
  rt::Model m(scheme, facts);
  for (size_t k = 0; k < meta_.size(); ++k)
    if (enabled_[k] && !meta_[k].native) run_rule(meta_[k], compiled_[k]->program, m, out);
  last_found = out.size() - first;
}

}  // namespace jf
