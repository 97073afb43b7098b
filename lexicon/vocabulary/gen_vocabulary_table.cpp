// Build tool: compiles lexicon/vocabulary/*.yaml (the words and patterns the
// readers match in scheme text, docs/lexicon.md "Reader vocabulary") into the
// table base/vocabulary_table.hpp declares, so reading them costs nothing at
// run time and base/ needs no YAML parser. Refuses (exit 1, file:line: why) a
// file without its leading comment, a key that is not dotted lower-case
// words, a duplicate key, an empty list, or a value that is neither text nor
// a list of texts or of `word: name` pairs.
//
//   gen_vocabulary_table OUT.cpp FILE.yaml...
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cmake/generator_util.hpp"

namespace {

using gen::fail;
using gen::literal;
using gen::where;

struct Row {
  std::vector<std::string> words;
  std::string where;
  bool pairs = false;  // a list of `word: name` pairs, stored word, name, word, name …
};

// Adds the words under `node` as `key`; a map nests (its keys join with dots).
void add(std::map<std::string, Row>& table, const std::string& file, const std::string& key, const YAML::Node& node,
         const YAML::Node& key_node) {
  static const std::regex key_shape("[a-z0-9_]+(\\.[a-z0-9_]+)+");
  const std::string at = where(file, key_node);
  if (node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      const YAML::Node k = it->first, v = it->second;  // copies: the iterator's pair is a temporary
      add(table, file, key + "." + k.as<std::string>(), v, k);
    }
    return;
  }
  if (!std::regex_match(key, key_shape)) fail(at, "key `" + key + "` is not dotted lower-case words");
  if (table.count(key)) fail(at, "key `" + key + "` is already defined at " + table[key].where);
  Row row{{}, at};
  if (node.IsScalar()) {
    row.words.push_back(node.as<std::string>());
  } else if (node.IsSequence()) {
    bool first = true;
    for (const YAML::Node& w : node) {
      const bool pair = w.IsMap() && w.size() == 1;
      if (!w.IsScalar() && !pair)
        fail(where(file, w), "`" + key + "`: every entry must be a word or pattern, or one `word: name` pair");
      if (!first && pair != row.pairs) fail(where(file, w), "`" + key + "` mixes words and `word: name` pairs");
      first = false, row.pairs = pair;
      if (!pair) {
        row.words.push_back(w.as<std::string>());
        continue;
      }
      const auto it = w.begin();
      if (!it->second.IsScalar()) fail(where(file, w), "`" + key + "`: a pair's name must be text");
      row.words.push_back(it->first.as<std::string>());
      row.words.push_back(it->second.as<std::string>());
    }
  } else {
    fail(at, "`" + key + "` needs a word, a pattern or a list of them");
  }
  if (row.words.empty()) fail(at, "`" + key + "` is an empty list");
  for (const std::string& w : row.words)
    if (w.empty()) fail(at, "`" + key + "` has an empty entry");
  table.emplace(key, std::move(row));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) fail("gen_vocabulary_table", "usage: gen_vocabulary_table OUT.cpp FILE.yaml...");
  std::map<std::string, Row> table;
  for (int f = 2; f < argc; ++f) {
    std::string file = argv[f];
    std::ifstream in(file, std::ios::binary);
    std::string first;
    std::getline(in, first);
    if (first.rfind("#", 0) != 0) fail(file + ":1", "a vocabulary file starts with a comment: what it is for, who reads it");
    YAML::Node root;
    try {
      root = YAML::LoadFile(file);
    } catch (const YAML::Exception& e) {
      fail(file + ":" + std::to_string(e.mark.line + 1), e.msg);
    }
    if (!root.IsMap()) fail(file, "a vocabulary file is a map of names to words or patterns");
    const std::string stem = std::filesystem::path(file).stem().string();
    for (auto it = root.begin(); it != root.end(); ++it) {
      const YAML::Node k = it->first, v = it->second;
      add(table, file, stem + "." + k.as<std::string>(), v, k);
    }
  }
  std::ostringstream out;
  out << "// Generated from lexicon/vocabulary/*.yaml by lexicon/vocabulary/gen_vocabulary_table.cpp. Do not edit.\n"
         "#include \"base/vocabulary_table.hpp\"\n"
         "namespace jf {\n"
         "namespace {\n";
  size_t n = 0;
  for (const auto& [key, row] : table) {
    out << "constexpr std::string_view w" << n++ << "[] = {";
    for (size_t i = 0; i < row.words.size(); ++i) out << (i ? ", " : "") << literal(row.words[i]);
    out << "};\n";
  }
  out << "constexpr VocabularyRow kRows[] = {\n";
  n = 0;
  for (const auto& [key, row] : table) out << "    {" << literal(key) << ", w" << n++ << ", " << (row.pairs ? "true" : "false") << "},\n";
  out << "};\n"
         "}  // namespace\n"
         "std::span<const VocabularyRow> vocabulary_table() { return kRows; }\n"
         "}  // namespace jf\n";
  return gen::write_if_changed(argv[1], out.str());
}
