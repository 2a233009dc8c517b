// Fuzz target: the whole pipeline on one map: parse, check, evaluate under
// every semantics (with small search limits), render to DOT and SVG with
// both layouts, and every export. Only a crash, a sanitizer report or a
// hang is a finding.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "../engine/helpers.hpp"
#include "engine/evaluate.hpp"
#include "engine/framework.hpp"
#include "engine/interchange/aif.hpp"
#include "engine/interchange/argdown.hpp"
#include "engine/interchange/graphml.hpp"
#include "engine/interchange/json.hpp"
#include "engine/interchange/markdown.hpp"
#include "render/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static argmap::render::renderer renderer;  // one Graphviz context per process
  std::string text(reinterpret_cast<const char*>(data), size);
  argmap::engine::check_options options;
  options.parse.max_depth = 64;
  argmap::engine::checked_map m = argmap::test::check(text, options);
  if (m.errors() > 0) return 0;
  argmap::engine::search_limits limits;
  limits.max_steps = 20000;
  limits.max_labellings = 1000;
  argmap::engine::evaluation e =
      argmap::engine::evaluate(m.graph, argmap::engine::semantics::grounded, limits);
  for (argmap::engine::semantics s :
       {argmap::engine::semantics::preferred, argmap::engine::semantics::stable})
    (void)argmap::engine::evaluation_json(m.graph, argmap::engine::evaluate(m.graph, s, limits));
  argmap::engine::evaluation strengths = argmap::engine::dfquad(m.graph);
  (void)argmap::engine::evaluation_text(m.graph, strengths);
  argmap::render::options o;
  o.layout = size % 2 ? argmap::render::layout_engine::tree : argmap::render::layout_engine::dot;
  o.files = {"map.arg"};
  for (argmap::render::format f : {argmap::render::format::dot, argmap::render::format::html}) {
    o.output = f;
    argmap::render::result r =
        renderer.render(m.graph, o, &e);  // an evaluation with an error is not drawn
    if (f != argmap::render::format::html || !r.ok()) continue;
    // The page's data cannot end its script element or start markup: no '<' at all.
    const std::string open = "id=\"argmap-data\">";
    std::size_t from = r.bytes.find(open);
    if (from == std::string::npos) std::abort();
    from += open.size();
    std::size_t to = r.bytes.find("</script>", from);
    if (to == std::string::npos || r.bytes.find('<', from) != to) std::abort();
  }
  (void)argmap::engine::export_json(m.graph, m.map, nullptr);
  (void)argmap::engine::export_aif(m.graph);
  (void)argmap::engine::export_argdown(m.graph);
  (void)argmap::engine::export_markdown(m.graph);
  (void)argmap::engine::export_graphml(m.graph);
  return 0;
}
