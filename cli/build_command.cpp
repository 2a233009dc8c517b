// argmap build [SRC...] -o OUTDIR [-f svg,png,...] [-j N] [--eval S] [--theme T]
//              [--force] [--keep-going|--no-keep-going] [--prune] [--diagnostics F]
//
// Finds the maps (batch/discover), decides from the manifest (batch/manifest)
// which are out of date, renders those in worker processes (batch/pool), writes
// each map's outputs together into the locked output folder (io/folder), and
// reports in file order.

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <new>
#include <set>

#include <fmt/format.h>

#include "batch/discover.hpp"
#include "batch/manifest.hpp"
#include "batch/pool.hpp"
#include "cli/build_map.hpp"
#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/options.hpp"
#include "engine/report.hpp"
#include "io/folder.hpp"
#include "render/render.hpp"

namespace argmap::cli {

namespace {

using batch::found_map;

// The folders of the output folder that outputs of these maps go into.
std::set<std::string> output_folders(const std::vector<job>& jobs, const batch::manifest& m,
                                     const std::vector<std::string>& formats) {
  std::set<std::string> dirs{""};
  auto add = [&](const std::string& path) {
    std::size_t slash = path.rfind('/');
    dirs.insert(slash == std::string::npos ? "" : path.substr(0, slash));
  };
  for (const job& j : jobs)
    for (const std::string& f : formats) add(batch::output_name(j.map.relative, f));
  for (const auto& [map, e] : m.maps)
    for (const auto& [path, hash] : e.outputs) add(path);
  return dirs;
}

void show_or_keep(const build_args& a, const std::vector<diagnostic>& ds,
                  std::vector<diagnostic>& all) {
  if (a.diagnostics == "human")
    std::cout << format_human(ds, use_colour());
  else
    all.insert(all.end(), ds.begin(), ds.end());
}

// The output folder, opened without following links and locked: one build
// at a time writes into a folder; a second waits.
std::optional<io::output_folder> open_output(const build_args& a) {
  diagnostic error;
  std::optional<io::output_folder> folder = io::output_folder::open(a.out_dir, error);
  if (folder && !folder->lock(error, [&] {
        say(severity::note,
            "another argmap build is writing into '" + a.out_dir + "'; waiting for it to finish");
      }))
    folder.reset();
  if (!folder) say(severity::error, error.message);
  return folder;
}

// The manifest of the last build, or an empty one (with a warning when it
// cannot be read or is not valid: every map is then rendered).
batch::manifest read_manifest(const io::output_folder& folder, const build_args& a) {
  std::vector<std::string> warnings;
  batch::manifest manifest;
  std::string text;
  diagnostic error;
  bool missing = false;
  if (folder.read(batch::manifest_file, text, error, a.input.max_file_size, &missing))
    manifest = batch::parse_manifest(text, warnings);
  else if (!missing)
    warnings.push_back(
        fmt::format("cannot read the manifest ({}); every map is rendered", error.message));
  for (const std::string& w : warnings) say(severity::warning, w);
  return manifest;
}

// Sets each job's key and whether it is up to date (same key as in the
// manifest, every output present, no --force); returns the others' indices.
std::vector<std::size_t> out_of_date(std::vector<job>& jobs, const batch::manifest& manifest,
                                     const io::output_folder& folder, const build_args& a) {
  std::string options = options_text(a);
  std::vector<std::size_t> todo;
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    job& j = jobs[k];
    j.key = key_of(j.map, options, a.input);
    auto it = manifest.maps.find(j.map.relative);
    bool outputs_exist = true;
    for (const std::string& f : a.formats)
      outputs_exist = outputs_exist && folder.has_file(batch::output_name(j.map.relative, f));
    j.up_to_date = !a.force && !j.key.empty() && outputs_exist && it != manifest.maps.end() &&
                   it->second.key == j.key;
    if (!j.up_to_date) todo.push_back(k);
  }
  return todo;
}

// Renders the maps of `todo` in worker processes; a map's outcome by its
// index. With --no-keep-going the first failure stops the rest.
std::map<std::size_t, outcome> render_all(const build_args& a, const std::vector<job>& jobs,
                                          const std::vector<std::size_t>& todo,
                                          io::output_folder& folder) {
  unsigned workers =
      a.jobs ? a.jobs : std::max(1u, static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN)));
  bool progress = stdout_is_terminal() && isatty(2);
  std::map<std::size_t, outcome> results;
  std::unique_ptr<renderers> worker_renderers;  // made in each worker, on its first map
  batch::pool_tasks tasks;
  tasks.work = [&](std::size_t k) {
    outcome o;
    try {
      if (!worker_renderers) worker_renderers = std::make_unique<renderers>();
      o = render_map(a, jobs[k], folder, *worker_renderers);
    } catch (const std::bad_alloc&) {
      o = outcome{};
      o.diagnostics.push_back(
          unplaced(severity::error, "memory", jobs[k].map.path,
                   "out of memory while rendering this map; nothing was written"));
    }
    return serialise(o);
  };
  tasks.done = [&](std::size_t k, const std::string& text) {
    results[k] = deserialise(text, jobs[k].map.path);
    return results[k].ok || a.keep_going;
  };
  tasks.died = [&](std::size_t k, const std::string& why) {
    outcome o;
    o.diagnostics.push_back(unplaced(severity::error, "crash", jobs[k].map.path,
                                     why + "; nothing was written for this map"));
    results[k] = std::move(o);
    return a.keep_going;
  };
  if (progress) {
    tasks.progress = [&](const std::vector<std::optional<std::size_t>>& running,
                         std::size_t ended) {
      for (const auto& r : running) {
        if (!r) continue;
        std::cerr << fmt::format("\r\x1b[K[{}/{}] rendering {}", std::min(ended + 1, todo.size()),
                                 todo.size(), batch::printable_name(jobs[*r].map.relative))
                  << std::flush;
        break;
      }
    };
  }
  std::cout.flush();
  std::cerr.flush();
  batch::run_pool(todo, workers, tasks);
  if (progress) std::cerr << "\r\x1b[K" << std::flush;
  return results;
}

