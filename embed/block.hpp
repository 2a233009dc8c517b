#pragma once
/// \file
/// One `argmap` block of a document: its options read into drawing options,
/// the map it holds (or names with `file=`) checked, with its diagnostics
/// placed in the document. Internal to embed/ (document.cpp uses it).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embed/document.hpp"
#include "embed/fences.hpp"
#include "engine/evaluate.hpp"

namespace argmap::embed {

/// What a block's options say.
struct block_settings {
  render::options drawing;                ///< the document's defaults, overridden
  std::string file;                       ///< `file=`: the map is that file
  std::size_t file_column = 0;            ///< where `file=` is written
  std::string alt;                        ///< `alt=`: the image's text
  bool details = false;                   ///< `details`
  std::optional<engine::semantics> eval;  ///< `eval=`
  std::string key;                        ///< the options as they bear on the drawing
};

/// A diagnostic at column `column` of `f`'s fence line (`line`), in the
/// document `name`.
diagnostic on_fence(const fence& f, std::string_view line, std::size_t column, severity level,
                    std::string code, std::string message, const std::string& name);

/// Reads `f`'s options over `options`' defaults; an unknown option or a bad
/// value is an error on the fence line, added to `out`.
block_settings read_settings(const fence& f, std::string_view fence_line,
                             const document_options& options, std::vector<diagnostic>& out);

/// Checks the map of block `f` (its text, placed at its lines in the
/// document, or the file `settings.file`); the diagnostics of the block's
/// own text are moved to the document's lines and columns.
engine::checked_map check_block(const fence& f, const block_settings& settings,
                                const std::vector<std::string_view>& lines,
                                const document_options& options);

}  // namespace argmap::embed
