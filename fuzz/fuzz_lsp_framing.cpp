// libFuzzer target: the language server's input, framed messages from an
// editor (cli/lsp_framing) and their JSON-RPC decoding (cli/lsp_protocol).
// Byte 0 picks the chunk size the stream arrives in, so headers and bodies
// split at every place. No frame may exceed the body limit, and the reader
// may hold at most one header block or body beyond what it was fed.
#include "cli/lsp_framing.hpp"
#include "cli/lsp_protocol.hpp"
#include "fuzz/fuzz_common.hpp"
#include "fuzz/fuzz_target.hpp"

JIANFU_FUZZ_TARGET(fuzz_lsp_framing) {
  if (size == 0) return 0;
  constexpr size_t kMaxBody = 4096;
  const size_t chunk = 1 + data[0] % 64;
  std::string stream = jf::fuzz::bytes(data + 1, size - 1);
  jf::cli::FrameReader reader(kMaxBody);
  for (size_t at = 0; at < stream.size(); at += chunk) {
    reader.feed(std::string_view(stream).substr(at, chunk));
    for (jf::cli::Frame f; reader.next(f);) {
      if (f.kind == jf::cli::Frame::message && f.text.size() > kMaxBody) __builtin_trap();
      if (f.kind == jf::cli::Frame::message) (void)jf::cli::decode(f.text);
    }
  }
  return 0;
}
