// argmap check FILE... [--format human|json|github] [--werror] [--no-warn NAME]

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "engine/lint.hpp"
#include "engine/report.hpp"

namespace argmap::cli {

namespace {

struct check_args {
  std::vector<std::string> files;
  std::string format = "human";
  bool werror = false;
  std::vector<std::string> no_warn;
  engine::check_options input;
};

int run_check(const check_args& args) {
  engine::check_options options = args.input;
  options.disabled.insert(args.no_warn.begin(), args.no_warn.end());
  std::vector<diagnostic> all;
  std::size_t errors = 0, warnings = 0;
  bool unreadable = false;
  bool colour = args.format == "human" && use_colour();
  std::vector<diagnostic> walk;
  std::vector<std::string> files = expand_folders(args.files, options.max_file_size, walk);
  errors += count(walk, severity::error);
  warnings += count(walk, severity::warning);
  if (args.format == "human") std::cout << format_human(walk, colour);
  else all.insert(all.end(), walk.begin(), walk.end());
  for (const std::string& file : files) {
    engine::checked_map m = check_input(file, options);
    errors += m.errors();
    warnings += m.warnings();
    unreadable = unreadable || m.unreadable;
    if (args.format == "human") {
      std::cout << format_human(m.diagnostics, colour);
    } else {
      for (diagnostic& d : m.diagnostics) all.push_back(std::move(d));
    }
  }
  if (args.format == "human") {
    std::cout << summary(errors, warnings, files.size()) << "\n";
  } else {
    print_diagnostics(std::cout, args.format, all);
  }
  std::cout.flush();
  if (unreadable) return exit_io;
  if (errors > 0 || (args.werror && warnings > 0)) return exit_problems;
  return exit_ok;
}

}  // namespace

action setup_check(command& cmd) {
  auto args = std::make_shared<check_args>();
  cmd.add("files", args->files,
          "argument files or folders to check (a folder: every map below it, as build "
          "finds them; '-' reads standard input)")
      .required();
  cmd.add("--format", args->format,
          "human (compiler-style, the default), json, or github (Actions annotations)")
      .one_of({"human", "json", "github"});
  cmd.flag("--werror", args->werror, "treat warnings as errors (exit 1 if any)");
  std::vector<std::string> names(engine::warning_names().begin(), engine::warning_names().end());
  cmd.add("--no-warn", args->no_warn,
          "switch off a warning by name (repeatable, or comma-separated)")
      .delimiter(',')
      .one_of(names);
  add_input_options(cmd, args->input);
  return [args] { return run_check(*args); };
}

}  // namespace argmap::cli
