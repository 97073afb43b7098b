#include "render/json_text.hpp"

#include "base/utf8.hpp"

namespace jf {

void append_json_string(std::string& out, std::string_view s) {
  if (!utf8::valid(s)) {  // rare: let nlohmann do its exact replacement
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the bytes copied as they are
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.substr(run));
  out += '"';
}

JsonWriter& JsonWriter::open(char bracket, bool array) {
  element();
  out_ += bracket;
  levels_.push_back({array, true});
  return *this;
}

JsonWriter& JsonWriter::end() {
  Level done = levels_.back();
  levels_.pop_back();
  if (!done.empty) {
    out_ += '\n';
    indent();
  }
  out_ += done.array ? ']' : '}';
  return *this;
}

void JsonWriter::element() {
  if (levels_.empty() || !levels_.back().array) return;  // top level, or after a key
  out_ += levels_.back().empty ? "\n" : ",\n";
  levels_.back().empty = false;
  indent();
}

JsonWriter& JsonWriter::key(std::string_view k) {
  out_ += levels_.back().empty ? "\n" : ",\n";
  levels_.back().empty = false;
  indent();
  append_json_string(out_, k);
  out_ += ": ";
  return *this;
}

JsonWriter& JsonWriter::str(std::string_view s) {
  element();
  append_json_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::num(uint64_t n) {
  element();
  out_ += std::to_string(n);
  return *this;
}

std::string dump_nested(const nlohmann::ordered_json& j, size_t indent) {
  std::string flat = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(flat.size() + flat.size() / 8);
  for (char c : flat) {  // string literals never hold a raw newline
    out += c;
    if (c == '\n') out.append(indent, ' ');
  }
  return out;
}

}  // namespace jf
