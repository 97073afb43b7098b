// The command table: each command registers its flags and its action.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>

#include "cli/common.hpp"

namespace jf::cli {

/// Registers a subcommand on `app`; the returned function runs it and gives
/// the exit code.
using Action = std::function<int()>;
using Setup = Action (*)(CLI::App& app, Globals& g);

Action setup_check(CLI::App& app, Globals& g);
Action setup_convert(CLI::App& app, Globals& g);
Action setup_fmt(CLI::App& app, Globals& g);
Action setup_rules(CLI::App& app, Globals& g);
Action setup_explain(CLI::App& app, Globals& g);
Action setup_test(CLI::App& app, Globals& g);
Action setup_config(CLI::App& app, Globals& g);
Action setup_score(CLI::App& app, Globals& g);
Action setup_burden(CLI::App& app, Globals& g);
Action setup_diff(CLI::App& app, Globals& g);
Action setup_import(CLI::App& app, Globals& g);
Action setup_report(CLI::App& app, Globals& g);
Action setup_lsp(CLI::App& app, Globals& g);
Action setup_schema(CLI::App& app, Globals& g);
Action setup_help_gen(CLI::App& app, Globals& g);

}  // namespace jf::cli
