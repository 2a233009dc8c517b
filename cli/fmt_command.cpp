// argmap fmt FILE... [--check] [--diff]     argmap fmt -   (standard input to standard output)

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "engine/diff.hpp"
#include "engine/format.hpp"
#include "io/write.hpp"

namespace argmap::cli {

namespace {

struct fmt_args {
  std::vector<std::string> files;
  bool check = false;
  bool diff = false;
  engine::check_options limits;  // --max-file-size, --max-depth, --max-nodes
};

int run_fmt(const fmt_args& args) {
  int code = exit_ok;
  std::vector<diagnostic> walk;
  // Partials are source files too: fmt formats them.
  std::vector<std::string> files = expand_folders(args.files, args.limits.max_file_size, walk, true);
  if (!walk.empty()) std::cerr << format_human(walk, false);
  if (count(walk, severity::error) > 0) code = exit_problems;
  for (const std::string& file : files) {
    std::string text;
    if (!read_input(file, args.limits.max_file_size, text)) {
      code = exit_io;
      continue;
    }
    std::string name = file == "-" ? "<stdin>" : file;
    std::vector<diagnostic> diagnostics;
    std::optional<std::string> formatted =
        engine::format_text(name, text, diagnostics, args.limits.parse);
    if (!formatted) {
      // A file with errors is never touched.
      std::cerr << format_human(diagnostics, false)
                << summary(count(diagnostics, severity::error),
                           count(diagnostics, severity::warning), 1)
                << "\n";
      if (code == exit_ok) code = exit_problems;
      continue;
    }
    bool changed = *formatted != text;
    if (args.diff) std::cout << engine::unified_diff(name, text, *formatted);
    if (args.check) {
      if (changed) {
        if (!args.diff) std::cout << name << "\n";
        if (code == exit_ok) code = exit_problems;
      }
      continue;
    }
    if (args.diff) continue;
    if (file == "-") {
      std::cout << *formatted;
    } else if (changed) {
      // Through a link to its target; the file keeps its permissions and owner.
      diagnostic error;
      io::write_report report;
      if (!io::write_output(file, *formatted, error, &report)) {
        say(severity::error, error.message);
        code = exit_io;
      } else if (report.other_links > 0) {
        say(severity::note,
            "'" + file + "' had " + std::to_string(report.other_links) + " other hard link" +
                (report.other_links == 1 ? "" : "s") +
                ", which keep the unformatted text (argmap replaces a file, it does not edit it "
                "in place)");
      }
    }
  }
  return code;
}

}  // namespace

action setup_fmt(command& cmd) {
  auto args = std::make_shared<fmt_args>();
  cmd.add("files", args->files,
          "argument files or folders to format in place (a folder: every map below it, as "
          "build finds them, partials included; '-' formats standard input to standard "
          "output)")
      .required();
  cmd.flag("--check", args->check,
           "write nothing; list the files that are not formatted and exit 1 if any");
  cmd.flag("--diff", args->diff, "write nothing; print a unified diff of what would change");
  add_limit_options(cmd, args->limits);
  return [args] { return run_fmt(*args); };
}

}  // namespace argmap::cli
