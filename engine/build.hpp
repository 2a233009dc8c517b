#pragma once
/// \file
/// The build pass: from a loaded map's ASTs to the argument graph.

#include <vector>

#include "core/diagnostic.hpp"
#include "engine/graph.hpp"
#include "grammar/load.hpp"

namespace argmap::engine {

/// The graph and what was wrong with the map while building it.
struct build_result {
  argument_graph graph;                 ///< complete as far as the map allows
  std::vector<diagnostic> diagnostics;  ///< errors: undefined references, self-relations, bad undercuts
};

/// Builds the argument graph of `map`: one node per claim definition, every
/// reference resolved to its node (forward, backward, across includes), one
/// inference per reason (co-premises joined), contradictions, and the section
/// tree (an included file's headings nest under the section of its include line).
///
/// Errors reported here: an undefined reference (with "did you mean ...?"),
/// a claim that supports, attacks or contradicts itself, and an undercut
/// whose parent has no inference to undercut.
build_result build_graph(const grammar::loaded_map& map);

}  // namespace argmap::engine
