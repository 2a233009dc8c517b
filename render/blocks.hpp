#pragma once
/// \file
/// Internal to render/: the `dot` layout, block by block (plan.hpp's
/// plan_blocks, composed.hpp). Includes cgraph: not for use outside render/.

#include <graphviz/gvc.h>

#include "engine/evaluate.hpp"
#include "engine/graph.hpp"
#include "render/drawing.hpp"
#include "render/render.hpp"
#include "render/theme.hpp"
#include "render/view.hpp"

namespace argmap::render {

/// Lays out `g`, the drawing `whole` of `v`, block by block: each block
/// drawn alone with `opts` and laid out by dot, the blocks and then the
/// legend set in rows in reading order, arrows between blocks routed
/// around what lies near them. False if Graphviz reported an error; `g`
/// then may hold a layout gvFreeLayout must free.
bool lay_out_in_blocks(GVC_t* gvc, const engine::argument_graph& graph, const options& opts,
                       const theme& t, const view& v, const engine::evaluation* eval,
                       const drawing& whole, Agraph_t* g);

}  // namespace argmap::render
