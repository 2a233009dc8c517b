#include "grammar/front_matter_def.hpp"

namespace argmap::grammar {

namespace parser {
BOOST_SPIRIT_INSTANTIATE(front_matter_line_type, iterator_type, context_type)
}  // namespace parser

bool syntax::parse_front_matter_line(std::string_view line, pair& out, failure& why) {
  return run_line_rule(parser::front_matter_line, line, out, why, expect::fm_key);
}

}  // namespace argmap::grammar
