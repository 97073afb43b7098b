#include "cli/lsp_protocol.hpp"

#include <algorithm>

namespace jf::cli {
namespace {

// The deepest nesting of arrays and objects, counted outside strings, so a
// hostile `[[[[…` is refused before a tree of it is built.
int nesting_depth(std::string_view s) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Incoming decode(std::string_view body) {
  Incoming in;
  if (nesting_depth(body) > kMaxJsonDepth) {
    in.error = kInvalidRequest;
    in.problem = "the message nests deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return in;
  }
  json j = json::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded()) {
    in.error = kParseError;
    in.problem = "the message is not valid JSON";
    return in;
  }
  if (!j.is_object()) {
    in.problem = "the message is not a JSON object";
    return in;
  }
  auto id = j.find("id");
  bool has_id = id != j.end() && !id->is_null();
  if (has_id && !id->is_string() && !id->is_number_integer()) {
    in.problem = "the id is neither a number nor a string";
    return in;
  }
  if (has_id) in.id = *id;
  auto method = j.find("method");
  if (method == j.end()) {
    if (has_id && (j.contains("result") || j.contains("error"))) {
      in.kind = Incoming::response;
      return in;
    }
    in.problem = "the message has no method";
    return in;
  }
  if (!method->is_string()) {
    in.problem = "the method is not a string";
    return in;
  }
  in.method = method->get<std::string>();
  if (auto p = j.find("params"); p != j.end()) in.params = *p;
  in.kind = has_id ? Incoming::request : Incoming::notification;
  return in;
}

std::string result_message(const json& id, const json& result) {
  return dump({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

std::string error_message(const json& id, RpcError code, std::string_view message) {
  return dump({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", static_cast<int>(code)}, {"message", message}}}});
}

std::string notification_message(std::string_view method, const json& params) {
  return dump({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
}

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return std::nullopt;
  uri.remove_prefix(kScheme.size());
  size_t slash = uri.find('/');  // skip an authority (`file://localhost/…`)
  if (slash == std::string_view::npos) return std::nullopt;
  uri.remove_prefix(slash);
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '%') {
      path += uri[i];
      continue;
    }
    int hi = i + 2 < uri.size() ? hex_value(uri[i + 1]) : -1, lo = hi >= 0 ? hex_value(uri[i + 2]) : -1;
    if (lo < 0) return std::nullopt;
    char c = static_cast<char>(hi * 16 + lo);
    if (c == '\0') return std::nullopt;
    path += c;
    i += 2;
  }
  return path;
}

std::string path_to_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/')
      uri += ch;
    else
      uri += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return uri;
}

}  // namespace jf::cli
