#pragma once
/// \file
/// argmap's own JSON model of a map (`argmap export --to json`), described by docs/argmap.schema.json.

#include <string>

#include "engine/evaluate.hpp"
#include "engine/graph.hpp"

namespace argmap {

/// `{"argmap_json":1,"metadata":{...},"sections":[...],"claims":[...],
/// "inferences":[...],"contradictions":[...]}` and, with `eval`, an
/// "evaluation" member holding evaluation_json's content. One line.
std::string export_json(const argument_graph& g, const std::vector<source_file>& files,
                        const evaluation* eval = nullptr);

}  // namespace argmap
