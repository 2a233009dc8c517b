#pragma once
/// \file
/// Reading AIF JSON and xAIF (`argmap import --from aif`).

#include <optional>
#include <string>
#include <vector>

#include "engine/interchange/import_result.hpp"

namespace argmap::engine {

/// Converts AIF JSON (`{"nodes":[...],"edges":[...]}`) or xAIF
/// (`{"AIF":{...}}`) to an argmap file: I-nodes become claims (ids kept
/// when they are valid ids, else `n<id>`), an RA-node a support inference
/// (several premises: co-premises), a CA-node an attack (a CA pointing at an
/// RA or CA node: an undercut), an MA-node a `rephrases` note on the
/// rephrasing claim; RA/CA scheme names are kept as a `scheme` attribute on
/// the first premise. L, YA, TA and other dialogue nodes are skipped, with a
/// note. Every claim is written at the top level and relations by reference,
/// so cycles and disconnected parts import without loss. On malformed input
/// returns nothing, with "line L, column C: ..." or a JSON pointer in `error`.
/// `limits` bound the map it writes; a chain of undercuts deeper than
/// `limits.max_depth` cannot be written and fails the import.
std::optional<import_result> import_aif(const std::string& text, diagnostic& error,
                                        const grammar::parse_options& limits = {});

}  // namespace argmap::engine
