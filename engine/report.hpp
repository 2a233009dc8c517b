#pragma once
/// \file
/// Diagnostics for machines: JSON and GitHub Actions workflow commands.
/// (The human form is format_human in core/diagnostic.hpp.)

#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace argmap::engine {

/// `{"diagnostics":[{"file","line","column","end_line","end_column","severity",
/// "code","message","source_line","notes":[...]}]}` on one line, then a
/// newline: the one JSON form of a diagnostic (docs/cli.md). Notes have the
/// same fields except "notes". Invalid UTF-8 becomes U+FFFD.
std::string format_json(const std::vector<diagnostic>& ds);

/// One GitHub Actions workflow command per diagnostic, e.g.
/// `::error file=map.arg,line=3,col=5,endLine=3,endColumn=9,title=argmap(malformed-id)::message`.
/// Notes become `::notice` commands. Special characters are escaped as GitHub requires.
std::string format_github(const std::vector<diagnostic>& ds);

}  // namespace argmap::engine
