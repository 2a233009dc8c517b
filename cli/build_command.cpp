// argmap build [SRC...] -o OUTDIR [-f svg,png,...] [-j N] [--eval S] [--theme T]
//              [--force] [--keep-going|--no-keep-going] [--prune] [--diagnostics F]
//
// Finds the maps, decides from a content-hash manifest which are out of date,
// renders those in worker processes (Graphviz is not thread-safe), and
// reports in file order.

#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "engine/evaluate.hpp"
#include "engine/ignore.hpp"
#include "engine/report.hpp"
#include "render/output.hpp"
#include "render/render.hpp"

#ifndef ARGMAP_VERSION
#define ARGMAP_VERSION "unknown"
#endif

namespace argmap::cli {

namespace {

namespace fs = std::filesystem;

struct build_args {
  std::vector<std::string> sources;
  std::string out_dir;
  std::vector<std::string> formats{"svg"};
  unsigned jobs = 0;
  std::string eval;
  std::string theme = "default";
  std::string layout = "auto";
  check_options input;  // --include-root, --max-file-size, --max-depth, --max-nodes
  bool force = false;
  bool keep_going = true;
  bool prune = false;
  std::string diagnostics = "human";
};

// One map to consider.
struct job {
  std::string source;    // path as found
  std::string relative;  // path under its source root, '/'-separated: the manifest key
  std::string key;       // content hash of it, its includes, the options and the version
  bool up_to_date = false;
};

// What rendering one map gave (serialised between processes as JSON).
struct outcome {
  bool ok = false;
  std::vector<diagnostic> diagnostics;
  std::vector<std::string> outputs;  // relative to the output folder
};

std::uint64_t fnv1a(std::string_view data, std::uint64_t h = 1469598103934665603ULL) {
  for (char c : data) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h;
}

std::string options_text(const build_args& a) {
  std::string f;
  for (const std::string& x : a.formats) f += x + ",";
  return fmt::format("argmap {}|formats {}|theme {}|eval {}|layout {}|root {}|size {}|depth {}|nodes {}",
                     ARGMAP_VERSION, f, a.theme, a.eval, a.layout, a.input.include_root,
                     a.input.max_file_size, a.input.parse.max_depth, a.input.parse.max_claims);
}

// Finds the maps under the sources: .arg files, not starting with '_', not
// ignored by a .argmapignore at the source root, not inside the output folder.
std::vector<job> discover(const build_args& a) {
  std::vector<job> jobs;
  fs::path out = fs::weakly_canonical(a.out_dir);
  for (const std::string& src : a.sources) {
    fs::path root(src);
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      jobs.push_back({root.string(), root.filename().string(), "", false});
      continue;
    }
    if (!fs::is_directory(root, ec)) {
      std::cerr << "argmap: error: no such file or folder: '" << src << "'\n";
      throw std::runtime_error("usage");
    }
    std::string ignore_text;
    std::ifstream ignore_file(root / ".argmapignore");
    if (ignore_file) {
      std::ostringstream s;
      s << ignore_file.rdbuf();
      ignore_text = s.str();
    }
    ignore_list ignore(ignore_text);
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      std::string rel = fs::relative(p, root, ec).generic_string();
      bool dir = it->is_directory(ec);
      if (dir && (fs::weakly_canonical(p, ec) == out || p.filename().string().starts_with("."))) {
        it.disable_recursion_pending();
        continue;
      }
      if (ignore.ignored(rel, dir)) {
        if (dir) it.disable_recursion_pending();
        continue;
      }
      if (dir || p.extension() != ".arg" || p.filename().string().starts_with("_")) continue;
      jobs.push_back({p.string(), rel, "", false});
    }
  }
  std::sort(jobs.begin(), jobs.end(), [](const job& x, const job& y) { return x.relative < y.relative; });
  jobs.erase(std::unique(jobs.begin(), jobs.end(),
                         [](const job& x, const job& y) { return x.relative == y.relative; }),
             jobs.end());
  return jobs;
}

// The key: the files of the map (named and included) and the options.
std::string key_of(const std::string& source, const std::string& options, const check_options& input) {
  disk_loader loader = input_loader(input);
  loaded_map m = load_map(source, loader, input.parse);
  std::uint64_t h = fnv1a(options);
  for (const source_file& f : m.sources.files) {
    h = fnv1a(f.name + '\0', h);
    h = fnv1a(f.text, h);
  }
  if (m.documents.empty()) h = fnv1a("unreadable", h);
  return fmt::format("{:016x}", h);
}

// A diagnostic about a whole map (no position): an evaluation, rendering,
// output or worker problem.
diagnostic problem(const std::string& file, const char* code, std::string message) {
  diagnostic d;
  d.file = file;
  d.code = code;
  d.message = std::move(message);
  return d;
}

