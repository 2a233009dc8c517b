// argmap eval FILE [--semantics grounded|preferred|stable|dfquad] [--format text|json]

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "engine/evaluate.hpp"

namespace argmap::cli {

namespace {

struct eval_args {
  std::string file;
  check_options input;
  std::string semantics = "grounded";
  std::string format = "text";
};

int run_eval(const eval_args& args) {
  checked_map m = check_input(args.file, args.input);
  if (int code = report_unusable(m)) return code;
  evaluation e = evaluate(m.graph, *semantics_from_name(args.semantics));
  if (!e.error.empty()) {
    if (args.format == "json") std::cout << evaluation_json(m.graph, e);
    say(severity::error, e.error);
    return exit_problems;
  }
  std::cout << (args.format == "json" ? evaluation_json(m.graph, e) : evaluation_text(m.graph, e));
  return exit_ok;
}

}  // namespace

action setup_eval(CLI::App& app) {
  auto args = std::make_shared<eval_args>();
  app.add_option("file", args->file, "argument file ('-' reads standard input)")->required();
  add_input_options(app, args->input);
  app.add_option("--semantics", args->semantics,
                 "grounded (default), preferred, stable, or dfquad (gradual strengths)")
      ->check(CLI::IsMember({"grounded", "preferred", "stable", "dfquad"}));
  app.add_option("--format", args->format, "text (the default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  return [args] { return run_eval(*args); };
}

}  // namespace argmap::cli
