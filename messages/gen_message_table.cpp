// Build tool: compiles messages/*.yaml into the table base/message_table.hpp
// declares. Run by CMake; refuses (exit 1, file:line: why) a catalogue with a
// duplicate key, a key without both languages, an unbalanced brace, or
// templates whose languages name different arguments, so a broken catalogue
// fails the build rather than a user's run.
//
//   gen_message_table OUT.cpp FILE.yaml...
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "cmake/generator_util.hpp"

namespace {

using gen::fail;
using gen::literal;
using gen::where;

struct Entry {
  std::string en, zh, where;
};

// The argument names of a template; fails on a lone brace.
std::set<std::string> placeholders(const std::string& t, const std::string& at) {
  std::set<std::string> names;
  for (size_t i = 0; i < t.size(); ++i) {
    if ((t[i] == '{' || t[i] == '}') && i + 1 < t.size() && t[i + 1] == t[i]) {
      ++i;
      continue;
    }
    if (t[i] == '}') fail(at, "a lone `}` (write `}}` for a brace)");
    if (t[i] != '{') continue;
    size_t close = t.find('}', i + 1);
    if (close == std::string::npos) fail(at, "a `{` without `}` (write `{{` for a brace)");
    std::string name = t.substr(i + 1, close - i - 1);
    // `{n?one|other}`: the argument n chooses a form (English plurals).
    static const std::regex ident("[a-z_][a-z0-9_]*(\\?[^|{}]*\\|[^|{}]*)?");
    if (!std::regex_match(name, ident))
      fail(at, "`{" + name + "}` is not an argument (`{name}` or `{name?one|other}`)");
    name = name.substr(0, name.find('?'));
    names.insert(name);
    i = close;
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) fail("gen_message_table", "usage: gen_message_table OUT.cpp FILE.yaml...");
  std::map<std::string, Entry> table;
  static const std::regex key_shape("[a-z0-9_]+(\\.[a-z0-9_]+)+");
  for (int f = 2; f < argc; ++f) {
    std::string file = argv[f];
    YAML::Node root;
    try {
      root = YAML::LoadFile(file);
    } catch (const YAML::Exception& e) {
      fail(file + ":" + std::to_string(e.mark.line + 1), e.msg);
    }
    if (!root.IsMap()) fail(file, "the catalogue must be a map of keys");
    for (auto it = root.begin(); it != root.end(); ++it) {
      std::string key = it->first.as<std::string>();
      std::string at = where(file, it->first);
      if (!std::regex_match(key, key_shape)) fail(at, "key `" + key + "` is not dotted lower-case words");
      if (table.count(key)) fail(at, "key `" + key + "` is already defined at " + table[key].where);
      const YAML::Node v = it->second;  // a copy: it->second is part of a temporary
      if (!v.IsMap() || v.size() != 2 || !v["en"] || !v["zh"] || !v["en"].IsScalar() || !v["zh"].IsScalar())
        fail(at, "`" + key + "` needs exactly `en:` and `zh:` texts");
      Entry e{v["en"].as<std::string>(), v["zh"].as<std::string>(), at};
      if (e.en.empty() || e.zh.empty()) fail(at, "`" + key + "` has an empty text");
      if (placeholders(e.en, at + " (en)") != placeholders(e.zh, at + " (zh)"))
        fail(at, "`" + key + "`: the English and Chinese texts name different arguments");
      table.emplace(key, std::move(e));
    }
  }
  std::ostringstream out;
  out << "// Generated from messages/*.yaml by messages/gen_message_table.cpp. Do not edit.\n"
         "#include \"base/message_table.hpp\"\n"
         "namespace jf {\n"
         "namespace {\n"
         "constexpr MessageEntry kEntries[] = {\n";
  for (const auto& [key, e] : table)
    out << "    {" << literal(key) << ", " << literal(e.en) << ", " << literal(e.zh) << "},\n";
  out << "};\n"
         "}  // namespace\n"
         "std::span<const MessageEntry> message_table() { return kEntries; }\n"
         "}  // namespace jf\n";
  return gen::write_if_changed(argv[1], out.str());
}
