// What the field table (base/model_fields.hpp) publishes: the JSON Schemas
// of the YAML scheme form and of `.jianfu.yaml` (`jianfu schema`,
// docs/schema/), and the field tables of the docs, regenerated between
// markers and checked by ctest like docs/rules.md.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace jf {

/// The JSON Schema (draft 2020-12) of the YAML form of a scheme, from the field table.
std::string scheme_json_schema();

/// One key of `.jianfu.yaml` as the schema describes it.
struct ConfigKey {
  std::string_view key;  // described by `schema.config.<key>` in the catalogue
};
/// The JSON Schema (draft 2020-12) of `.jianfu.yaml`; `keys` are the
/// loader's (dsl/config_loader.hpp), every one described.
std::string config_json_schema();
/// The keys config_json_schema() describes, in its order.
std::vector<std::string_view> config_schema_keys();

/// The generated block named `name` of the docs ("yaml-fields",
/// "assess-words", "assess-statements", "rule-fields"; "formats-COMMAND", the
/// format list of check, rules, score, burden or diff), or nothing when
/// there is no such block.
std::optional<std::string> field_docs_block(std::string_view name);

/// `markdown` with every block between `<!-- BEGIN generated: NAME -->` and
/// `<!-- END generated: NAME -->` regenerated. `error`
/// names an unknown or unclosed block (the text is then unchanged).
std::string regenerate_field_docs(std::string_view markdown, Message& error);

}  // namespace jf
