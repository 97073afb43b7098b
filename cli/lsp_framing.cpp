#include "cli/lsp_framing.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/text_util.hpp"

namespace jf::cli {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
         });
}

// Digits only, at most 18 of them (below 2^63): a sign, a space inside or
// "1e3" is not a length.
bool parse_length(std::string_view s, unsigned long long& out) {
  if (s.empty() || s.size() > 18) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<unsigned>(c - '0');
  }
  return true;
}

// Printable excerpt of a bad header line for the log.
std::string excerpt(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 60)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return s.size() > 60 ? out + "..." : out;
}

}  // namespace

void FrameReader::feed(std::string_view bytes) {
  buf_.append(bytes);
  parse();
}

bool FrameReader::next(Frame& out) {
  if (ready_.empty()) return false;
  out = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

void FrameReader::parse() {
  for (;;) {
    if (skip_ > 0) {
      size_t n = static_cast<size_t>(std::min<unsigned long long>(skip_, buf_.size()));
      buf_.erase(0, n);
      skip_ -= n;
      if (skip_ > 0) return;
    }
    if (body_ != kNone) {
      if (buf_.size() < body_) return;
      ready_.push_back({Frame::message, buf_.substr(0, body_)});
      buf_.erase(0, body_);
      body_ = kNone;
      continue;
    }
    if (!parse_headers()) return;
  }
}

// Reads one header block from the front of buf_. Returns false when it is
// not complete yet.
bool FrameReader::parse_headers() {
  size_t pos = 0;
  // Blank lines between messages are tolerated.
  while (pos < buf_.size() && (buf_[pos] == '\n' || (buf_[pos] == '\r' && pos + 1 < buf_.size() && buf_[pos + 1] == '\n')))
    pos += buf_[pos] == '\r' ? 2 : 1;
  buf_.erase(0, pos);
  pos = 0;
  bool have_length = false;
  unsigned long long length = 0;
  std::string problem;
  for (;;) {
    size_t nl = buf_.find('\n', pos);
    if (nl == std::string::npos || nl >= kMaxHeaderBytes) {
      if (buf_.size() <= kMaxHeaderBytes) return false;  // wait for the rest
      ready_.push_back({Frame::error, fmt::format("a header block longer than {} bytes was dropped", kMaxHeaderBytes)});
      buf_.erase(0, std::min(buf_.size(), nl == std::string::npos ? buf_.size() : nl + 1));
      return true;
    }
    std::string_view line = trim(std::string_view(buf_).substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      if (problem.empty()) problem = fmt::format("not a header line: `{}`", excerpt(line));
      continue;
    }
    if (!iequals(trim(line.substr(0, colon)), "Content-Length")) continue;
    std::string_view value = trim(line.substr(colon + 1));
    if (!parse_length(value, length)) {
      if (problem.empty()) problem = fmt::format("Content-Length `{}` is not a number of bytes", excerpt(value));
      have_length = false;
      continue;
    }
    have_length = true;
  }
  buf_.erase(0, pos);
  if (!have_length) {
    ready_.push_back({Frame::error, problem.empty() ? "a message without Content-Length was dropped"
                                                    : problem + "; the message was dropped"});
  } else if (length > max_body_) {
    ready_.push_back({Frame::error, fmt::format("Content-Length {} exceeds the limit of {} bytes; the body is skipped",
                                                length, max_body_)});
    skip_ = length;
  } else {
    body_ = static_cast<size_t>(length);
  }
  return true;
}

std::string frame(std::string_view body) {
  return fmt::format("Content-Length: {}\r\n\r\n{}", body.size(), body);
}

}  // namespace jf::cli
