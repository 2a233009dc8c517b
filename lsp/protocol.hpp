#pragma once
/// \file
/// argmap's places, diagnostics and edits in the protocol's JSON: LSP
/// counts lines from 0 and columns in UTF-16 code units, argmap lines from 1
/// and columns in code points.

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/diagnostic.hpp"
#include "core/source.hpp"
#include "grammar/load.hpp"

namespace argmap::lsp {

using json = nlohmann::json;

/// A place in a document as argmap counts: 1-based line, 1-based code-point column.
struct cursor {
  std::uint32_t line = 1;  ///< 1-based
  std::uint32_t col = 1;   ///< 1-based, in code points
  std::size_t offset = 0;  ///< the byte offset in the text
};

/// The cursor at LSP position `position` (`{"line", "character"}`) of `text`.
cursor cursor_at(std::string_view text, const json& position);

/// The LSP range of `r` in `sources` (whose files hold the lines it spans).
json range_json(const source_set& sources, const source_range& r);

/// The URI of file `file` of map `m`: `uri` for file 0 (the document), else
/// the `file:` URI of its absolute path.
std::string uri_of_file(const grammar::loaded_map& m, std::uint32_t file, const std::string& uri);

/// `r` in `m` as an LSP Location.
json location_json(const grammar::loaded_map& m, const source_range& r, const std::string& uri);

/// `d` (about file 0 of `m`, the document `uri`) as an LSP Diagnostic, its
/// notes as related information.
json diagnostic_json(const grammar::loaded_map& m, const diagnostic& d, const std::string& uri);

/// True when `r` shares a line with LSP range `lsp_range` (`{"start","end"}`).
bool shares_a_line(const source_range& r, const json& lsp_range);

}  // namespace argmap::lsp
