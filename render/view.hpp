#pragma once
/// \file
/// Views: which part of a map to draw (`--focus`, `--section`, `--tags`).

#include <string>
#include <vector>

#include "engine/graph.hpp"
#include "render/render.hpp"

namespace argmap::render {

/// What a view keeps, by index into the graph's vectors.
struct view {
  std::vector<bool> claims;          ///< claims to draw
  std::vector<bool> inferences;      ///< inferences to draw
  std::vector<bool> contradictions;  ///< contradictions to draw
};

/// Selects the part of `g` that `opts` asks for; all of it when no view
/// option is set. Several view options intersect. An unknown focus id or
/// section name is an error (added to `problems`, code "unknown-view", with a
/// suggestion when one is close); the view is then empty.
///
/// - focus: claims at most `depth` relations from the focus claim, where a
///   premise and its conclusion, two co-premises, an undercutter and the claims
///   of the inference it undercuts, and two contradicting claims are one apart;
/// - section: claims in the named section or any section inside it;
/// - tags: claims with any of the tags, and claims related to two or more of them.
///
/// An inference is drawn when its target and at least one premise are.
view select_view(const engine::argument_graph& g, const options& opts,
                 std::vector<diagnostic>& problems);

}  // namespace argmap::render
