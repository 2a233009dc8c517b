// argmap eval FILE [--semantics grounded|preferred|stable|dfquad] [--format text|json]

#include <filesystem>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "core/utf8.hpp"
#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "engine/interchange/formats.hpp"
#include "grammar/suggest.hpp"

namespace argmap::cli {

namespace {

struct eval_args {
  std::string file;
  engine::check_options input;
  std::string semantics = "grounded";
  std::string format = "text";
  std::string from;  // a framework format, or empty: from the extension, else a map
  std::string explain;  // a claim id: say why it has its label
};

// The framework format `args` names (--from, else the file's extension), if any.
const engine::exchange_format* framework_format(const eval_args& args) {
  std::string name = args.from;
  if (name.empty()) {
    std::string ext = std::filesystem::path(args.file).extension().string();
    if (!ext.empty()) name = ext.substr(1);
  }
  const engine::exchange_format* f = engine::find_exchange_format(name);
  return f && f->framework ? f : nullptr;
}

// An abstract framework read as the map `argmap import` would write: one
// claim per argument, one attack per attack. Its translation is the
// framework itself (docs/evaluation.md), so evaluating the map evaluates it.
std::optional<engine::checked_map> framework_map(const eval_args& args,
                                                 const engine::exchange_format& format, int& code) {
  std::string text;
  diagnostic error;
  code = exit_io;
  if (!read_input(args.file, args.input.max_file_size, text)) return std::nullopt;
  code = exit_problems;
  auto imported = engine::import_from(format, {args.file, text}, error, args.input.parse);
  if (!imported) {
    std::cerr << format_human(error);
    return std::nullopt;
  }
  grammar::memory_loader no_includes;
  return engine::check_text(args.file, std::move(imported->map), no_includes, args.input);
}

int run_eval(const eval_args& args) {
  engine::checked_map m;
  if (auto format = framework_format(args)) {
    int code = 0;
    auto fm = framework_map(args, *format, code);
    if (!fm) return code;
    m = std::move(*fm);
  } else {
    m = check_input(args.file, args.input);
  }
  if (int code = report_unusable(m)) return code;
  engine::evaluation e = evaluate(m.graph, *engine::semantics_from_name(args.semantics));
  if (!e.ok()) {
    if (args.format == "json") std::cout << engine::evaluation_json(m.graph, e);
    std::cerr << format_human(*e.problem);
    return exit_problems;
  }
  std::vector<std::string> names;
  for (const source_file& f : m.map.sources.files) names.push_back(f.name);
  if (!args.explain.empty()) {
    auto c = m.graph.find(args.explain);
    if (!c) {
      std::vector<std::string> ids;
      for (const engine::claim_node& n : m.graph.claims)
        if (n.user_id) ids.push_back(n.id);
      auto near = grammar::closest(args.explain, ids);
      say(severity::error, fmt::format("--explain: no claim has id '{}'{}", args.explain,
                                       near ? fmt::format("; did you mean '{}'?", *near) : ""));
      return exit_usage;
    }
    engine::explanation x = engine::explainer(m.graph, e).explain(*c);
    if (args.format == "json") {
      nlohmann::ordered_json j =
          nlohmann::ordered_json::parse(engine::evaluation_json(m.graph, e, &names));
      std::cout << nlohmann::ordered_json{{"semantics", j["semantics"]},
                                          {"claim", args.explain},
                                          {"explanation", j["explanations"][args.explain]}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
      std::cout << engine::explanation_text(x, names);
    }
    return exit_ok;
  }
  std::cout << (args.format == "json" ? engine::evaluation_json(m.graph, e, &names)
                                      : engine::evaluation_text(m.graph, e));
  return exit_ok;
}

}  // namespace

action setup_eval(command& cmd) {
  auto args = std::make_shared<eval_args>();
  cmd.add("file", args->file,
          "argument file, or an abstract framework (.tgf, .apx, .i23) ('-' reads standard "
          "input)")
      .required();
  cmd.add("--from", args->from,
          "read FILE as an abstract framework: tgf, apx or i23 (default: from its extension)")
      .one_of({"tgf", "apx", "i23"});
  add_input_options(cmd, args->input);
  cmd.add("--semantics", args->semantics,
          "grounded (default), preferred, stable, or dfquad (gradual strengths)")
      .one_of({"grounded", "preferred", "stable", "dfquad"});
  cmd.add("--explain", args->explain,
          "say why the claim with this id has its label (or strength), with file:line")
      .type_name("ID");
  cmd.add("--format", args->format, "text (the default) or json").one_of({"text", "json"});
  return [args] { return run_eval(*args); };
}

}  // namespace argmap::cli
