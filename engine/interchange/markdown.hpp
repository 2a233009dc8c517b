#pragma once
/// \file
/// A nested Markdown outline for pasting into documents (`argmap export --to markdown`).

#include <string>

#include "engine/graph.hpp"

namespace argmap::engine {

/// Sections become headings; each top-level claim a bullet with its id as an
/// anchor (`<a id="loser"></a>`), and under it its reasons ("**Supports:**"),
/// objections ("**Objection:**"), undercuts ("**Undercut:**") and
/// contradictions ("**Contradicts:**"), recursively; a claim already written
/// is linked (`[→ id](#id)`) rather than repeated.
std::string export_markdown(const argument_graph& g);

}  // namespace argmap::engine
