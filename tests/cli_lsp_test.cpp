// The language server's pieces alone: framing, UTF-16 positions, JSON-RPC
// decoding and file URIs (the whole server is driven by lsp_session_test.py).
#include <gtest/gtest.h>

#include "cli/lsp_framing.hpp"
#include "cli/lsp_positions.hpp"
#include "cli/lsp_protocol.hpp"

using namespace jf::cli;

namespace {

std::vector<Frame> frames(FrameReader& r) {
  std::vector<Frame> out;
  for (Frame f; r.next(f);) out.push_back(f);
  return out;
}

}  // namespace

TEST(LspFraming, MessagesSplitAnywhere) {
  std::string stream = frame("{\"a\":1}") + "Content-Type: x\r\n" + frame("[中文]");
  for (size_t chunk = 1; chunk <= stream.size(); ++chunk) {
    FrameReader r(1000);
    std::vector<Frame> got;
    for (size_t at = 0; at < stream.size(); at += chunk) {
      r.feed(std::string_view(stream).substr(at, chunk));
      for (Frame& f : frames(r)) got.push_back(f);
    }
    ASSERT_EQ(got.size(), 2u) << chunk;
    EXPECT_EQ(got[0].text, "{\"a\":1}");
    EXPECT_EQ(got[1].text, "[中文]");
    EXPECT_FALSE(r.mid_message());
  }
}

TEST(LspFraming, BadHeadersAreDroppedAndReadingGoesOn) {
  FrameReader r(1000);
  r.feed("Content-Length: -5\r\n\r\nnot a header\r\n\r\nContent-Type: x\r\n\r\ncontent-length:  2 \n\n{}");
  std::vector<Frame> got = frames(r);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].kind, Frame::error);
  EXPECT_EQ(got[0].text, "Content-Length `-5` is not a number of bytes; the message was dropped");
  EXPECT_EQ(got[1].text, "not a header line: `not a header`; the message was dropped");
  EXPECT_EQ(got[2].text, "a message without Content-Length was dropped");
  EXPECT_EQ(got[3].kind, Frame::message);
  EXPECT_EQ(got[3].text, "{}");
}

TEST(LspFraming, OversizedBodyIsSkippedNotStored) {
  FrameReader r(10);
  r.feed("Content-Length: 20\r\n\r\n0123456789");
  std::vector<Frame> got = frames(r);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "Content-Length 20 exceeds the limit of 10 bytes; the body is skipped");
  EXPECT_TRUE(r.mid_message());
  r.feed("0123456789" + frame("{}"));
  got = frames(r);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "{}");
}

TEST(LspFraming, EndlessHeaderIsBounded) {
  FrameReader r(10);
  r.feed(std::string(FrameReader::kMaxHeaderBytes + 10, 'x'));
  std::vector<Frame> got = frames(r);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "a header block longer than 8192 bytes was dropped");
  EXPECT_FALSE(r.has_buffered());
}

TEST(LspPositions, Utf16ColumnsOnCjkAndAstralLines) {
  // 生 is 3 bytes and 1 unit; 𠀀 (U+20000) 4 bytes and 2 units.
  std::string text = "ab\r\n生𠀀x\rz\n";
  LineIndex index(text);
  EXPECT_EQ(index.position(0).line, 0u);
  Position x = index.position(4 + 3 + 4);  // the x
  EXPECT_EQ(x.line, 1u);
  EXPECT_EQ(x.character, 3u);
  EXPECT_EQ(index.offset({1, 3}), 11u);
  EXPECT_EQ(index.offset({1, 1}), 7u);
  EXPECT_EQ(index.offset({1, 2}), 7u);     // inside the surrogate pair: the character's start
  EXPECT_EQ(index.offset({1, 99}), 12u);   // past the end: before the CR
  EXPECT_EQ(index.position(13).line, 2u);  // after a lone CR
  EXPECT_EQ(index.offset({9, 0}), text.size());
  Position mid = index.position(5);  // inside 生
  EXPECT_EQ(mid.line, 1u);
  EXPECT_EQ(mid.character, 0u);
}

TEST(LspProtocol, DecodeClassifiesMessages) {
  EXPECT_EQ(decode(R"({"jsonrpc":"2.0","id":1,"method":"initialize"})").kind, Incoming::request);
  EXPECT_EQ(decode(R"({"jsonrpc":"2.0","method":"exit"})").kind, Incoming::notification);
  EXPECT_EQ(decode(R"({"jsonrpc":"2.0","id":"x","result":null})").kind, Incoming::response);
  Incoming bad = decode("{oops");
  EXPECT_EQ(bad.kind, Incoming::invalid);
  EXPECT_EQ(bad.error, kParseError);
  EXPECT_EQ(decode(R"({"id":{},"method":"x"})").problem, "the id is neither a number nor a string");
  EXPECT_EQ(decode(std::string(100, '[') + std::string(100, ']')).problem, "the message nests deeper than 64 levels");
}

TEST(LspProtocol, FileUris) {
  EXPECT_EQ(uri_to_path("file:///home/a/%E6%96%B9%E6%A1%88.assess").value(), "/home/a/方案.assess");
  EXPECT_EQ(uri_to_path("file://localhost/x%20y.yaml").value(), "/x y.yaml");
  EXPECT_FALSE(uri_to_path("untitled:Untitled-1"));
  EXPECT_FALSE(uri_to_path("file:///a%00b"));
  EXPECT_FALSE(uri_to_path("file:///a%4"));
  // And back, as pathlib's as_uri() and VS Code write it.
  EXPECT_EQ(path_to_uri("/home/a/方案.assess"), "file:///home/a/%E6%96%B9%E6%A1%88.assess");
  EXPECT_EQ(path_to_uri("/x y/a-b_c.~d"), "file:///x%20y/a-b_c.~d");
  EXPECT_EQ(uri_to_path(path_to_uri("/tmp/#?%/甲.rules")).value(), "/tmp/#?%/甲.rules");
}
