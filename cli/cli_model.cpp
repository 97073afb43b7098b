#include "cli/cli_model.hpp"

namespace jf::cli {
namespace {

// CLI11 writes a validator's set into the type name: "TEXT:{text,json}".
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  auto open = type_name.find(":{");
  auto close = type_name.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string set = type_name.substr(open + 2, close - open - 2);
  size_t start = 0;
  while (start <= set.size()) {
    size_t comma = set.find(',', start);
    if (comma == std::string::npos) comma = set.size();
    if (comma > start) out.push_back(set.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

CommandDoc describe_command(const CLI::App& app) {
  CommandDoc doc{app.get_name(), app.get_description(), {}};
  for (const CLI::Option* opt : app.get_options()) {
    if (opt == app.get_help_ptr() || opt == app.get_version_ptr()) continue;
    if (opt->get_group().empty()) continue;  // hidden option
    OptionDoc o;
    o.shorts = opt->get_snames();
    o.longs = opt->get_lnames();
    if (!opt->nonpositional()) o.positional = opt->get_name(true);
    std::string type = opt->get_type_name();
    if (opt->get_expected_max() != 0) {
      o.type = type.substr(0, type.find(':'));
      if (o.type.empty()) o.type = "VALUE";
      o.choices = choices_of(type);
    }
    o.description = opt->get_description();
    o.required = opt->get_required();
    o.repeats = opt->get_expected_max() > 1;
    doc.options.push_back(std::move(o));
  }
  return doc;
}

}  // namespace

const CommandDoc* ProgramDoc::find(const std::string& name) const {
  if (name.empty()) return &root;
  for (auto& c : commands)
    if (c.name == name) return &c;
  return nullptr;
}

ProgramDoc describe_program(const CLI::App& app, std::string program, std::string version) {
  ProgramDoc doc{std::move(program), std::move(version), describe_command(app), {}};
  doc.root.name.clear();
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    doc.commands.push_back(describe_command(*sub));
  return doc;
}

}  // namespace jf::cli
