// Messages as keys and named arguments, rendered late in one language.
//
// Every user-visible sentence of jianfu lives in the message catalogue,
// messages/*.yaml (one key, an English and a Chinese template), or, for a
// rule pack's findings, in the rule's own `message`/`help` templates. Code
// that reports something builds a Message: the template and the arguments
// it names. Nothing is formatted until a renderer asks for the one language
// it prints (`in(Lang)`), so a run pays for one language only, and no
// Chinese text sits in C++. The catalogue is compiled into the binary at
// build time (messages/gen_message_table.cpp), which checks that every key
// has both languages and that both name the same arguments.
//
// Templates: `{name}` is replaced by the argument `name`; `{name?one|other}`
// by `one` when the argument is 1, else `other` (English plurals); `{{` and
// `}}` are literal braces. An argument is a plain value (an id, a name, a number
// formatted by format_number), a catalogue key rendered in the same language
// (`word`: nouns such as "department" / "部门"), a word with its own Chinese
// (`bilingual`: an enum word of the model, weekly / 每周), or a list joined by
// the language's separator (`, ` or `、`), whose items may be arguments too.
#pragma once
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.hpp"

namespace jf {

/// One named argument of a message.
struct MessageArg {
  enum class Kind {
    value,      // `value` in both languages
    word,       // the catalogue text of the key `value`
    list,       // `items` joined by the language's separator
    bilingual,  // `value` in English, `zh` in Chinese
    parts,      // `parts` rendered in the language, joined by its separator
    keyed,      // the catalogue template `value` rendered with `parts` as its arguments
  };
  std::string name;
  Kind kind = Kind::value;
  std::string value;               // value, the key of a word or keyed, the English of bilingual
  std::string zh;                  // bilingual
  std::vector<std::string> items;  // list
  std::vector<MessageArg> parts;   // parts, keyed
  /// Written out: a defaulted one over the vector of (then incomplete)
  /// MessageArgs is deleted by clang 14.
  bool operator==(const MessageArg& o) const;
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
/// `name` = `en` in English, `zh` in Chinese (a model word: weekly / 每周).
MessageArg bilingual(std::string name, std::string en, std::string zh);
/// `name` = `items`, each rendered in the message's language, joined by its
/// list separator (a list of model words, of deductions).
MessageArg arg_list(std::string name, std::vector<MessageArg> items);
/// `name` = the catalogue template `key` rendered with `args` in the
/// message's language (a deduction as rule messages show it).
MessageArg keyed(std::string name, std::string_view key, std::vector<MessageArg> args);

/// A template written outside the catalogue: a rule pack's `message` or
/// `help`, compiled once with the rule (engine/rule_compiler.cpp). A piece is
/// literal text or the argument at index `arg` of the message.
struct TemplatePiece {
  std::string text;
  int arg = -1;
};
/// A rule's template in both languages. An empty `zh` (none written, or one
/// that renders as nothing) falls back to the English, arguments in English.
struct OwnTemplate {
  std::vector<TemplatePiece> en, zh;
};

/// A message: a catalogue key with its arguments, a rule's own template with
/// its arguments, or (for user data) a literal text in both languages.
class Message {
 public:
  Message() = default;
  Message(std::string key, std::vector<MessageArg> args) : key_(std::move(key)), args_(std::move(args)) {}
  /// A rule pack's template, shared by every finding of the rule, and the
  /// values of its holes for one finding (`args[i]` fills pieces naming `i`).
  Message(std::shared_ptr<const OwnTemplate> tmpl, std::vector<MessageArg> args)
      : args_(std::move(args)), own_(std::move(tmpl)) {}
  /// A text already written in both languages (user data).
  Message(Text literal) : literal_(std::move(literal)) {}

  /// The text in `lang`. A key missing from the catalogue renders as the key
  /// itself (a test checks that every key used in the sources exists).
  std::string in(Lang lang) const;
  /// The same text appended to `out`: a renderer writing many findings
  /// into one buffer need not build a string per text.
  void append_to(std::string& out, Lang lang) const;
  bool empty() const {
    return key_.empty() && !own_ && literal_.en.empty() && literal_.zh.empty() && more_.empty();
  }
  /// The catalogue key; empty for a rule's template or a literal text.
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
  std::shared_ptr<const OwnTemplate> own_;  // set for a rule pack's template
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
/// One argument as a message shows it in `lang`.
std::string render_arg(const MessageArg& a, Lang lang);

}  // namespace jf
