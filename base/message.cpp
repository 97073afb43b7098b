#include "base/message.hpp"

#include <algorithm>

#include "base/diagnostic.hpp"
#include "base/message_table.hpp"

namespace jf {

MessageArg arg(std::string name, std::string_view value) {
  return {.name = std::move(name), .value = std::string(value)};
}
MessageArg arg(std::string name, double value) { return {.name = std::move(name), .value = format_number(value)}; }
MessageArg arg(std::string name, int value) { return {.name = std::move(name), .value = std::to_string(value)}; }
MessageArg arg(std::string name, long value) { return {.name = std::move(name), .value = std::to_string(value)}; }
MessageArg arg(std::string name, unsigned long value) {
  return {.name = std::move(name), .value = std::to_string(value)};
}
MessageArg arg(std::string name, unsigned value) { return {.name = std::move(name), .value = std::to_string(value)}; }
MessageArg word(std::string name, std::string_view key) {
  return {.name = std::move(name), .kind = MessageArg::Kind::word, .value = std::string(key)};
}
MessageArg list(std::string name, std::vector<std::string> items) {
  return {.name = std::move(name), .kind = MessageArg::Kind::list, .items = std::move(items)};
}

MessageArg bilingual(std::string name, std::string en, std::string zh) {
  return {.name = std::move(name), .kind = MessageArg::Kind::bilingual, .value = std::move(en), .zh = std::move(zh)};
}
MessageArg arg_list(std::string name, std::vector<MessageArg> items) {
  return {.name = std::move(name), .kind = MessageArg::Kind::parts, .parts = std::move(items)};
}
MessageArg keyed(std::string name, std::string_view key, std::vector<MessageArg> args) {
  return {.name = std::move(name), .kind = MessageArg::Kind::keyed, .value = std::string(key), .parts = std::move(args)};
}

bool MessageArg::operator==(const MessageArg& o) const {
  return name == o.name && kind == o.kind && value == o.value && zh == o.zh && items == o.items && parts == o.parts;
}

Message msg(std::string key, std::initializer_list<MessageArg> args) { return Message(std::move(key), args); }

namespace {

const MessageEntry* lookup(std::string_view key) {
  std::span<const MessageEntry> table = message_table();
  auto it = std::lower_bound(table.begin(), table.end(), key,
                             [](const MessageEntry& e, std::string_view k) { return e.key < k; });
  return it != table.end() && it->key == key ? &*it : nullptr;
}

void append_template(std::string& out, std::string_view tmpl, const std::vector<MessageArg>& args, Lang lang);

void append_arg(std::string& out, const MessageArg& a, Lang lang) {
  switch (a.kind) {
    case MessageArg::Kind::value: out += a.value; break;
    case MessageArg::Kind::word: out += catalogue_text(a.value, lang); break;
    case MessageArg::Kind::bilingual: out += lang == Lang::zh ? a.zh : a.value; break;
    case MessageArg::Kind::list: {
      std::string_view sep = catalogue_text("list.separator", lang);
      for (size_t i = 0; i < a.items.size(); ++i) {
        if (i) out += sep;
        out += a.items[i];
      }
      break;
    }
    case MessageArg::Kind::parts: {
      std::string_view sep = catalogue_text("list.separator", lang);
      for (size_t i = 0; i < a.parts.size(); ++i) {
        if (i) out += sep;
        append_arg(out, a.parts[i], lang);
      }
      break;
    }
    case MessageArg::Kind::keyed: append_template(out, catalogue_text(a.value, lang), a.parts, lang); break;
  }
}

/// A rule's own template in `lang`, appended to `out`: literal pieces and
/// the arguments they name, with no temporary string per piece or hole.
void append_pieces(std::string& out, const std::vector<TemplatePiece>& pieces, const std::vector<MessageArg>& args,
                   Lang lang) {
  for (const TemplatePiece& p : pieces) {
    if (p.arg < 0) out += p.text;
    else if (static_cast<size_t>(p.arg) < args.size()) append_arg(out, args[p.arg], lang);
  }
}

/// A Chinese text that renders as nothing falls back to the English.
void append_own(std::string& out, const OwnTemplate& t, const std::vector<MessageArg>& args, Lang lang) {
  const size_t before = out.size();
  if (lang == Lang::zh && !t.zh.empty()) {
    append_pieces(out, t.zh, args, Lang::zh);
    if (out.size() != before) return;
  }
  append_pieces(out, t.en, args, Lang::en);
}

void append_template(std::string& out, std::string_view tmpl, const std::vector<MessageArg>& args, Lang lang) {
  for (size_t i = 0; i < tmpl.size(); ++i) {
    char c = tmpl[i];
    if ((c == '{' || c == '}') && i + 1 < tmpl.size() && tmpl[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      size_t close = tmpl.find('}', i + 1);
      if (close != std::string_view::npos) {
        std::string_view name = tmpl.substr(i + 1, close - i - 1);
        std::string_view forms;  // `{n?one|other}`: a form chosen by n
        if (size_t q = name.find('?'); q != std::string_view::npos) {
          forms = name.substr(q + 1);
          name = name.substr(0, q);
        }
        auto a = std::find_if(args.begin(), args.end(), [&](const MessageArg& x) { return x.name == name; });
        if (a != args.end()) {
          if (forms.empty()) {
            append_arg(out, *a, lang);
          } else {
            size_t bar = forms.find('|');
            out += a->value == "1" ? forms.substr(0, bar) : forms.substr(bar + 1);
          }
          i = close;
          continue;
        }
      }
    }
    out += c;  // an unknown placeholder stays visible rather than vanishing
  }
}

}  // namespace

std::string render_arg(const MessageArg& a, Lang lang) {
  std::string out;
  append_arg(out, a, lang);
  return out;
}

bool catalogue_has(std::string_view key) { return lookup(key) != nullptr; }

std::string_view catalogue_text(std::string_view key, Lang lang) {
  const MessageEntry* e = lookup(key);
  if (!e) return key;
  return lang == Lang::zh ? e->zh : e->en;
}

std::string render_template(std::string_view tmpl, const std::vector<MessageArg>& args, Lang lang) {
  std::string out;
  out.reserve(tmpl.size() + 16 * args.size());
  append_template(out, tmpl, args, lang);
  return out;
}

std::string Message::in(Lang lang) const {
  std::string out;
  if (empty()) return out;
  // One allocation for most findings' texts (a rule's message is some 40
  // to 150 bytes), rather than a doubling per few pieces.
  out.reserve(160);
  append_to(out, lang);
  return out;
}

void Message::append_to(std::string& out, Lang lang) const {
  if (own_) append_own(out, *own_, args_, lang);
  else if (key_.empty()) out += literal_.in(lang);
  else append_template(out, catalogue_text(key_, lang), args_, lang);
  for (const Message& m : more_) m.append_to(out, lang);
}

bool Message::operator==(const Message& o) const {
  return key_ == o.key_ && args_ == o.args_ && own_ == o.own_ && literal_.en == o.literal_.en && literal_.zh == o.literal_.zh &&
         more_ == o.more_;
}

Message& Message::append(Message more) {
  more_.push_back(std::move(more));
  return *this;
}

const MessageArg* Message::find(std::string_view name) const {
  for (const MessageArg& a : args_)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace jf
