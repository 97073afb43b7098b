#include "pipeline/rule_loader.hpp"

#include <string>
#include <utility>

#include "dsl/byte_checks.hpp"
#include "dsl/rules_grammar.hpp"
#include "engine/rule_compiler.hpp"
#include "pipeline/builtin_rules.hpp"

namespace jf {

bool add_rule_file(RuleSet& set, const SourceSet& sources, uint32_t file, bool builtin,
                   std::vector<Diagnostic>& errors, const Limits& limits) {
  // The byte checks schemes get, before the grammar sees the text.
  if (auto bad = first_byte_problem(sources[file])) {
    Diagnostic d = rt::compile_error({file, bad->at, bad->at + 1}, Text{}, Text{});
    d.message = std::move(bad->message);  // catalogue keys (messages/parse_input.yaml)
    d.help = std::move(bad->help);
    errors.push_back(std::move(d));
    return false;
  }
  std::vector<rules_ast::SyntaxError> syntax;
  rules_ast::File ast = parse_rules(sources, file, limits, syntax);
  bool ok = syntax.empty();
  for (auto& e : syntax) errors.push_back(rt::compile_error(e.span, std::move(e.message), std::move(e.help)));
  // Rules that parsed are still compiled, so one run reports both kinds.
  return set.add_rules(ast, sources, file, builtin, errors) && ok;
}

bool add_builtin_rules(RuleSet& set, SourceSet& sources, std::vector<Diagnostic>& errors,
                       const Limits& limits) {
  bool ok = true;
  for (const EmbeddedFile& f : builtin_rule_files())
    ok = add_rule_file(set, sources, sources.add(std::string(f.path), std::string(f.text)), true, errors, limits) && ok;
  return ok;
}

}  // namespace jf
