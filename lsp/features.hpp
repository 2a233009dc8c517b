#pragma once
/// \file
/// The server's requests, each from its params to its result (LSP 3.17).
/// A request that cannot be answered throws request_error.

#include <stdexcept>
#include <string>

#include "lsp/protocol.hpp"
#include "lsp/workspace.hpp"

namespace argmap::lsp {

/// A request refused with an LSP error code and a message for the author.
struct request_error : std::runtime_error {
  request_error(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;  ///< e.g. -32803 RequestFailed
};

/// LSP's RequestFailed: valid params, but the answer cannot be given.
inline constexpr int request_failed = -32803;
/// JSON-RPC's InvalidParams.
inline constexpr int invalid_params = -32602;

/// textDocument/definition: an `[id]`'s or `@id`'s claim; an include's file.
json definition(workspace& w, const json& params);
/// textDocument/references: every `@id` of the id under the cursor, in this
/// document, its includes and the open documents that include it.
json references(workspace& w, const json& params);
/// textDocument/documentHighlight: the id's places in this document.
json highlights(workspace& w, const json& params);
/// textDocument/prepareRename: the id under the cursor, or an error saying
/// what can be renamed.
json prepare_rename(workspace& w, const json& params);
/// textDocument/rename: a WorkspaceEdit renaming the id everywhere it is
/// written; refuses an invalid or taken id.
json rename(workspace& w, const json& params);

/// textDocument/hover: a claim's text, attributes and place; its grounded
/// label and DF-QuAD strength, and why.
json hover(workspace& w, const json& params);

/// textDocument/completion: ids after `@`, attribute keys in `{...}`,
/// values of `status` and `basis`, map files in `include "`.
json completion(workspace& w, const json& params);

/// textDocument/documentSymbol: sections holding their claims, claims their reasons.
json document_symbols(workspace& w, const json& params);
/// textDocument/foldingRange: front matter, sections, claims with lines
/// under them, block comments.
json folding_ranges(workspace& w, const json& params);

/// textDocument/formatting: `argmap fmt`'s form of the document as one edit
/// (none when it is already canonical).
json formatting(workspace& w, const json& params);
/// textDocument/codeAction: the quick fixes the diagnostics carry ("did you
/// mean"), and an id for a claim that has none.
json code_actions(workspace& w, const json& params);

}  // namespace argmap::lsp
