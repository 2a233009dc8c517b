#pragma once
/// \file
/// Counting a map: `argmap stats`.

#include <cstddef>
#include <map>
#include <string>

#include "engine/graph.hpp"
#include "grammar/load.hpp"

namespace argmap::engine {

/// The counts `argmap stats` prints, over a file and its includes.
struct map_stats {
  std::size_t claims = 0;             ///< distinct claim nodes (a reference adds none)
  std::size_t inferences = 0;         ///< reasons: a +, - or ~ line with the & lines joining it
  std::size_t supports = 0;           ///< inferences of kind support
  std::size_t attacks = 0;            ///< inferences of kind attack
  std::size_t undercuts = 0;          ///< inferences of kind undercut
  std::size_t contradictions = 0;     ///< `!` relations
  std::size_t co_premise_groups = 0;  ///< inferences with more than one premise
  std::size_t references = 0;         ///< `@id` uses
  std::size_t sections = 0;           ///< headings
  std::size_t roots = 0;              ///< claims written at the top level of the outline
  std::size_t max_depth = 0;          ///< deepest outline level; roots are 0
  std::map<std::string, std::size_t> tags;  ///< claims per tag
};

/// Counts `graph`, built from `map`.
map_stats compute_stats(const grammar::loaded_map& map, const argument_graph& graph);

/// The JSON form, keys in the documented order:
/// `{"claims":N,"inferences":N,...,"max_depth":N,"tags":{"tag":N,...}}`.
std::string stats_json(const map_stats& s);

/// A two-column table for people.
std::string stats_text(const map_stats& s);

}  // namespace argmap::engine
