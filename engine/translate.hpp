#pragma once
/// \file
/// The translation of an argument map into an abstract argumentation
/// framework (docs/evaluation.md explains each rule with an example).

#include <cstdint>
#include <string>
#include <vector>

#include "engine/framework.hpp"
#include "engine/graph.hpp"

namespace argmap::engine {

/// The framework a map stands for, and where each claim and inference went.
struct translation {
  framework af;                             ///< the arguments and attacks
  std::vector<std::string> names;           ///< per argument: claim id, "inference:N" or "rejected:ID"
  std::vector<std::uint32_t> claim_argument;      ///< per claim: its argument
  std::vector<std::uint32_t> inference_argument;  ///< per inference: its argument (maybe a premise's)
};

/// Translates `g`:
/// - every claim c is an argument C(c), "c holds";
/// - every inference i is an argument I(i), "the reason applies", which
///   needs all its premises: whatever attacks a premise attacks I(i);
/// - an attack inference attacks its target claim; a support inference is a
///   reason for its target, so it and every reason against the target (attack
///   inferences on it, and reasons for a claim contradicting it) attack each
///   other (a rebuttal); reasons against a claim attack the claim;
/// - an undercut's I attacks the undercut inference's I;
/// - contradicting claims attack each other;
/// - `status: accepted` removes every attack on the claim; `status: rejected`
///   adds an unattacked argument "rejected:ID" attacking it; `assumed` (and
///   no status) leaves it to the map.
/// An inference with one premise, no undercut and no rebuttal has exactly its
/// premise's attackers, so it is merged into the premise's argument: a map of
/// plain attacks translates to exactly the framework it draws.
translation translate(const argument_graph& g);

}  // namespace argmap::engine
