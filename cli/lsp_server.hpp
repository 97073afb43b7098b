// The language server's state and its answer to each message: lifecycle,
// open documents, diagnostics, hover and code actions. Input and output are
// message bodies; cmd_lsp.cpp moves them over stdio.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/lsp_checker.hpp"
#include "cli/lsp_protocol.hpp"
#include "cli/lsp_workspace.hpp"

namespace jf::cli {

class Server {
 public:
  /// `g.lang` (--lang) overrides the client's locale; `g.limits.max_file_bytes`
  /// bounds each open document.
  Server(Globals g, std::string version);

  /// Answers one message body: responses and notifications to send are
  /// appended to `out`. Never throws.
  void handle(std::string_view body, std::vector<std::string>& out);
  /// Checks the documents edited since their last diagnostics and appends a
  /// publishDiagnostics for each.
  void publish_pending(std::vector<std::string>& out);
  /// Documents wait to be checked (the caller debounces typing with it).
  bool pending() const;
  /// `exit` was received.
  bool done() const { return exited_; }
  /// 0 when `shutdown` came before the end, else 1 (the protocol's rule).
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Doc {
    std::string uri, path, language_id, text;
    bool on_disk = false;
    bool too_large = false;  // over the size limit: text not kept, not checked
    DocKind kind = DocKind::other;
    json version;
    bool dirty = true;      // edited since `analysis`
    bool published = false; // diagnostics of the current analysis were sent
    Analysis analysis;
  };

  json request(const std::string& method, const json& params);
  void notification(const std::string& method, const json& params, std::vector<std::string>& out);
  json initialize(const json& params);
  json format(const Doc& d) const;
  std::vector<WorkspaceFile> workspace(const Doc& d) const;
  void open(const json& params);
  void change(const json& params);
  Doc& document(const json& params);  // params.textDocument.uri, which must be open
  void set_text(Doc& d, std::string text);
  void analyse(Doc& d);
  void touch_all();  // a config or rule pack changed: check every document again

  Globals g_;
  std::string version_;
  Checker checker_;
  std::map<std::string, Doc> docs_;  // by URI
  std::vector<std::string> roots_;   // the workspace folders (initialize)
  bool initialized_ = false, shutdown_ = false, exited_ = false;
};

}  // namespace jf::cli
