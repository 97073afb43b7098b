// JSON text written piece by piece, formatted exactly as nlohmann::json's
// dump(2) formats a whole document, so streamed reports equal whole ones.
#pragma once
#include <nlohmann/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jf {

/// Appends `s` as a JSON string literal: escapes as nlohmann does with
/// ensure_ascii off; invalid UTF-8 is replaced by U+FFFD (paths come from users).
void append_json_string(std::string& out, std::string_view s);

/// `j` dumped with an indent step of 2 as if it were nested `indent` spaces
/// deep: every line after the first is shifted right by `indent`.
std::string dump_nested(const nlohmann::ordered_json& j, size_t indent);

/// Writes one JSON value straight into a string, in the layout nlohmann's
/// dump(2) gives it when nested `depth` levels deep (the caller has written
/// the indentation before the value). No tree is built: reports write one
/// such value per finding.
class JsonWriter {
 public:
  JsonWriter(std::string& out, size_t depth) : out_(out), depth_(depth) {}
  JsonWriter& object() { return open('{', false); }
  JsonWriter& array() { return open('[', true); }
  JsonWriter& end();
  JsonWriter& key(std::string_view k);
  JsonWriter& str(std::string_view s);
  JsonWriter& num(uint64_t n);

 private:
  struct Level {
    bool array;
    bool empty;
  };
  JsonWriter& open(char bracket, bool array);
  void element();  // separator and indentation before an array element
  void indent() { out_.append(2 * (depth_ + levels_.size()), ' '); }

  std::string& out_;
  size_t depth_;
  std::vector<Level> levels_;
};

}  // namespace jf
