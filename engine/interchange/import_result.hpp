#pragma once
/// \file
/// What every importer gives, and the last step they share.

#include <string>
#include <vector>

namespace argmap {

/// The imported map, and notes about what was not kept.
struct import_result {
  std::string map;                 ///< a canonical argmap file
  std::vector<std::string> notes;  ///< e.g. "skipped 12 locution (L) nodes"
};

/// The importers' last step: `text` formatted as `argmap fmt` would (left as
/// it is if, against expectation, it does not parse), with `notes`.
import_result finish_import(const std::string& text, std::vector<std::string> notes = {});

}  // namespace argmap
