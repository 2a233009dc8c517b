// argmap diff OLD NEW | OLD_FOLDER NEW_FOLDER | --git REV FILE...
//   [--format human|json|markdown|github] [--eval SEMANTICS] [--link URL] [--threshold PERCENT]
//   [--render OUT.svg|html|png|pdf]
//
// What changed in the argument between two versions of a map (docs/diff.md).
// Exit 0: the same argument; 1: it differs; 2: usage; 3: a map cannot be
// read or has errors.

#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/diff_output.hpp"
#include "cli/git_loader.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "engine/framework.hpp"
#include "render/render.hpp"

namespace argmap::cli {

namespace {

namespace fs = std::filesystem;

struct diff_args {
  std::vector<std::string> paths;
  std::string git;
  std::string format = "human";
  std::string eval;
  std::string link;
  unsigned threshold = 50;  // percent
  std::string render;       // --render OUT
  engine::check_options input;
};

// Reads and checks one version; false (after printing why) if it cannot
// be compared.
bool load(diff_side& side, const std::string& path, git_loader* at, const diff_args& args) {
  if (at) {
    side.map = engine::check_file(path, *at, args.input);
  } else {
    side.map = check_input(path, args.input);
  }
  for (diagnostic& d : side.map.diagnostics)
    if (at && d.file == path) d.file = side.name;
  if (side.map.unreadable || side.map.errors() > 0) {
    std::vector<diagnostic> errors;
    for (const diagnostic& d : side.map.diagnostics)
      if (d.level == severity::error) errors.push_back(d);
    std::cerr << format_human(errors, false);
    say(severity::error, side.name + (side.map.unreadable ? " cannot be read" : " has errors") +
                             ": there is nothing to compare");
    return false;
  }
  return evaluate_option(args.eval, side.map.graph, side.eval);
}

// Claims premise of nothing: what the map argues for.
std::vector<bool> theses(const engine::argument_graph& g) {
  std::vector<bool> thesis(g.claims.size(), true);
  for (const engine::inference& inf : g.inferences)
    for (engine::claim_index p : inf.premises) thesis[p] = false;
  return thesis;
}

std::string status(const engine::evaluation& e, engine::claim_index c) {
  if (!e.claim_strengths.empty()) return fmt::format("{:.2f}", e.claim_strengths[c]);
  return engine::name_of(e.claim_labels[c]);
}

// The matched claims whose evaluation differs, the theses first.
void compare_statuses(map_diff& d) {
  if (!d.before.eval || !d.after.eval || !d.before.present || !d.after.present) return;
  const std::vector<bool> thesis = theses(d.after.map.graph);
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t j = 0; j < d.comparison.before_of.size(); ++j) {
      const std::int64_t i = d.comparison.before_of[j];
      if (i < 0 || thesis[j] != (pass == 0)) continue;
      const auto c = static_cast<engine::claim_index>(j), b = static_cast<engine::claim_index>(i);
      std::string was = status(*d.before.eval, b), is = status(*d.after.eval, c);
      if (was != is) d.statuses.push_back({b, c, was, is, thesis[j]});
    }
}

// The pairs of files two folders hold, by their path below each folder.
std::vector<std::pair<std::string, std::string>> pair_folders(const std::string& a,
                                                              const std::string& b,
                                                              const diff_args& args, bool& ok) {
  std::map<std::string, std::pair<std::string, std::string>> by_path;
  for (int side = 0; side < 2; ++side) {
    const std::string& root = side == 0 ? a : b;
    std::vector<diagnostic> problems;
    for (const std::string& f : expand_folders({root}, args.input.max_file_size, problems)) {
      std::string rel = fs::path(f).lexically_relative(root).generic_string();
      (side == 0 ? by_path[rel].first : by_path[rel].second) = f;
    }
    if (count(problems, severity::error) > 0) {
      std::cerr << format_human(problems, false);
      ok = false;
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(by_path.size());
  for (auto& [rel, files] : by_path) out.push_back(files);
  return out;
}

// --render: the new version drawn with the old one's removed claims as
// ghosts and every change marked (engine::overlay_of).
int draw(const map_diff& d, const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  auto format = ext.size() > 1 ? render::format_from_name(ext.substr(1)) : std::nullopt;
  if (!format || *format == render::format::dot) {
    say(severity::error, "--render: cannot tell the format from '" + path +
                             "'; name a .svg, .html, .png or .pdf file");
    return exit_usage;
  }
  std::vector<std::string> inputs;
  for (const diff_side* s : {&d.before, &d.after})
    for (const source_file& f : s->map.map.sources.files) inputs.push_back(f.name);
  if (refuse_overwriting_input(path, inputs)) return exit_usage;
  engine::overlay o = engine::overlay_of(d.before.map.graph, d.after.map.graph, d.comparison);
  render::options opts;
  opts.output = *format;
  opts.claim_changes = std::move(o.claims);
  opts.inference_changes = std::move(o.inferences);
  opts.title = "Changes: " + d.before.name + " \u2192 " + d.after.name;
  for (const source_file& f : d.after.map.map.sources.files) opts.files.push_back(f.name);
  render::renderer r(*format == render::format::png || *format == render::format::pdf);
  render::result out = r.render(o.graph, opts);
  std::cerr << format_human(out.diagnostics);
  if (!out.ok()) return exit_io;
  return write_output_file(path, out.bytes) ? exit_ok : exit_io;
}

int run_diff(const diff_args& args) {
  std::vector<map_diff> diffs;
  std::vector<std::pair<std::string, std::string>> pairs;  // old, new ("" = absent)
  std::unique_ptr<git_loader> at;
  if (!args.git.empty()) {
    if (args.paths.empty()) {
      say(severity::error, "--git REV needs the files to compare with REV");
      return exit_usage;
    }
    at = std::make_unique<git_loader>(args.git, args.input.max_file_size);
    std::string why;
    if (!at->open(why)) {
      say(severity::error, "--git " + args.git + ": " + why);
      return exit_io;
    }
    for (const std::string& p : args.paths) pairs.emplace_back(p, p);
  } else {
    if (args.paths.size() != 2) {
      say(severity::error, "give two maps (or two folders) to compare, or --git REV and files");
      return exit_usage;
    }
    std::error_code ec;
    const bool a_dir = fs::is_directory(args.paths[0], ec),
               b_dir = fs::is_directory(args.paths[1], ec);
    if (a_dir != b_dir && args.paths[0] != "/dev/null" && args.paths[1] != "/dev/null") {
      say(severity::error, "compare a folder with a folder, or a map with a map");
      return exit_usage;
    }
    if (a_dir) {
      bool ok = true;
      pairs = pair_folders(args.paths[0], args.paths[1], args, ok);
      if (!ok) return exit_io;
    } else {
      // /dev/null stands for no map at all, as for diff -N: a new or a removed map.
      auto absent = [](const std::string& p) { return p == "/dev/null" ? std::string() : p; };
      pairs.emplace_back(absent(args.paths[0]), absent(args.paths[1]));
      if (pairs.back().first.empty() && pairs.back().second.empty()) {
        say(severity::error, "compare a map with a map, not nothing with nothing");
        return exit_usage;
      }
    }
  }
  for (const auto& [old_path, new_path] : pairs) {
    map_diff& d = diffs.emplace_back();
    d.before.present = !old_path.empty();
    d.after.present = !new_path.empty();
    d.before.name = at ? args.git + ":" + old_path : old_path;
    d.after.name = new_path;
    if (d.before.present && !load(d.before, old_path, at.get(), args)) return exit_io;
    if (d.after.present && !load(d.after, new_path, nullptr, args)) return exit_io;
    d.comparison = engine::compare(d.before.map.graph, d.after.map.graph,
                                   {.threshold = args.threshold / 100.0});
    compare_statuses(d);
  }
  if (!args.render.empty()) {
    if (diffs.size() != 1 || !diffs[0].before.present || !diffs[0].after.present) {
      say(severity::error,
          "--render draws one map's changes: compare two maps, or one file with --git");
      return exit_usage;
    }
    if (int code = draw(diffs[0], args.render)) return code;
  }
  diff_style style;
  style.colour = args.format == "human" && use_colour();
  style.semantics = args.eval;
  style.link = args.link;
  while (!style.link.empty() && style.link.back() == '/') style.link.pop_back();
  if (args.format == "json")
    std::cout << format_diff_json(diffs, style);
  else if (args.format == "markdown")
    std::cout << format_diff_markdown(diffs, style);
  else if (args.format == "github")
    std::cout << format_diff_github(diffs, style);
  else
    std::cout << format_diff_human(diffs, style);
  for (const map_diff& d : diffs)
    if (!d.same()) return exit_problems;
  return exit_ok;
}

}  // namespace

action setup_diff(command& cmd) {
  auto args = std::make_shared<diff_args>();
  cmd.add("paths", args->paths,
          "OLD NEW: two maps (/dev/null for none: a new or a removed map), or two folders (maps "
          "paired by their path below each); with --git: the maps to compare with that revision");
  cmd.add("--git", args->git,
          "compare each map as it is at this git revision (its includes too, read with git show) "
          "with the working tree");
  cmd.add("--format", args->format,
          "human (grouped, the default), json, markdown (a pull-request comment) or github "
          "(annotations)")
      .one_of({"human", "json", "markdown", "github"});
  cmd.add("--eval", args->eval,
          "also list the claims whose evaluation changed under this semantics, the theses first")
      .one_of({"grounded", "preferred", "stable", "dfquad"});
  cmd.add("--link", args->link,
          "markdown: link places to this address followed by /FILE#LLINE (e.g. "
          "https://github.com/OWNER/REPO/blob/SHA)");
  cmd.add("--threshold", args->threshold,
          "how alike, in percent, two texts must be (the Dice coefficient of their words; default "
          "50) for claims without a common id to be the same claim")
      .range(0u, 100u);
  cmd.add(
      "--render", args->render,
      "also draw the new version to this .svg, .html, .png or .pdf file: new claims and reasons "
      "marked, changed ones marked differently, removed ones as ghosts where they were");
  add_input_options(cmd, args->input);
  return [args] { return run_diff(*args); };
}

}  // namespace argmap::cli
