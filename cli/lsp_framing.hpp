// The base protocol of the Language Server Protocol: messages framed by
// `Content-Length` headers on a byte stream, read incrementally and bounded.
#pragma once
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>

namespace jf::cli {

/// One thing the reader found in the stream: a message body, or a framing
/// problem to log (the reader has already skipped the bad part).
struct Frame {
  enum Kind { message, error } kind = message;
  std::string text;  // the body, or the problem in English
};

/// Splits a byte stream into message bodies. Header lines end in CRLF (a
/// bare LF is accepted too); `Content-Length` is required, other headers
/// (`Content-Type`) are ignored. Memory stays bounded whatever arrives: a
/// header block longer than kMaxHeaderBytes is dropped, and a body longer
/// than `max_body` is skipped as it streams past, never stored.
class FrameReader {
 public:
  static constexpr size_t kMaxHeaderBytes = 8192;

  explicit FrameReader(size_t max_body) : max_body_(max_body) {}

  /// Takes the next bytes of the stream.
  void feed(std::string_view bytes);
  /// The next complete frame; false when more bytes are needed.
  bool next(Frame& out);
  /// True when a frame is complete or bytes of a later one are waiting.
  bool has_buffered() const { return !ready_.empty() || !buf_.empty(); }
  /// True when the stream stopped inside a message (for the log at EOF).
  bool mid_message() const { return !buf_.empty() || skip_ > 0 || body_ != kNone; }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  void parse();
  bool parse_headers();

  size_t max_body_;
  std::string buf_;           // bytes not yet consumed
  size_t body_ = kNone;       // length of the body being read, after its headers
  unsigned long long skip_ = 0;  // bytes of an oversized body still to drop
  std::deque<Frame> ready_;
};

/// `body` with its `Content-Length` header, ready to write.
std::string frame(std::string_view body);

}  // namespace jf::cli
