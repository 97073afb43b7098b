// Compiled rule packs: load .rules files once, then evaluate them on schemes.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dsl/source.hpp"
#include "engine/diagnostic.hpp"
#include "engine/facts.hpp"
#include "engine/model.hpp"

namespace jf {

/// A parameter value: a number, string, bool, or a list of those.
struct ParamValue {
  using Scalar = std::variant<double, std::string, bool>;
  std::variant<double, std::string, bool, std::vector<Scalar>> value;
};

struct RuleParam {
  std::string name;
  ParamValue default_value;
  std::string default_text;  // the default as written in the rule file
};

/// Everything `jianfu rules`, `explain`, SARIF descriptors and the config
/// need to know about a rule.
struct RuleMeta {
  std::string id, name, category;
  Severity severity = Severity::warning;
  Text summary, explain, message, help;
  std::string example;  // a scheme snippet that fires the rule
  std::vector<RuleParam> params;
  bool native = false;  // logic in C++ (JF0xx); the file holds metadata only
  bool builtin = false;
  Span span;            // the rule's header in its file
};

struct CompiledRule;  // defined by the evaluator

/// A set of compiled rules. Compiling is done once; evaluation is const and
/// thread-safe, so one RuleSet serves every file of a run.
class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  /// Parses and type-checks file `file` of `sources` and adds its rules
  /// (`builtin` marks the embedded pack). Problems are appended to `errors`
  /// with positions in that file (a rule file that does not compile, an id
  /// used twice); returns false when there was any.
  bool add_file(const SourceSet& sources, uint32_t file, bool builtin,
                std::vector<Diagnostic>& errors);

  /// Rules in load order.
  const std::vector<RuleMeta>& rules() const;
  const RuleMeta* find(std::string_view id) const;

  /// Overrides a parameter's value (from a config file). Returns an error
  /// message (English) when the rule or parameter does not exist or the type
  /// differs from the default's; empty on success.
  std::string set_param(std::string_view rule_id, std::string_view param, const ParamValue& v);
  /// Sets a rule's severity (config override).
  void set_severity(std::string_view rule_id, Severity s);
  /// Enables or disables a rule (select/ignore); all are enabled by default.
  void set_enabled(std::string_view rule_id, bool enabled);
  bool enabled(std::string_view rule_id) const;

  /// Runs every enabled non-native rule on one scheme. Findings carry the
  /// rule's id, name, category and (possibly overridden) severity; messages
  /// and help in both languages (or English only). A rule failing at run
  /// time yields one JF010 finding instead of its findings.
  std::vector<Diagnostic> evaluate(const Scheme& scheme, const Facts& facts, Texts texts = Texts::both) const;

 private:
  std::vector<RuleMeta> meta_;
  std::vector<std::unique_ptr<CompiledRule>> compiled_;  // parallel to meta_
  std::vector<char> enabled_;
};

}  // namespace jf
