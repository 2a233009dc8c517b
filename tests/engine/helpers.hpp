#pragma once
// Test helpers: check text held in memory and look at the results as strings.

#include <map>
#include <string>

#include "engine/check.hpp"

namespace argmap::test {

/// Checks `text` as file "m.arg" (with `others` as includable files).
inline engine::checked_map check(const std::string& text, const engine::check_options& options = {},
                                 const std::map<std::string, std::string>& others = {}) {
  grammar::memory_loader loader;
  loader.files = others;
  loader.files["m.arg"] = text;
  return engine::check_file("m.arg", loader, options);
}

/// The human-format diagnostics of checking `text`.
inline std::string diagnostics_of(const std::string& text,
                                  const engine::check_options& options = {}) {
  return format_human(check(text, options).diagnostics);
}

/// dump() of the graph of `text`.
inline std::string graph_of(const std::string& text) {
  return engine::dump(check(text).graph);
}

}  // namespace argmap::test
