#include "cli/parse_errors.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "base/spelling.hpp"
#include "cli/globals.hpp"

namespace jf::cli {
namespace {

constexpr std::string_view kProgram = "jianfu";

/// The command that was read, or null (no command, or a misspelt one).
const CLI::App* chosen(const CLI::App& app) {
  auto subs = app.get_subcommands();
  return subs.empty() ? nullptr : subs.front();
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    names.push_back(sub->get_name());
  return names;
}

/// The first word of the line that is not an option or a global option's
/// value: what the user meant as the command.
std::string first_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--lang") {
      ++i;
      continue;
    }
    if (!a.empty() && a.front() != '-') return std::string(a);
  }
  return {};
}

/// Long option names of `app` (the chosen command's, else the program's).
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options())
    for (const std::string& n : o->get_lnames()) names.push_back("--" + n);
  return names;
}

std::string_view after(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix) ? s.substr(prefix.size()) : std::string_view();
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  for (size_t from = 0;;) {
    size_t at = s.find(sep, from);
    out.emplace_back(s.substr(from, at == std::string_view::npos ? std::string_view::npos : at - from));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

/// By class, not get_name(): CLI11 names some errors after the command.
template <class T>
bool is(const CLI::ParseError& e) {
  return dynamic_cast<const T*>(&e) != nullptr;
}

Message no_command(const CLI::App& app, int argc, char** argv) {
  const std::vector<std::string> commands = command_names(app);
  const std::string word = first_word(argc, argv);
  if (word.empty()) return msg("cli.parse.no_command", {list("commands", commands)});
  std::vector<std::string_view> views(commands.begin(), commands.end());
  std::string_view guess = did_you_mean(word, views);
  if (guess.empty()) return msg("cli.parse.unknown_command", {arg("word", word), list("commands", commands)});
  return msg("cli.parse.unknown_command_guess",
             {arg("word", word), arg("guess", guess), list("commands", commands)});
}

Message unexpected(const CLI::App& app, std::string_view args) {
  // CLI11 joins them last first (rjoin): back to the command line's order.
  std::vector<std::string> words = split(args, ' ');
  std::reverse(words.begin(), words.end());
  const CLI::App* cmd = chosen(app);
  std::vector<std::string> names = option_names(cmd ? *cmd : app);
  for (const std::string& n : option_names(app)) names.push_back(n);
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string_view first = words.front();
  first = first.substr(0, first.find('='));
  std::string_view guess = first.starts_with("--") ? did_you_mean(first, views) : std::string_view();
  std::vector<std::string> quoted;
  for (const std::string& w : words) quoted.push_back("`" + w + "`");
  if (quoted.size() > 1) return msg("cli.parse.unexpected_many", {list("args", quoted)});
  if (guess.empty()) return msg("cli.parse.unexpected", {list("args", quoted)});
  return msg("cli.parse.unexpected_guess", {list("args", quoted), arg("guess", guess)});
}

/// "FLAG: TEXT" as FLAG and TEXT (CLI11 prefixes a validator's words with the option).
bool flag_and_rest(std::string_view what, std::string& flag, std::string_view& rest) {
  size_t colon = what.find(": ");
  if (colon == std::string_view::npos || !what.starts_with("-")) return false;
  flag = std::string(what.substr(0, colon));
  rest = what.substr(colon + 2);
  return true;
}

Message validation(std::string_view what) {
  std::string flag;
  std::string_view rest;
  if (flag_and_rest(what, flag, rest)) {
    // IsMember: "VALUE not in {a,b,c}".
    if (size_t at = rest.rfind(" not in {"); at != std::string_view::npos && rest.ends_with("}")) {
      std::string_view set = rest.substr(at + 9, rest.size() - at - 10);
      return msg("cli.parse.not_in", {arg("flag", flag), arg("value", rest.substr(0, at)), list("valid", split(set, ','))});
    }
    // byte_count_validator (cli/globals.cpp): "`VALUE` is not a number of bytes from 0 to MAX".
    constexpr std::string_view kBytes = "` is not a number of bytes from 0 to ";
    if (size_t at = rest.find(kBytes); rest.starts_with("`") && at != std::string_view::npos)
      return msg("cli.parse.bytes", {arg("flag", flag), arg("value", rest.substr(1, at - 1)),
                                     arg("max", rest.substr(at + kBytes.size()))});
  }
  return msg("cli.parse.other", {arg("text", what)});
}

Message mismatch(std::string_view what) {
  std::string flag;
  std::string_view rest;
  if (flag_and_rest(what, flag, rest)) {
    if (rest.starts_with("At Most ")) return msg("cli.parse.repeated", {arg("flag", flag)});
    if (rest.ends_with(" missing")) return msg("cli.parse.value_missing", {arg("flag", flag)});
  }
  return msg("cli.parse.other", {arg("text", what)});
}

}  // namespace

Message parse_error_message(const CLI::ParseError& e, const CLI::App& app, int argc, char** argv) {
  const std::string_view what = e.what();
  if (is<CLI::RequiredError>(e)) {
    if (what == "A subcommand is required") return no_command(app, argc, argv);
    if (what.ends_with(" is required"))
      return msg("cli.parse.argument_required", {arg("name", what.substr(0, what.size() - 12))});
  }
  if (is<CLI::ExtrasError>(e)) {
    std::string_view args = after(what, "The following argument was not expected: ");
    if (args.empty()) args = after(what, "The following arguments were not expected: ");
    if (!args.empty()) return unexpected(app, args);
  }
  if (is<CLI::ValidationError>(e)) return validation(what);
  if (is<CLI::ConversionError>(e)) {
    // "Could not convert: FLAG = VALUE"
    std::string_view rest = after(what, "Could not convert: ");
    if (size_t eq = rest.find(" = "); eq != std::string_view::npos)
      return msg("cli.parse.bad_value", {arg("flag", rest.substr(0, eq)), arg("value", rest.substr(eq + 3))});
  }
  if (is<CLI::ExcludesError>(e)) {
    if (size_t at = what.find(" excludes "); at != std::string_view::npos)
      return msg("cli.parse.excludes", {arg("flag", what.substr(0, at)), arg("other", what.substr(at + 10))});
  }
  if (is<CLI::ArgumentMismatch>(e)) return mismatch(what);
  return msg("cli.parse.other", {arg("text", what)});
}

Message parse_error_hint(const CLI::App& app) {
  const CLI::App* cmd = chosen(app);
  std::string command(kProgram);
  if (cmd) command.append(" ").append(cmd->get_name());
  return msg("cli.parse.help_hint", {arg("command", command)});
}

Lang lang_from_argv(int argc, char** argv) {
  std::string_view chosen_lang;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--lang" && i + 1 < argc) chosen_lang = argv[++i];
    else if (a.starts_with("--lang=")) chosen_lang = a.substr(7);
  }
  if (chosen_lang == "zh") return Lang::zh;
  if (chosen_lang == "en") return Lang::en;
  return resolve_lang("");
}

}  // namespace jf::cli
