#pragma once
/// \file
/// The table of `argmap` subcommands. Each entry declares its options
/// (cli/options.hpp) and returns the action to run once the command line is parsed.

#include <functional>
#include <string>
#include <vector>

namespace argmap::cli {

class command;

/// Exit codes shared by every subcommand.
enum exit_code : int {
  exit_ok = 0,        ///< success, nothing to report
  exit_problems = 1,  ///< the input has errors (or warnings under --werror)
  exit_usage = 2,     ///< the command line is wrong
  exit_io = 3,        ///< a file could not be read or written, or an internal error
};

/// What a subcommand's setup returns: the action to run after parsing.
using action = std::function<int()>;

/// One subcommand.
struct subcommand {
  const char* name;              ///< e.g. "check"
  const char* description;       ///< one line for `argmap --help`
  action (*setup)(command& cmd);  ///< adds options; returns the action
};

/// Every subcommand, in the order `argmap --help` lists them.
const std::vector<subcommand>& subcommands();

/// `argmap build`.
action setup_build(command& cmd);
/// `argmap check`.
action setup_check(command& cmd);
/// `argmap stats`.
action setup_stats(command& cmd);
/// `argmap diff`.
action setup_diff(command& cmd);
/// `argmap eval`.
action setup_eval(command& cmd);
/// `argmap fmt`.
action setup_fmt(command& cmd);
/// `argmap md`: the argmap blocks of a Markdown document drawn.
action setup_md(command& cmd);
/// `argmap lsp`: a Language Server on standard input and output.
action setup_lsp(command& cmd);
/// `argmap serve`.
action setup_serve(command& cmd);
/// `argmap import`.
action setup_import(command& cmd);
/// `argmap export`.
action setup_export(command& cmd);
/// `argmap render`.
action setup_render(command& cmd);

/// Runs argmap with the given command line; returns the process exit code.
int run(int argc, char** argv);

}  // namespace argmap::cli
