#pragma once
/// \file
/// Reading Kialo's plain-text discussion export (`argmap import --from kialo`).

#include <optional>
#include <string>

#include "engine/interchange/aif_import.hpp"

namespace argmap::engine {

/// Converts a Kialo export: `Discussion Title: T`, then lines `1. thesis`,
/// `1.1. Pro: text`, `1.1.2. Con: text`, and cross-links `1.2.1. -> See 1.1.`
/// (with or without Pro:/Con:), which become references. Lines without a
/// number continue the text above. Claim ids are `k` and the number with `_`
/// (`k1_1_2`). A numbered line whose parent is missing, or a link to a number
/// that does not exist, is an error "line N: ...".
/// `limits` bound the map it writes, as for `argmap check`.
std::optional<import_result> import_kialo(const std::string& text, diagnostic& error,
                                          const grammar::parse_options& limits = {});

}  // namespace argmap::engine
