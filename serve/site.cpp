#include "serve/site.hpp"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "batch/discover.hpp"
#include "engine/evaluate.hpp"
#include "grammar/load.hpp"
#include "render/render.hpp"

namespace argmap::serve {

namespace fs = std::filesystem;

std::string page_name(const std::string& relative) {
  return relative.size() > 4 && relative.compare(relative.size() - 4, 4, ".arg") == 0
             ? relative.substr(0, relative.size() - 4)
             : relative;
}

site::site(const std::string& target, site_options options)
    : options_(std::move(options)), renderer_(std::make_unique<render::renderer>()) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::absolute(target, ec), ec);
  fs::file_status st = fs::status(p, ec);
  if (ec || !fs::exists(st)) {
    problem_ = unplaced(severity::error, "serve", target,
                        "cannot serve '" + target + "': no such file or folder");
    return;
  }
  folder_ = fs::is_directory(st);
  root_ = folder_ ? p.string() : p.parent_path().string();
  if (!folder_) {
    if (!fs::is_regular_file(st) || p.extension() != ".arg") {
      problem_ = unplaced(severity::error, "serve", target,
                          "cannot serve '" + target + "': give a map (*.arg) or a folder of maps");
      return;
    }
    std::string name = p.filename().string();
    maps_[name] = {name, p.string(), {}, {}, 0, {}};
  } else {
    batch::discovery found = batch::discover({root_}, {0, 0}, options_.check.max_file_size);
    for (batch::found_map& m : found.maps) {
      if (!m.problem.empty()) continue;  // a link leading out of the folder
      maps_[m.relative] = {m.relative, m.path, {}, {}, 0, {}};
    }
    if (maps_.empty()) {
      problem_ = unplaced(severity::error, "serve", target,
                          "cannot serve '" + target + "': it holds no map (*.arg)");
      return;
    }
  }
  for (auto& [name, m] : maps_) rebuild(m);
}

site::~site() = default;

map_state* site::find(const std::string& name) {
  for (auto& [relative, m] : maps_)
    if (page_name(relative) == name) return &m;
  return nullptr;
}

void site::rebuild(map_state& m) {
  ++m.version;
  grammar::disk_loader loader(
      options_.check.max_file_size,
      options_.check.include_root.empty() ? root_ : options_.check.include_root, false);
  engine::checked_map checked = engine::check_file(m.path, loader, options_.check);
  m.files.clear();
  for (const source_file& f : checked.map.sources.files) {
    std::error_code ec;
    m.files.insert(fs::weakly_canonical(fs::absolute(f.name, ec), ec).string());
  }
  m.files.insert(m.path);
  auto shown = [&](const std::string& name) {
    return batch::shown_path({m.path, m.relative, {}}, name);
  };
  nlohmann::json errors = nlohmann::json::array();
  for (const diagnostic& d : checked.diagnostics)
    if (d.level == severity::error)
      errors.push_back({{"file", d.file.empty() ? m.relative : shown(d.file)},
                        {"line", d.range.line},
                        {"message", d.message}});
  std::optional<engine::evaluation> e;
  if (errors.empty() && !options_.eval.empty()) {
    e = engine::evaluate(checked.graph, *engine::semantics_from_name(options_.eval));
    if (!e->ok())
      errors.push_back({{"file", m.relative}, {"line", 0}, {"message", e->problem->message}});
  }
  if (!errors.empty()) {
    m.update = nlohmann::json{{"errors", errors}}.dump(-1, ' ', false,
                                                       nlohmann::json::error_handler_t::replace);
    if (m.page.empty()) {  // never drawn: a page that shows the errors until the map is fixed
      render::options o;
      o.output = render::format::html;
      o.title = m.relative;
      o.live = "/_argmap/events/" + page_name(m.relative);
      engine::argument_graph empty;
      render::result r = renderer_->render(empty, o, nullptr);
      m.page = r.bytes;
    }
    return;
  }
  render::options o;
  o.theme = options_.theme;
  for (const ast::attribute& a : checked.graph.metadata)
    if (a.key == "title") o.title = a.value;
  if (o.title.empty()) o.title = m.relative;
  for (const source_file& f : checked.map.sources.files) o.files.push_back(shown(f.name));
  o.live = "/_argmap/events/" + page_name(m.relative);
  o.output = render::format::svg;
  render::result svg = renderer_->render(checked.graph, o, e ? &*e : nullptr);
  if (!svg.ok()) {
    nlohmann::json why = nlohmann::json::array();
    for (const diagnostic& d : svg.diagnostics)
      if (d.level == severity::error)
        why.push_back({{"file", m.relative}, {"line", 0}, {"message", d.message}});
    m.update = nlohmann::json{{"errors", why}}.dump(-1, ' ', false,
                                                    nlohmann::json::error_handler_t::replace);
    return;
  }
  // One layout for both: the live update and the page a new visitor gets.
  m.update = render::html_update(checked.graph, svg.bytes, e ? &*e : nullptr, o);
  m.page = render::html_page(checked.graph, svg.bytes, e ? &*e : nullptr, o);
}

std::string site::index_page() const {
  std::vector<render::index_entry> entries;
  for (const auto& [relative, m] : maps_)
    entries.push_back({relative, page_name(relative) + ".html", !m.page.empty()});
  return render::html_index(entries, "Argument maps in " + fs::path(root_).filename().string());
}

}  // namespace argmap::serve
