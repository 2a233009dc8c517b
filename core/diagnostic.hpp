#pragma once
/// \file
/// Diagnostics shared by the parser and the engine, and their human-readable form.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"

namespace argmap {

/// How serious a diagnostic is.
enum class severity { error, warning, note };

/// Returns "error", "warning" or "note".
std::string_view to_string(severity s);

/// A suggested edit: write `text` in place of `range` (the machine-readable
/// form of a "did you mean ...?", which editors offer as a quick fix).
struct fix {
  source_range range;  ///< what to replace, in the diagnostic's file
  std::string text;    ///< what to write there
};

/// One message about one place in one file. Self-contained: it keeps a copy of
/// the source line it points at, so it can be printed after the sources are gone.
struct diagnostic {
  severity level = severity::error;  ///< error, warning or note
  std::string code;                  ///< stable name, e.g. "malformed-id"
  std::string message;               ///< one sentence in plain words
  /// Where: `range.file` indexes the source_set of the map (or the one input
  /// of an import); `range.line` is 0 when the message has no position.
  source_range range;
  std::string file;               ///< the name of that file as shown to the user; may be empty
  std::string line_text;          ///< the source line `range.line`, for the caret display
  std::vector<diagnostic> notes;  ///< follow-up notes (e.g. "first defined here")
  std::vector<fix> fixes;         ///< edits that would resolve it, best first; often none
};

/// A diagnostic with no position: about a whole file (`file` may be empty,
/// e.g. for an option error). Example: `unplaced(severity::error, "io", "x.arg",
/// "cannot read 'x.arg': No such file or directory")`.
diagnostic unplaced(severity level, std::string code, std::string file, std::string message);

/// Builds a diagnostic for `range` in `sources`, copying the source line.
/// Example: `make_diagnostic(set, r, severity::error, "duplicate-id", "duplicate id 'a'")`.
diagnostic make_diagnostic(const source_set& sources, const source_range& range, severity level,
                           std::string code, std::string message);

/// Formats one diagnostic (and its notes) as a compiler would:
/// `file:line:col: error: message`, then the source line with a line-number
/// gutter and a caret (`^~~~`) under the range. With `color`, ANSI colours are used.
std::string format_human(const diagnostic& d, bool color = false);

/// Formats every diagnostic in order with format_human.
std::string format_human(const std::vector<diagnostic>& ds, bool color = false);

/// Counts the diagnostics of a given severity (notes inside diagnostics are not counted).
std::size_t count(const std::vector<diagnostic>& ds, severity level);

}  // namespace argmap
