#include "cli/baseline_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

namespace jf::cli {

namespace {

using json = nlohmann::json;

Message not_baseline() { return msg("cli.baseline.not_baseline"); }

// Parser events to fingerprints. Only where an event sits matters (the root
// object, its `findings` array, a finding object, its `fingerprint`), so one
// frame per open container is all the state: no tree is built, whatever
// the file holds.
class FingerprintEvents {
 public:
  explicit FingerprintEvents(BaselineRead& out) : out_(out) {}

  bool null() { return scalar(false, nullptr); }
  bool boolean(bool) { return scalar(false, nullptr); }
  bool number_integer(json::number_integer_t) { return scalar(false, nullptr); }
  bool number_unsigned(json::number_unsigned_t) { return scalar(false, nullptr); }
  bool number_float(json::number_float_t, const std::string&) { return scalar(false, nullptr); }
  bool binary(json::binary_t&) { return scalar(false, nullptr); }
  bool string(std::string& s) { return scalar(true, &s); }
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool key(std::string& k) {
    stack_.back().key = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    syntax_at_ = position;
    return false;
  }

  bool complete() const { return seen_version_ && seen_findings_; }
  std::optional<size_t> syntax_at() const { return syntax_at_; }

 private:
  enum class Kind { root, findings, finding, fingerprint, other };
  struct Frame {
    Kind kind;
    bool object;
    std::string key;     // objects: the key of the value being read
    size_t index = 0;    // arrays: the index of the value being read
    size_t finding = 0;  // a finding: its index in `findings`
    bool has_fingerprint = false;
  };

  // Where the next value goes, as the kind of the value it will be.
  Kind place_of_next(bool is_container, bool is_object, bool is_string) {
    if (stack_.empty()) return is_object ? Kind::root : fail(not_baseline());
    Frame& parent = stack_.back();
    if (parent.kind == Kind::root) {
      if (parent.key == "jianfu_baseline") seen_version_ = true;
      if (parent.key == "findings") {
        if (!is_container || is_object) return fail(not_baseline());
        seen_findings_ = true;
        return Kind::findings;
      }
    } else if (parent.kind == Kind::findings) {
      if (!is_object)
        return fail(msg("cli.baseline.finding_not_object", {arg("index", parent.index)}));
      return Kind::finding;
    } else if (parent.kind == Kind::finding && parent.key == "fingerprint") {
      if (!is_string)
        return fail(msg("cli.baseline.fingerprint_not_string", {arg("index", parent.finding)}));
      parent.has_fingerprint = true;
      return Kind::fingerprint;
    }
    return Kind::other;
  }

  bool scalar(bool is_string, std::string* s) {
    Kind k = place_of_next(false, false, is_string);
    if (out_.error) return false;
    if (k == Kind::fingerprint) out_.fingerprints.insert(std::move(*s));
    advance();
    return true;
  }

  bool open(bool object) {
    if (stack_.size() >= kMaxBaselineDepth) {
      fail(msg("cli.baseline.too_deep", {arg("limit", kMaxBaselineDepth)}));
      return false;
    }
    Kind k = place_of_next(true, object, false);
    if (out_.error) return false;
    size_t finding = k == Kind::finding ? stack_.back().index : 0;
    stack_.push_back({k, object, {}, 0, finding});
    return true;
  }

  bool close() {
    const Frame& f = stack_.back();
    if (f.kind == Kind::finding && !f.has_fingerprint) {
      fail(msg("cli.baseline.no_fingerprint", {arg("index", f.finding)}));
      return false;
    }
    stack_.pop_back();
    advance();
    return true;
  }

  // A value of the innermost container was read: an array moves to its next index.
  void advance() {
    if (!stack_.empty() && !stack_.back().object) ++stack_.back().index;
  }

  Kind fail(Message why) {
    if (!out_.error) out_.error = std::move(why);
    return Kind::other;
  }

  BaselineRead& out_;
  std::vector<Frame> stack_;
  bool seen_version_ = false, seen_findings_ = false;
  std::optional<size_t> syntax_at_;
};

}  // namespace

BaselineRead parse_baseline(std::string_view text) {
  BaselineRead out;
  FingerprintEvents events(out);
  json::sax_parse(text, &events);
  if (auto at = events.syntax_at()) {
    // nlohmann::json counts the characters read, the offending one included.
    size_t byte = std::min(*at > 0 ? *at - 1 : 0, text.size());
    size_t newline = byte == 0 ? std::string_view::npos : text.rfind('\n', byte - 1);
    size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    out.line = static_cast<uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(byte), '\n'));
    out.column = static_cast<uint32_t>(byte - line_start + 1);
    out.error = msg("cli.baseline.not_json", {arg("line", out.line), arg("column", out.column)});
  } else if (!out.error && !events.complete()) {
    out.error = not_baseline();
  }
  if (out.error) out.fingerprints.clear();
  return out;
}

}  // namespace jf::cli
