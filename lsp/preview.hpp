#pragma once
/// \file
/// The custom request `argmap/render`: the current buffer's diagram, for a
/// client's preview.

#include <memory>

#include "lsp/protocol.hpp"
#include "lsp/workspace.hpp"

namespace argmap::render {
class renderer;
}

namespace argmap::lsp {

/// Draws open documents. Holds the process's one Graphviz context, made on first use.
class previewer {
 public:
  previewer();
  ~previewer();
  previewer(const previewer&) = delete;
  previewer& operator=(const previewer&) = delete;

  /// `argmap/render`, params `{uri, format: "svg", theme, options: {direction,
  /// wrap, layout, ids, legend, eval}}`. Result: `{version, svg, claims:
  /// [{node, id, uri, line}]}` (a drawn node's SVG title, the claim's id and
  /// where it is written); while the map has errors `{version, svg: null,
  /// errors: [{message, uri, line}]}`, so a client keeps its last good diagram.
  /// Throws request_error for params it cannot use.
  json render(workspace& w, const json& params);

 private:
  std::unique_ptr<argmap::render::renderer> renderer_;
};

}  // namespace argmap::lsp
