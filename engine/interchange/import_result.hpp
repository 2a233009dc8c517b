#pragma once
/// \file
/// What every importer gives, and the last step they share.

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "grammar/parse.hpp"

namespace argmap {

/// The imported map, and notes about what was not kept.
struct import_result {
  std::string map;                 ///< a canonical argmap file
  std::vector<std::string> notes;  ///< e.g. "skipped 12 locution (L) nodes"
};

/// Makes the ids an importer writes: short enough for the parser, unique.
class id_maker {
 public:
  /// `id` (a valid id) cut to fit ast::max_id_length with room for a suffix,
  /// then made unique with `_2`, `_3`, ...; linear overall however many collide.
  std::string make(std::string id);

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, std::size_t> next_;  // base id -> next suffix to try
};

/// The importers' last step: `text` formatted as `argmap fmt` would, then
/// checked as `argmap check` would within `limits`, so that an import never
/// writes a map that does not check. If it has an error, returns nothing
/// with "the map this would write does not check: MESSAGE (line L of that
/// map)" in `error`; else the map with `notes`.
std::optional<import_result> finish_import(const std::string& text, std::vector<std::string> notes,
                                           std::string& error, const parse_options& limits);

}  // namespace argmap
