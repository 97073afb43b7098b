// A tree written out node by node (kind, plain, span, tag, text, children),
// so that a test or the fuzz target can hold two YAML readers to the same
// tree with one string comparison and show the first difference.
#pragma once
#include <string>

#include "dsl/yaml_tree.hpp"

namespace jf {

inline void dump_yaml_node(const YamlTree& t, uint32_t id, int depth, std::string& out) {
  const YamlNode& n = t[id];
  out.append(static_cast<size_t>(depth) * 2, ' ');
  out += std::to_string(static_cast<int>(n.kind)) + (n.plain ? "p" : "q") + " [" + std::to_string(n.span.file) + ":" +
         std::to_string(n.span.begin) + "," + std::to_string(n.span.end) + ") tag=" + std::string(n.tag) +
         " text=" + std::string(n.text) + "\n";
  for (uint32_t c : n.children) dump_yaml_node(t, c, depth + 1, out);
}

inline std::string dump_yaml_tree(const YamlTree& t) {
  std::string out;
  dump_yaml_node(t, t.root, 0, out);
  return out;
}

}  // namespace jf
