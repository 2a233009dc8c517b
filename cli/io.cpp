#include "cli/io.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "batch/discover.hpp"
#include "cli/options.hpp"
#include "core/utf8.hpp"
#include "engine/report.hpp"
#include "io/read.hpp"
#include "io/write.hpp"

namespace argmap::cli {

void say(severity level, const std::string& message) {
  std::cerr << format_human(unplaced(level, {}, {}, message));  // "argmap: LEVEL: MESSAGE"
}

bool stdout_is_terminal() {
  return isatty(STDOUT_FILENO) == 1;
}

bool use_colour() {
  const char* no_color = std::getenv("NO_COLOR");
  return stdout_is_terminal() && (no_color == nullptr || *no_color == '\0');
}

void add_input_options(command& cmd, engine::check_options& options) {
  cmd.add("--include-root", options.include_root,
          "includes must lie in this folder (default: the nearest folder above the map "
          "holding .git, else the map's folder)");
  add_limit_options(cmd, options);
}

void add_limit_options(command& cmd, engine::check_options& options) {
  cmd.add("--max-file-size", options.max_file_size,
          "refuse files larger than this many bytes (default 1 GiB)")
      .range(std::size_t{1}, std::size_t{1} << 40);
  cmd.add("--max-depth", options.parse.max_depth,
          "deepest nesting of claims accepted (default 256, at most 1000: passes over the "
          "outline recurse once per level)")
      .range(1u, 1000u);
  cmd.add("--max-nodes", options.parse.max_claims,
          "most claims a map may have, counting every file it includes (default 100000)")
      .range(std::size_t{1}, std::size_t{1} << 32);
}

grammar::disk_loader input_loader(const engine::check_options& options) {
  return grammar::disk_loader(options.max_file_size, options.include_root);
}

engine::checked_map check_input(const std::string& path, const engine::check_options& options) {
  grammar::disk_loader loader = input_loader(options);
  if (path != "-") return engine::check_file(path, loader, options);
  std::string text;
  diagnostic why;
  if (!io::read_stdin(text, why, options.max_file_size)) {
    engine::checked_map m;
    m.unreadable = true;
    why.message = "cannot read standard input: " + why.message;
    m.diagnostics.push_back(std::move(why));
    return m;
  }
  return engine::check_text("<stdin>", std::move(text), loader, options);
}

bool read_input(const std::string& path, std::size_t max_bytes, std::string& text) {
  diagnostic why;
  bool ok = path == "-"
                ? io::read_stdin(text, why, max_bytes)
                : io::read_file(path, text, why, {.max_bytes = max_bytes, .allow_streams = true});
  if (!ok)
    say(severity::error, "cannot read " +
                             (path == "-" ? std::string("standard input") : "'" + path + "'") +
                             ": " + why.message);
  return ok;
}

bool refuse_overwriting_input(const std::string& output, const std::vector<std::string>& inputs) {
  if (output.empty() || output == "-") return false;
  for (const std::string& in : inputs) {
    if (in == "-" || in == "<stdin>" || !io::same_file(output, in)) continue;
    say(severity::error, "refusing to write over '" + in +
                             "', which is an input of this command; choose another -o");
    return true;
  }
  return false;
}

bool write_output_file(const std::string& path, const std::string& bytes) {
  diagnostic error;
  if (io::write_output(path, bytes, error)) return true;
  say(severity::error, error.message);
  return false;
}

void print_diagnostics(std::ostream& out, const std::string& form,
                       const std::vector<diagnostic>& ds, bool colour) {
  if (form == "json")
    out << engine::format_json(ds);
  else if (form == "github")
    out << engine::format_github(ds);
  else
    out << format_human(ds, colour);
}

std::vector<std::string> expand_folders(const std::vector<std::string>& arguments, std::size_t max_file_size,
                                        std::vector<diagnostic>& problems, bool partials) {
  std::vector<std::string> files;
  for (const std::string& a : arguments) {
    struct stat st {};
    if (a == "-" || stat(a.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      files.push_back(a);  // a file: read (or reported unreadable) as it is
      continue;
    }
    batch::discovery d = batch::discover({a}, {0, 0}, max_file_size, partials);
    for (diagnostic& p : d.diagnostics) problems.push_back(std::move(p));
    for (const batch::found_map& m : d.maps) {
      if (!m.problem.empty()) {
        diagnostic p;
        p.file = m.path;
        p.code = "unsafe-link";
        p.message = m.problem;
        problems.push_back(std::move(p));
        continue;
      }
      files.push_back(m.path);
    }
  }
  return files;
}

std::string summary(std::size_t errors, std::size_t warnings, std::size_t files) {
  std::string where = fmt::format("in {} file{}", files, files == 1 ? "" : "s");
  if (errors == 0 && warnings == 0) return "no errors or warnings " + where;
  return fmt::format("{} error{}, {} warning{} {}", errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s", where);
}

bool evaluate_option(const std::string& option, const engine::argument_graph& g,
                     std::optional<engine::evaluation>& out) {
  if (option.empty()) return true;
  out = engine::evaluate(g, *engine::semantics_from_name(option));
  if (out->ok()) return true;
  say(severity::error, "--eval: " + out->problem->message);
  return false;
}

int report_unusable(const engine::checked_map& m) {
  if (!m.unreadable && m.errors() == 0) return 0;
  std::cerr << format_human(m.diagnostics, false) << summary(m.errors(), m.warnings(), 1) << "\n";
  return m.unreadable ? 3 : 1;
}

}  // namespace argmap::cli