std::string output_path(const job& j, const std::string& format) {
  return (fs::path(j.relative).replace_extension(format)).generic_string();
}

outcome render_one(const build_args& a, const job& j, render::renderer& svg_renderer,
                   std::unique_ptr<render::renderer>& font_renderer) {
  outcome o;
  disk_loader loader = input_loader(a.input);
  checked_map m = check_file(j.source, loader, a.input);
  o.diagnostics = m.diagnostics;
  if (m.unreadable || m.errors() > 0) return o;
  std::optional<evaluation> e;
  if (!a.eval.empty()) {
    e = evaluate(m.graph, *semantics_from_name(a.eval));
    if (!e->error.empty()) {
      o.diagnostics.push_back(problem(j.source, "eval", e->error));
      return o;
    }
  }
  // Render everything first; write only when every format succeeded.
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& f : a.formats) {
    render::options opts;
    opts.output = *render::format_from_name(f);
    opts.theme = a.theme;
    opts.layout = *render::layout_from_name(a.layout);
    for (const ast::attribute& attr : m.graph.metadata)
      if (attr.key == "title") opts.title = attr.value;
    bool fonts = opts.output == render::format::png || opts.output == render::format::pdf;
    if (fonts && !font_renderer) font_renderer = std::make_unique<render::renderer>(true);
    render::result r = (fonts ? *font_renderer : svg_renderer).render(m.graph, opts, e ? &*e : nullptr);
    if (!r.ok()) {
      for (const std::string& msg : r.errors) o.diagnostics.push_back(problem(j.source, "render", msg));
      return o;
    }
    files.emplace_back(output_path(j, f), std::move(r.bytes));
  }
  for (const auto& [rel, bytes] : files) {
    fs::path full = fs::path(a.out_dir) / rel;
    std::error_code ec;
    fs::create_directories(full.parent_path(), ec);
    std::string error;
    if (!render::write_atomically(full.string(), bytes, error)) {
      o.diagnostics.push_back(problem(j.source, "io", error));
      return o;
    }
    o.outputs.push_back(rel);
  }
  o.ok = true;
  return o;
}

nlohmann::json to_json(const diagnostic& d) {
  nlohmann::json j = {{"level", static_cast<int>(d.level)}, {"code", d.code}, {"message", d.message},
                      {"file", d.file}, {"line", d.line}, {"col", d.col}, {"end_line", d.end_line},
                      {"end_col", d.end_col}, {"text", d.line_text}, {"notes", nlohmann::json::array()}};
  for (const diagnostic& n : d.notes) j["notes"].push_back(to_json(n));
  return j;
}

nlohmann::json to_json(const outcome& o) {
  nlohmann::json j;
  j["ok"] = o.ok;
  j["outputs"] = o.outputs;
  j["diagnostics"] = nlohmann::json::array();
  for (const diagnostic& d : o.diagnostics) j["diagnostics"].push_back(to_json(d));
  return j;
}

diagnostic diagnostic_from(const nlohmann::json& j) {
  diagnostic d;
  d.level = static_cast<severity>(j["level"].get<int>());
  d.code = j["code"];
  d.message = j["message"];
  d.file = j["file"];
  d.line = j["line"];
  d.col = j["col"];
  d.end_line = j["end_line"];
  d.end_col = j["end_col"];
  d.line_text = j["text"];
  if (j.contains("notes"))
    for (const auto& n : j["notes"]) d.notes.push_back(diagnostic_from(n));
  return d;
}

outcome from_json(const nlohmann::json& j) {
  outcome o;
  o.ok = j["ok"];
  o.outputs = j["outputs"].get<std::vector<std::string>>();
  for (const auto& d : j["diagnostics"]) o.diagnostics.push_back(diagnostic_from(d));
  return o;
}

