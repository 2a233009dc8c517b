#pragma once
/// \file
/// An Argdown document with the same claims and relations (`argmap export --to argdown`).

#include <string>

#include "engine/graph.hpp"

namespace argmap::engine {

/// Every claim becomes a statement `[id]: text #tags`, followed by its
/// incoming relations: `<+ [p]` (supported by), `<- [p]` (attacked by),
/// `>< [b]` (contradiction). A reason with several premises becomes an
/// argument `<id reason N>` in premise-conclusion form supporting (`+>`) or
/// attacking (`->`) its target; an undercut of such an argument is `<_ [u]`.
/// An undercut of a single-premise reason cannot be written in Argdown (its
/// relations join statements, not inferences): it is kept as an attack of
/// the reason's premise, marked by a comment. Attributes become a comment.
std::string export_argdown(const argument_graph& g);

}  // namespace argmap::engine
