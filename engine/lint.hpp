#pragma once
/// \file
/// Warnings about maps that are valid but probably not what the author meant.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/source.hpp"
#include "engine/graph.hpp"

namespace argmap::engine {

/// The stable names of every warning, in the order documented in docs/checks.md:
/// circular-support, orphan, unsupported-thesis, empty-section,
/// unknown-attribute, duplicate-text, long-text.
const std::vector<std::string_view>& warning_names();

/// Longest claim text, in characters, before `long-text` warns.
inline constexpr std::size_t long_text_limit = 300;

/// Rules: circular-support (a cycle of supports), orphan (a claim in no
/// relation, in a map that has relations), unsupported-thesis (a top-level
/// claim that is no premise and that nothing supports), empty-section,
/// duplicate-text (same text ignoring case and blanks), long-text.
/// Runs every lint rule over `graph` and returns the warnings in reading order.
/// (unknown-attribute is reported by the parser, since only it sees the line.)
std::vector<diagnostic> lint(const argument_graph& graph, const source_set& sources);

/// Names switched off by a front-matter `lint:` value such as
/// "no-orphan, no-long-text". Unknown names are returned in `unknown`.
std::set<std::string> disabled_by_front_matter(std::string_view value,
                                               std::vector<std::string>& unknown);

}  // namespace argmap::engine
