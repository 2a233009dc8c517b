#pragma once
/// \file
/// `render -f html`: one self-contained interactive page around the SVG
/// drawing (private to render/; callers ask renderer::render for
/// format::html).

#include <string>
#include <string_view>

#include "engine/evaluate.hpp"
#include "engine/graph.hpp"
#include "render/render.hpp"

namespace argmap::render {

/// The page for `svg`, render()'s SVG drawing of `graph` as `opts` says:
/// the drawing inline (shown as it is without JavaScript), the map's
/// claims, reasons and sections as JSON data (with `eval`, each claim's
/// label or strength and why), and argmap's script and style
/// (render/html/). It fetches nothing: a Content-Security-Policy forbids
/// every request, and all user text reaches the page as escaped markup or
/// as data the script writes with textContent.
std::string html_page(const engine::argument_graph& graph, std::string_view svg,
                      const engine::evaluation* eval, const options& opts);

}  // namespace argmap::render