// Renders `todo` (indices into jobs) with up to `workers` processes; each
// worker takes every workers-th job and writes one JSON line per job to a
// file the parent reads when it has exited.
std::map<std::size_t, outcome> render_all(const build_args& a, const std::vector<job>& jobs,
                                          const std::vector<std::size_t>& todo, unsigned workers,
                                          bool progress) {
  std::map<std::size_t, outcome> results;
  workers = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(todo.size())));
  if (workers == 1 || !a.keep_going) {
    render::renderer svg;
    std::unique_ptr<render::renderer> fonts;
    for (std::size_t k = 0; k < todo.size(); ++k) {
      if (progress)
        std::cerr << fmt::format("\r\x1b[K[{}/{}] rendering {}", k + 1, todo.size(), jobs[todo[k]].relative)
                  << std::flush;
      results[todo[k]] = render_one(a, jobs[todo[k]], svg, fonts);
      if (!results[todo[k]].ok && !a.keep_going) break;
    }
    if (progress) std::cerr << "\r\x1b[K" << std::flush;
    return results;
  }
  fs::path tmp = fs::temp_directory_path() / fmt::format("argmap-build-{}", getpid());
  fs::create_directories(tmp);
  std::vector<pid_t> pids;
  std::cout.flush();
  std::cerr.flush();
  for (unsigned w = 0; w < workers; ++w) {
    pid_t pid = fork();
    if (pid == 0) {
      render::renderer svg;
      std::unique_ptr<render::renderer> fonts;
      std::ofstream out(tmp / fmt::format("worker-{}.jsonl", w));
      for (std::size_t k = w; k < todo.size(); k += workers) {
        nlohmann::json j = to_json(render_one(a, jobs[todo[k]], svg, fonts));
        j["job"] = todo[k];
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n" << std::flush;
      }
      out.close();
      _exit(0);
    }
    if (pid > 0) pids.push_back(pid);
  }
  // Wait for the workers; on a terminal, show how far they got (each writes a
  // line per finished map) and a map being rendered now.
  std::vector<bool> running(pids.size(), true);
  std::size_t alive = pids.size();
  while (alive > 0) {
    for (std::size_t w = 0; w < pids.size(); ++w) {
      int status = 0;
      if (running[w] && waitpid(pids[w], &status, progress ? WNOHANG : 0) == pids[w]) {
        running[w] = false;
        --alive;
      }
    }
    if (!progress || alive == 0) continue;
    std::size_t finished = 0, current = todo.size();
    for (unsigned w = 0; w < workers; ++w) {
      std::ifstream in(tmp / fmt::format("worker-{}.jsonl", w));
      std::size_t lines = static_cast<std::size_t>(
          std::count(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(), '\n'));
      finished += lines;
      std::size_t next = w + lines * workers;  // the map this worker is on now
      if (next < todo.size()) current = std::min(current, next);
    }
    if (current < todo.size())
      std::cerr << fmt::format("\r\x1b[K[{}/{}] rendering {}", finished + 1, todo.size(),
                               jobs[todo[current]].relative)
                << std::flush;
    usleep(100'000);
  }
  if (progress) std::cerr << "\r\x1b[K" << std::flush;
  for (unsigned w = 0; w < workers; ++w) {
    std::ifstream in(tmp / fmt::format("worker-{}.jsonl", w));
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("job")) continue;  // a line cut by a killed worker
      results[j["job"].get<std::size_t>()] = from_json(j);
    }
  }
  fs::remove_all(tmp);
  // A job without a result belonged to a worker that died.
  for (std::size_t k : todo) {
    if (results.count(k)) continue;
    outcome o;
    o.diagnostics.push_back(problem(jobs[k].source, "internal",
                                    "the worker process rendering this map stopped before it finished"));
    results[k] = o;
  }
  return results;
}

// Temporary files of atomic writes that a killed process could leave behind.
void remove_stale_temporaries(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> stale;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.starts_with(".") && name.find(".tmp-") != std::string::npos) stale.push_back(it->path());
  }
  for (const fs::path& p : stale) fs::remove(p, ec);
}

