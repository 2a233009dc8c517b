// What `argmap build` does with one map (build_map.hpp).

#include "cli/build_map.hpp"

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "batch/manifest.hpp"
#include "engine/diagnostic_json.hpp"
#include "engine/evaluate.hpp"
#include "io/write.hpp"

#ifndef ARGMAP_VERSION
#define ARGMAP_VERSION "unknown"
#endif

namespace argmap::cli {

std::string options_text(const build_args& a) {
  std::string f;
  for (const std::string& x : a.formats) f += x + ",";
  return fmt::format(
      "argmap {}|formats {}|theme {}|eval {}|layout {}|ids {}|page {}|root {}|size {}|depth {}|"
      "nodes {}",
      ARGMAP_VERSION, f, a.theme, a.eval, a.layout, a.ids, a.page, a.input.include_root,
      a.input.max_file_size, a.input.parse.max_depth, a.input.parse.max_claims);
}

namespace {

grammar::disk_loader map_loader(const engine::check_options& input) {
  // A map found in a tree is never a FIFO or a device (discovery skips them).
  return grammar::disk_loader(input.max_file_size, input.include_root, false);
}

}  // namespace

std::string key_of(const batch::found_map& m, const std::string& options,
                   const engine::check_options& input) {
  if (!m.problem.empty()) return {};
  grammar::disk_loader loader = map_loader(input);
  grammar::loaded_map lm = load_map(m.path, loader, input.parse);
  std::uint64_t h = io::content_hash(options);
  auto mix = [&h](std::string_view data) {
    for (char c : data) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  };
  for (const source_file& f : lm.sources.files) {
    mix(f.name);
    mix(std::string_view("\0", 1));
    mix(f.text);
  }
  if (lm.documents.empty()) mix("unreadable");
  return fmt::format("{:016x}", h);
}

outcome render_map(const build_args& a, const job& j, const io::output_folder& folder,
                   renderers& r) {
  outcome o;
  if (!j.map.problem.empty()) {
    o.diagnostics.push_back(unplaced(severity::error, "unsafe-link", j.map.path, j.map.problem));
    return o;
  }
  grammar::disk_loader loader = map_loader(a.input);
  engine::checked_map m = check_file(j.map.path, loader, a.input);
  o.diagnostics = m.diagnostics;
  if (m.unreadable || m.errors() > 0) return o;
  std::optional<engine::evaluation> e;
  if (!a.eval.empty()) {
    e = engine::evaluate(m.graph, *engine::semantics_from_name(a.eval));
    if (!e->ok()) {
      e->problem->file = j.map.path;
      o.diagnostics.push_back(*e->problem);
      return o;
    }
  }
  // Shown as file:line in an HTML page: paths under the source folder.
  std::vector<std::string> files_shown;
  for (const source_file& f : m.map.sources.files)
    files_shown.push_back(batch::shown_path(j.map, f.name));
  // Render everything first; then write every file together, or none.
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& f : a.formats) {
    render::options opts;
    opts.output = *render::format_from_name(f);
    opts.theme = a.theme;
    opts.layout = *render::layout_from_name(a.layout);
    opts.ids = *render::id_display_from_name(a.ids);
    opts.page = *render::page_from_name(a.page);
    for (const ast::attribute& attr : m.graph.metadata)
      if (attr.key == "title") opts.title = attr.value;
    opts.files = files_shown;
    bool fonts = opts.output == render::format::png || opts.output == render::format::pdf;
    if (fonts && !r.fonts) r.fonts = std::make_unique<render::renderer>(true);
    render::result out = (fonts ? *r.fonts : r.svg).render(m.graph, opts, e ? &*e : nullptr);
    for (diagnostic& d : out.diagnostics) {
      d.file = j.map.path;
      o.diagnostics.push_back(std::move(d));
    }
    if (!out.ok()) return o;
    files.emplace_back(batch::output_name(j.map.relative, f), std::move(out.bytes));
  }
  diagnostic error;
  if (!folder.write_together(files, error)) {
    error.file = j.map.path;
    o.diagnostics.push_back(std::move(error));
    return o;
  }
  for (const auto& [name, bytes] : files) o.outputs[name] = io::content_hash(bytes);
  o.ok = true;
  return o;
}

std::string serialise(const outcome& o) {
  nlohmann::ordered_json j;
  j["ok"] = o.ok;
  j["outputs"] = o.outputs;
  j["diagnostics"] = nlohmann::ordered_json::array();
  for (const diagnostic& d : o.diagnostics) j["diagnostics"].push_back(engine::to_json(d));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

outcome deserialise(const std::string& text, const std::string& file) {
  outcome o;
  try {
    nlohmann::json j = nlohmann::json::parse(text);
    o.ok = j.at("ok");
    o.outputs = j.at("outputs").get<std::map<std::string, std::uint64_t>>();
    for (const auto& d : j.at("diagnostics"))
      o.diagnostics.push_back(engine::diagnostic_from_json(d));
  } catch (const nlohmann::json::exception& e) {
    o = outcome{};
    o.diagnostics.push_back(unplaced(severity::error, "internal", file,
                                     std::string("a worker's report was unreadable: ") + e.what()));
  }
  return o;
}

}  // namespace argmap::cli
