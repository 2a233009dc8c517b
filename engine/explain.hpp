#pragma once
/// \file
/// Why a claim stands, falls or stays open under an evaluation
/// (`argmap eval --explain ID`, and `explanations` in `eval --format json`).

#include <memory>
#include <string>
#include <vector>

#include "engine/evaluate.hpp"
#include "engine/graph.hpp"

namespace argmap::engine {

/// One step of an explanation: a sentence about one argument, where it is
/// written, and the steps it rests on.
struct explanation {
  std::string text;                   ///< e.g. "'caved' is out: 'blinked' defeats it, and 'blinked' is in"
  std::uint32_t file = 0;             ///< index into the map's sources
  std::uint32_t line = 0;             ///< 1-based; 0 when it has no place
  std::vector<explanation> because;   ///< what this step rests on
};

/// Explains the claims of one map under one evaluation (which must have no
/// error). Built once: the translation and the labellings it needs are
/// computed here, each explanation after that is cheap.
class explainer {
 public:
  explainer(const argument_graph& g, const evaluation& e);
  ~explainer();
  explainer(const explainer&) = delete;
  explainer& operator=(const explainer&) = delete;

  /// Why claim `c` has its label (grounded), its acceptance (preferred,
  /// stable) or its strength (dfquad). Grounded: a short dispute tree (what
  /// defeats it and why that stands; for an accepted claim, each attack and
  /// what defeats it), at most `depth` steps deep and `fanout` steps wide, a
  /// cycle cut where it closes. DF-QuAD: the base score and the aggregated
  /// attacks and supports, with each reason's strength.
  explanation explain(claim_index c, unsigned depth = 4, unsigned fanout = 5) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// An explanation as indented lines, each with `file:line` when it has one
/// (`names` are the map's file names).
std::string explanation_text(const explanation& x, const std::vector<std::string>& names);

}  // namespace argmap::engine
