#pragma once
/// \file
/// A stable text dump of ASTs, for golden tests and `argmap parse --dump`.

#include <string>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/load.hpp"

namespace argmap::grammar {

/// Serialises a loaded map: each file's front matter, headings, includes and
/// claim tree, one line per node, indented two spaces per level. Example line:
/// `support 1.2 [blinked] 9:3-9:30 "Beijing blinked first." #china {weight: 0.7}`.
/// Claim numbers are ast::auto_id paths counted over the whole map.
std::string dump(const loaded_map& map);

/// Quotes `s` for the dump: double quotes, with `"`, `\` and control characters escaped.
std::string quote(std::string_view s);

}  // namespace argmap::grammar
