#pragma once
/// \file
/// The text-level pieces of reading Argdown: trimming, escapes, YAML scalars
/// and flow pairs. Private to the Argdown importer.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace argmap::engine::argdown {

/// `s` without blanks at either end (and a carriage return at the end).
std::string trim(std::string_view s);

/// Argdown's backslash escapes resolved.
std::string unescape(const std::string& s);

/// A YAML scalar as Argdown front matter and data write it: double-quoted
/// (with backslash escapes), single-quoted ('' for a quote) or plain.
std::string yaml_scalar(std::string_view v);

/// `key: value, key: "a, b"` split into pairs, commas inside quotes kept.
std::vector<std::pair<std::string, std::string>> flow_pairs(std::string_view data);

}  // namespace argmap::engine::argdown
