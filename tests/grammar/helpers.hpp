#pragma once
// Test helpers: parse text held in memory and look at the result as strings.

#include <map>
#include <string>

#include "grammar/ast_printer.hpp"
#include "grammar/load.hpp"

namespace argmap::test {

/// The AST dump and the formatted diagnostics of one parse.
struct parsed {
  std::string ast;    ///< dump() of the map
  std::string diags;  ///< format_human() of every diagnostic
  grammar::loaded_map map;  ///< the map itself
};

/// Parses `text` as file "t.arg"; `others` are further files it may include.
inline parsed parse_text(const std::string& text,
                         const std::map<std::string, std::string>& others = {},
                         const grammar::parse_options& options = {}) {
  grammar::memory_loader loader;
  loader.files = others;
  loader.files["t.arg"] = text;
  parsed p;
  p.map = grammar::load_map("t.arg", loader, options);
  p.ast = grammar::dump(p.map);
  p.diags = format_human(p.map.diagnostics);
  return p;
}

/// Only the diagnostics of parsing `text`.
inline std::string diags_of(const std::string& text) { return parse_text(text).diags; }

}  // namespace argmap::test
