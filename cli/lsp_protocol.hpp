// JSON-RPC 2.0 as the Language Server Protocol uses it: decoding a message
// body into a request, notification or problem, writing responses, and
// `file:` URIs.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace jf::cli {

using json = nlohmann::json;

/// JSON-RPC and LSP error codes the server answers with.
enum RpcError {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
};

/// Deepest JSON nesting accepted in a message; LSP messages need about ten.
constexpr int kMaxJsonDepth = 64;

/// One decoded message.
struct Incoming {
  enum Kind { request, notification, response, invalid } kind = invalid;
  json id;             // requests (and invalid messages that had a usable id)
  std::string method;  // requests and notifications
  json params;         // null when absent
  RpcError error = kInvalidRequest;  // invalid: the code to answer with
  std::string problem;               // invalid: why, in English
};

/// Decodes one message body. Never throws: malformed JSON, nesting deeper
/// than kMaxJsonDepth, a non-object, a missing or non-string method, an id
/// that is neither number nor string all give `invalid`.
Incoming decode(std::string_view body);

/// Message bodies to send. Text that is not valid UTF-8 is replaced, never
/// an exception.
std::string result_message(const json& id, const json& result);
std::string error_message(const json& id, RpcError code, std::string_view message);
std::string notification_message(std::string_view method, const json& params);

/// The path a `file:` URI names (percent escapes decoded), or nullopt for
/// other schemes (`untitled:`) and malformed URIs.
std::optional<std::string> uri_to_path(std::string_view uri);
/// `file://` and the absolute `path`, every byte but letters, digits, `-._~`
/// and `/` percent-encoded (as Python's pathlib and VS Code write it).
std::string path_to_uri(std::string_view path);

}  // namespace jf::cli
