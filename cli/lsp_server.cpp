#include "cli/lsp_server.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli/lsp_code_actions.hpp"
#include "cli/lsp_diagnostics.hpp"
#include "cli/lsp_completion.hpp"
#include "cli/lsp_definition.hpp"
#include "cli/lsp_hover.hpp"
#include "cli/lsp_symbols.hpp"
#include "dsl/rules_format.hpp"
#include "dsl/scheme_format.hpp"

namespace jf::cli {
namespace {

// A request that cannot be answered with a result.
struct RpcFailure {
  RpcError code;
  std::string message;
};

void log(std::string_view what) { std::fprintf(stderr, "jianfu lsp: %.*s\n", static_cast<int>(what.size()), what.data()); }

std::optional<Lang> locale_lang(const json& params) {
  auto it = params.find("locale");
  if (it == params.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>().starts_with("zh") ? Lang::zh : Lang::en;
}

Position position_of(const json& p) {
  return {p.at("line").get<uint32_t>(), p.at("character").get<uint32_t>()};
}

// The finding that stands for a document too large to keep.
Diagnostic too_large(size_t bytes, size_t limit) {
  return {.name = "file-too-large",
          .span = {0, 0, 0},
          .message = msg("cli.lsp.too_large", {arg("bytes", bytes), arg("limit", limit)})};
}

}  // namespace

Server::Server(Globals g, std::string version) : g_(g), version_(std::move(version)), checker_(std::move(g)) {}

void Server::handle(std::string_view body, std::vector<std::string>& out) {
  Incoming in = decode(body);
  if (in.kind == Incoming::invalid) {
    log(in.problem);
    out.push_back(error_message(in.id, in.error, in.problem));
    return;
  }
  if (in.kind == Incoming::response) return;  // the server sends no requests
  if (in.kind == Incoming::notification) {
    try {
      notification(in.method, in.params, out);
    } catch (const std::exception& e) {  // wrong params (json::exception) or an internal failure
      log(fmt::format("{}: {}", in.method, e.what()));
    }
    return;
  }
  try {
    out.push_back(result_message(in.id, request(in.method, in.params)));
  } catch (const RpcFailure& f) {
    out.push_back(error_message(in.id, f.code, f.message));
  } catch (const json::exception& e) {
    out.push_back(error_message(in.id, kInvalidParams, e.what()));
  } catch (const std::exception& e) {
    log(fmt::format("{}: {}", in.method, e.what()));
    out.push_back(error_message(in.id, kInternalError, e.what()));
  }
}

json Server::request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw RpcFailure{kInvalidRequest, "initialize was already received"};
    return initialize(params);
  }
  if (!initialized_) throw RpcFailure{kServerNotInitialized, "the server has not been initialized"};
  if (shutdown_) throw RpcFailure{kInvalidRequest, "shutdown was requested"};
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/hover") {
    Doc& d = document(params);
    analyse(d);
    LineIndex index(d.text);
    return lsp_hover(d.analysis, d.text, index, index.offset(position_of(params.at("position"))));
  }
  if (method == "textDocument/codeAction") {
    Doc& d = document(params);
    analyse(d);
    LineIndex index(d.text);
    const json& range = params.at("range");
    uint32_t begin = index.offset(position_of(range.at("start"))), end = index.offset(position_of(range.at("end")));
    std::vector<std::string> only;
    if (auto c = params.find("context"); c != params.end() && c->contains("only"))
      only = c->at("only").get<std::vector<std::string>>();
    return lsp_code_actions(d.analysis, d.uri, d.text, index, begin, std::max(begin, end), only);
  }
  if (method == "textDocument/documentSymbol") {
    Doc& d = document(params);
    analyse(d);
    return lsp_document_symbols(d.analysis, LineIndex(d.text));
  }
  if (method == "textDocument/definition" || method == "textDocument/references") {
    Doc& d = document(params);
    analyse(d);
    LineIndex index(d.text);
    uint32_t at = index.offset(position_of(params.at("position")));
    NavDoc nav{d.analysis, d.uri, d.text, index};
    WorkspaceReader others = [this, &d] { return workspace(d); };
    if (method == "textDocument/definition") return lsp_definition(nav, at, others, g_.limits);
    bool declaration = params.value("/context/includeDeclaration"_json_pointer, false);
    return lsp_references(nav, at, declaration, others, g_.limits);
  }
  if (method == "textDocument/completion") {
    Doc& d = document(params);
    analyse(d);
    LineIndex index(d.text);
    return lsp_completion(d.analysis, d.text, index, index.offset(position_of(params.at("position"))));
  }
  if (method == "textDocument/formatting") return format(document(params));
  throw RpcFailure{kMethodNotFound, fmt::format("unknown method {}", method)};
}

