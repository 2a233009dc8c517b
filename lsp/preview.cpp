#include "lsp/preview.hpp"

#include <algorithm>

#include "lsp/features.hpp"
#include "render/render.hpp"

namespace argmap::lsp {

namespace {

render::options options_from(const json& params) {
  render::options o;
  const std::string format = params.value("format", "svg");
  if (format != "svg")
    throw request_error(invalid_params, "argmap/render draws svg, not '" + format + "'");
  o.theme = params.value("theme", o.theme);
  const std::vector<std::string>& themes = render::theme_names();
  if (std::find(themes.begin(), themes.end(), o.theme) == themes.end())
    throw request_error(invalid_params, "unknown theme '" + o.theme + "'");
  const json& opts = params.contains("options") ? params["options"] : json::object();
  o.direction = opts.value("direction", o.direction);
  if (o.direction != "BT" && o.direction != "TB" && o.direction != "LR" && o.direction != "RL")
    throw request_error(invalid_params, "direction is BT, TB, LR or RL");
  o.wrap = opts.value("wrap", o.wrap);
  if (o.wrap < 10 || o.wrap > 200) throw request_error(invalid_params, "wrap is 10 to 200");
  auto layout = render::layout_from_name(opts.value("layout", "auto"));
  auto ids = render::id_display_from_name(opts.value("ids", "referenced"));
  if (!layout || !ids)
    throw request_error(invalid_params,
                        "layout is auto, dot, tree or flat; ids referenced, all or none");
  o.layout = *layout;
  o.ids = *ids;
  const std::string legend = opts.value("legend", "auto");
  o.legend = legend == "on"    ? render::legend_mode::on
             : legend == "off" ? render::legend_mode::off
                               : render::legend_mode::automatic;
  return o;
}

}  // namespace

previewer::previewer() = default;
previewer::~previewer() = default;

json previewer::render(workspace& w, const json& params) {
  const std::string uri = params.at("uri").get<std::string>();
  const document* d = w.find(uri);
  if (!d) throw request_error(request_failed, "'" + uri + "' is not open");
  render::options o = options_from(params);
  const std::string eval = params.value("options", json::object()).value("eval", "none");
  std::optional<engine::semantics> semantics;
  if (eval != "none" && !(semantics = engine::semantics_from_name(eval)))
    throw request_error(invalid_params, "eval is none, grounded, preferred, stable or dfquad");
  json result = {{"version", d->version}};
  analysis& a = w.analyse(uri);
  json errors = json::array();
  for (const diagnostic& x : a.checked.diagnostics)
    if (x.level == severity::error)
      errors.push_back({{"message", x.message},
                        {"uri", uri_of_file(a.checked.map, x.range.file, uri)},
                        {"line", x.range.line}});
  const engine::evaluation* e = semantics ? w.evaluated(uri, *semantics) : nullptr;
  if (errors.empty()) {
    for (const ast::attribute& at : a.checked.graph.metadata)
      if (at.key == "title") o.title = at.value;
    if (!renderer_) renderer_ = std::make_unique<argmap::render::renderer>();
    argmap::render::result out = renderer_->render(a.checked.graph, o, e);
    for (const diagnostic& x : out.diagnostics)
      if (x.level == severity::error)
        errors.push_back({{"message", x.message}, {"uri", uri}, {"line", 0}});
    if (errors.empty()) {
      result["svg"] = std::move(out.bytes);
      json claims = json::array();
      for (std::size_t i = 0; i < a.checked.graph.claims.size(); ++i) {
        const engine::claim_node& n = a.checked.graph.claims[i];
        claims.push_back({{"node", argmap::render::node_name(i)},
                          {"id", n.id},
                          {"uri", uri_of_file(a.checked.map, n.range().file, uri)},
                          {"line", n.range().line}});
      }
      result["claims"] = std::move(claims);
      return result;
    }
  }
  result["svg"] = nullptr;
  result["errors"] = std::move(errors);
  return result;
}

}  // namespace argmap::lsp
