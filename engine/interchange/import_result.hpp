#pragma once
/// \file
/// What every importer gives, and the last step they share.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "engine/interchange/map_builder.hpp"
#include "grammar/parse.hpp"

namespace argmap::engine {

/// A problem with an import's input that has no one place in it: code
/// "import", no file yet (place_in gives it one).
diagnostic import_problem(std::string message);

/// An import error at byte `offset` of the input `text`.
diagnostic error_at_offset(std::string_view text, std::size_t offset, std::string message);

/// The first thing in `text` that argmap text cannot hold (invalid UTF-8, a
/// NUL byte, a control character, a noncharacter), as an import error.
std::optional<diagnostic> unreadable_text(std::string_view text);

/// An import error on line `line` (from 1) of the input, column unknown
/// (`range.col` is 0 until place_in spans the whole line).
template <typename... T>
diagnostic at_line(std::size_t line, fmt::format_string<T...> format, T&&... args) {
  diagnostic d = import_problem(fmt::format(format, std::forward<T>(args)...));
  const auto l = static_cast<std::uint32_t>(line);
  d.range = {0, l, 0, l, 0};
  return d;
}

/// Registers an importer's error with its input: the file's name, and the
/// line it points at for the caret display; an error known only by its line
/// spans the whole line.
void place_in(diagnostic& d, const source_file& input);

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

/// The importers' last step: the map `built` printed as `argmap fmt` prints
/// it, then checked as `argmap check` would within `limits`, so that an
/// import never writes a map that does not check. If it has an error,
/// returns nothing with "the map this would write does not check: MESSAGE
/// (line L of that map)" in `error` (which has no place in the input); else
/// the map with `notes`, and a note counting its warnings if it has any.
std::optional<import_result> finish_import(const map_builder& built, std::vector<std::string> notes,
                                           diagnostic& error, const grammar::parse_options& limits);

}  // namespace argmap::engine