// `jianfu fmt`'s layout as one edit over the whole document; none when the
// document is not a scheme or rule file, does not parse, or fmt refuses it
// (its findings already say why), as `fmt` leaves such a file untouched.
json Server::format(const Doc& d) const {
  const bool rules = d.kind == DocKind::rules;
  if (d.too_large || (d.kind != DocKind::assess && d.kind != DocKind::yaml_scheme && !rules)) return json::array();
  SourceSet sources;
  uint32_t file = sources.add(d.path.empty() ? d.uri : d.path, d.text);
  FormatResult r = rules ? format_rules(sources, file, g_.limits) : format_scheme(sources, file, g_.limits);
  if (!r.ok() || r.text == d.text) return json::array();
  LineIndex index(d.text);
  return json::array({{{"range", lsp_range(index, 0, static_cast<uint32_t>(d.text.size()))}, {"newText", r.text}}});
}

// The other files of the workspace folders, open documents as edited.
std::vector<WorkspaceFile> Server::workspace(const Doc& d) const {
  if (roots_.empty()) return {};
  std::map<std::string, OpenText> open;
  for (const auto& [uri, o] : docs_)
    if (o.on_disk && !o.too_large) open[std::filesystem::path(o.path).lexically_normal().string()] = {uri, o.text};
  return workspace_files(roots_, open, d.path, g_.limits.max_file_bytes);
}

namespace {

// The folders cross-file navigation reads: `workspaceFolders`, else `rootUri`,
// else `rootPath` (LSP 3.17 keeps the older two for older clients).
std::vector<std::string> workspace_roots(const json& params) {
  std::vector<std::string> roots;
  if (auto f = params.find("workspaceFolders"); f != params.end() && f->is_array())
    for (const json& folder : *f)
      if (folder.is_object() && folder.contains("uri") && folder["uri"].is_string())
        if (auto p = uri_to_path(folder["uri"].get<std::string>())) roots.push_back(*p);
  if (!roots.empty()) return roots;
  if (auto u = params.find("rootUri"); u != params.end() && u->is_string())
    if (auto p = uri_to_path(u->get<std::string>())) return {*p};
  if (auto r = params.find("rootPath"); r != params.end() && r->is_string() && !r->get<std::string>().empty())
    return {r->get<std::string>()};
  return roots;
}

}  // namespace

json Server::initialize(const json& params) {
  if (params.is_object()) checker_.set_client_lang(locale_lang(params));
  if (params.is_object()) roots_ = workspace_roots(params);
  initialized_ = true;
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"documentFormattingProvider", true},
            {"documentSymbolProvider", true},
            {"definitionProvider", true},
            {"referencesProvider", true},
            {"completionProvider", {{"triggerCharacters", json::array({" ", ".", ","})}}},
            {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix", "source.fixAll"})}}}}},
          {"serverInfo", {{"name", "jianfu"}, {"version", version_}}}};
}

