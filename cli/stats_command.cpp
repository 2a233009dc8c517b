// argmap stats FILE [--format text|json]

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "engine/stats.hpp"

namespace argmap::cli {

namespace {

struct stats_args {
  std::string file;
  engine::check_options input;
  std::string format = "text";
};

int run_stats(const stats_args& args) {
  engine::checked_map m = check_input(args.file, args.input);
  if (int code = report_unusable(m)) return code;
  engine::map_stats s = compute_stats(m.map, m.graph);
  std::cout << (args.format == "json" ? engine::stats_json(s) : engine::stats_text(s));
  return exit_ok;
}

}  // namespace

action setup_stats(command& cmd) {
  auto args = std::make_shared<stats_args>();
  cmd.add("file", args->file, "argument file ('-' reads standard input)").required();
  add_input_options(cmd, args->input);
  cmd.add("--format", args->format, "text (the default) or json").one_of({"text", "json"});
  return [args] { return run_stats(*args); };
}

}  // namespace argmap::cli
