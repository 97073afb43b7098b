#include "render/json_text.hpp"

#include <cstdint>
#include <cstring>

#include "base/utf8.hpp"

namespace jf {

namespace {

// True when none of the 8 bytes of `w` needs escaping or checking: no high
// bit (UTF-8 to validate), no control below 0x20, no '"', no '\\'.
bool plain_ascii(uint64_t w) {
  constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto has_zero = [&](uint64_t x) { return (x - ones) & ~x & highs; };
  if (w & highs) return false;
  return (((w - 0x20 * ones) & ~w & highs) | has_zero(w ^ ('"' * ones)) | has_zero(w ^ ('\\' * ones))) == 0;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const size_t start = out.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  out += '"';
  size_t run = 0;  // start of the bytes copied as they are
  // One pass escapes and validates; invalid UTF-8 (rare) drops what was
  // written and lets nlohmann do its exact replacement of the whole string.
  for (size_t i = 0; i < n;) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (plain_ascii(w)) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c >= 0x80) {
      size_t len = utf8::valid_length(p + i, n - i);
      if (len == 0) {
        out.resize(start);
        out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += len;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(s.substr(run, i - run));
    run = ++i;
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
