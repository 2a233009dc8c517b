#include "grammar/include_line_def.hpp"

namespace argmap::grammar {

namespace parser {
BOOST_SPIRIT_INSTANTIATE(include_line_type, iterator_type, context_type)
}  // namespace parser

bool syntax::parse_include_line(std::string_view line, pair& out, failure& why) {
  out.key = "include";
  return run_line_rule(parser::include_line, line, out.val, why, expect::include_path);
}

}  // namespace argmap::grammar