void Server::notification(const std::string& method, const json& params, std::vector<std::string>& out) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // dropped, as the protocol says
  if (method == "textDocument/didOpen") {
    open(params);
  } else if (method == "textDocument/didChange") {
    change(params);
  } else if (method == "textDocument/didClose") {
    std::string uri = params.at("textDocument").at("uri").get<std::string>();
    if (docs_.erase(uri))
      out.push_back(notification_message("textDocument/publishDiagnostics",
                                         {{"uri", uri}, {"diagnostics", json::array()}}));
  } else if (method == "textDocument/didSave") {
    auto it = docs_.find(params.at("textDocument").at("uri").get<std::string>());
    if (it != docs_.end() && (it->second.kind == DocKind::config || it->second.kind == DocKind::rules)) touch_all();
  } else if (method == "workspace/didChangeWatchedFiles") {
    touch_all();
  } else if (method == "workspace/didChangeWorkspaceFolders") {
    const json& event = params.at("event");
    for (const json& f : event.at("removed"))
      if (auto p = uri_to_path(f.at("uri").get<std::string>())) std::erase(roots_, *p);
    for (const json& f : event.at("added")) {
      auto p = uri_to_path(f.at("uri").get<std::string>());
      if (p && std::find(roots_.begin(), roots_.end(), *p) == roots_.end()) roots_.push_back(*p);
    }
  }
}

void Server::open(const json& params) {
  const json& td = params.at("textDocument");
  std::string uri = td.at("uri").get<std::string>();
  Doc d;
  d.uri = uri;
  std::optional<std::string> path = uri_to_path(uri);
  d.on_disk = path.has_value();
  d.path = path ? *path : uri;
  if (auto l = td.find("languageId"); l != td.end() && l->is_string()) d.language_id = l->get<std::string>();
  if (auto v = td.find("version"); v != td.end()) d.version = *v;
  set_text(d, td.at("text").get<std::string>());
  docs_[uri] = std::move(d);
}

void Server::change(const json& params) {
  Doc& d = document(params);
  if (auto v = params.at("textDocument").find("version"); v != params.at("textDocument").end()) d.version = *v;
  for (const json& c : params.at("contentChanges")) {
    std::string text = c.at("text").get<std::string>();
    auto range = c.find("range");
    if (range == c.end()) {
      set_text(d, std::move(text));  // whole text (this server asks for full sync)
      continue;
    }
    if (d.too_large) continue;  // its text was not kept: only a whole new text can replace it
    LineIndex index(d.text);
    uint32_t b = index.offset(position_of(range->at("start"))), e = index.offset(position_of(range->at("end")));
    std::string next = d.text.substr(0, b) + text + d.text.substr(std::max(b, e));
    set_text(d, std::move(next));
  }
}

Server::Doc& Server::document(const json& params) {
  auto it = docs_.find(params.at("textDocument").at("uri").get<std::string>());
  if (it == docs_.end()) throw RpcFailure{kInvalidParams, "the document is not open"};
  return it->second;
}

void Server::set_text(Doc& d, std::string text) {
  d.dirty = true;
  d.published = false;
  d.too_large = text.size() > g_.limits.max_file_bytes;
  if (d.too_large) {
    d.analysis = {};
    d.analysis.findings.push_back(too_large(text.size(), g_.limits.max_file_bytes));
    d.text.clear();
    d.text.shrink_to_fit();
    d.dirty = false;
    return;
  }
  d.text = std::move(text);
  d.kind = doc_kind(d.path, d.language_id, d.text);
}

void Server::analyse(Doc& d) {
  if (!d.dirty) return;
  d.analysis = checker_.check(d.path, d.on_disk, d.kind, d.text);
  d.dirty = false;
  d.published = false;
}

void Server::touch_all() {
  checker_.forget_rules();
  for (auto& [uri, d] : docs_)
    if (!d.too_large) d.dirty = true, d.published = false;
}

bool Server::pending() const {
  for (const auto& [uri, d] : docs_)
    if (d.dirty || !d.published) return true;
  return false;
}

void Server::publish_pending(std::vector<std::string>& out) {
  for (auto& [uri, d] : docs_) {
    if (!d.dirty && d.published) continue;
    try {
      analyse(d);
    } catch (const std::exception& e) {
      log(fmt::format("{}: {}", uri, e.what()));
      d.analysis = {};
      d.dirty = false;
    }
    LineIndex index(d.text);
    json params = {{"uri", uri}, {"diagnostics", lsp_diagnostics(d.analysis, index)}};
    if (d.version.is_number_integer()) params["version"] = d.version;
    out.push_back(notification_message("textDocument/publishDiagnostics", params));
    d.published = true;
  }
}

}  // namespace jf::cli
