// The argmap command line: one CLI11 app, one subcommand per table entry.

#include <CLI/CLI.hpp>
#include <boost/version.hpp>
#include <exception>
#include <iostream>
#include <new>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "cli/process.hpp"
#include "commit.hpp"  // generated: ARGMAP_COMMIT (cmake/commit.cmake)
#include "engine/interchange/formats.hpp"
#include "io/read.hpp"
#include "render/version.hpp"

#ifndef ARGMAP_VERSION
#define ARGMAP_VERSION "unknown"
#endif

namespace argmap::cli {

const std::vector<subcommand>& subcommands() {
  // The exchange formats' lines follow their table (engine/interchange/formats.hpp).
  static const std::string imports = "turn " + engine::exchange_format_list(true) + " into a map";
  static const std::string exports = "write a map as " + engine::exchange_format_list(false);
  static const std::vector<subcommand> table = {
      {"build", "render every map under folders, incrementally and in parallel", setup_build},
      {"check", "check argument files and report errors and warnings", setup_check},
      {"diff", "what changed in the argument between two versions of a map (or a git revision)",
       setup_diff},
      {"eval", "evaluate which claims stand (grounded, preferred, stable, dfquad), or a framework",
       setup_eval},
      {"export", exports.c_str(), setup_export},
      {"fmt", "format argument files canonically (in place, --check or --diff)", setup_fmt},
      {"import", imports.c_str(), setup_import},
      {"lsp", "a Language Server for editors, on standard input and output", setup_lsp},
      {"md", "draw the argmap blocks of a Markdown document (as SVG files or inline)", setup_md},
      {"render", "draw a map as SVG, PNG, PDF, DOT or an interactive HTML page", setup_render},
      {"serve", "show a map (or a folder's maps) in a browser, redrawn as you save", setup_serve},
      {"stats", "count the claims, reasons and relations of a map", setup_stats},
  };
  return table;
}

namespace {

std::string version_text() {
  return fmt::format("argmap {} (commit {})\nbuilt with Boost {}.{}.{}, fmt {}.{}.{}, Graphviz {}",
                     ARGMAP_VERSION, ARGMAP_COMMIT, BOOST_VERSION / 100000,
                     BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100, FMT_VERSION / 10000,
                     FMT_VERSION / 100 % 100, FMT_VERSION % 100, render::graphviz_version());
}

int dispatch(int argc, char** argv) {
  CLI::App app{"argmap: argument maps — parse, check, evaluate and render them"};
  app.name("argmap");
  app.set_version_flag("--version", version_text());
  app.require_subcommand(0, 1);
  app.fallthrough(false);
  std::vector<std::pair<CLI::App*, action>> actions;
  for (const subcommand& s : subcommands()) {
    CLI::App* sub = app.add_subcommand(s.name, s.description);
    command cmd(*sub);
    actions.emplace_back(sub, s.setup(cmd));
  }
  // Completion scripts are made from the table above, so they offer
  // exactly what it declares (docs/cli.md says where packages put them).
  std::string shell;
  CLI::App* completion =
      app.add_subcommand("completion", "print the bash, zsh or fish completion script for argmap");
  completion->add_option("shell", shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  actions.emplace_back(completion, [&app, &shell] {
    std::vector<command_info> commands = describe(app);
    std::erase_if(commands, [](const command_info& c) { return c.name == "completion"; });
    std::cout << completion_script(shell, commands, {"--help", "--version"});
    return int{exit_ok};
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0)
      return app.exit(e) == 0 ? exit_ok : exit_usage;  // --help, --version
    // An option error is a diagnostic like any other, printed the same way.
    std::string where = "argmap";
    for (auto& [sub, act] : actions)
      if (sub->parsed()) where += " " + sub->get_name();
    say(severity::error, e.what());
    say(severity::note, fmt::format("'{} --help' lists the options", where));
    return exit_usage;
  }
  for (auto& [sub, act] : actions)
    if (sub->parsed()) return act();
  std::cout << app.help();
  return exit_ok;
}

}  // namespace

int run(int argc, char** argv) {
  io::guard_standard_descriptors();
  install_standard_output();
  install_crash_handlers();
  int code = exit_io;  // 3: I/O or internal error
  try {
    code = dispatch(argc, argv);
  } catch (const std::bad_alloc&) {
    // Written as a literal: building a diagnostic would allocate.
    std::cerr << "argmap: error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "argmap: internal error (please report this): " << e.what() << "\n";
  } catch (...) {
    std::cerr << "argmap: internal error (please report this)\n";
  }
  return finish_standard_output(code);
}

}  // namespace argmap::cli