// What a build did, for its summary line.
struct tally {
  std::size_t rendered = 0, failed = 0, skipped = 0, pruned = 0;
  std::vector<std::string> gone;  // maps in the manifest that no longer exist
};

// Reports each map of `todo` in file order and records what was rendered in
// the manifest.
void report(const build_args& a, const std::vector<job>& jobs, const std::vector<std::size_t>& todo,
            const std::map<std::size_t, outcome>& results, batch::manifest& manifest,
            std::vector<diagnostic>& all, tally& t) {
  for (std::size_t k : todo) {
    auto it = results.find(k);
    if (it == results.end()) {
      ++t.skipped;  // not reached: --no-keep-going stopped at an earlier failure
      continue;
    }
    const outcome& o = it->second;
    show_or_keep(a, o.diagnostics, all);
    std::string name = batch::printable_name(jobs[k].map.relative);
    if (o.ok) {
      ++t.rendered;
      if (a.diagnostics == "human") std::cout << "rendered " << name << "\n";
      manifest.maps[jobs[k].map.relative] = {jobs[k].key, o.outputs};
    } else {
      ++t.failed;
      if (a.diagnostics == "human") std::cout << "failed   " << name << "\n";
    }
  }
}

// Outputs whose map is gone: removed only with --prune, and only files
// argmap wrote and nobody changed since.
void prune(const build_args& a, const std::vector<job>& jobs, batch::manifest& manifest,
           io::output_folder& folder, tally& t) {
  std::set<std::string> present;
  for (const job& j : jobs) present.insert(j.map.relative);
  for (const auto& [map, e] : manifest.maps)
    if (!present.count(map)) t.gone.push_back(map);
  if (!a.prune) return;
  for (const std::string& map : t.gone) {
    for (const auto& [path, hash] : manifest.maps[map].outputs) {
      switch (folder.remove_if_unchanged(path, hash)) {
        case io::output_folder::removal::removed:
          ++t.pruned;
          break;
        case io::output_folder::removal::changed:
          say(severity::note, "kept '" + path + "': it changed since argmap wrote it");
          break;
        case io::output_folder::removal::refused:
          say(severity::note, "kept '" + path + "': it is not the plain file argmap wrote");
          break;
        case io::output_folder::removal::missing:
          break;
      }
    }
    manifest.maps.erase(map);
  }
}

// "N maps: R rendered, U up to date, F failed", and a note on gone maps.
void summarise(const build_args& a, std::size_t maps, std::size_t todo, const tally& t) {
  std::string line = fmt::format("{} map{}: {} rendered, {} up to date, {} failed", maps,
                                 maps == 1 ? "" : "s", t.rendered, maps - todo, t.failed);
  if (t.skipped) line += fmt::format(", {} not reached", t.skipped);
  if (t.pruned) line += fmt::format(", {} output{} pruned", t.pruned, t.pruned == 1 ? "" : "s");
  if (todo == 0 && maps > 0) line += " (nothing to do)";
  (a.diagnostics == "human" ? std::cout : std::cerr) << line << "\n";
  if (!t.gone.empty() && !a.prune)
    say(severity::note,
        fmt::format("{} map{} in the manifest no longer exist{}; --prune removes their outputs",
                    t.gone.size(), t.gone.size() == 1 ? "" : "s", t.gone.size() == 1 ? "s" : ""));
}

