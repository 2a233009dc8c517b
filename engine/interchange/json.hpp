#pragma once
/// \file
/// argmap's own JSON model of a map (`argmap export --to json`), described by
/// docs/argmap.schema.json.

#include <optional>
#include <string>

#include "engine/evaluate.hpp"
#include "engine/graph.hpp"
#include "engine/interchange/aif_import.hpp"
#include "grammar/load.hpp"

namespace argmap::engine {

/// `{"argmap_json":1,"metadata":{...},"sections":[...],"claims":[...],
/// "inferences":[...],"contradictions":[...],"outline":[...]}` and, with
/// `eval`, an "evaluation" member holding evaluation_json's content. One line.
/// "outline" lists the map's lines in reading order (includes spliced in):
/// `{"heading":T,"level":N}` or `{"depth":D,"relation":R,"claim":ID,"reference":B}`,
/// which is what makes `import --from json` lossless. `g` must be built from `map`.
std::string export_json(const argument_graph& g, const grammar::loaded_map& map,
                        const evaluation* eval = nullptr);

/// Rebuilds an argmap file from argmap JSON: the outline's lines in order,
/// with each claim's id, text, tags and attributes, and the metadata as front
/// matter; included files come out inlined. Exporting the result gives the
/// same claims (ids included), inferences, contradictions, sections and
/// metadata. On malformed input returns nothing with a JSON pointer in `error`.
/// `limits` bound the map it writes (depth, claims), as for `argmap check`.
std::optional<import_result> import_json(const std::string& text, diagnostic& error,
                                         const grammar::parse_options& limits = {});

}  // namespace argmap::engine
