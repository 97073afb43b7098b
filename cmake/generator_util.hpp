// What the build-time table generators share (messages/gen_message_table.cpp,
// lexicon/vocabulary/gen_vocabulary_table.cpp): refusing a YAML file with
// file:line, writing a string as a C++ literal, and writing the output.
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace gen {

/// Stops the build: `where: why` on stderr, exit 1.
[[noreturn]] inline void fail(const std::string& where, const std::string& why) {
  std::fprintf(stderr, "%s: %s\n", where.c_str(), why.c_str());
  std::exit(1);
}

/// `file:line` of a node, for fail().
inline std::string where(const std::string& file, const YAML::Node& n) {
  return file + ":" + std::to_string(n.Mark().line + 1);
}

/// `s` as a C++ string literal: quotes, backslashes and control bytes
/// escaped, UTF-8 kept as it is.
inline std::string literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

/// Writes `text` to `path` unless the file already holds it, so an unchanged
/// table recompiles nothing. Returns main's exit code.
inline int write_if_changed(const char* path, const std::string& text) {
  std::ifstream old(path, std::ios::binary);
  std::string previous((std::istreambuf_iterator<char>(old)), std::istreambuf_iterator<char>());
  if (previous == text) return 0;
  std::ofstream o(path, std::ios::binary | std::ios::trunc);
  o << text;
  return o ? 0 : 1;
}

}  // namespace gen
