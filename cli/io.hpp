#pragma once
/// \file
/// Terminal and input helpers shared by the subcommands.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/evaluate.hpp"
#include "engine/interchange/import_result.hpp"

namespace argmap::cli {

class command;

/// Adds the options that limit what a map may read and how deep it may nest
/// (`--include-root`, `--max-file-size`, `--max-depth`, `--max-nodes`) to a subcommand.
void add_input_options(command& cmd, engine::check_options& options);

/// The size limits alone (`--max-file-size`, `--max-depth`, `--max-nodes`),
/// for commands that read files but follow no includes (`fmt`).
void add_limit_options(command& cmd, engine::check_options& options);

/// Prints "argmap: error: MESSAGE" (or warning, note) to standard error, with
/// control characters in the message written out (utf8::visible): file names
/// and quoted input cannot act on the terminal.
void say(severity level, const std::string& message);

/// True when standard output is a terminal and NO_COLOR is not set.
bool use_colour();

/// True when standard output is a terminal.
bool stdout_is_terminal();

/// A disk loader bounded by `options` (include root, file size).
grammar::disk_loader input_loader(const engine::check_options& options);

/// Checks `path` ("-" reads standard input, named "<stdin>") with includes read
/// from disk, within `options.include_root` and `options.max_file_size`.
engine::checked_map check_input(const std::string& path, const engine::check_options& options);

/// Reads the file a command was given ("-": standard input) into `text`, at
/// most `max_bytes`; FIFOs and devices are read too (`<(generate)`). On
/// failure prints "argmap: error: cannot read ..." and returns false.
bool read_input(const std::string& path, std::size_t max_bytes, std::string& text);

/// True (after printing why) when `output` is the same file as one of
/// `inputs`: a drawing or an export must not replace its own map.
bool refuse_overwriting_input(const std::string& output, const std::vector<std::string>& inputs);

/// Writes `bytes` to the file `path` the user named with io::write_output
/// (atomic for a regular file, in place for a FIFO or device); on failure
/// prints the error and returns false.
bool write_output_file(const std::string& path, const std::string& bytes);

/// The files a command that takes maps should read for `arguments`: a file
/// (or `-`) as it is, a folder as `argmap build` walks it (every `.arg`
/// below it but partials `_*` (unless `partials`), hidden folders and what its
/// `.argmapignore` lists). What the walk skipped or could not read is added
/// to `problems`.
std::vector<std::string> expand_folders(const std::vector<std::string>& arguments, std::size_t max_file_size,
                                        std::vector<diagnostic>& problems, bool partials = false);

/// Prints `ds` to `out` in one of the forms `--format`/`--diagnostics` name:
/// "json" (format_json), "github" (format_github) or "human" (format_human,
/// coloured when `colour`). check, build and import share it.
void print_diagnostics(std::ostream& out, const std::string& form,
                       const std::vector<diagnostic>& ds, bool colour = false);

/// "2 errors, 1 warning in 3 files" (or "no errors or warnings in 1 file").
std::string summary(std::size_t errors, std::size_t warnings, std::size_t files);

/// Evaluates `g` under the semantics named by `option` (a `--eval` value)
/// into `out`; an empty option leaves `out` empty. On an evaluation error
/// prints it and returns false.
bool evaluate_option(const std::string& option, const engine::argument_graph& g,
                     std::optional<engine::evaluation>& out);

/// For commands that need a valid map: when `m` could not be read or has
/// errors, prints its diagnostics and summary to standard error as `argmap
/// check` would and returns the exit code (3 unreadable, 1 errors); else 0.
int report_unusable(const engine::checked_map& m);

}  // namespace argmap::cli
