// Messages as keys and named arguments, rendered late in one language.
//
// Every user-visible sentence of jianfu lives in the message catalogue,
// messages/*.yaml (one key, an English and a Chinese template). Code that
// reports something builds a Message: the key and the arguments the
// templates name. Nothing is formatted until a renderer asks for the one
// language it prints (`in(Lang)`), so a run pays for one language only, and
// no Chinese text sits in C++. The catalogue is compiled into the binary
// at build time (messages/gen_message_table.cpp), which checks that every
// key has both languages and that both name the same arguments.
//
// Templates: `{name}` is replaced by the argument `name`; `{name?one|other}`
// by `one` when the argument is 1, else `other` (English plurals); `{{` and
// `}}` are literal braces. An argument is a plain value (an id, a name, a number
// formatted by format_number), a catalogue key rendered in the same language
// (`word`: nouns such as "department" / "部门"), or a list joined by the
// language's separator (`, ` or `、`).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.hpp"

namespace jf {

/// One named argument of a message.
struct MessageArg {
  enum class Kind { value, word, list };
  std::string name;
  Kind kind = Kind::value;
  std::string value;               // value, or the key of a word
  std::vector<std::string> items;  // list
  bool operator==(const MessageArg&) const = default;
};

/// `name` = `value`, shown as it is in both languages.
MessageArg arg(std::string name, std::string_view value);
/// `name` = a number as messages show it (format_number: 3, 0.5, 0.33).
MessageArg arg(std::string name, double value);
MessageArg arg(std::string name, int value);
MessageArg arg(std::string name, long value);
MessageArg arg(std::string name, unsigned long value);
MessageArg arg(std::string name, unsigned value);
/// `name` = the catalogue text of `key`, in the message's language.
MessageArg word(std::string name, std::string_view key);
/// `name` = `items` joined by the language's list separator.
MessageArg list(std::string name, std::vector<std::string> items);

/// A message: a catalogue key with its arguments, or (for texts that are
/// already formatted, such as a rule pack's templates evaluated per
/// finding) a literal text in both languages.
class Message {
 public:
  Message() = default;
  Message(std::string key, std::vector<MessageArg> args) : key_(std::move(key)), args_(std::move(args)) {}
  /// A text already written in both languages (rule packs, user data).
  Message(Text literal) : literal_(std::move(literal)) {}

  /// The text in `lang`. A key missing from the catalogue renders as the key
  /// itself (a test checks that every key used in the sources exists).
  std::string in(Lang lang) const;
  bool empty() const { return key_.empty() && literal_.en.empty() && literal_.zh.empty() && more_.empty(); }
  /// The catalogue key; empty for a literal text.
  const std::string& key() const { return key_; }
  const std::vector<MessageArg>& args() const { return args_; }
  /// The argument `name`, or nullptr.
  const MessageArg* find(std::string_view name) const;
  /// Appends `more`, rendered right after this message in the same language
  /// (a hint after a parser's message: "…; found the full-width `：`").
  Message& append(Message more);
  /// Written out: a defaulted one over the vector of (then incomplete)
  /// Messages is deleted by clang 14.
  bool operator==(const Message& o) const;

 private:
  std::string key_;
  std::vector<MessageArg> args_;
  Text literal_;
  std::vector<Message> more_;
};

/// The message `key` with its arguments.
Message msg(std::string key, std::initializer_list<MessageArg> args = {});

/// The catalogue's text of `key` in `lang`, with no arguments (headings,
/// labels, nouns); the key itself when it is missing.
std::string_view catalogue_text(std::string_view key, Lang lang);
/// True when the catalogue has `key`.
bool catalogue_has(std::string_view key);

/// Renders `tmpl` with `args` in `lang` (exposed for tests and for texts
/// that are assembled from several keys).
std::string render_template(std::string_view tmpl, const std::vector<MessageArg>& args, Lang lang);

}  // namespace jf
