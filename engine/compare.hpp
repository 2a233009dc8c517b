#pragma once
/// \file
/// Comparing two versions of a map, for `argmap diff`: which claim of the
/// new version is which claim of the old, and what changed in the argument.
/// What a reader of the argument cannot see is no change: formatting,
/// comments, blank lines, the order of sibling lines, the file a claim is
/// written in. docs/diff.md gives the rules.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/graph.hpp"

namespace argmap::engine {

/// How claims are matched.
struct compare_options {
  /// Claims without a common id are the same claim when the Dice
  /// coefficient of their word sets reaches this (and they are neighbours:
  /// see compare()).
  double threshold = 0.5;
};

/// What one change is.
enum class change_kind : std::uint8_t {
  section_added,          ///< a heading the old version lacks
  section_removed,        ///< a heading the new version lacks
  section_renamed,        ///< a heading whose claims stayed, under a new title
  claim_added,            ///< a claim of the new version matching none of the old
  claim_removed,          ///< a claim of the old version matching none of the new
  text_changed,           ///< a matched claim's text differs (detail: a word diff)
  id_changed,             ///< a claim matched by its text whose id changed
  moved,                  ///< a matched claim under another claim or in another section
  attributes_changed,     ///< attributes added, removed or given another value
  tags_changed,           ///< tags added or removed
  relation_added,         ///< a reason (or contradiction) between claims both versions have
  relation_removed,       ///< the same, dropped
  relation_kind_changed,  ///< support became attack or the reverse
  premises_joined,        ///< separate reasons for a claim became one linked reason
  premises_split,         ///< a linked reason became separate reasons
};

/// "claim-added", "text-changed"...
const char* name_of(change_kind k);

/// One change. Claims and inferences are indices into the two graphs, -1
/// where a side has none.
struct change {
  change_kind kind = change_kind::claim_added;
  std::int64_t before = -1;  ///< the claim (or section, for section changes) in the old version
  std::int64_t after = -1;   ///< the claim (or section) in the new version
  /// For relation changes: the inference in each version (-1: none; for a
  /// contradiction, its index among the contradictions, and contradiction true).
  std::int64_t before_inference = -1;
  std::int64_t after_inference = -1;
  bool contradiction = false;
  /// What changed, for a reader: "[-old-]{+new+}" word diffs, "support ->
  /// attack", "source: \"A\" -> \"B\"", "+#tag -#other", "old title -> new".
  std::string detail;
};

/// The result of compare().
struct comparison {
  std::vector<std::int64_t> after_of;   ///< per old claim: its new claim, -1 if removed
  std::vector<std::int64_t> before_of;  ///< per new claim: its old claim, -1 if added
  std::vector<bool> by_text;            ///< per new claim: matched by its text, not its id
  /// In this order: sections, then per new claim in reading order its
  /// changes (removed claims where they were), then relations.
  std::vector<change> changes;
  /// Whether the argument is the same.
  bool same() const { return changes.empty(); }
};

/// Compares `before` with `after`. Claims are matched, in turn:
/// 1. by id, when both versions give a claim the same author's id;
/// 2. by text, when the texts are equal word for word (case and spacing
///    aside) — one pair per equal text, in reading order;
/// 3. by similar text among neighbours: a claim under a matched claim with
///    the claims under its match, a top-level claim with the top-level claims
///    of the section of the same title; the pairs whose word sets have the
///    highest Dice coefficient, at least `threshold`, first. Repeated while
///    new matches make new neighbours.
/// Time is about linear in the claims (neighbourhoods are small); memory
/// linear.
comparison compare(const argument_graph& before, const argument_graph& after,
                   const compare_options& options = {});

/// What a drawing of a change shows of each claim and reason.
enum class presence : std::uint8_t {
  same,     ///< in both versions, unchanged
  added,    ///< only in the new version
  changed,  ///< in both, changed (text, id, place, attributes, tags; a reason's kind or premises)
  removed,  ///< only in the old version: drawn as a ghost
};

/// The new version with what the old one had and the new one lacks put back
/// as ghosts, for drawing a change (`argmap diff --render`).
struct overlay {
  /// The new version's claims, reasons, contradictions and sections, then the
  /// removed claims (under the match of the claim they were under, in the
  /// section of the same title) and the removed reasons between what is drawn.
  /// Views both versions' syntax trees: valid while both checked maps live.
  argument_graph graph;
  std::vector<presence> claims;      ///< per claim of `graph`
  std::vector<presence> inferences;  ///< per inference of `graph`
};

/// The overlay of `r`, the comparison of `before` with `after`.
overlay overlay_of(const argument_graph& before, const argument_graph& after, const comparison& r);

/// A word diff of two texts: words only in `before` as `[-words-]`, only in
/// `after` as `{+words+}`, common words as they are.
std::string word_diff(std::string_view before, std::string_view after);

}  // namespace argmap::engine
