#pragma once
/// \file
/// Ids in a loaded map: which one is under the cursor, where it is defined
/// and where it is referenced (definition, references, highlights).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "grammar/load.hpp"

namespace argmap::lsp {

/// Where one id is written in a map: its `[id]` and its `@id`s, every file.
struct id_places {
  std::optional<source_range> definition;  ///< the `[id]`; none when no claim has the id
  std::vector<source_range> references;    ///< each `@id`, in reading order
};

/// The id whose `[id]` or `@id` covers line `line`, column `col` (1-based,
/// code points, the column just after it included) of the map's first file.
std::optional<std::string> id_at(const grammar::loaded_map& m, std::uint32_t line,
                                 std::uint32_t col);

/// Where `id` is defined and referenced in every file of `m`.
id_places places_of(const grammar::loaded_map& m, const std::string& id);

}  // namespace argmap::lsp
