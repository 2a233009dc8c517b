#pragma once
/// \file
/// GraphML for graph tools such as yEd and Gephi (`argmap export --to graphml`).

#include <string>

#include "engine/graph.hpp"

namespace argmap::engine {

/// A directed GraphML graph: a node per claim (id, text, tags, section) and
/// per inference (kind), an edge from each premise to its inference, from the
/// inference to its target (a claim, or an undercut inference's target
/// inference), and both ways for contradictions; edges carry a "relation" key.
std::string export_graphml(const argument_graph& g);

}  // namespace argmap::engine
