#pragma once
/// \file
/// The argument graph: claims, inferences, contradictions and sections. What
/// evaluation, rendering and export share. No Spirit, no Graphviz.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/source.hpp"
#include "grammar/ast.hpp"

namespace argmap::engine {

/// Index of a claim in argument_graph::claims.
using claim_index = std::uint32_t;
/// Index of an inference in argument_graph::inferences.
using inference_index = std::uint32_t;
/// "No section": claims written before the first heading.
inline constexpr std::int32_t no_section = -1;

/// One claim node. References (`@id`) add no node; they resolve to one.
///
/// A node views the AST claim that defines it (text, tags, attributes,
/// position) rather than copying it: a graph is valid while the loaded_map it
/// was built from lives (checked_map keeps the two together). This halves the
/// memory of checking a large map.
struct claim_node {
  std::string id;                     ///< the author's id, or the outline path ("3.1.2")
  bool user_id = false;               ///< the author wrote the id
  bool root = false;                  ///< written at the top level of the outline
  std::int32_t section = no_section;  ///< index into argument_graph::sections
  const ast::claim* source = nullptr;  ///< the defining line in the AST
  /// The claim of the line the defining line is nested under, -1 for a
  /// top-level claim (or when that line could not be related).
  std::int32_t outline_parent = -1;
  /// The inference the defining line belongs to (its `+`, `-`, `~` or `&`
  /// reason), -1 for top-level and `!` lines. Renderers use the two to draw
  /// the outline as a tree.
  std::int32_t outline_inference = -1;
  /// How many reference lines (`@id`) name this claim.
  std::uint32_t references = 0;

  /// The claim text.
  const std::string& text() const { return source->text; }
  /// Tags without '#'.
  const std::vector<std::string>& tags() const { return source->tags(); }
  /// Attributes in written order.
  const std::vector<ast::attribute>& attributes() const { return source->attributes(); }
  /// Where the claim is defined.
  const source_range& range() const { return source->range; }
  /// The value of attribute `key`, if present.
  std::optional<std::string_view> attribute(std::string_view key) const;
};

/// What an inference does to its target.
enum class inference_kind : std::uint8_t {
  support,   ///< premises support the target claim
  attack,    ///< premises attack the target claim
  undercut,  ///< premises attack the target *inference*
};

/// "support", "attack" or "undercut".
const char* name_of(inference_kind k);

/// One reason: one `+`, `-` or `~` line together with the `&` lines joining it.
struct inference {
  inference_kind kind = inference_kind::support;  ///< support, attack or undercut
  std::vector<claim_index> premises;  ///< one or more claims; several form a linked reason
  std::uint32_t target = 0;           ///< a claim, or for an undercut an inference
  source_range range;                 ///< the marker line of the first premise
  /// Written with an outgoing marker (`+>`, `->`, `~>`) under its premise,
  /// rather than as a `+`, `-` or `~` line under its target.
  bool outgoing = false;
};

/// `!`: two claims that cannot both be true. Symmetric.
struct contradiction {
  claim_index a = 0;   ///< the parent line's claim
  claim_index b = 0;   ///< the `!` line's claim
  source_range range;  ///< the `!` line
};

/// A heading and the sections nested in it.
struct section {
  std::string title;                  ///< heading text
  unsigned level = 1;                 ///< depth in the section tree, 1 for top-level sections
  std::int32_t parent = no_section;   ///< enclosing section
  source_range range;                 ///< the heading line
};

/// The whole map as a graph; views the ASTs it was built from (see claim_node). Deterministic: the same input gives the same
/// vectors in the same order (claims in reading order of their definitions,
/// inferences in reading order of their first premise line).
struct argument_graph {
  std::vector<claim_node> claims;                          ///< every claim node
  std::vector<inference> inferences;                      ///< every reason
  std::vector<contradiction> contradictions;              ///< every `!`
  std::vector<section> sections;                          ///< every heading, in order
  std::vector<ast::attribute> metadata;                   ///< the named file's front matter
  std::unordered_map<std::string, claim_index> by_id;      ///< id to claim

  /// The claim with id `id`, if any.
  std::optional<claim_index> find(std::string_view id) const;
};

/// Who points at what, so that passes walking the graph from a claim find its
/// reasons without scanning every inference (which is quadratic on big maps).
struct graph_adjacency {
  explicit graph_adjacency(const argument_graph& g);
  std::vector<std::vector<std::uint32_t>> reasons;         ///< per claim: supports and attacks of it, in order
  std::vector<std::vector<std::uint32_t>> undercuts;       ///< per inference: the undercuts of it, in order
  std::vector<std::vector<std::uint32_t>> contradictions;  ///< per claim: the contradictions whose `a` it is
};

/// A stable text form of the graph for tests, one line per section, claim,
/// inference and contradiction, e.g. `inference 2 support [b, c] -> a`
/// (undercuts point at `#N`, an inference number).
std::string dump(const argument_graph& g);

}  // namespace argmap::engine
