#pragma once
/// \file
/// The one JSON form of a diagnostic, for the code that builds larger JSON
/// documents around it (check's and build's reports, build's worker reports,
/// the language server). Private: the installed face is format_json in
/// engine/report.hpp.

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"

namespace argmap::engine {

/// `{"file","line","column","end_line","end_column","severity","code",
/// "message","source_line","notes":[...]}`; a note has the same fields but
/// "notes". A diagnostic with no place has line 0 and an empty source line.
nlohmann::ordered_json to_json(const diagnostic& d);

/// Reads back what to_json wrote (the file index is not kept: it is 0).
/// Throws nlohmann::json::exception when `j` does not have that shape.
diagnostic diagnostic_from_json(const nlohmann::json& j);

}  // namespace argmap::engine
