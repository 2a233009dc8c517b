#pragma once
/// \file
/// Evaluation: which claims stand (`argmap eval`, `argmap render --eval`).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "engine/framework.hpp"
#include "engine/graph.hpp"

namespace argmap::engine {

/// The semantics argmap evaluates under.
enum class semantics { grounded, preferred, stable, dfquad };

/// Parses "grounded", "preferred", "stable" or "dfquad".
std::optional<semantics> semantics_from_name(std::string_view name);

/// "grounded", "preferred", "stable" or "dfquad".
const char* name_of(semantics s);

/// What evaluating a map gives.
struct evaluation {
  semantics used = semantics::grounded;  ///< the semantics evaluated under
  /// Why there is no result (code "too-large", or "no-convergence" for
  /// dfquad); none when there is one.
  std::optional<diagnostic> problem;
  /// True when there is a result.
  bool ok() const { return !problem; }
  /// Per claim and per inference. Grounded: the grounded label. Preferred and
  /// stable: in = sceptically accepted (in every extension), out = in no
  /// extension, undec = credulously accepted only. Empty for dfquad.
  std::vector<label> claim_labels, inference_labels;
  /// dfquad: per claim and per inference, a strength in [0, 1].
  std::vector<double> claim_strengths, inference_strengths;
  /// Preferred and stable: the claims in each extension, ascending.
  std::vector<std::vector<claim_index>> extensions;
  /// Preferred and stable: claims in every extension (none if there is no
  /// extension), and claims in at least one.
  std::vector<claim_index> sceptical, credulous;
};

/// Evaluates `g` under `s` (see docs/evaluation.md). For preferred and stable,
/// `limits` bound the exact search; hitting one sets `problem` ("too-large").
evaluation evaluate(const argument_graph& g, semantics s, const search_limits& limits = {});

/// DF-QuAD strengths (Rago et al. 2016) of every claim and inference: base
/// score from `weight` (default 0.5; `status: accepted` is 1 and `rejected` 0
/// whatever attacks them); a linked reason's base is its weakest premise;
/// attacks and supports aggregate as 1 - Π(1 - strength); each side of a
/// contradiction attacks the other with its own strength. Without cycles one
/// pass in dependency order gives them exactly; with cycles (contradictions
/// included) a damped fixed-point iteration of at most `max_rounds` rounds,
/// and an error naming a claim (with its line) when it does not settle.
evaluation dfquad(const argument_graph& g, int max_rounds = 1000);

/// The JSON form: `{"semantics":"grounded","labels":{"ID":"in",...}}`,
/// `{"semantics":"dfquad","strengths":{"ID":0.73,...}}` (4 decimals) or
/// `{"semantics":"preferred","extensions":[[...]],"sceptical":[...],"credulous":[...]}`.
/// With `file_names` (the map's), an `"explanations"` member gives, per claim
/// id, why it has its label or strength (explain.hpp), three steps deep.
std::string evaluation_json(const argument_graph& g, const evaluation& e,
                            const std::vector<std::string>* file_names = nullptr);

/// A table for people: label (or strength), id and the start of the text,
/// grouped by section.
std::string evaluation_text(const argument_graph& g, const evaluation& e);

}  // namespace argmap::engine
