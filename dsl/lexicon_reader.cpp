#include "dsl/lexicon_reader.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string>

#include "base/limits.hpp"
#include "base/source.hpp"
#include "dsl/yaml_reader.hpp"
#include "dsl/yaml_tree.hpp"

namespace jf {

namespace {
const What kLexicon{"parse.config.what.lexicon_entry"};
}  // namespace

void read_lexicon_entries(YamlReader& r, uint32_t node, std::string_view origin, std::string_view default_class,
                          std::vector<LexiconEntry>& out) {
  auto items = r.list(node, "lexicon");
  if (!items) return;
  for (uint32_t n : *items) {
    auto f = r.fields(n, "lexicon", kLexicon, {"class", "word", "variants", "en", "zh"});
    if (!f) continue;
    LexiconEntry e;
    e.origin = std::string(origin);
    e.span = r.node(n).span;
    auto text = [&](std::string_view key, std::string& into) {
      if (auto* v = f->get(key))
        if (auto s = r.string(v->value, key)) into = *s;
    };
    e.klass = std::string(default_class);
    text("class", e.klass);
    text("word", e.word);
    text("en", e.en);
    text("zh", e.zh);
    if (auto* v = f->get("variants"))
      if (auto vs = r.list(v->value, "variants"))
        for (uint32_t x : *vs)
          if (auto s = r.string(x, "variants")) e.variants.push_back(*s);
    if (e.word.empty()) r.missing(*f, "word", kLexicon);
    if (e.klass.empty()) r.missing(*f, "class", kLexicon);
    if (e.word.empty() || e.klass.empty()) continue;
    out.push_back(std::move(e));
  }
}


std::shared_ptr<const Lexicon> load_builtin_lexicon() {
  auto lex = std::make_shared<Lexicon>();
  for (const EmbeddedFile& f : builtin_lexicon_files()) {
    SourceFile src(std::string(f.path), std::string(f.text));
    std::vector<Diagnostic> errors;
    Limits limits;
    auto tree = read_yaml_document(src, 0, limits, errors);
    if (!tree) throw std::logic_error(fmt::format("{}: the built-in lexicon does not parse", f.path));
    YamlReader r(*tree, src, limits, errors);
    auto top = r.fields(tree->root, "top level", {"parse.config.what.lexicon_file"}, {"class", "en", "zh", "entries"});
    std::string klass, en, zh;
    if (top) {
      if (auto* c = top->get("class"))
        if (auto s = r.string(c->value, "class")) klass = *s;
      if (auto* c = top->get("en"))
        if (auto s = r.string(c->value, "en")) en = *s;
      if (auto* c = top->get("zh"))
        if (auto s = r.string(c->value, "zh")) zh = *s;
    }
    std::vector<LexiconEntry> entries;
    if (top && !klass.empty())
      if (auto* e = top->get("entries")) read_lexicon_entries(r, e->value, f.path, klass, entries);
    if (!errors.empty() || klass.empty())
      throw std::logic_error(fmt::format("{}: the built-in lexicon is malformed: {}", f.path,
                                         errors.empty() ? "no class" : errors.front().message.in(Lang::en)));
    for (LexiconEntry& x : entries) lex->add(std::move(x));
    if (!en.empty() || !zh.empty()) lex->name_class(klass, en, zh);
  }
  return lex;
}

void use_builtin_lexicon() { set_builtin_lexicon_loader(&load_builtin_lexicon); }

}  // namespace jf