int run_build(const build_args& a) {
  std::vector<job> jobs;
  try {
    jobs = discover(a);
  } catch (const std::runtime_error&) {
    return exit_usage;
  }
  fs::path manifest_path = fs::path(a.out_dir) / ".argmap-manifest.json";
  nlohmann::json manifest = nlohmann::json::object();
  {
    std::ifstream in(manifest_path);
    if (in) {
      manifest = nlohmann::json::parse(in, nullptr, false);
      if (manifest.is_discarded() || !manifest.is_object()) manifest = nlohmann::json::object();
    }
  }
  nlohmann::json& maps = manifest["maps"];
  if (!maps.is_object()) maps = nlohmann::json::object();
  std::string options = options_text(a);
  std::vector<std::size_t> todo;
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    job& j = jobs[k];
    j.key = key_of(j.source, options, a.input);
    bool outputs_exist = true;
    for (const std::string& f : a.formats)
      outputs_exist = outputs_exist && fs::exists(fs::path(a.out_dir) / output_path(j, f));
    j.up_to_date = !a.force && outputs_exist && maps.contains(j.relative) &&
                   maps[j.relative].value("key", "") == j.key;
    if (!j.up_to_date) todo.push_back(k);
  }
  std::error_code ec;
  fs::create_directories(a.out_dir, ec);
  if (ec) {
    std::cerr << "argmap: error: cannot create '" << a.out_dir << "': " << ec.message() << "\n";
    return exit_io;
  }
  remove_stale_temporaries(a.out_dir);
  unsigned workers = a.jobs ? a.jobs : std::max(1u, static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN)));
  bool tty = stdout_is_terminal();
  std::map<std::size_t, outcome> results = render_all(a, jobs, todo, workers, tty && isatty(2));
  remove_stale_temporaries(a.out_dir);  // left by a worker that was killed mid-write

  // Report in file order.
  std::size_t rendered = 0, failed = 0, skipped = 0;
  std::vector<diagnostic> all;
  bool colour = a.diagnostics == "human" && use_colour();
  for (std::size_t k : todo) {
    auto it = results.find(k);
    if (it == results.end()) {
      ++skipped;  // not reached: --no-keep-going stopped at an earlier failure
      continue;
    }
    const outcome& o = it->second;
    if (a.diagnostics == "human") std::cout << format_human(o.diagnostics, colour);
    else all.insert(all.end(), o.diagnostics.begin(), o.diagnostics.end());
    if (o.ok) {
      ++rendered;
      if (a.diagnostics == "human") std::cout << "rendered " << jobs[k].relative << "\n";
      maps[jobs[k].relative] = {{"key", jobs[k].key}, {"outputs", o.outputs}};
    } else {
      ++failed;
      if (a.diagnostics == "human") std::cout << "failed   " << jobs[k].relative << "\n";
    }
  }
  // Outputs whose source is gone: removed only with --prune.
  std::vector<std::string> gone;
  for (auto it = maps.begin(); it != maps.end(); ++it) {
    bool present = std::any_of(jobs.begin(), jobs.end(), [&](const job& j) { return j.relative == it.key(); });
    if (!present) gone.push_back(it.key());
  }
  std::size_t pruned = 0;
  if (a.prune) {
    for (const std::string& rel : gone) {
      for (const auto& out : maps[rel].value("outputs", std::vector<std::string>{})) {
        fs::remove(fs::path(a.out_dir) / out, ec);
        ++pruned;
      }
      maps.erase(rel);
    }
  }
  std::string error;
  if (!render::write_atomically(manifest_path.string(), manifest.dump(1) + "\n", error)) {
    std::cerr << "argmap: error: " << error << "\n";
    return exit_io;
  }
  if (a.diagnostics == "json") std::cout << format_json(all);
  if (a.diagnostics == "github") std::cout << format_github(all);
  std::size_t up_to_date = jobs.size() - todo.size();
  std::string line = fmt::format("{} map{}: {} rendered, {} up to date, {} failed", jobs.size(),
                                 jobs.size() == 1 ? "" : "s", rendered, up_to_date, failed);
  if (skipped) line += fmt::format(", {} not reached", skipped);
  if (pruned) line += fmt::format(", {} output{} pruned", pruned, pruned == 1 ? "" : "s");
  if (todo.empty() && !jobs.empty()) line += " (nothing to do)";
  (a.diagnostics == "human" ? std::cout : std::cerr) << line << "\n";
  if (!gone.empty() && !a.prune)
    std::cerr << fmt::format(
        "argmap: note: {} map{} in the manifest no longer exist{}; --prune removes their outputs\n",
        gone.size(), gone.size() == 1 ? "" : "s", gone.size() == 1 ? "s" : "");
  return failed > 0 ? exit_problems : exit_ok;
}

}  // namespace

action setup_build(CLI::App& app) {
  auto args = std::make_shared<build_args>();
  app.add_option("sources", args->sources, "files and folders to build (default: .)");
  app.add_option("-o,--output", args->out_dir, "the folder to write diagrams into (mirrors the sources)")
      ->required();
  app.add_option("-f,--formats", args->formats, "comma-separated formats: svg (default), png, pdf, dot")
      ->delimiter(',')
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}));
  app.add_option("-j,--jobs", args->jobs, "worker processes (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--eval", args->eval, "show an evaluation in every diagram")
      ->check(CLI::IsMember({"grounded", "preferred", "stable", "dfquad"}));
  app.add_option("--theme", args->theme, "default, dark, mono or colorblind")
      ->check(CLI::IsMember(render::theme_names()));
  app.add_option("--layout", args->layout,
                 "dot, tree (linear time, for large maps) or auto (default: tree above " +
                     std::to_string(render::tree_threshold) + " claims)")
      ->check(CLI::IsMember({"auto", "dot", "tree"}));
  add_input_options(app, args->input);
  app.add_flag("--force", args->force, "render every map, up to date or not");
  app.add_flag("--keep-going,!--no-keep-going", args->keep_going,
               "go on after a broken map (default); --no-keep-going stops at the first");
  app.add_flag("--prune", args->prune, "remove the outputs of maps whose source was deleted");
  app.add_option("--diagnostics", args->diagnostics, "human (default), json or github")
      ->check(CLI::IsMember({"human", "json", "github"}));
  return [args] {
    if (args->sources.empty()) args->sources.push_back(".");
    return run_build(*args);
  };
}

}  // namespace argmap::cli
