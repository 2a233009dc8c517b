#pragma once
/// \file
/// "Did you mean ...?" for misspelt ids.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace argmap::grammar {

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
/// giving up early once it exceeds `limit` (returns limit + 1 then).
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The candidate closest to `word`, if one is close enough to be a likely typo:
/// at most a third of the word's length in edits (and at least one). Ties go
/// to the earliest candidate.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace argmap::grammar
