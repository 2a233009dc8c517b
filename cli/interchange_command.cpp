// argmap import FILE --from tgf|apx|i23 [-o OUT.arg]
// argmap export FILE --to tgf|apx|i23 [-o OUT]

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "engine/af_format.hpp"
#include "engine/evaluate.hpp"
#include "engine/interchange/aif.hpp"
#include "engine/interchange/aif_import.hpp"
#include "engine/interchange/argdown.hpp"
#include "engine/interchange/argdown_import.hpp"
#include "engine/interchange/graphml.hpp"
#include "engine/interchange/json.hpp"
#include "engine/interchange/kialo.hpp"
#include "engine/interchange/markdown.hpp"
#include "engine/translate.hpp"
#include "grammar/utf8.hpp"

namespace argmap::cli {

namespace {

struct interchange_args {
  std::string file;
  check_options input;  // import: the size limits only
  std::string format;
  std::string output = "-";
  std::string eval;
};

// Writes to standard output ("-") or to a file (io::write_output).
int emit(const std::string& output, const std::string& bytes) {
  if (output == "-") {
    std::cout << bytes;
    return exit_ok;  // a failed write is reported when argmap ends
  }
  return write_output_file(output, bytes) ? exit_ok : exit_io;
}

int run_import(const interchange_args& args) {
  std::string text;
  if (refuse_overwriting_input(args.output, {args.file})) return exit_usage;
  if (!read_input(args.file, args.input.max_file_size, text)) return exit_io;
  import_error error;
  if (args.format == "aif" || args.format == "kialo" || args.format == "json" ||
      args.format == "argdown") {
    const parse_options& limits = args.input.parse;
    auto imported = args.format == "aif"       ? import_aif(text, error, limits)
                    : args.format == "kialo"   ? import_kialo(text, error, limits)
                    : args.format == "argdown" ? import_argdown(text, error, limits)
                                               : import_json(text, error, limits);
    if (!imported) {
      report_import_error(args.file, text, error);
      return exit_problems;
    }
    // Notes on what was not kept: the first 20, then a count.
    constexpr std::size_t shown = 20;
    for (std::size_t k = 0; k < imported->notes.size() && k < shown; ++k)
      std::cerr << utf8::visible(args.file + ": note: " + imported->notes[k]) << "\n";
    if (imported->notes.size() > shown)
      std::cerr << utf8::visible(args.file) << ": note: ... and " << imported->notes.size() - shown
                << " more\n";
    return emit(args.output, imported->map);
  }
  auto f = read_af(text, *af_format_from_name(args.format), error);
  if (!f) {
    report_import_error(args.file, text, error);
    return exit_problems;
  }
  auto map = framework_to_map(*f, error, args.input.parse);
  if (!map) {
    report_import_error(args.file, text, error);
    return exit_problems;
  }
  return emit(args.output, *map);
}

int run_export(const interchange_args& args) {
  checked_map m = check_input(args.file, args.input);
  if (int code = report_unusable(m)) return code;
  std::vector<std::string> inputs;
  for (const source_file& f : m.map.sources.files) inputs.push_back(f.name);
  if (refuse_overwriting_input(args.output, inputs)) return exit_usage;
  if (auto af = af_format_from_name(args.format)) {
    translation t = translate(m.graph);
    named_framework f{t.names, std::move(t.af)};
    return emit(args.output, write_af(f, *af));
  }
  if (args.format == "json") {
    std::optional<evaluation> e;
    if (!evaluate_option(args.eval, m.graph, e)) return exit_problems;
    return emit(args.output, export_json(m.graph, m.map, e ? &*e : nullptr));
  }
  if (args.format == "aif") return emit(args.output, export_aif(m.graph));
  if (args.format == "argdown") return emit(args.output, export_argdown(m.graph));
  if (args.format == "markdown") return emit(args.output, export_markdown(m.graph));
  return emit(args.output, export_graphml(m.graph));
}

}  // namespace

action setup_import(command& cmd) {
  auto args = std::make_shared<interchange_args>();
  cmd.add("file", args->file, "the file to import ('-' reads standard input)").required();
  cmd.add("--from", args->format,
          "json (argmap's own), aif (AIF JSON or xAIF), argdown, kialo (plain-text export), "
          "tgf, apx or i23 (ICCMA 2023 'p af N')")
      .required()
      .one_of({"json", "aif", "argdown", "kialo", "tgf", "apx", "i23"});
  cmd.add("-o,--output", args->output, "the argmap file to write (default: standard output)");
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
      .one_of({"json", "aif", "argdown", "markdown", "graphml", "tgf", "apx", "i23"});
  cmd.add("--eval", args->eval, "with --to json: include an evaluation")
      .one_of({"grounded", "preferred", "stable", "dfquad"});
  cmd.add("-o,--output", args->output, "the file to write (default: standard output)");
  return [args] { return run_export(*args); };
}

}  // namespace argmap::cli