// With -f html: index.html (or, when a map's own page has that name,
// argmap-index.html) links every map's page.
bool write_index(const build_args& a, const std::vector<job>& jobs,
                 const std::map<std::size_t, outcome>& results, io::output_folder& folder,
                 diagnostic& error) {
  std::vector<render::index_entry> entries;
  std::string name = "index.html";
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    auto it = results.find(k);
    bool ok = it == results.end() ? jobs[k].up_to_date : it->second.ok;
    std::string href = batch::output_name(jobs[k].map.relative, "html");
    if (href == name) name = "argmap-index.html";
    entries.push_back({jobs[k].map.relative, std::move(href), ok});
  }
  std::string title = "Argument maps";
  if (a.sources.size() == 1 && a.sources[0] != ".") title += " in " + a.sources[0];
  return folder.write_together({{name, render::html_index(entries, title)}}, error);
}

int run_build(const build_args& a) {
  std::vector<diagnostic> all;  // for --diagnostics json|github
  struct stat out_st {};
  std::pair<std::uint64_t, std::uint64_t> out_id{0, 0};
  if (stat(a.out_dir.c_str(), &out_st) == 0) out_id = {out_st.st_dev, out_st.st_ino};
  batch::discovery found = batch::discover(a.sources, out_id, a.input.max_file_size);
  show_or_keep(a, found.diagnostics, all);
  if (found.has_errors()) {
    if (a.diagnostics != "human") print_diagnostics(std::cout, a.diagnostics, all);
    say(severity::error, "nothing was built");
    return found.usage_error ? exit_usage : exit_problems;
  }
  std::optional<io::output_folder> folder = open_output(a);
  if (!folder) return exit_io;
  batch::manifest manifest = read_manifest(*folder, a);
  std::vector<job> jobs;
  for (found_map& m : found.maps) jobs.push_back({std::move(m), {}, false});
  std::vector<std::size_t> todo = out_of_date(jobs, manifest, *folder, a);
  std::set<std::string> dirs = output_folders(jobs, manifest, a.formats);
  folder->sweep(dirs);  // temporaries a killed build left behind
  std::map<std::size_t, outcome> results = render_all(a, jobs, todo, *folder);
  folder->sweep(dirs);

  tally t;
  report(a, jobs, todo, results, manifest, all, t);
  prune(a, jobs, manifest, *folder, t);
  diagnostic error;
  if (std::find(a.formats.begin(), a.formats.end(), "html") != a.formats.end() &&
      !write_index(a, jobs, results, *folder, error)) {
    say(severity::error, error.message);
    return exit_io;
  }
  if (!folder->write_together({{batch::manifest_file, batch::manifest_text(manifest)}}, error)) {
    say(severity::error, error.message);
    return exit_io;
  }
  if (a.diagnostics != "human") print_diagnostics(std::cout, a.diagnostics, all);
  summarise(a, jobs.size(), todo.size(), t);
  return t.failed > 0 ? exit_problems : exit_ok;
}

}  // namespace

action setup_build(command& cmd) {
  auto args = std::make_shared<build_args>();
  cmd.add("sources", args->sources, "files and folders to build (default: .)");
  cmd.add("-o,--output", args->out_dir,
          "the folder to write diagrams into (mirrors the sources); argmap writes nothing "
          "outside it")
      .required();
  cmd.add("-f,--formats", args->formats,
          "comma-separated formats: svg (default), png, pdf, dot, html (an interactive page)")
      .delimiter(',')
      .one_of({"svg", "png", "pdf", "dot", "html"});
  cmd.add("-j,--jobs", args->jobs, "worker processes (default: the number of cores)")
      .range(1u, 256u);
  cmd.add("--eval", args->eval, "show an evaluation in every diagram")
      .one_of({"grounded", "preferred", "stable", "dfquad"});
  cmd.add("--theme", args->theme, "default, dark, mono or colorblind")
      .one_of(render::theme_names());
  cmd.add("--layout", args->layout,
          "dot (section by section, in rows), tree (linear time, for large maps), flat (one "
          "dot layout) or auto (default: tree above " +
              std::to_string(render::tree_threshold) + " claims, else dot)")
      .one_of({"auto", "dot", "tree", "flat"});
  cmd.add("--ids", args->ids, "which claims show their id: referenced (default), all or none")
      .one_of({"referenced", "all", "none"});
  cmd.add("--page", args->page,
          "PDF and PNG: fit a4, a3 or letter (each also -landscape); default none")
      .one_of({"none", "a4", "a4-landscape", "a3", "a3-landscape", "letter", "letter-landscape"});
  add_input_options(cmd, args->input);
  cmd.flag("--force", args->force, "render every map, up to date or not");
  cmd.flag("--keep-going,!--no-keep-going", args->keep_going,
           "go on after a broken map (default); --no-keep-going stops at the first");
  cmd.flag("--prune", args->prune,
           "remove the outputs of maps whose source was deleted (only files argmap wrote and "
           "nobody changed since)");
  cmd.add("--diagnostics", args->diagnostics, "human (default), json or github")
      .one_of({"human", "json", "github"});
  return [args] {
    if (args->sources.empty()) args->sources.push_back(".");
    return run_build(*args);
  };
}

}  // namespace argmap::cli
