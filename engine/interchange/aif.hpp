#pragma once
/// \file
/// AIF JSON as AIFdb and OVA read it (`argmap export --to aif`).

#include <string>

#include "engine/graph.hpp"

namespace argmap::engine {

/// `{"nodes":[{"nodeID","text","type"}...],"edges":[{"edgeID","fromID","toID"}...],"locutions":[]}`:
/// claims are I-nodes; a support inference is one RA-node (its premises all
/// point into it: co-premises share one RA); an attack inference is a CA-node;
/// an undercut is a CA-node pointing at the RA- or CA-node of the inference it
/// attacks; a contradiction is two CA-nodes, one each way. Node ids are
/// numbers written as strings, claims first.
std::string export_aif(const argument_graph& g);

}  // namespace argmap::engine
