// Compiled rule packs: load .rules files once, then evaluate them on schemes.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source.hpp"
#include "base/diagnostic.hpp"
#include "base/message.hpp"
#include "engine/facts.hpp"
#include "base/model.hpp"
#include "base/rule_meta.hpp"
#include "base/rules_ast.hpp"

namespace jf {

struct CompiledRule;  // defined by the evaluator

/// A set of compiled rules. Compiling is done once; evaluation is const and
/// thread-safe, so one RuleSet serves every file of a run.
class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  /// Type-checks and adds the rules of `ast`, the parsed file `file` of
  /// `sources` (`builtin` marks the embedded pack). Parsing is the caller's
  /// (pipeline/rule_loader.hpp). Problems are appended to `errors` with
  /// positions in that file (a rule that does not compile, an id used twice);
  /// returns false when there was any.
  bool add_rules(const rules_ast::File& ast, const SourceSet& sources, uint32_t file, bool builtin,
                 std::vector<Diagnostic>& errors);

  /// Rules in load order.
  const std::vector<RuleMeta>& rules() const;
  const RuleMeta* find(std::string_view id) const;

  /// Overrides a parameter's value (from a config file). Returns the problem
  /// (a messages/rules_params.yaml key) when the rule or parameter does not
  /// exist, the type differs from the default's or the number is out of
  /// range; nothing on success.
  std::optional<Message> set_param(std::string_view rule_id, std::string_view param, const ParamValue& v);
  /// Sets a rule's severity (config override).
  void set_severity(std::string_view rule_id, Severity s);
  /// Enables or disables a rule (select/ignore); all are enabled by default.
  void set_enabled(std::string_view rule_id, bool enabled);
  bool enabled(std::string_view rule_id) const;

  /// Runs every enabled non-native rule on one scheme. Findings carry the
  /// rule's id, name, category and (possibly overridden) severity, and
  /// message and help as the rule's templates with the values of their
  /// holes, rendered later in the language the run prints. A rule failing
  /// at run time yields one JF010 finding instead of its findings.
  std::vector<Diagnostic> evaluate(const Scheme& scheme, const Facts& facts) const;
  /// The same, appending to `out` (the pipeline's findings of the file), so
  /// that each finding is moved into place once.
  void evaluate(const Scheme& scheme, const Facts& facts, std::vector<Diagnostic>& out) const;

 private:
  std::vector<RuleMeta> meta_;
  std::vector<std::unique_ptr<CompiledRule>> compiled_;  // parallel to meta_
  std::vector<char> enabled_;
};

}  // namespace jf
