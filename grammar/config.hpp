#pragma once
/// \file
/// The one iterator type and the one context type every X3 grammar is
/// instantiated with. Included only by grammar `.cpp` and `_def.hpp` files.

#include <boost/spirit/home/x3.hpp>

namespace argmap::grammar {

namespace x3 = boost::spirit::x3;

/// Every grammar parses one line held in memory.
using iterator_type = const char*;

/// Per-parse state reachable from every rule through the context.
struct parse_state {
  const char* line_begin = nullptr;  ///< start of the parsed text, for offsets
  const char* error_where = nullptr;  ///< where an expectation failed
  std::string error_which;            ///< what was expected there
};

/// Tag under which parse_state is stored in the context.
struct state_tag;

/// The context of every rule: `x3::with<state_tag>(state)[rule]` with no skipper.
using context_type = x3::context<state_tag, parse_state, x3::unused_type>;

}  // namespace argmap::grammar
