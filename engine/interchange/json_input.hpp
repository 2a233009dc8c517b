#pragma once
/// \file
/// JSON as the importers read it: nesting bounded before parsing, and every
/// error located by line, column and JSON pointer.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/interchange/import_result.hpp"

namespace argmap::engine {

/// A parsed JSON document and the text it came from.
// The implicit destructor runs nlohmann::json's, which is noexcept but frees
// deep documents with a std::vector stack; only bad_alloc could escape it.
class json_input {  // NOLINT(bugprone-exception-escape)
 public:
  /// Parses `text`. Refuses invalid UTF-8, code points argmap text cannot
  /// hold (controls, noncharacters) outside strings' escapes, nesting deeper
  /// than `max_depth` (before parsing: nothing is allocated for it) and
  /// numbers too large for a double. On failure returns false with what and
  /// where in `error`.
  bool parse(const std::string& text, diagnostic& error, unsigned max_depth = 512);

  /// The document.
  const nlohmann::json& root() const { return root_; }

  /// "POINTER: what", placed where the value at `pointer` starts (no place
  /// if it is not found).
  diagnostic error_at(const std::string& pointer, const std::string& what) const;

  /// The string at `key` of object `parent` (at `pointer`). A missing key
  /// gives `fallback` when there is one, else an error. Not a string, or a
  /// string holding a control character other than tab and line ends or a
  /// noncharacter: an error. Line ends become spaces when `one_line`.
  std::optional<std::string> string_at(const nlohmann::json& parent, const std::string& pointer,
                                       const char* key, diagnostic& error,
                                       std::optional<std::string> fallback = std::nullopt,
                                       bool one_line = true) const;

  /// The integer at `key` of object `parent`, which must lie in [lo, hi]
  /// (a fraction, a string or anything out of range is an error).
  std::optional<long long> integer_at(const nlohmann::json& parent, const std::string& pointer,
                                      const char* key, long long lo, long long hi,
                                      diagnostic& error,
                                      std::optional<long long> fallback = std::nullopt) const;

  /// The boolean at `key` of object `parent`.
  std::optional<bool> boolean_at(const nlohmann::json& parent, const std::string& pointer,
                                 const char* key, diagnostic& error,
                                 std::optional<bool> fallback = std::nullopt) const;

  /// Checks a string value read some other way (`pointer` for the error).
  bool check_text(const std::string& value, const std::string& pointer, diagnostic& error) const;

 private:
  // The member `key` of `parent`, or nullptr when it is missing (then, unless
  // `optional`, `error` says that `what` was expected).
  const nlohmann::json* member(const nlohmann::json& parent, const std::string& pointer,
                               const char* key, const char* what, bool optional,
                               diagnostic& error) const;
  std::string text_;
  nlohmann::json root_;
};

/// "line L, column C" of byte `offset` of `text` (columns count code points).
std::string line_column(const std::string& text, std::size_t offset);

/// The byte offset where the value at JSON pointer `pointer` starts in the
/// valid JSON `text`, if there is one.
std::optional<std::size_t> locate_json_pointer(const std::string& text, const std::string& pointer);

}  // namespace argmap::engine
