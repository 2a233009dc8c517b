#pragma once
/// \file
/// The canonical formatter (`argmap fmt`).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "grammar/ast.hpp"
#include "grammar/parse.hpp"

namespace argmap::engine {

/// Claim text escaped so that it parses back to itself on a claim line:
/// `{`, trailing `#words`, a leading `[` or `@` (and, for an unlabelled root,
/// a leading marker or `#`), and backslashes before escapable characters. An
/// unlabelled root reading `include "..."` is split after `include` onto a
/// continuation line, so that it does not become an include. Line breaks
/// (CR, LF) become spaces and blanks at either end go, as a claim line reads
/// them; blank text becomes "(no text)".
std::string escape_claim_text(const std::string& text, bool root);

/// What escape_claim_text(`text`, `root`) reads back as on a claim line: line
/// breaks as spaces, no blanks at either end, "(no text)" when blank, and an
/// unlabelled root's `include   "...` with one space after `include`.
std::string claim_text_as_read(std::string_view text, bool root);

/// `value` as a double-quoted attribute or front-matter value, with `"` and
/// `\` escaped: reads back as `value` whatever it holds.
std::string quote_value(std::string_view value);

/// `text` as a tag argmap can write: letters (of any script), digits, `-` and
/// `_` are kept, any other character becomes `-` (Argdown's `#(my tag)` ->
/// `my-tag`).
std::string tag_text(std::string_view text);

/// Formats one parsed file canonically: 2 spaces per level, one space after a
/// marker, `[id] text #tags {key: value, ...}` on one line (continuation lines
/// joined, text never re-wrapped), values quoted only when needed, front
/// matter keys in written order, a blank line before each heading and where
/// top-level entries were separated by blank lines. Comments, ids, tags,
/// attributes, escapes (re-derived: a character is escaped exactly where it
/// would otherwise be syntax) and includes are kept. Idempotent, and the
/// result parses to the same graph. `blank_before[n]`: source line n came
/// after a blank line (kept between top-level entries).
std::string format_document(const ast::document& doc, const std::vector<bool>& blank_before = {});

/// Formats `text` (a file called `name`; includes are not followed). Returns
/// nothing when the file has errors, which are then in `diagnostics`.
/// `options` are the parser's limits (`argmap fmt --max-nodes`, ...).
std::optional<std::string> format_text(const std::string& name, const std::string& text,
                                       std::vector<diagnostic>& diagnostics,
                                       const grammar::parse_options& options = {});

}  // namespace argmap::engine
