#pragma once
/// \file
/// The attribute keys argmap knows, and the values each accepts.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace argmap::grammar {

/// True for the keys argmap gives a meaning to: weight, status, basis, source,
/// url, quote, note, color, scheme.
bool is_known_attribute(std::string_view key);

/// Those keys, in the order the docs list them.
std::span<const std::string_view> known_attributes();

/// The values `status` accepts: accepted, rejected, assumed.
std::span<const std::string_view> status_values();

/// The values `basis` accepts: assertion, expert, quote, statistic, ...
std::span<const std::string_view> basis_values();

/// Checks the value of a known key. Returns a message saying what is wrong
/// (e.g. "weight must be a number from 0 to 1, not '1.5'"), or nothing when the
/// value is valid or the key is unknown.
std::optional<std::string> check_attribute_value(std::string_view key, std::string_view value);

/// True for a link argmap writes as a live link in its outputs: http, https
/// or mailto, with no blank, control character, quote or angle bracket.
/// Anything else (javascript:, data:, file:, relative paths) is shown as text only.
bool is_safe_url(std::string_view url);

}  // namespace argmap::grammar
