#pragma once
/// \file
/// Rule-ID bases: one records expectation failures, one annotates byte offsets.
/// Included only by grammar `.cpp` and `_def.hpp` files.

#include "grammar/config.hpp"
#include "grammar/line_syntax.hpp"

namespace argmap::grammar {

/// Base for the ID class of a top rule: an expectation failure anywhere below it
/// is recorded in the parse_state (reported once, by the caller) and the parse fails.
struct report_failure {
  /// Called by X3 when an expectation point (`>`) fails below this rule.
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& x,
                                    Context const& context) {
    parse_state& state = x3::get<state_tag>(context);
    state.error_where = x.where();
    state.error_which = x.which();
    return x3::error_handler_result::fail;
  }
};

/// Base for the ID class of a rule whose attribute derives from syntax::offsets:
/// on success, stores where the match starts and ends in the line.
struct annotate_offsets {
  /// Called by X3 when the rule matched [first, last).
  template <typename T, typename Iterator, typename Context>
  void on_success(Iterator const& first, Iterator const& last, T& node, Context const& context) {
    if constexpr (std::is_base_of_v<syntax::offsets, T>) {
      const parse_state& state = x3::get<state_tag>(context);
      node.begin = static_cast<std::uint32_t>(first - state.line_begin);
      node.end = static_cast<std::uint32_t>(last - state.line_begin);
    }
  }
};

}  // namespace argmap::grammar

namespace argmap::grammar {

/// Runs `rule` over all of `line` with a fresh parse_state. On failure, `why`
/// says where and what was expected (the innermost failed expectation, or the
/// point where the rule stopped matching, with `fallback` as the expectation).
template <typename Rule, typename Attribute>
bool run_line_rule(Rule const& rule, std::string_view line, Attribute& out, syntax::failure& why,
                   const char* fallback) {
  parse_state state;
  state.line_begin = line.data();
  iterator_type first = line.data();
  iterator_type const last = line.data() + line.size();
  bool ok = x3::parse(first, last, x3::with<state_tag>(state)[rule], out);
  if (ok && first == last) return true;
  if (state.error_where) {
    why.offset = static_cast<std::uint32_t>(state.error_where - line.data());
    why.expected = state.error_which;
  } else {
    why.offset = static_cast<std::uint32_t>(first - line.data());
    why.expected = fallback;
  }
  return false;
}

}  // namespace argmap::grammar
