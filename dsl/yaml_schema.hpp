// The scheme schema of the YAML form: walks a YamlTree and fills the model.
#pragma once
#include <cstdint>

#include "base/limits.hpp"
#include "dsl/scheme_loader.hpp"
#include "base/source.hpp"
#include "dsl/yaml_tree.hpp"

namespace jf {

/// Fills `out.scheme` from the document `tree` of file `file`, appending JF001
/// findings for schema problems and skipping the bad field or element. Never
/// recurses: the schema's nesting is fixed (docs/scheme-yaml.md).
void read_scheme(const YamlTree& tree, const SourceSet& sources, uint32_t file,
                 const Limits& limits, LoadResult& out);

}  // namespace jf
