// What the build-time table generators share (messages/gen_message_table.cpp,
// lexicon/vocabulary/gen_vocabulary_table.cpp): refusing a YAML file with
// file:line, and writing a string as a C++ literal.
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
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

}  // namespace gen
