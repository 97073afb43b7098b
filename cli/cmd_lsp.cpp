// `jianfu lsp`: the language server on standard input and output. This file
// moves bytes: frames in (lsp_framing), message bodies to the server
// (lsp_server), its answers out; and it waits for typing to pause before
// checking (the debounce).
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/lsp_framing.hpp"
#include "cli/lsp_server.hpp"

#ifndef JIANFU_VERSION
#define JIANFU_VERSION "dev"
#endif

namespace jf::cli {
namespace {

// Typing pauses this long before an edited document is checked again.
constexpr int kDebounceMs = 200;

// Largest message body accepted: a document at the file-size limit, with
// room for JSON escapes of control characters and the message around it.
size_t max_message_bytes(const Limits& limits) { return 2 * limits.max_file_bytes + (1u << 20); }

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool send(std::vector<std::string>& out) {
  bool ok = true;
  for (const std::string& body : out) ok = ok && write_all(STDOUT_FILENO, frame(body));
  out.clear();
  return ok;
}

// True when standard input has bytes (or EOF) within `ms` milliseconds.
bool input_within(int ms) {
  pollfd p{STDIN_FILENO, POLLIN, 0};
  for (;;) {
    int r = ::poll(&p, 1, ms);
    if (r < 0 && errno == EINTR) continue;
    return r != 0;
  }
}

int run_lsp(const Globals& g) {
  Server server(g, JIANFU_VERSION);
  FrameReader reader(max_message_bytes(g.limits));
  std::vector<std::string> out;
  char buf[65536];
  for (;;) {
    for (Frame f; reader.next(f);) {
      if (f.kind == Frame::error) std::fprintf(stderr, "jianfu lsp: %s\n", f.text.c_str());
      else server.handle(f.text, out);
      if (!send(out)) return 1;  // the client has gone
      if (server.done()) return server.exit_code();
    }
    if (server.pending() && !input_within(kDebounceMs)) {
      server.publish_pending(out);
      if (!send(out)) return 1;
      continue;
    }
    ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {  // the client has gone without `exit`
      if (reader.mid_message()) std::fputs("jianfu lsp: the input ended inside a message\n", stderr);
      return server.exit_code();
    }
    reader.feed(std::string_view(buf, static_cast<size_t>(n)));
  }
}

}  // namespace

Action setup_lsp(CLI::App& app, Globals& g) {
  CLI::App* cmd = app.add_subcommand("lsp", "Language server (LSP over standard input and output) for editors");
  auto stdio = std::make_shared<bool>(false);  // accepted for clients that pass it; stdio is the only transport
  cmd->add_flag("--stdio", *stdio, "Talk over standard input and output (the default and only transport)");
  cmd->add_option("--max-file-size", g.limits.max_file_bytes, "Largest document checked, in bytes")
      ->check(byte_count_validator());
  return [stdio, &g] { return run_lsp(g); };
}

}  // namespace jf::cli
