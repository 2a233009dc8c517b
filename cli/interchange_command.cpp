// argmap import FILE --from FORMAT [-o OUT.arg]
// argmap export FILE --to FORMAT [--eval S] [-o OUT]
// The formats are the table of engine/interchange/formats.hpp.

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "engine/evaluate.hpp"
#include "engine/interchange/formats.hpp"

namespace argmap::cli {

namespace {

struct interchange_args {
  std::string file;
  engine::check_options input;  // import: the size limits only
  std::string format;
  std::string output = "-";
  std::string eval;
  std::string diagnostics = "human";  // import: how problems and notes are printed
};

// Writes to standard output ("-") or to a file (io::write_output).
int emit(const std::string& output, const std::string& bytes) {
  if (output == "-") {
    std::cout << bytes;
    return exit_ok;  // a failed write is reported when argmap ends
  }
  return write_output_file(output, bytes) ? exit_ok : exit_io;
}

// What an import did not keep, as notes of `file`: the first 20, then a count.
std::vector<diagnostic> notes_of(const std::string& file, const std::vector<std::string>& notes) {
  constexpr std::size_t shown = 20;
  std::vector<diagnostic> out;
  for (std::size_t k = 0; k < notes.size() && k < shown; ++k)
    out.push_back(unplaced(severity::note, "import-note", file, notes[k]));
  if (notes.size() > shown)
    out.push_back(unplaced(severity::note, "import-note", file,
                           fmt::format("... and {} more", notes.size() - shown)));
  return out;
}

// Standard output may hold the map, so an import's diagnostics, in any form,
// go to standard error.
int run_import(const interchange_args& args) {
  std::string text;
  if (refuse_overwriting_input(args.output, {args.file})) return exit_usage;
  if (!read_input(args.file, args.input.max_file_size, text)) return exit_io;
  diagnostic error;
  auto imported = engine::import_from(*engine::find_exchange_format(args.format), {args.file, text},
                                      error, args.input.parse);
  if (!imported) {
    print_diagnostics(std::cerr, args.diagnostics, {error});
    return exit_problems;
  }
  std::vector<diagnostic> notes = notes_of(args.file, imported->notes);
  if (!notes.empty() || args.diagnostics == "json")
    print_diagnostics(std::cerr, args.diagnostics, notes);
  return emit(args.output, imported->map);
}

int run_export(const interchange_args& args) {
  engine::checked_map m = check_input(args.file, args.input);
  if (int code = report_unusable(m)) return code;
  std::vector<std::string> inputs;
  for (const source_file& f : m.map.sources.files) inputs.push_back(f.name);
  if (refuse_overwriting_input(args.output, inputs)) return exit_usage;
  const engine::exchange_format& format = *engine::find_exchange_format(args.format);
  std::optional<engine::evaluation> e;
  if (format.evaluates && !evaluate_option(args.eval, m.graph, e)) return exit_problems;
  return emit(args.output, format.write({m.graph, m.map, e ? &*e : nullptr}));
}

}  // namespace

action setup_import(command& cmd) {
  auto args = std::make_shared<interchange_args>();
  cmd.add("file", args->file, "the file to import ('-' reads standard input)").required();
  cmd.add("--from", args->format,
          "json (argmap's own), aif (AIF JSON or xAIF), argdown, kialo (plain-text export), "
          "tgf, apx or i23 (ICCMA 2023 'p af N')")
      .required()
      .one_of(engine::exchange_format_names(true));
  cmd.add("-o,--output", args->output, "the argmap file to write (default: standard output)");
  cmd.add("--diagnostics", args->diagnostics,
          "human (default), json or github; printed to standard error")
      .one_of({"human", "json", "github"});
  add_limit_options(cmd, args->input);
  return [args] { return run_import(*args); };
}

action setup_export(command& cmd) {
  auto args = std::make_shared<interchange_args>();
  cmd.add("file", args->file, "argument file ('-' reads standard input)").required();
  add_input_options(cmd, args->input);
  cmd.add("--to", args->format,
          "json, aif, argdown, markdown, graphml, or tgf/apx/i23 (the abstract framework "
          "argmap evaluates, docs/evaluation.md)")
      .required()
      .one_of(engine::exchange_format_names(false));
  cmd.add("--eval", args->eval, "with --to json: include an evaluation")
      .one_of({"grounded", "preferred", "stable", "dfquad"});
  cmd.add("-o,--output", args->output, "the file to write (default: standard output)");
  return [args] { return run_export(*args); };
}

}  // namespace argmap::cli
